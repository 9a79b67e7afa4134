"""An agent's working day in the SPA (issue #17): she lands on her queue, the
most urgent request on top (High above an older Low), filters by category
and priority, finds an accented title by a word typed without accents, finds
the request she resolved under every status, and every tab's count is the
number of rows it shows. The list's state lives in the URL: reload and Back
restore it.

The requests carry a word of this test's own, and the search for it keeps
rows other tests leave behind out of every list and count here.
"""

from __future__ import annotations

import re
import uuid

from playwright.async_api import Browser, BrowserContext, Locator, Page, expect

from devstack.stack import LocalStack
from tests.e2e.browser import DESKTOP, UNCAUGHT, open_signed_in, rest, uncaught_since
from tests.e2e.people import new_person
from tests.e2e.screens import wait_until_loaded

SLA_WORDS = re.compile(r"(Reply due in|Reply overdue|Due in|Overdue) \d+ (min|h|d)")


def status_tab(page: Page, label: str) -> Locator:
    nav = page.get_by_role("navigation", name="Status")
    return nav.get_by_role("link", name=re.compile(rf"^{label}\b"))


async def settled(page: Page) -> None:
    """The list shows the rows of the address in the bar: not loading, and no
    older page kept on screen while the new one comes."""
    await wait_until_loaded(page)
    await expect(page.locator("[aria-busy='true']")).to_have_count(0)


async def titles(page: Page, view: str) -> list[str]:
    await settled(page)
    listed = page.get_by_role("list", name=view)
    await expect(listed).to_be_visible()
    links = listed.locator(".request-title")
    return [text.strip() for text in await links.all_inner_texts()]


async def search(page: Page, words: str) -> None:
    await page.get_by_role("searchbox", name="Search").fill(words)
    await page.get_by_role("button", name="Search", exact=True).click()
    await expect(page).to_have_url(re.compile(r"[?&]q="))
    await settled(page)


async def every_tab_counts_its_rows(page: Page, view: str) -> dict[str, int]:
    """Click every status tab; its count must be the number of rows it shows."""
    counts: dict[str, int] = {}
    labels = ["Active", "All", "Open", "In progress", "Resolved", "Cancelled"]
    for label in labels:
        tab = status_tab(page, label)
        await tab.click()
        await expect(tab).to_have_attribute("aria-current", "page")
        await settled(page)
        count = int(await tab.locator(".tab-count").inner_text())
        rows = page.get_by_role("list", name=view).get_by_role("listitem")
        if count == 0:
            await expect(page.get_by_text("No requests match these filters.")).to_be_visible()
        else:
            await expect(rows).to_have_count(count)
        counts[label] = count
    return counts


async def test_an_agents_day(chromium: Browser, stack: LocalStack) -> None:
    mark = len(UNCAUGHT)
    token = f"zq{uuid.uuid4().hex[:6]}"
    requester = new_person(stack, "requester")
    agent = new_person(stack, "agent", agent_of=["IT", "HR"])
    contexts: list[BrowserContext] = []
    try:
        requester_context, filer = await open_signed_in(
            chromium, stack, requester.sub, viewport=DESKTOP
        )
        contexts.append(requester_context)
        filed: dict[str, dict[str, object]] = {}
        # Oldest first: the Low request waits longest, the High one came later.
        for name, category, priority, title in [
            ("creme", "IT", "low", f"Crème brûlée oven trips the fuse {token}"),
            ("cafe", "IT", "normal", f"Café machine needs descaling {token}"),
            ("payslip", "HR", "normal", f"Payslip shows the old address {token}"),
            ("printer", "IT", "high", f"Printer on floor 3 jams {token}"),
        ]:
            filed[name] = await rest(
                filer,
                "POST",
                "/requests",
                {"title": title, "description": "", "category": category, "priority": priority},
            )

        agent_context, page = await open_signed_in(chromium, stack, agent.sub, viewport=DESKTOP)
        contexts.append(agent_context)
        # She resolved the café request earlier.
        cafe = filed["cafe"]["id"]
        await rest(page, "POST", "/rpc/take_request", {"request_id": cafe})
        for status, note in (("in_progress", None), ("resolved", "Descaled; it runs again.")):
            await rest(
                page,
                "POST",
                "/rpc/transition_request",
                {"request_id": cafe, "to_status": status, "note": note},
            )

        # Her home is her queue: the work of her categories still to do.
        await page.goto(f"{stack.origin}/")
        await expect(page).to_have_url(f"{stack.origin}/queue")
        await expect(page.get_by_role("heading", name="Queue", level=1)).to_be_visible()
        await expect(status_tab(page, "Active")).to_have_attribute("aria-current", "page")
        await expect(page.get_by_role("combobox", name="Sort")).to_have_value("urgency")
        view = "All in my categories"

        await search(page, token)
        # Most urgent first: High above Normal above the older Low.
        assert await titles(page, view) == [
            f"Printer on floor 3 jams {token}",
            f"Payslip shows the old address {token}",
            f"Crème brûlée oven trips the fuse {token}",
        ]
        # Every open request says how its clock stands, in words.
        clocks = page.get_by_role("list", name=view).get_by_test_id("sla-label")
        await expect(clocks).to_have_count(3)
        for clock in await clocks.all():
            await expect(clock).to_contain_text(SLA_WORDS)

        # The views count what they hold: three unassigned, none of hers still to do.
        views = page.get_by_role("navigation", name="Views")
        await expect(
            views.get_by_role("link", name=re.compile(r"^Unassigned in my categories"))
        ).to_contain_text("3")
        await expect(
            views.get_by_role("link", name=re.compile(r"^Assigned to me"))
        ).to_contain_text("0")

        # Counts per category, and the category filter.
        category_box = page.get_by_role("combobox", name="Category")
        await expect(category_box.locator("option[value='IT']")).to_have_text("IT (2)")
        await expect(category_box.locator("option[value='HR']")).to_have_text("Human resources (1)")
        await category_box.select_option("HR")
        assert await titles(page, view) == [f"Payslip shows the old address {token}"]
        await expect(status_tab(page, "Active")).to_contain_text("1")
        await category_box.select_option("")

        # Priority: only the High one; reload and Back keep the list the URL says.
        await page.get_by_role("combobox", name="Priority").select_option("high")
        assert await titles(page, view) == [f"Printer on floor 3 jams {token}"]
        await page.reload()
        await expect(page.get_by_role("combobox", name="Priority")).to_have_value("high")
        await expect(page.get_by_role("searchbox", name="Search")).to_have_value(token)
        assert await titles(page, view) == [f"Printer on floor 3 jams {token}"]
        await page.go_back()
        await expect(page.get_by_role("combobox", name="Priority")).to_have_value("")
        await expect(page.get_by_role("list", name=view).get_by_role("listitem")).to_have_count(3)

        # Every status tab shows as many rows as its count says.
        counts = await every_tab_counts_its_rows(page, view)
        assert counts == {
            "Active": 3,
            "All": 4,
            "Open": 3,
            "In progress": 0,
            "Resolved": 1,
            "Cancelled": 0,
        }

        # The resolved request is found by words typed without accents, under All.
        await status_tab(page, "All").click()
        await search(page, f"cafe {token}")
        assert await titles(page, view) == [f"Café machine needs descaling {token}"]
        await search(page, f"creme brulee {token}")
        assert await titles(page, view) == [f"Crème brûlée oven trips the fuse {token}"]

        # Under Assigned to me, every status: the one she resolved, with no clock running.
        await search(page, token)
        await views.get_by_role("link", name=re.compile(r"^Assigned to me")).click()
        assert await titles(page, "Assigned to me") == [f"Café machine needs descaling {token}"]
        resolved_row = page.get_by_role("list", name="Assigned to me").get_by_role("listitem")
        await expect(resolved_row).to_contain_text("Resolved")
        await expect(resolved_row.get_by_test_id("sla-label")).to_have_count(0)

        # Sorting is the URL's too: oldest first puts the Low one on top.
        await views.get_by_role("link", name=re.compile(r"^All in my categories")).click()
        await status_tab(page, "Active").click()
        await page.get_by_role("combobox", name="Sort").select_option("age")
        await expect(page).to_have_url(re.compile(r"sort=age"))
        assert (await titles(page, view))[0] == f"Crème brûlée oven trips the fuse {token}"

        # My requests is one click away, at its own address.
        await (
            page.get_by_role("navigation", name="Main")
            .get_by_role("link", name="My requests")
            .click()
        )
        await expect(page).to_have_url(f"{stack.origin}/my-requests")
        await expect(page.get_by_role("heading", name="My requests", level=1)).to_be_visible()
    finally:
        for context in contexts:
            await context.close()
    assert not uncaught_since(mark), "the SPA threw:\n" + "\n".join(uncaught_since(mark))
