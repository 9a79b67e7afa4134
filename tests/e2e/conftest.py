"""One Chromium for the whole end-to-end run; each test opens its own contexts."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, Playwright, async_playwright, expect

from tests.e2e.browser import TIMEOUT_MS, launch_chromium

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
async def playwright() -> AsyncIterator[Playwright]:
    # The async API: pytest-asyncio's session loop is already running, and the
    # sync API refuses to start inside a running loop.
    async with async_playwright() as started:
        yield started


@pytest.fixture(scope="session")
async def chromium(playwright: Playwright) -> AsyncIterator[Browser]:
    browser = await launch_chromium(playwright)
    try:
        yield browser
    finally:
        await browser.close()
