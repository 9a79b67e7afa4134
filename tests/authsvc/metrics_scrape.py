"""Reading an in-process authsvc's metrics port, and polling it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from prometheus_client.parser import text_string_to_metric_families

from tests.authsvc.conftest import LocalAuthsvc


async def scrape(authsvc: LocalAuthsvc) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample on the metrics port: (name, labels) → value."""
    response = await authsvc.browser.client.get(
        f"http://127.0.0.1:{authsvc.settings.metrics_port}/metrics"
    )
    assert response.status_code == 200
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


async def sample(authsvc: LocalAuthsvc, name: str, **labels: str) -> float:
    return (await scrape(authsvc)).get((name, frozenset(labels.items())), 0.0)


async def poll(check: Callable[[], Awaitable[bool]], *, within: float = 10.0) -> None:
    """Wait until `check()` is true (no fixed sleeps); fails after `within` seconds."""
    deadline = time.monotonic() + within
    while not await check():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        await asyncio.sleep(0.05)
