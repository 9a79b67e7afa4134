"""Removing a file from a request in the SPA (the rough edge left from #15).

The database lets a file's uploader or an admin remove its content; the
record and its audit entries stay (docs/API.md, 1150_attachments). The
uploader sees "Remove <name>", is asked first, and declining keeps the file;
an agent of the category, who did not upload it, is offered no button.
"""

from __future__ import annotations

import uuid

from playwright.async_api import Browser, BrowserContext, Dialog, Page, expect

from devstack.stack import LocalStack
from tests.e2e.browser import DESKTOP, UNCAUGHT, open_signed_in, rest, uncaught_since
from tests.e2e.people import new_person


async def upload_text(page: Page, request_id: int, filename: str, text: str) -> None:
    """`rpc/upload_attachment` from inside the page, as the Files card sends a file."""
    status = await page.evaluate(
        """async ([id, name, text]) => (await fetch('/rest/rpc/upload_attachment', {
               method: 'POST',
               headers: {'Content-Type': 'application/octet-stream',
                         'Reqstly-Request-Id': String(id),
                         'Reqstly-Filename': encodeURIComponent(name)},
               body: new TextEncoder().encode(text),
           })).status""",
        [request_id, filename, text],
    )
    assert status < 300, status


async def test_the_uploader_removes_a_file_after_confirming(
    chromium: Browser, stack: LocalStack
) -> None:
    mark = len(UNCAUGHT)
    requester = new_person(stack, "requester")
    agent = new_person(stack, "agent", agent_of=["IT"])
    contexts: list[BrowserContext] = []
    try:
        requester_context, page = await open_signed_in(
            chromium, stack, requester.sub, viewport=DESKTOP
        )
        agent_context, agent_page = await open_signed_in(
            chromium, stack, agent.sub, viewport=DESKTOP
        )
        contexts += [requester_context, agent_context]
        created = await rest(
            page,
            "POST",
            "/requests",
            {
                "title": f"Scanner drops pages {uuid.uuid4().hex[:6]}",
                "description": "",
                "category": "IT",
                "priority": "normal",
            },
        )
        await upload_text(page, created["id"], "scanner-log.txt", "E-17 paper feed\n")
        files = page.get_by_role("list", name="Files")

        # The agent sees the file, without a way to remove someone else's.
        await agent_page.goto(f"{stack.origin}/requests/{created['key']}")
        await expect(agent_page.get_by_role("list", name="Files")).to_contain_text(
            "scanner-log.txt"
        )
        await expect(agent_page.get_by_role("button", name="Remove scanner-log.txt")).to_have_count(
            0
        )

        await page.goto(f"{stack.origin}/requests/{created['key']}")
        remove = files.get_by_role("button", name="Remove scanner-log.txt")
        questions: list[str] = []

        async def answer(accept: bool, dialog: Dialog) -> None:
            questions.append(dialog.message)
            await (dialog.accept() if accept else dialog.dismiss())

        page.once("dialog", lambda dialog: answer(False, dialog))
        await remove.click()
        await expect(files).to_contain_text("scanner-log.txt")
        assert questions == ["Remove “scanner-log.txt”? Its name stays in the history."]

        page.once("dialog", lambda dialog: answer(True, dialog))
        await remove.click()
        await expect(page.get_by_text("No files yet.")).to_be_visible()
        # The record stays, without its content, and the history says so.
        kept = await rest(
            page,
            "GET",
            f"/attachments?request_id=eq.{created['id']}&select=filename,removed_at",
        )
        assert kept["filename"] == "scanner-log.txt" and kept["removed_at"] is not None
        history = page.get_by_role("list", name="History entries")
        await expect(history).to_contain_text("scanner-log.txt")
    finally:
        for context in contexts:
            await context.close()
    assert not uncaught_since(mark), "the SPA threw:\n" + "\n".join(uncaught_since(mark))
