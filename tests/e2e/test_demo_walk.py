"""The demo a new user walks, in the real SPA served by Caddy, one browser
context per person (the README's demo people, docs/ARCHITECTURE.md "The web app").

Alice signs in through the Azure stand-in, adds a passkey, signs out and
signs back in with the passkey alone, and files an IT request. Ivan (IT)
takes it from his queue, starts it, writes an internal note and a public
reply, and resolves it (the database wants a resolution). Alice sees the
outcome and the reply, never the note, and a verified history. Hana (HR)
cannot open it by its address. Alice ends her session on another device,
which is refused on its next call. Last, signed out with the authenticator
answering by itself, passkey autofill signs her straight back in.

Locators are roles and accessible names, as a person with a screen reader
finds things (web/README.md lists them).
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from dataclasses import dataclass

import pytest
from playwright.async_api import Browser, BrowserContext, Locator, Page, expect

from devstack.stack import LocalStack
from tests.e2e.browser import (
    PHONE,
    TIMEOUT_MS,
    UNCAUGHT,
    VirtualAuthenticator,
    add_virtual_authenticator,
    api_status,
    new_context,
    open_signed_in,
    sign_in_with_microsoft,
    uncaught_since,
)

ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Mobile Safari/537.36"
)


@dataclass(frozen=True)
class Filed:
    key: str
    title: str


def main_nav(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Main")


def status_message(page: Page, text: str | re.Pattern[str]) -> Locator:
    return page.get_by_role("status").filter(has_text=text)


async def alice_adds_a_passkey(page: Page, authenticator: VirtualAuthenticator) -> None:
    await main_nav(page).get_by_role("link", name="Settings").click()
    await expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    await page.get_by_label("Name for the new passkey").fill("Alice's laptop")
    await page.get_by_role("button", name="Add a passkey").click()
    await expect(status_message(page, "Passkey “Alice's laptop” added")).to_be_visible()
    await expect(page.get_by_role("list", name="Your passkeys")).to_contain_text("Alice's laptop")
    stored = await authenticator.credentials()
    assert len(stored) == 1 and stored[0]["isResidentCredential"] is True


async def alice_signs_out_then_in_with_the_passkey(
    page: Page, authenticator: VirtualAuthenticator
) -> None:
    # The sign-in screen offers passkeys in autofill at once, and a virtual
    # authenticator that simulates a touch would sign her straight back in.
    # Hold the touch until she chooses the passkey herself.
    await authenticator.simulate_presence(False)
    await page.get_by_role("button", name="Sign out", exact=True).click()
    await expect(page.get_by_role("heading", name="Sign in to Reqstly")).to_be_visible()
    await expect(status_message(page, "You have signed out.")).to_be_visible()
    assert await api_status(page, "/auth/session") == 401

    await authenticator.simulate_presence(True)
    # No username typed: a discoverable credential says who she is.
    await expect(page.get_by_role("textbox", name="Username")).to_have_value("")
    await page.get_by_role("button", name="Sign in with a passkey").click()
    await expect(main_nav(page)).to_be_visible()
    # Back where she was (Settings), and this session is a passkey one.
    await expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    session = await page.evaluate("fetch('/auth/session').then(r => r.json())")
    assert session["method"] == "passkey", session
    assert session["person"]["email"] == "alice@example.com", session
    # Other suites may have left sessions of hers open; this device's is the passkey one.
    sessions = page.get_by_role("list", name="Your sessions").get_by_role("listitem")
    current = sessions.filter(has_text="This device")
    await expect(current).to_have_count(1)
    await expect(current).to_contain_text("Signed in with a passkey")


async def alice_files_an_it_request(page: Page) -> Filed:
    title = f"Docking station flickers {uuid.uuid4().hex[:6]}"
    await main_nav(page).get_by_role("link", name="New request").click()
    form = page.get_by_role("form", name="New request")
    await form.get_by_label("Category").select_option(label="IT")
    await form.get_by_label("Priority").select_option(label="High")
    await form.get_by_label("Title").fill(title)
    await form.get_by_label("Description").fill(
        "Both screens on the docking station go black every few minutes."
    )
    await form.get_by_role("button", name="Send request").click()
    sent = status_message(page, re.compile(r"Request IT-\d+ was sent"))
    await expect(sent).to_be_visible()
    match = re.search(r"IT-\d+", await sent.inner_text())
    assert match is not None
    await expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    return Filed(key=match.group(0), title=title)


async def ivan_works_the_request(page: Page, filed: Filed) -> tuple[str, str, str]:
    """Take, start, note, reply, resolve. Returns (note, reply, resolution)."""
    # His home is his queue; he looks for the new request among the unassigned.
    await expect(page.get_by_role("heading", name="Queue", level=1)).to_be_visible()
    views = page.get_by_role("navigation", name="Views")
    await views.get_by_role("link", name=re.compile(r"^Unassigned in my categories")).click()
    await page.get_by_role("searchbox", name="Search").fill(filed.key)
    await page.get_by_role("button", name="Search", exact=True).click()
    unassigned = page.get_by_role("list", name="Unassigned in my categories")
    await expect(unassigned.get_by_role("link", name=f"{filed.key} {filed.title}")).to_be_visible()
    await unassigned.get_by_role("button", name=f"Take ({filed.key})").click()
    await expect(status_message(page, f"{filed.key} is now assigned to you.")).to_be_visible()
    # The button left with the request; focus is on the outcome, not lost to the page.
    assert await page.evaluate("document.activeElement !== document.body")

    await views.get_by_role("link", name=re.compile(r"^Assigned to me")).click()
    assigned = page.get_by_role("list", name="Assigned to me")
    await assigned.get_by_role("link", name=f"{filed.key} {filed.title}").click()
    await expect(page.get_by_role("heading", name=filed.title, level=1)).to_be_visible()
    details = page.get_by_role("complementary", name="Details")
    await expect(details).to_contain_text("Ivan (IT)")

    moves = page.get_by_role("region", name="Status")
    await moves.get_by_role("button", name="Start work").click()
    await expect(status_message(page, "Status changed to In progress.")).to_be_visible()
    # The button went away with the move; focus stays in the Status panel.
    assert (
        await page.evaluate(
            "document.activeElement.closest('section')?.getAttribute('aria-labelledby')"
        )
        == "moves-heading"
    )

    comments = page.get_by_role("list", name="Comments")
    # An internal note is its own mode, with its own label and button.
    note = "Internal: the dock's firmware is 2 versions behind; flashing it."
    await page.get_by_role("radio", name="Internal note").check()
    await page.get_by_role("textbox", name="Internal note (agents and admins only)").fill(note)
    await expect(page.get_by_role("button", name="Send reply")).to_have_count(0)
    post_note = page.get_by_role("button", name="Add internal note")
    await post_note.click()
    internal = comments.get_by_role("listitem").filter(has_text=note)
    await expect(internal).to_contain_text("Internal note · agents only")
    await expect(post_note).to_be_focused()

    # Back to a reply; Markdown in it is rendered, links clickable, raw HTML shown as text.
    reply = "I have updated the docking station's **firmware**. Does it still flicker?"
    await page.get_by_role("radio", name="Reply").check()
    reply_box = page.get_by_role("textbox", name="Reply to the requester")
    await reply_box.fill(f"{reply}\nNotes: https://example.com/dock-firmware <b>not bold</b>")
    await reply_box.press("Control+Enter")
    public = comments.get_by_role("listitem").filter(has_text="Does it still flicker?")
    await expect(public).to_be_visible()
    await expect(public).not_to_contain_text("Internal note")
    await expect(public.locator(".markdown strong")).to_have_text("firmware")
    link = public.get_by_role("link", name="https://example.com/dock-firmware")
    await expect(link).to_have_attribute("rel", "noopener noreferrer nofollow")
    await expect(public).to_contain_text("<b>not bold</b>")
    await expect(public.locator(".markdown b")).to_have_count(0)
    await expect(reply_box).to_be_focused()
    await expect(reply_box).to_have_value("")
    reply = "Does it still flicker?"

    # Esc closes the resolve form and gives focus back to its button.
    await moves.get_by_role("button", name="Resolve").click()
    await page.get_by_role("textbox", name="Resolution").press("Escape")
    await expect(page.get_by_role("form", name="Resolve")).to_have_count(0)
    await expect(moves.get_by_role("button", name="Resolve")).to_be_focused()

    # Resolving needs a resolution: the database says so, next to the field.
    await moves.get_by_role("button", name="Resolve").click()
    resolve = page.get_by_role("form", name="Resolve")
    resolution_box = resolve.get_by_role("textbox", name="Resolution")
    await resolve.get_by_role("button", name="Resolve").click()
    await expect(resolution_box).to_have_attribute("aria-invalid", "true")
    await expect(resolution_box).to_have_accessible_description(re.compile(r"\w"))
    resolution = "Firmware updated to 1.4.2; the flicker is gone."
    await resolution_box.fill(resolution)
    await resolve.get_by_role("button", name="Resolve").click()
    await expect(status_message(page, "Status changed to Resolved.")).to_be_visible()
    await expect(details.get_by_role("definition").first).to_have_text("Resolved")
    return note, reply, resolution


async def alice_sees_the_outcome(
    page: Page, stack: LocalStack, filed: Filed, note: str, reply: str, resolution: str
) -> None:
    await page.goto(f"{stack.origin}/")
    mine = page.get_by_role("list", name="Requests")
    item = mine.get_by_role("listitem").filter(has_text=filed.key)
    await expect(item).to_contain_text("Resolved")
    await item.get_by_role("link", name=f"{filed.key} {filed.title}").click()

    await expect(page.get_by_role("heading", name=filed.title, level=1)).to_be_visible()
    details = page.get_by_role("complementary", name="Details")
    await expect(details.get_by_role("definition").first).to_have_text("Resolved")
    comments = page.get_by_role("list", name="Comments")
    await expect(comments).to_contain_text(reply)
    await expect(comments).to_contain_text(resolution)
    await expect(page.get_by_role("list", name="History entries")).to_be_visible()
    await expect(page.get_by_role("main")).not_to_contain_text(note)
    await expect(page.get_by_text("Internal note · agents only")).to_have_count(0)
    # A requester resolves nothing and writes no internal notes.
    await expect(page.get_by_role("radio", name="Internal note")).to_have_count(0)
    await expect(page.get_by_role("textbox", name="Add a comment")).to_be_visible()
    await expect(page.get_by_role("region", name="Status")).to_contain_text("Reopen")
    await expect(page.get_by_test_id("audit-mark")).to_contain_text("History verified")


async def hana_cannot_open_it(page: Page, filed: Filed) -> None:
    await expect(page.get_by_role("heading", name=filed.key, level=1)).to_be_visible()
    await expect(
        page.get_by_text(f"There is no request {filed.key}, or you may not see it.")
    ).to_be_visible()
    await expect(page.get_by_role("main")).not_to_contain_text(filed.title)
    await expect(page.get_by_role("list", name="Comments")).to_have_count(0)


async def alice_ends_her_other_sessions(page: Page, stack: LocalStack, phone: Page) -> None:
    await page.goto(f"{stack.origin}/settings")
    sessions = page.get_by_role("list", name="Your sessions")
    # At least this laptop and the phone (other suites may have left more of hers).
    await expect(
        sessions.get_by_role("listitem").filter(has_text="Chrome on Android")
    ).not_to_have_count(0)
    assert await sessions.get_by_role("listitem").count() >= 2
    await page.get_by_role("button", name="End all other sessions").click()
    await expect(status_message(page, "All your other sessions have ended.")).to_be_visible()
    await expect(sessions.get_by_role("listitem")).to_have_count(1)
    await expect(sessions.get_by_role("listitem")).to_contain_text("This device")

    # The phone's next API call is refused, and the SPA there says so.
    assert await api_status(phone, "/rest/me") == 401
    await main_nav(phone).get_by_role("link", name="Settings").click()
    await expect(phone.get_by_role("heading", name="Sign in to Reqstly")).to_be_visible()
    await expect(status_message(phone, "Your session has ended.")).to_be_visible()
    # Her own session here still works.
    assert await api_status(page, "/rest/me") == 200


async def current_session(page: Page) -> dict[str, object] | None:
    """This browser's session as `my_sessions` lists it, or None when signed out."""
    answer: list[dict[str, object]] | None = await page.evaluate(
        """fetch('/rest/my_sessions?current=is.true')
             .then(r => r.ok ? r.json() : null)"""
    )
    return answer[0] if answer else None


async def alice_is_signed_in_by_autofill(page: Page) -> None:
    """The sign-in screen asks for a passkey in the username field's autofill
    as soon as it opens; a virtual authenticator that simulates a touch
    answers at once, as a person picking the suggestion would, and she is
    back where she was without a click."""
    before = await current_session(page)
    assert before is not None
    await page.get_by_role("button", name="Sign out", exact=True).click()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    after: dict[str, object] | None = before
    while after is None or after["id"] == before["id"]:
        assert time.monotonic() < deadline, "passkey autofill did not sign Alice in again"
        await asyncio.sleep(0.2)
        after = await current_session(page)
    assert after["method"] == "passkey", after
    await expect(main_nav(page)).to_be_visible()
    await expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()


@pytest.mark.slow
async def test_demo_walk(stack: LocalStack, chromium: Browser) -> None:
    mark = len(UNCAUGHT)
    contexts: list[BrowserContext] = []
    try:
        alice_context = await new_context(chromium)
        contexts.append(alice_context)
        alice = await alice_context.new_page()
        authenticator = await add_virtual_authenticator(alice_context, alice)
        await alice.goto(f"{stack.origin}/")
        await expect(alice.get_by_role("heading", name="Sign in to Reqstly")).to_be_visible()
        await sign_in_with_microsoft(alice, stack, "alice")
        await expect(alice.get_by_role("heading", name="My requests", level=1)).to_be_visible()

        await alice_adds_a_passkey(alice, authenticator)
        await alice_signs_out_then_in_with_the_passkey(alice, authenticator)
        filed = await alice_files_an_it_request(alice)

        ivan_context, ivan = await open_signed_in(chromium, stack, "ivan", "/")
        contexts.append(ivan_context)
        note, reply, resolution = await ivan_works_the_request(ivan, filed)

        await alice_sees_the_outcome(alice, stack, filed, note, reply, resolution)

        hana_context, hana = await open_signed_in(chromium, stack, "hana", f"/requests/{filed.key}")
        contexts.append(hana_context)
        await hana_cannot_open_it(hana, filed)

        # Alice on her phone too (a second session), then she ends it from the laptop.
        phone_context, phone = await open_signed_in(
            chromium, stack, "alice", "/", viewport=PHONE, user_agent=ANDROID_CHROME
        )
        contexts.append(phone_context)
        await alice_ends_her_other_sessions(alice, stack, phone)

        # Signed out once more, her browser's passkey autofill signs her in by itself.
        await alice_is_signed_in_by_autofill(alice)
    finally:
        for context in contexts:
            await context.close()
    assert not uncaught_since(mark), "the SPA threw:\n" + "\n".join(uncaught_since(mark))
