"""Debian's Chromium through Playwright, as the end-to-end tests use it.

One browser context per person (passkey autofill under a virtual
authenticator signs in by itself, so two people never share one), every
wait bounded, and nothing fetched from outside the machine: the OIDC
stand-in's page links a stylesheet on a CDN, which is refused at once
instead of waiting for a network that is not there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from playwright.async_api import (
    Browser,
    BrowserContext,
    CDPSession,
    Page,
    Playwright,
    Route,
    ViewportSize,
    WebError,
    expect,
)

from devstack.stack import LocalStack

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every wait is bounded: without an authenticator `navigator.credentials.create()`
# never settles, and a missing element must fail the test, not hang it.
TIMEOUT_MS = 15_000
NAVIGATION_TIMEOUT_MS = 20_000

DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}


async def launch_chromium(playwright: Playwright) -> Browser:
    return await playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS, timeout=NAVIGATION_TIMEOUT_MS
    )


async def _refuse(route: Route) -> None:
    await route.abort("blockedbyclient")


# Uncaught exceptions in any page of any context this module opened, as
# "origin-of-page: message"; tests assert that the SPA threw none.
UNCAUGHT: list[str] = []


def _remember_uncaught(error: WebError) -> None:
    page = error.page
    UNCAUGHT.append(f"{page.url if page else '?'}: {error.error}")


async def new_context(browser: Browser, **options: Any) -> BrowserContext:
    """A fresh context (one person) with bounded waits and no outside traffic."""
    context = await browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    context.on("weberror", _remember_uncaught)
    await context.route("https://**", _refuse)
    return context


def uncaught_since(mark: int) -> list[str]:
    """The pages' uncaught exceptions recorded after `len(UNCAUGHT)` was `mark`."""
    return UNCAUGHT[mark:]


@dataclass(frozen=True)
class VirtualAuthenticator:
    """A CDP virtual platform authenticator attached to one page."""

    cdp: CDPSession
    authenticator_id: str

    async def credentials(self) -> list[dict[str, Any]]:
        stored = await self.cdp.send(
            "WebAuthn.getCredentials", {"authenticatorId": self.authenticator_id}
        )
        return list(stored["credentials"])

    async def simulate_presence(self, enabled: bool) -> None:
        """With presence off, a pending WebAuthn request waits (the person has
        not touched anything); with it on, requests are answered at once."""
        await self.cdp.send(
            "WebAuthn.setAutomaticPresenceSimulation",
            {"authenticatorId": self.authenticator_id, "enabled": enabled},
        )


async def add_virtual_authenticator(context: BrowserContext, page: Page) -> VirtualAuthenticator:
    """A resident-key, user-verifying platform authenticator (a laptop's
    fingerprint reader) that answers every request by itself."""
    cdp = await context.new_cdp_session(page)
    await cdp.send("WebAuthn.enable", {"enableUI": False})
    added = await cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return VirtualAuthenticator(cdp, str(added["authenticatorId"]))


async def authorize_at_stand_in(page: Page, stack: LocalStack, sign_in_name: str) -> None:
    """On the OIDC stand-in's page (another site, 127.0.0.1): type the sign-in
    name and authorize, as a person does in the local demo."""
    assert stack.sign_in is not None
    await page.wait_for_url(f"{stack.sign_in.oidc.url}/**")
    # The stand-in's only text box has a placeholder and no label (not our page).
    await page.get_by_role("textbox").fill(sign_in_name)
    await page.get_by_role("button", name="Authorize").click()


async def sign_in_with_microsoft(page: Page, stack: LocalStack, sign_in_name: str) -> None:
    """From the SPA's sign-in screen through the Azure stand-in and back,
    signed in (the top bar's navigation is there)."""
    await page.get_by_role("button", name="Sign in with Microsoft").click()
    await authorize_at_stand_in(page, stack, sign_in_name)
    await page.wait_for_url(f"{stack.origin}/**")
    await expect(page.get_by_role("navigation", name="Main")).to_be_visible()


async def open_signed_in(
    browser: Browser, stack: LocalStack, sign_in_name: str, path: str = "/", **options: Any
) -> tuple[BrowserContext, Page]:
    """A new context for one person, signed in through the stand-in, at `path`."""
    context = await new_context(browser, **options)
    page = await context.new_page()
    await page.goto(f"{stack.origin}{path}")
    await sign_in_with_microsoft(page, stack, sign_in_name)
    return context, page


async def api_status(page: Page, path: str) -> int:
    """The HTTP status of a GET from inside the page (its cookies, its origin)."""
    return int(await page.evaluate("path => fetch(path).then(r => r.status)", path))


async def rest(page: Page, method: str, path: str, body: object | None = None) -> Any:
    """A call to /rest from inside the page, with the person's cookies; one
    row comes back as an object."""
    answer: dict[str, Any] = await page.evaluate(
        """async ([method, path, body]) => {
               const response = await fetch('/rest' + path, {
                   method,
                   headers: {'Content-Type': 'application/json', Prefer: 'return=representation',
                             Accept: 'application/vnd.pgrst.object+json'},
                   body: body === null ? undefined : JSON.stringify(body),
               });
               return {status: response.status, body: await response.text()};
           }""",
        [method, path, body],
    )
    assert answer["status"] < 300, answer
    return json.loads(answer["body"]) if answer["body"] else None
