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
from tests.e2e.people import new_person


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


async def test_a_choice_survives_the_people_list_changing_under_it(
    chromium: Browser, stack: LocalStack
) -> None:
    """The assignee picked stays picked when the people list is fetched again
    with someone new in it (a tab coming back into view). Before, the select
    was mounted again whenever its number of choices changed, and showed the
    request's own assignee: saving then quietly kept the old one."""
    context, ivan = await open_signed_in(chromium, stack, "ivan", viewport=DESKTOP)
    try:
        created = await rest(
            ivan,
            "POST",
            "/requests",
            {"title": "Badge reader offline", "description": "", "category": "IT"},
        )
        await ivan.goto(f"{stack.origin}/requests/{created['key']}")
        await ivan.get_by_role("button", name="Edit request").click()
        assignee = ivan.get_by_label("Assignee")
        await expect(assignee.locator("option")).not_to_have_count(1)
        agents = await assignee.locator("option").evaluate_all("os => os.map(o => o.value)")
        chosen = agents[-1]
        await assignee.select_option(chosen)

        newcomer = new_person(stack, "Newcomer", agent_of=["IT"])
        await asyncio.sleep(5.5)  # the people list is stale after 5 s (web/src/api/reference.ts)
        await ivan.evaluate("window.dispatchEvent(new Event('visibilitychange'))")
        await expect(
            assignee.locator("option", has_text=newcomer.person.display_name)
        ).to_have_count(1)
        await expect(assignee).to_have_value(chosen)

        await ivan.get_by_role("button", name="Save changes").click()
        await expect(ivan.get_by_text("Your changes were saved.")).to_be_visible()
        now = await rest(ivan, "GET", f"/requests?key=eq.{created['key']}&select=assignee_id")
        assert now == {"assignee_id": chosen}
    finally:
        await context.close()
