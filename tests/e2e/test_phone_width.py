"""No screen scrolls sideways on a 390 px phone, with a realistic data set:
long titles, pasted URLs, Markdown, many requests (issue #17).

Chromium with `is_mobile` zooms out to fit an overflowing page, and
`innerWidth` grows with it; so the check is on the document itself:
`document.documentElement.scrollWidth <= 390`. axe-core runs on every screen
at that width too. The people and the data are the test's own.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.async_api import Browser, BrowserContext, Page

from devstack.stack import LocalStack
from tests.e2e.axe import BLOCKING, run_axe
from tests.e2e.browser import (
    PHONE,
    UNCAUGHT,
    new_context,
    open_signed_in,
    rest,
    uncaught_since,
)
from tests.e2e.people import new_person
from tests.e2e.screens import (
    Screen,
    ask_to_remove_a_team_member,
    internal_note_mode,
    open_resolve_form,
    open_screen,
    send_empty_new_request,
)
from tests.people import StandInPerson

PHONE_WIDTH = PHONE["width"]
LONG_URL = (
    "https://intranet.example.com/wiki/IT/Printers/Floor-3/"
    "Troubleshooting-Guide-For-The-Large-Format-Plotter?version=42&section=paper-jams-and-errors"
)
LONG_WORD = "Supercalifragilisticexpialidocious" * 4

# The widest elements past the right edge, to say where an overflow comes from.
_OVERFLOWING = """(limit) => {
    const found = [];
    for (const element of document.querySelectorAll('body *')) {
        const right = element.getBoundingClientRect().right;
        if (right > limit + 0.5) {
            const name = element.tagName.toLowerCase() +
                (element.id ? '#' + element.id : '') +
                (element.className && typeof element.className === 'string'
                    ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
            found.push(`${name} (right edge ${Math.round(right)} px)`);
        }
    }
    return found.slice(-6);
}"""


async def file_requests(page: Page, count: int) -> list[dict[str, object]]:
    """Requests the way people write them: long titles, pasted links, Markdown."""
    filed = []
    for number in range(count):
        title = (
            f"Plotter on floor 3 jams on every A0 sheet since the firmware update {number} "
            "and the error on the panel reads E-204, paper path blocked, see the wiki page"
        )
        if number == 0:
            title = f"{LONG_WORD} {uuid.uuid4().hex[:6]}"
        description = (
            f"Steps from the guide at {LONG_URL} did not help.\n\n"
            "* **Tried:** a new roll, a cleaned roller\n"
            "* `E-204` stays on the panel\n\n"
            f"{LONG_WORD}"
        )
        filed.append(
            await rest(
                page,
                "POST",
                "/requests",
                {
                    "title": title[:200],
                    "description": description,
                    "category": "IT",
                    "priority": ["low", "normal", "high", "urgent"][number % 4],
                },
            )
        )
    return filed


async def measure(
    page: Page, stack: LocalStack, screen: Screen
) -> tuple[int, list[str], list[str]]:
    """Open the screen; return (scrollWidth, overflowing elements, blocking axe findings)."""
    await open_screen(page, stack.origin, screen)
    width = int(await page.evaluate("document.documentElement.scrollWidth"))
    overflowing: list[str] = (
        await page.evaluate(_OVERFLOWING, PHONE_WIDTH) if width > PHONE_WIDTH else []
    )
    violations, _ = await run_axe(page, f"{screen.name} (phone)")
    return width, overflowing, [v.line() for v in violations if v.impact in BLOCKING]


async def signed_in_phone(
    chromium: Browser, stack: LocalStack, person: StandInPerson, path: str
) -> tuple[BrowserContext, Page]:
    return await open_signed_in(
        chromium, stack, person.sub, path, viewport=PHONE, is_mobile=True, has_touch=True
    )


@pytest.mark.slow
async def test_no_screen_scrolls_sideways_on_a_phone(
    stack: LocalStack, chromium: Browser, capsys: pytest.CaptureFixture[str]
) -> None:
    mark = len(UNCAUGHT)
    requester = new_person(stack, "requester")
    with stack.connect() as conn:
        conn.execute(
            "update app.users set display_name = %s where id = %s",
            (
                f"Bartholomew Featherstonehaugh-Wolfeschlegelsteinhausen {requester.sub}",
                requester.person.id,
            ),
        )
    agent = new_person(stack, "agent", agent_of=["IT", "HR"])
    admin = new_person(stack, "admin", admin=True, agent_of=["IT"])
    contexts: list[BrowserContext] = []
    widths: list[str] = []
    problems: list[str] = []
    try:
        visitor_context = await new_context(chromium, viewport=PHONE, is_mobile=True)
        contexts.append(visitor_context)
        visitor = await visitor_context.new_page()

        requester_context, requester_page = await signed_in_phone(chromium, stack, requester, "/")
        agent_context, agent_page = await signed_in_phone(chromium, stack, agent, "/queue")
        admin_context, admin_page = await signed_in_phone(chromium, stack, admin, "/")
        contexts += [requester_context, agent_context, admin_context]

        filed = await file_requests(requester_page, 24)
        worked = filed[0]
        await rest(agent_page, "POST", "/rpc/take_request", {"request_id": worked["id"]})
        await rest(
            agent_page,
            "POST",
            "/rpc/transition_request",
            {"request_id": worked["id"], "to_status": "in_progress", "note": None},
        )
        for body, internal in (
            (f"Internal: vendor ticket at {LONG_URL}", True),
            (f"Please try the steps at {LONG_URL} — **then** restart. {LONG_WORD}", False),
        ):
            await rest(
                agent_page,
                "POST",
                "/comments",
                {"request_id": worked["id"], "body": body, "internal": internal},
            )
        key = str(worked["key"])
        title = re.compile(re.escape(str(worked["title"])[:30]))

        by_person: list[tuple[Page, list[Screen]]] = [
            (
                visitor,
                [Screen("sign-in-failed", "/signin?reason=sign_in_failed", "Sign in to Reqstly")],
            ),
            (
                requester_page,
                [
                    Screen("my-requests", "/", "My requests"),
                    Screen("my-requests-page-2", "/?page=2", "My requests"),
                    Screen("requests", "/requests", "Requests"),
                    Screen("new-request", "/requests/new", "New request"),
                    Screen(
                        "new-request-errors", "/requests/new", "New request", send_empty_new_request
                    ),
                    Screen("request-as-requester", f"/requests/{key}", title),
                    Screen("settings", "/settings", "Settings"),
                    Screen("not-found", "/no/such/page", "Page not found"),
                ],
            ),
            (
                agent_page,
                [
                    Screen("queue", "/queue", "Queue"),
                    Screen("queue-unassigned", "/queue?view=unassigned&sort=due", "Queue"),
                    Screen("queue-assigned-all", "/queue?view=assigned&status=all", "Queue"),
                    Screen(
                        "queue-search",
                        "/queue?q=plotter&category=IT&priority=high&page=1",
                        "Queue",
                    ),
                    Screen("queue-page-2", "/queue?status=all&page=2", "Queue"),
                    Screen("my-requests-agent", "/my-requests", "My requests"),
                    Screen("request-reply", f"/requests/{key}", title),
                    Screen("request-note", f"/requests/{key}", title, internal_note_mode),
                    Screen("request-resolve-form", f"/requests/{key}", title, open_resolve_form),
                ],
            ),
            (
                admin_page,
                [
                    Screen("admin-requests", "/admin/requests", "Admin"),
                    Screen("admin-people", "/admin/people", "Admin"),
                    Screen("admin-teams", "/admin/teams", "Admin"),
                    Screen(
                        "admin-team-remove", "/admin/teams", "Admin", ask_to_remove_a_team_member
                    ),
                    Screen("admin-transitions", "/admin/transitions", "Admin"),
                ],
            ),
        ]
        for page, screens in by_person:
            for screen in screens:
                width, overflowing, blocking = await measure(page, stack, screen)
                widths.append(f"{screen.name}: {width} px")
                if width > PHONE_WIDTH:
                    problems.append(f"{screen.name} is {width} px wide: {', '.join(overflowing)}")
                problems += [f"{screen.name}: {line}" for line in blocking]
    finally:
        for context in contexts:
            await context.close()
    with capsys.disabled():
        print(f"\nscrollWidth at {PHONE_WIDTH} px:\n  " + "\n  ".join(widths))
    assert not uncaught_since(mark), "the SPA threw:\n" + "\n".join(uncaught_since(mark))
    assert not problems, "\n".join(problems)
