"""Screens of the SPA as the end-to-end tests visit them: where each is,
its level-1 heading, and what a person does there before it is looked at."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from playwright.async_api import Page, expect

Prepare = Callable[[Page], Awaitable[None]]


@dataclass(frozen=True)
class Screen:
    name: str
    path: str
    heading: str | re.Pattern[str]
    # What a person does on the page before it is looked at (open a form …).
    prepare: Prepare | None = None


async def open_resolve_form(page: Page) -> None:
    await page.get_by_role("region", name="Status").get_by_role("button", name="Resolve").click()
    await expect(page.get_by_role("textbox", name="Resolution")).to_be_focused()


async def send_empty_new_request(page: Page) -> None:
    await page.get_by_role("button", name="Send request").click()
    await expect(page.get_by_label("Category")).to_have_attribute("aria-invalid", "true")


async def internal_note_mode(page: Page) -> None:
    await page.get_by_role("radio", name="Internal note").check()
    await expect(page.get_by_role("button", name="Add internal note")).to_be_visible()


async def ask_to_remove_a_team_member(page: Page) -> None:
    await page.get_by_role("button", name=re.compile(r"^Remove .+ from IT$")).first.click()
    await expect(page.get_by_role("button", name="Yes, remove")).to_be_visible()


async def wait_until_loaded(page: Page) -> None:
    # Spinners and the audit check say "Loading …" / "Checking …" in a status.
    busy = page.get_by_role("status").filter(has_text=re.compile(r"^(Loading|Checking)"))
    await expect(busy).to_have_count(0)


async def open_screen(page: Page, origin: str, screen: Screen) -> None:
    """Go to the screen, wait for its heading and data, do its preparation."""
    await page.goto(f"{origin}{screen.path}")
    await expect(page.get_by_role("heading", name=screen.heading, level=1)).to_be_visible()
    await wait_until_loaded(page)
    if screen.prepare is not None:
        await screen.prepare(page)
