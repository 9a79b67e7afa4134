"""The fairness phase (issue #13, ADR 0013): one person floods, another is measured.

The flooder is one agent with many calls in parallel and no think time,
each a broad full-text search over every request of their category with an
exact count — the costliest call the front door lets through. The others
are a few requesters opening their list and `/me` one call after another.
The figure that matters is the others' p95 while the flood runs (target:
under 100 ms), next to the same people's p95 with nobody flooding.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import aiohttp

from tests.perf.load import Client, Person
from tests.perf.stats import Recorder

# Twelve common words: the broadest search the front door allows (caddy/reqstly.caddy).
BROAD_SEARCH = "wfts(english).printer laptop vpn password account monitor office access phone email network update"


async def _flood(client: Client, until: float) -> None:
    while time.monotonic() < until:
        await client.call(
            "flood_search",
            "GET",
            "/requests",
            params={
                "search": BROAD_SEARCH,
                "category": f"in.({','.join(client.person.categories)})",
                "order": "updated_at.desc",
                "limit": "100",
            },
            headers={"Prefer": "count=exact"},
            # 429 is the fair share working: the flooder waits, nobody else does.
            conflict=(429,),
        )


async def _ordinary(client: Client, until: float) -> None:
    while time.monotonic() < until:
        await client.call("me", "GET", "/me")
        await client.call(
            "list_mine",
            "GET",
            "/requests",
            params={
                "requester_id": f"eq.{client.person.id}",
                "order": "updated_at.desc",
                "limit": "25",
            },
        )
        await asyncio.sleep(0.05)


async def _measure(origin: str, others: list[Person], seconds: float) -> tuple[Recorder, float]:
    """The others' calls for `seconds`, timed in this process's event loop."""
    recorder = Recorder()
    connector = aiohttp.TCPConnector(limit=0, ttl_dns_cache=None)
    started = time.perf_counter()
    until = time.monotonic() + seconds
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [
            asyncio.create_task(_ordinary(Client(session, p, origin, recorder, started), until))
            for p in others
        ]
        await asyncio.sleep(seconds)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return recorder, time.perf_counter() - started


async def _flood_all(origin: str, flooder: Person, seconds: float, concurrency: int) -> Recorder:
    recorder = Recorder()
    connector = aiohttp.TCPConnector(limit=0, ttl_dns_cache=None)
    started = time.perf_counter()
    until = time.monotonic() + seconds
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [
            asyncio.create_task(_flood(Client(session, flooder, origin, recorder, started), until))
            for _ in range(concurrency)
        ]
        await asyncio.sleep(seconds)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return recorder


def _flood_process(
    origin: str, flooder: Person, seconds: float, concurrency: int
) -> dict[str, Any]:
    """The flood in a process of its own, so its calls do not delay the timing of the others'."""
    recorder = asyncio.run(_flood_all(origin, flooder, seconds, concurrency))
    stats = recorder.calls["flood_search"]
    return {
        "calls": len(stats.latencies_ms),
        "refused_429": stats.conflicts,
        "errors": stats.errors,
        "p50_ms": recorder.summary(seconds)["overall"]["p50_ms"],
    }


async def fairness(
    *,
    origin: str,
    flooder: Person,
    others: list[Person],
    seconds: float,
    flood_levels: tuple[int, ...] = (10, 40),
) -> dict[str, Any]:
    """The others' latency alone, then while `flooder` runs each level's calls at once."""
    alone, alone_elapsed = await _measure(origin, others, seconds / 3)
    loop = asyncio.get_running_loop()
    floods = []
    for level in flood_levels:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            flooding = loop.run_in_executor(
                pool, _flood_process, origin, flooder, seconds + 2, level
            )
            await asyncio.sleep(2)  # the flood is under way before the others are timed
            during, elapsed = await _measure(origin, others, seconds)
            flood = await flooding
        flood["per_second"] = round(flood["calls"] / (seconds + 2), 1)
        floods.append(
            {
                "flood_concurrency": level,
                "seconds": round(elapsed, 1),
                "others_during_flood": during.summary(elapsed)["overall"],
                "flood": flood,
            }
        )
    return {
        "others": len(others),
        "others_alone": alone.summary(alone_elapsed)["overall"],
        "floods": floods,
    }


def describe(result: dict[str, Any]) -> str:
    alone = result["others_alone"]
    lines = [f"fairness: another person's p95 alone {alone['p95_ms']:.1f} ms"]
    for level in result["floods"]:
        during, flood = level["others_during_flood"], level["flood"]
        lines.append(
            f"fairness: while one agent floods with {level['flood_concurrency']} broad searches at once "
            f"({flood['per_second']:.0f} calls/s, {flood['refused_429']} of {flood['calls']} refused 429), "
            f"another person's p95 is {during['p95_ms']:.1f} ms (p50 {during['p50_ms']:.1f}, "
            f"{during['count']} calls, errors {during['errors']})"
        )
    return "\n".join(lines)
