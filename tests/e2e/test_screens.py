"""Every screen of the SPA at desktop (1280×800) and phone (390×844) width,
light and (desktop) dark: a screenshot of each under
test-artifacts/screenshots/, and axe-core on each — no serious or critical
violation anywhere (docs/ARCHITECTURE.md "The web app": accessible, usable on a phone, light and dark).

Each person has their own context: the signed-out visitor, and people of
the test's own in the demo roles — Alice (requester), Ivan (IT agent), Hana
(HR agent) and an administrator. The request shown is
filed and worked through the API first, so the screens always have the same
kind of content whatever ran before.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Literal

import pytest
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize

from devstack.paths import ROOT
from devstack.stack import LocalStack
from tests.e2e.axe import BLOCKING, Violation, run_axe
from tests.e2e.browser import (
    DESKTOP,
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

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_REPORTS = ARTIFACTS / "axe"


@dataclass
class Findings:
    violations: list[Violation] = field(default_factory=list)
    looked_at: list[str] = field(default_factory=list)
    # Rules axe could not decide (needs a person's review), with where.
    undecided: dict[str, set[str]] = field(default_factory=dict)


async def file_and_work_a_request(alice: Page, ivan: Page) -> str:
    """An IT request of Alice's, assigned to Ivan and in progress, with an
    internal note and a public reply: the request screen's full content."""
    created = await rest(
        alice,
        "POST",
        "/requests",
        {
            "title": f"Projector in room 4 shows no picture {uuid.uuid4().hex[:4]}",
            "description": "The projector turns on, but the screen stays blue with any laptop.",
            "category": "IT",
            "priority": "high",
        },
    )
    request_id = created["id"]
    await rest(ivan, "POST", "/rpc/take_request", {"request_id": request_id})
    await rest(
        ivan,
        "POST",
        "/rpc/transition_request",
        {"request_id": request_id, "to_status": "in_progress", "note": None},
    )
    for body, internal in (
        ("The HDMI switch in the ceiling is suspect; ordering a spare.", True),
        ("A new cable is on its way; until then, use room 5.", False),
    ):
        await rest(
            ivan,
            "POST",
            "/comments",
            {"request_id": request_id, "body": body, "internal": internal},
        )
    return str(created["key"])


async def look_at(page: Page, screen: Screen, stack: LocalStack, findings: Findings) -> None:
    """Open the screen at desktop width, then phone width, then dark: a
    screenshot and an axe run for each."""
    await page.emulate_media(color_scheme="light")
    await page.set_viewport_size(DESKTOP)
    await open_screen(page, stack.origin, screen)
    looks: list[tuple[str, ViewportSize, Literal["light", "dark"]]] = [
        ("desktop", DESKTOP, "light"),
        ("phone", PHONE, "light"),
        ("desktop-dark", DESKTOP, "dark"),
    ]
    for look, viewport, scheme in looks:
        await page.set_viewport_size(viewport)
        await page.emulate_media(color_scheme=scheme)
        await page.screenshot(
            path=SCREENSHOTS / f"{screen.name}-{look}.png", full_page=True, animations="disabled"
        )
        violations, raw = await run_axe(page, f"{screen.name} ({look})")
        (AXE_REPORTS / f"{screen.name}-{look}.json").write_text(json.dumps(raw, indent=1))
        findings.violations.extend(violations)
        for item in raw["incomplete"]:
            findings.undecided.setdefault(str(item["id"]), set()).add(screen.name)
        findings.looked_at.append(f"{screen.name}-{look}")


@pytest.mark.slow
async def test_every_screen_at_desktop_and_phone_width_passes_axe(
    stack: LocalStack, chromium: Browser, capsys: pytest.CaptureFixture[str]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    AXE_REPORTS.mkdir(parents=True, exist_ok=True)
    findings = Findings()
    mark = len(UNCAUGHT)
    contexts: list[BrowserContext] = []
    try:
        visitor_context = await new_context(chromium, viewport=DESKTOP)
        contexts.append(visitor_context)
        visitor = await visitor_context.new_page()
        await look_at(visitor, Screen("sign-in", "/signin", "Sign in to Reqstly"), stack, findings)

        await look_at(
            visitor,
            Screen("sign-in-failed", "/signin?reason=sign_in_failed", "Sign in to Reqstly"),
            stack,
            findings,
        )

        # People of the test's own, in the demo roles.
        team = {
            "alice": new_person(stack, "alice"),
            "ivan": new_person(stack, "ivan", agent_of=["IT"]),
            "hana": new_person(stack, "hana", agent_of=["HR"]),
            "admin": new_person(stack, "admin", admin=True, agent_of=["IT"]),
        }

        async def sign_in(name: str) -> tuple[BrowserContext, Page]:
            return await open_signed_in(chromium, stack, team[name].sub, viewport=DESKTOP)

        alice_context, alice = await sign_in("alice")
        ivan_context, ivan = await sign_in("ivan")
        hana_context, hana = await sign_in("hana")
        admin_context, admin = await sign_in("admin")
        contexts += [alice_context, ivan_context, hana_context, admin_context]
        key = await file_and_work_a_request(alice, ivan)
        title = re.compile(r"^Projector in room 4")

        by_person: list[tuple[Page, list[Screen]]] = [
            (
                alice,
                [
                    Screen("my-requests", "/", "My requests"),
                    Screen("requests", "/requests", "Requests"),
                    Screen("new-request", "/requests/new", "New request"),
                    Screen(
                        "new-request-errors",
                        "/requests/new",
                        "New request",
                        send_empty_new_request,
                    ),
                    Screen("request-as-requester", f"/requests/{key}", title),
                    Screen("settings", "/settings", "Settings"),
                    Screen("not-found", "/no/such/page", "Page not found"),
                ],
            ),
            (
                ivan,
                [
                    Screen("queue", "/queue", "Queue"),
                    Screen("queue-unassigned", "/queue?view=unassigned", "Queue"),
                    Screen("queue-assigned-all", "/queue?view=assigned&status=all", "Queue"),
                    Screen("queue-no-match", "/queue?q=nothing-matches-this", "Queue"),
                    Screen("my-requests-agent", "/my-requests", "My requests"),
                    Screen("request", f"/requests/{key}", title),
                    Screen("request-note", f"/requests/{key}", title, internal_note_mode),
                    Screen("request-resolve-form", f"/requests/{key}", title, open_resolve_form),
                ],
            ),
            (hana, [Screen("request-not-visible", f"/requests/{key}", key)]),
            (
                admin,
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
                await look_at(page, screen, stack, findings)
    finally:
        for context in contexts:
            await context.close()

    report = "\n".join(violation.line() for violation in findings.violations) or "none"
    undecided = "\n".join(
        f"{rule}: {', '.join(sorted(screens))}"
        for rule, screens in sorted(findings.undecided.items())
    )
    summary = (
        f"axe-core over {len(findings.looked_at)} looks\nviolations:\n{report}\n"
        f"undecided by axe (review by hand):\n{undecided or 'none'}\n"
    )
    (AXE_REPORTS / "summary.txt").write_text(summary)
    with capsys.disabled():
        print("\n" + summary)
    assert not uncaught_since(mark), "the SPA threw:\n" + "\n".join(uncaught_since(mark))
    blocking = [v.line() for v in findings.violations if v.impact in BLOCKING]
    assert not blocking, "serious or critical accessibility violations:\n" + "\n".join(blocking)
