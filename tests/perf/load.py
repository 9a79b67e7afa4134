"""The load generator: simulated people doing what people do, over HTTP through Caddy.

An asyncio + aiohttp generator rather than locust or wrk: aiohttp is already
pinned by authsvc (no new dependency), a person's flow (list → open a request →
file, comment or move it) needs their own token and ids from earlier answers,
which wrk's Lua makes awkward, and a single event loop costs far less CPU per
call than locust's gevent workers on a machine whose two cores also run the
system under test. Timing is careful: each call is timed from just before the
request is written to after the whole body is read, with the monotonic
`perf_counter`; think time is measured from the end of the previous step
(a closed model, as people wait for a page before reading it); the event
loop's own lag is sampled and reported, so a saturated generator shows up in
the report instead of silently inflating latencies.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from tests.perf.stats import Recorder, parse_server_timing

Think = Callable[[], Awaitable[None]]

# What the SPA asks for (web/src/requests/): a list page's size, the queue's
# views (one count each), the Active tab of the seeded statuses (the SPA reads
# them from api.statuses: every status that is not closed), a request's columns
# and how often an open tab polls for changes.
PAGE_SIZE = 20
QUEUE_VIEWS = ("my_categories", "unassigned", "assigned_to_me")
ACTIVE_STATUSES = "open,in_progress"
REQUEST_COLUMNS = (
    "id,key,title,description,category,priority,priority_rank,status,requester_id,"
    "assignee_id,created_at,updated_at,resolved_at,version"
)
ATTACHMENT_COLUMNS = (
    "id,request_id,comment_id,internal,filename,content_type,is_image,size_bytes,sha256,"
    "uploaded_by,uploaded_by_name,created_at,removed_at"
)
CHANGES_POLL_SECONDS = 15.0
CALLS_IN_FLIGHT = 4


@dataclass(frozen=True)
class Person:
    email: str
    id: str
    token: str
    categories: tuple[str, ...] = ()

    @property
    def is_agent(self) -> bool:
        return bool(self.categories)


@dataclass
class Client:
    """One simulated person's HTTP calls, each timed and recorded."""

    session: aiohttp.ClientSession
    person: Person
    origin: str
    recorder: Recorder
    started: float
    timeout: aiohttp.ClientTimeout = field(default_factory=lambda: aiohttp.ClientTimeout(total=30))
    # "/rest" through Caddy; "" straight to a PostgREST (the ceiling's direct run).
    prefix: str = "/rest"
    # Calls that did not answer as expected (a conflict counts as answered).
    failures: int = 0
    # As the SPA's tab: at most this many calls in flight, the rest wait
    # (web/src/api/client.ts, ADR 0024); each call is timed from when it is sent.
    turns: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(CALLS_IN_FLIGHT))

    async def call(
        self,
        name: str,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        expect: tuple[int, ...] = (200, 206),
        conflict: tuple[int, ...] = (),
    ) -> Any:
        sent = {"Authorization": f"Bearer {self.person.token}", **(headers or {})}
        data = None
        if body is not None:
            # Writes from a script: JSON and our own origin, or Caddy refuses them.
            sent["Content-Type"] = "application/json"
            sent["Origin"] = self.origin
            data = json.dumps(body)
        async with self.turns:
            begin = time.perf_counter()
            try:
                async with self.session.request(
                    method,
                    f"{self.origin}{self.prefix}{path}",
                    params=params,
                    data=data,
                    headers=sent,
                    timeout=self.timeout,
                ) as response:
                    raw = await response.read()
                    status = response.status
                    timing = parse_server_timing(response.headers.get("Server-Timing"))
            except (aiohttp.ClientError, TimeoutError) as error:
                end = time.perf_counter()
                self.recorder.record(
                    name,
                    at=end - self.started,
                    latency_ms=(end - begin) * 1000,
                    status=0,
                    ok=False,
                    error=f"{type(error).__name__}: {error}",
                )
                self.failures += 1
                return None
            end = time.perf_counter()
        ok = status in expect
        self.failures += not ok and status not in conflict
        self.recorder.record(
            name,
            at=end - self.started,
            latency_ms=(end - begin) * 1000,
            status=status,
            ok=ok,
            conflict=status in conflict,
            server_timing=timing,
            error=None if ok else f"{status} {raw[:200]!r}",
        )
        if not ok or not raw:
            return None
        return json.loads(raw)

    # -- the calls of docs/API.md, as the SPA makes them ------------------

    async def _list(self, scopes: tuple[str, ...], **find: str) -> list[dict[str, Any]]:
        """A list page (web/src/requests/RequestListView.tsx): one page of rows, one count per view."""
        rows, *_ = await asyncio.gather(
            self.call(
                "find_requests",
                "GET",
                "/rpc/find_requests",
                params={"scope": scopes[0], "lim": str(PAGE_SIZE), "offs": "0", **find},
            ),
            *(
                self.call("count_requests", "GET", "/rpc/count_requests", params={"scope": scope})
                for scope in scopes
            ),
        )
        return list(rows or [])

    async def my_list(self) -> list[dict[str, Any]]:
        """My requests: every status, newest change first."""
        return await self._list(("mine",), sort="updated")

    async def queue(self) -> list[dict[str, Any]]:
        """An agent's queue: the Active tab of "All in my categories", most urgent first."""
        return await self._list(QUEUE_VIEWS, status=ACTIVE_STATUSES, sort="urgency")

    async def open_request(self, key: str, request_id: int) -> dict[str, Any] | None:
        """A request's page (web/src/requests/RequestPage.tsx and its sections)."""
        by_request = {"request_id": f"eq.{request_id}"}
        rows, *_ = await asyncio.gather(
            self.call(
                "request",
                "GET",
                "/requests",
                params={"key": f"eq.{key}", "select": REQUEST_COLUMNS},
            ),
            self.call(
                "history", "GET", "/request_history", params={**by_request, "order": "id.asc"}
            ),
            self.call(
                "comments", "GET", "/comments", params={**by_request, "order": "created_at.asc"}
            ),
            self.call(
                "attachments",
                "GET",
                "/attachments",
                params={
                    **by_request,
                    "removed_at": "is.null",
                    "order": "id.asc",
                    "select": ATTACHMENT_COLUMNS,
                },
            ),
            self.call("sla", "GET", "/request_sla", params=by_request),
            self.call(
                "verify_audit", "GET", "/rpc/verify_audit", params={"request_id": str(request_id)}
            ),
            self.call(
                "allowed_transitions",
                "GET",
                "/rpc/allowed_transitions",
                params={"request_id": str(request_id)},
            ),
        )
        return dict(rows[0]) if rows else None

    async def poll_changes(self, until: float) -> None:
        """The open tab's live updates: `rpc/request_changes` every 15 s (ADR 0017)."""
        marker: str | None = None
        while time.monotonic() + CHANGES_POLL_SECONDS < until:
            await asyncio.sleep(CHANGES_POLL_SECONDS)
            answer = await self.call(
                "request_changes",
                "GET",
                "/rpc/request_changes",
                params={} if marker is None else {"since": marker},
            )
            if isinstance(answer, dict):
                marker = answer.get("marker") or marker

    async def file_request(self, number: int) -> None:
        category = random.choice(["IT", "IT", "OPS", "ADMIN", "HR"])
        await self.call(
            "file_request",
            "POST",
            "/requests",
            body={
                "title": f"Benchmark: the monitor flickers ({number})",
                "description": "Filed by the benchmark's simulated person.",
                "category": category,
                "priority": random.choice(["low", "normal", "normal", "high"]),
            },
            headers={"Prefer": "return=minimal"},
            expect=(201,),
        )

    async def comment(self, request_id: int, *, internal: bool = False) -> None:
        await self.call(
            "comment",
            "POST",
            "/comments",
            body={"request_id": request_id, "body": "Any news? Thanks.", "internal": internal},
            headers={"Prefer": "return=minimal"},
            expect=(201,),
        )

    async def transition(self, request_id: int, to_status: str, note: str | None) -> bool:
        result = await self.call(
            "transition",
            "POST",
            "/rpc/transition_request",
            body={"request_id": request_id, "to_status": to_status, "note": note},
            # Two agents taking the same request at once: the second gets 409,
            # which is the status machine working, not a failure.
            conflict=(409,),
        )
        return result is not None


async def requester_flow(client: Client, think: Think, *, writes: bool, until: float) -> None:
    """Open my list, open one of my requests, sometimes file one or comment."""
    filed = 0
    while time.monotonic() < until:
        rows = await client.my_list()
        await think()
        if rows and time.monotonic() < until:
            row = random.choice(rows)
            await client.open_request(row["key"], int(row["id"]))
            await think()
            roll = random.random()
            if writes and roll < 0.2:
                filed += 1
                await client.file_request(filed)
                await think()
            elif writes and roll < 0.4 and row["status"] != "cancelled":
                await client.comment(int(row["id"]))
                await think()


async def agent_flow(client: Client, think: Think, *, writes: bool, until: float) -> None:
    """Work the queue: open a request, take it, comment, resolve what I took."""
    taken: list[int] = []
    while time.monotonic() < until:
        rows = await client.queue()
        await think()
        if not rows or time.monotonic() >= until:
            continue
        row = random.choice(rows)
        request_id = int(row["id"])
        await client.open_request(row["key"], request_id)
        await think()
        if not writes:
            continue
        if await client.transition(request_id, "in_progress", None):
            taken.append(request_id)
        await think()
        await client.comment(request_id, internal=random.random() < 0.5)
        await think()
        if taken and random.random() < 0.7:
            await client.transition(
                taken.pop(0), "resolved", "Fixed: restarted the service and checked with you."
            )
            await think()


async def _loop_lag(recorder: Recorder, until: float) -> None:
    while time.monotonic() < until:
        begin = time.perf_counter()
        await asyncio.sleep(0.1)
        recorder.loop_lag_ms.append(max(0.0, (time.perf_counter() - begin - 0.1) * 1000))


async def run_load(
    *,
    origin: str,
    people: list[Person],
    seconds: float,
    think_range: tuple[float, float] | None,
    writes: bool = True,
    direct: Sequence[str] = (),
) -> tuple[Recorder, float]:
    """Run every person's flow for `seconds`; returns the recorder and the elapsed time.

    With `direct` (PostgREST base URLs), the calls skip Caddy and go straight
    to PostgREST, person i to direct[i % len(direct)] (read-only flows only).
    """
    recorder = Recorder()
    # One keep-alive connection per person at most, as a browser tab would hold.
    connector = aiohttp.TCPConnector(limit=len(people) * 4, limit_per_host=0, ttl_dns_cache=None)
    started = time.perf_counter()
    until = time.monotonic() + seconds

    async def think() -> None:
        if think_range is not None:
            await asyncio.sleep(random.uniform(*think_range))

    async with aiohttp.ClientSession(connector=connector) as session:

        async def person_task(index: int, person: Person) -> None:
            client = Client(session, person, origin, recorder, started)
            if direct:
                client.origin, client.prefix = direct[index % len(direct)], ""
            if think_range is not None:
                await asyncio.sleep(random.uniform(0, think_range[1]))  # arrive spread out
            flow = agent_flow if person.is_agent else requester_flow
            if think_range is None:
                await flow(client, think, writes=writes, until=until)
                return
            # People at their pace keep a tab open, and it polls (without think
            # time the polls would be a rounding error of the load).
            await asyncio.gather(
                flow(client, think, writes=writes, until=until), client.poll_changes(until)
            )

        tasks = [asyncio.create_task(person_task(i, p)) for i, p in enumerate(people)]
        await _loop_lag(recorder, until)
        # At the deadline, calls still in flight are abandoned unrecorded, so
        # the phase lasts exactly `seconds` and its rate is not diluted by a tail.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return recorder, time.perf_counter() - started
