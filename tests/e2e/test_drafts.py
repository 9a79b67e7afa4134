"""What a person types is not lost (issue #17): a half-filled new request
survives a reload and Back, a comment survives a sign-out in another tab,
and leaving a form with unsent text asks first. The person is the test's own.
"""

from __future__ import annotations

import uuid

import pytest
from playwright.async_api import Browser, Dialog, Locator, Page, expect

from devstack.stack import LocalStack
from tests.e2e.browser import UNCAUGHT, open_signed_in, rest, sign_in_with_microsoft, uncaught_since
from tests.e2e.people import new_person


def main_nav(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Main")


@pytest.mark.slow
async def test_drafts_survive_and_leaving_asks_first(stack: LocalStack, chromium: Browser) -> None:
    mark = len(UNCAUGHT)
    person = new_person(stack, "drafter")
    context, page = await open_signed_in(chromium, stack, person.sub, "/requests/new")
    try:
        form = page.get_by_role("form", name="New request")
        title = f"Half-written request {uuid.uuid4().hex[:6]}"
        await form.get_by_label("Category").select_option(label="IT")
        await form.get_by_label("Title").fill(title)
        await form.get_by_label("Description").fill("The second screen")

        # A link inside the app asks first; saying no stays on the form.
        questions: list[str] = []

        async def say(answer: bool, dialog: Dialog) -> None:
            questions.append(dialog.message)
            await (dialog.accept() if answer else dialog.dismiss())

        page.once("dialog", lambda dialog: say(False, dialog))
        await main_nav(page).get_by_role("link", name="My requests").click()
        await expect(page.get_by_role("heading", name="New request", level=1)).to_be_visible()
        assert questions and "not sent" in questions[0], questions

        # A reload keeps it (the browser asks too: yes, reload).
        page.once("dialog", lambda dialog: say(True, dialog))
        await page.reload()
        await expect(form.get_by_label("Title")).to_have_value(title)
        await expect(form.get_by_label("Description")).to_have_value("The second screen")
        await expect(form.get_by_label("Category")).to_have_value("IT")
        await expect(
            page.get_by_role("status").filter(has_text="back from a draft")
        ).to_be_visible()

        # Leave (yes), come Back: still there.
        page.once("dialog", lambda dialog: say(True, dialog))
        await main_nav(page).get_by_role("link", name="My requests").click()
        await expect(page.get_by_role("heading", name="My requests", level=1)).to_be_visible()
        await page.go_back()
        await expect(form.get_by_label("Title")).to_have_value(title)

        # Sending it clears the draft.
        await form.get_by_role("button", name="Send request").click()
        await expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
        await page.goto(f"{stack.origin}/requests/new")
        await expect(form.get_by_label("Title")).to_have_value("")
        filed = await rest(page, "GET", f"/requests?title=eq.{title}&select=key")

        # A comment typed here, then a sign-out in another tab of the same browser.
        await page.goto(f"{stack.origin}/requests/{filed['key']}")
        comment = "Also, the dock's light blinks orange"
        await page.get_by_role("textbox", name="Add a comment").fill(comment)
        other_tab = await context.new_page()
        await other_tab.goto(f"{stack.origin}/settings")
        await other_tab.get_by_role("button", name="Sign out", exact=True).click()
        await expect(other_tab.get_by_role("heading", name="Sign in to Reqstly")).to_be_visible()
        await other_tab.close()

        # This tab finds out on its next call; signed in again, the comment is there.
        page.on("dialog", lambda dialog: say(True, dialog))
        await page.reload()
        await expect(page.get_by_role("heading", name="Sign in to Reqstly")).to_be_visible()
        await sign_in_with_microsoft(page, stack, person.sub)
        await expect(page.get_by_role("textbox", name="Add a comment")).to_have_value(comment)
        await page.get_by_role("button", name="Post comment").click()
        await expect(page.get_by_role("list", name="Comments")).to_contain_text(comment)
        await page.reload()
        await expect(page.get_by_role("textbox", name="Add a comment")).to_have_value("")
    finally:
        await context.close()
    assert not uncaught_since(mark), "the SPA threw:\n" + "\n".join(uncaught_since(mark))
