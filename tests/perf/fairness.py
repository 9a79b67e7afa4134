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
import time
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


async def _measure(
    origin: str,
    others: list[Person],
    seconds: float,
    flooder: Person | None,
    flood_concurrency: int,
) -> tuple[Recorder, Recorder, float]:
    ordinary, flood = Recorder(), Recorder()
    connector = aiohttp.TCPConnector(limit=0, ttl_dns_cache=None)
    started = time.perf_counter()
    until = time.monotonic() + seconds
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [
            asyncio.create_task(_ordinary(Client(session, p, origin, ordinary, started), until))
            for p in others
        ]
        if flooder is not None:
            tasks += [
                asyncio.create_task(_flood(Client(session, flooder, origin, flood, started), until))
                for _ in range(flood_concurrency)
            ]
        await asyncio.sleep(seconds)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return ordinary, flood, time.perf_counter() - started


async def fairness(
    *,
    origin: str,
    flooder: Person,
    others: list[Person],
    seconds: float,
    flood_concurrency: int = 40,
) -> dict[str, Any]:
    """The others' latency alone, then while `flooder` runs `flood_concurrency` calls at once."""
    alone, _, alone_elapsed = await _measure(origin, others, seconds / 3, None, 0)
    during, flood, elapsed = await _measure(origin, others, seconds, flooder, flood_concurrency)
    flood_stats = flood.calls["flood_search"]
    answered = len(flood_stats.latencies_ms)
    return {
        "seconds": round(elapsed, 1),
        "flood_concurrency": flood_concurrency,
        "others": len(others),
        "others_alone": alone.summary(alone_elapsed)["overall"],
        "others_during_flood": during.summary(elapsed)["overall"],
        "flood": {
            "calls": answered,
            "per_second": round(answered / elapsed, 1) if elapsed else 0.0,
            "refused_429": flood_stats.conflicts,
            "errors": flood_stats.errors,
            "p50_ms": flood.summary(elapsed)["overall"]["p50_ms"],
        },
    }


def describe(result: dict[str, Any]) -> str:
    during, alone, flood = result["others_during_flood"], result["others_alone"], result["flood"]
    return (
        f"fairness: while one agent floods with {result['flood_concurrency']} broad searches at once "
        f"({flood['per_second']:.0f} calls/s, {flood['refused_429']} of {flood['calls']} refused 429), "
        f"another person's p95 is {during['p95_ms']:.1f} ms (p50 {during['p50_ms']:.1f}, "
        f"{during['count']} calls, errors {during['errors']}); alone: p95 {alone['p95_ms']:.1f} ms"
    )
