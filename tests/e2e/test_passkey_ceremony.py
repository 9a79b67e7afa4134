"""The passkey ceremonies in a real browser: Debian's Chromium through
Playwright with a CDP virtual authenticator, against the whole local stack.

The page is tiny and served by the test at the app's own origin (Playwright
answers that one URL; every /auth call goes through Caddy to authsvc), so
the browser's origin, RP ID, `__Host-` cookies and Origin headers are the
real ones. It uses exactly what the SPA uses: the options JSON fed to
`PublicKeyCredential.parse*OptionsFromJSON`, and `credential.toJSON()`
posted back.
"""

from __future__ import annotations

import uuid

import pytest
from playwright.async_api import Browser as Chromium
from playwright.async_api import BrowserContext, Page, Route

from devstack.oidc import register_user
from devstack.stack import LocalStack
from tests.e2e.browser import (
    VirtualAuthenticator,
    add_virtual_authenticator,
    authorize_at_stand_in,
    new_context,
)

PAGE_PATH = "/__passkey_ceremony_test"
PAGE = """<!doctype html><meta charset="utf-8"><title>passkey ceremony</title>
<script>
async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: {"Content-Type": "application/json"},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {status: response.status, body: await response.json()};
}
async function registerPasskey(name) {
  const options = await post("/auth/passkey/register/options");
  if (options.status !== 200) return options;
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options.body);
  const credential = await navigator.credentials.create({publicKey});
  return post("/auth/passkey/register/verify", {credential: credential.toJSON(), name});
}
async function signInWithPasskey() {
  const options = await post("/auth/passkey/login/options");
  if (options.status !== 200) return options;
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options.body);
  const credential = await navigator.credentials.get({publicKey});
  return post("/auth/passkey/login/verify", {credential: credential.toJSON()});
}
</script>"""


async def open_page(
    context: BrowserContext, stack: LocalStack
) -> tuple[Page, VirtualAuthenticator]:
    """A page with a virtual platform authenticator; the test page at the
    app's origin is answered by the test."""

    async def serve(route: Route) -> None:
        await route.fulfill(status=200, content_type="text/html", body=PAGE)

    await context.route(f"{stack.origin}{PAGE_PATH}", serve)
    page = await context.new_page()
    return page, await add_virtual_authenticator(context, page)


def new_person(stack: LocalStack) -> tuple[str, str]:
    """A person of the test's own, known to the OIDC stand-in: (sub, email)."""
    assert stack.sign_in is not None
    sub = f"e2e-{uuid.uuid4().hex[:10]}"
    email = f"{sub}@example.com"
    register_user(
        stack.sign_in.oidc.url,
        sub,
        {
            "tid": stack.sign_in.oidc.people[0].tenant_id,
            "oid": str(uuid.uuid4()),
            "name": "Passkey ceremony",
            "email": email,
        },
    )
    return sub, email


async def sign_in_with_azure(page: Page, stack: LocalStack, sub: str) -> None:
    """The Azure sign-in in the browser: the stand-in's form on 127.0.0.1
    (another site), back to the callback, then to the test page."""
    await page.goto(f"{stack.origin}/auth/login/azure?next={PAGE_PATH}")
    await authorize_at_stand_in(page, stack, sub)
    await page.wait_for_url(f"{stack.origin}{PAGE_PATH}")
    # Playwright does not answer a redirect's target: load the page itself.
    await page.goto(f"{stack.origin}{PAGE_PATH}")


@pytest.mark.slow
async def test_add_a_passkey_then_sign_in_with_it(stack: LocalStack, chromium: Chromium) -> None:
    context = await new_context(chromium)
    try:
        sub, email = new_person(stack)
        page, authenticator = await open_page(context, stack)
        await sign_in_with_azure(page, stack, sub)

        added = await page.evaluate("registerPasskey('Virtual authenticator')")
        assert added["status"] == 201, added
        assert added["body"]["name"] == "Virtual authenticator"
        stored = await authenticator.credentials()
        assert len(stored) == 1
        assert stored[0]["isResidentCredential"] is True

        # Signed out: no session cookies, the same device, no username typed.
        await context.clear_cookies()
        signed_in = await page.evaluate("signInWithPasskey()")
        assert signed_in["status"] == 200, signed_in
        assert signed_in["body"]["method"] == "passkey"
        assert signed_in["body"]["person"]["email"] == email
        me = await page.evaluate("fetch('/rest/me').then(r => r.json())")
        assert me[0]["email"] == email

        # Remove it through the API (as the SPA's settings page does).
        removed = await page.evaluate(
            """fetch('/rest/my_passkeys?name=eq.Virtual%20authenticator',
                     {method: 'DELETE'}).then(r => r.status)"""
        )
        assert removed == 204
        await context.clear_cookies()
        refused = await page.evaluate("signInWithPasskey()")
        assert refused["status"] == 400
        assert refused["body"]["error"] == "passkey_unknown"
    finally:
        await context.close()
