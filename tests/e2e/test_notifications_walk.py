"""Issue #15 in the browser: Alice files with a pasted screenshot; Ivan sees it and
replies; Alice's local mailbox gets the reply e-mail with the link; Ivan's
internal note produces nothing for her. Every real part runs: Caddy,
PostgREST, authsvc, the notification worker and the local SMTP mailbox."""

from __future__ import annotations

import asyncio
import base64
import time

import httpx
from playwright.async_api import Browser, BrowserContext, Page, expect

from devstack.stack import LocalStack
from tests.e2e.browser import UNCAUGHT, open_signed_in, uncaught_since
from tests.e2e.test_demo_walk import alice_files_an_it_request
from tests.notify.conftest import delivering, mail_about
from tests.sample_files import png

PASTE_FILE = """(box, b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}"""


async def paste_screenshot_and_post(page: Page, text: str) -> None:
    # The requester's box: no reply/internal-note switch for them.
    box = page.get_by_role("textbox", name="Add a comment")
    await box.fill(text)
    await box.evaluate(PASTE_FILE, base64.b64encode(png(64, 48)).decode())
    pending = page.get_by_role("list", name="Files to attach")
    await expect(pending).to_contain_text("Screenshot")
    await page.get_by_role("button", name="Post comment").click()
    files = page.get_by_role("list", name="Files")
    await expect(files.get_by_role("img")).to_be_visible()


async def test_a_pasted_screenshot_and_the_reply_email(
    stack: LocalStack, chromium: Browser
) -> None:
    mark = len(UNCAUGHT)
    contexts: list[BrowserContext] = []
    with delivering(stack, "e2e-mail") as mailbox:
        try:
            alice_context, alice = await open_signed_in(chromium, stack, "alice")
            contexts.append(alice_context)
            filed = await alice_files_an_it_request(alice)
            await paste_screenshot_and_post(alice, "This is the error I get.")

            ivan_context, ivan = await open_signed_in(
                chromium, stack, "ivan", f"/requests/{filed.key}"
            )
            contexts.append(ivan_context)
            await expect(ivan.get_by_role("heading", name=filed.title, level=1)).to_be_visible()
            # The screenshot is there for the agent, as a thumbnail that loads.
            thumb = ivan.get_by_role("list", name="Files").get_by_role("img")
            await expect(thumb).to_be_visible()
            # Visible is not yet decoded: wait for the decode before reading its size.
            assert await thumb.evaluate("img => img.decode().then(() => img.naturalWidth)") == 64

            reply = "Thanks — which application shows this dialog?"
            await ivan.get_by_role("textbox", name="Reply to the requester").fill(reply)
            await ivan.get_by_role("button", name="Send reply").click()
            await expect(ivan.get_by_role("list", name="Comments")).to_contain_text(reply)
            posted = time.monotonic()

            address = "alice@example.com"
            deadline = time.monotonic() + 30
            while not mail_about(mailbox, address, filed.key):
                assert time.monotonic() < deadline, "no reply e-mail for Alice after 30 s"
                await asyncio.sleep(0.05)
            print(
                f"\nthe reply e-mail reached Alice's mailbox {time.monotonic() - posted:.2f}s after Ivan posted"
            )

            note = "Internal: her disk is 98% full."
            await ivan.get_by_role("radio", name="Internal note").check()
            await ivan.get_by_role("textbox", name="Internal note (agents and admins only)").fill(
                note
            )
            await ivan.get_by_role("button", name="Add internal note").click()
            await expect(ivan.get_by_role("list", name="Comments")).to_contain_text(note)
            await asyncio.sleep(3)  # a wrong e-mail would have arrived by now

            [body] = mail_about(mailbox, address, filed.key)
            assert reply in body
            assert f"{stack.origin}/requests/{filed.key}" in body
            assert not any("98% full" in text for text in mail_about(mailbox, address, filed.key))

            # Someone outside the request cannot fetch the screenshot.
            files = await alice.evaluate(
                "key => fetch('/rest/requests?key=eq.' + key + '&select=id').then(r => r.json())",
                filed.key,
            )
            hana = stack.token("hana@example.com").token
            async with httpx.AsyncClient(timeout=10) as client:
                listed = await client.get(
                    f"{stack.origin}/rest/attachments",
                    params={"request_id": f"eq.{files[0]['id']}"},
                    headers={"Authorization": f"Bearer {hana}"},
                )
            assert listed.json() == []
        finally:
            for context in contexts:
                await context.close()
    assert not uncaught_since(mark), "the SPA threw:\n" + "\n".join(uncaught_since(mark))
