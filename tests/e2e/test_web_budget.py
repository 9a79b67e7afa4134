"""The SPA's weight, asserted (deterministic), and its first paint, printed
(machine-dependent): see tests/e2e/measure_web.py."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser

from devstack.stack import LocalStack
from tests.e2e.measure_web import (
    BUDGET_BYTES,
    initial_js,
    measure_paints,
    paint_report,
    size_report,
)


def test_initial_js_fits_the_budget(capsys: pytest.CaptureFixture[str]) -> None:
    initial = initial_js()
    with capsys.disabled():
        print("\n" + size_report())
    assert any(asset.path.startswith("assets/index-") for asset in initial), initial
    total = sum(asset.gzip_bytes for asset in initial)
    assert total <= BUDGET_BYTES, f"initial JS is {total / 1024:.1f} KB gzip, budget 150 KB"


@pytest.mark.slow
async def test_first_contentful_paint_is_reported(
    stack: LocalStack, chromium: Browser, capsys: pytest.CaptureFixture[str]
) -> None:
    series = await measure_paints(chromium, stack, repeats=3)
    with capsys.disabled():
        print("\n" + paint_report(series))
    for paints in series.values():
        assert len(paints) == 3
        assert all(paint.first_contentful_paint_ms > 0 for paint in paints)
