"""An edit saved before the category and people lists have loaded changes
only what the person edited: the request's own category and assignee are
the selects' choices from the first render (editRequest.choicesWithCurrent).
Before, the selects showed their first option until the lists arrived, and
saving a new title also moved the request to that category."""

from __future__ import annotations

import asyncio
import uuid

from playwright.async_api import Browser, Route, expect

from devstack.stack import LocalStack
from tests.e2e.browser import DESKTOP, open_signed_in, rest


async def test_a_title_saved_while_the_lists_load_changes_only_the_title(
    chromium: Browser, stack: LocalStack
) -> None:
    context, ivan = await open_signed_in(chromium, stack, "ivan", viewport=DESKTOP)
    try:
        title = f"Scanner skips pages {uuid.uuid4().hex[:4]}"
        created = await rest(
            ivan,
            "POST",
            "/requests",
            {"title": title, "description": "", "category": "IT", "priority": "normal"},
        )

        async def slowly(route: Route) -> None:
            await asyncio.sleep(4)
            await route.continue_()

        await ivan.route("**/rest/categories*", slowly)
        await ivan.route("**/rest/people*", slowly)
        await ivan.goto(f"{stack.origin}/requests/{created['key']}")
        await ivan.get_by_role("button", name="Edit request").click()
        await expect(ivan.get_by_label("Category")).to_have_value("IT")
        await ivan.get_by_label("Title").fill(f"{title} (duplex)")
        await ivan.get_by_role("button", name="Save changes").click()
        await expect(ivan.get_by_text("Your changes were saved.")).to_be_visible()

        now = await rest(
            ivan, "GET", f"/requests?key=eq.{created['key']}&select=title,category,version"
        )
        assert now == {"title": f"{title} (duplex)", "category": "IT", "version": 2}
    finally:
        await context.close()
