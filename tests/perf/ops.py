"""The per-operation phase: each operation alone, closed loop, at 10 and 100 clients.

An operation is what one click of the SPA costs: *create* (file a request, all
in one category, so every create competes for the same numbering), *list* (my
requests: a page of `rpc/find_requests` and its `rpc/count_requests`, fetched
together as the SPA does), *request + history* (one request and its history,
fetched together), *transition* (an agent
takes an open request, then gives it back: a pair that leaves the data as it
was) and *comment* (on one of my own requests). Each client repeats its
operation with no think time; after a warm-up only the window is counted, and
the CPU time each process of the stack spent in the window is divided by the
operations it served (microseconds per operation, per process).

A closed loop measures how much the stack can do: its clients wait for each
other, so at 100 clients the mean latency is 100 ÷ throughput (Little's law).
How long a call takes when the stack is asked for less than its limit is the
*paced* row (ADR 0022): the same clients, each sending on a fixed schedule so
that together they offer a set rate (creates: 100 clients offering 400/s), and
each call timed from when it was due, so falling behind is counted.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import psycopg

from tests.perf import profile
from tests.perf.load import Client, Person
from tests.perf.resources import ResourceWatch
from tests.perf.stats import Recorder

OPERATIONS = ("create", "list", "request_history", "transition", "comment")
CREATE_CATEGORY = "IT"
REQUESTS_PER_WORKER = 40
# The paced rows: (operation, clients, calls/s offered by all of them together).
PACED = (("create", 100, 400.0),)


@dataclass(frozen=True)
class Worker:
    """One closed-loop client: a person and the requests its operation works on."""

    person: Person
    request_ids: tuple[int, ...]


Operation = Callable[[Client, Worker, int], Awaitable[None]]


async def _create(client: Client, worker: Worker, step: int) -> None:
    await client.call(
        "create",
        "POST",
        "/requests",
        body={
            "title": f"Benchmark: the printer jams ({step})",
            "description": "Filed by the benchmark's per-operation phase.",
            "category": CREATE_CATEGORY,
            "priority": "normal",
        },
        headers={"Prefer": "return=minimal"},
        expect=(201,),
    )


async def _list(client: Client, worker: Worker, step: int) -> None:
    await client.my_list()


async def _request_history(client: Client, worker: Worker, step: int) -> None:
    request_id = worker.request_ids[step % len(worker.request_ids)]
    await asyncio.gather(
        client.call("request", "GET", "/requests", params={"id": f"eq.{request_id}"}),
        client.call(
            "history",
            "GET",
            "/request_history",
            params={"request_id": f"eq.{request_id}", "order": "id"},
        ),
    )


async def _transition(client: Client, worker: Worker, step: int) -> None:
    # Even steps take a request, odd steps give the same one back.
    request_id = worker.request_ids[(step // 2) % len(worker.request_ids)]
    await client.call(
        "transition",
        "POST",
        "/rpc/transition_request",
        body={
            "request_id": request_id,
            "to_status": "in_progress" if step % 2 == 0 else "open",
            "note": None,
        },
        # A take cut off at the previous level's deadline may still commit after
        # this level chose its open requests: the status machine's 409, not a failure.
        conflict=(409,),
    )


async def _comment(client: Client, worker: Worker, step: int) -> None:
    request_id = worker.request_ids[step % len(worker.request_ids)]
    await client.call(
        "comment",
        "POST",
        "/comments",
        body={"request_id": request_id, "body": "Any news? Thanks.", "internal": False},
        headers={"Prefer": "return=minimal"},
        expect=(201,),
    )


RUNNERS: dict[str, Operation] = {
    "create": _create,
    "list": _list,
    "request_history": _request_history,
    "transition": _transition,
    "comment": _comment,
}


def workers(
    conn: psycopg.Connection, people: list[Person], operation: str, clients: int
) -> list[Worker]:
    """`clients` workers for `operation`; agents for transitions, requesters otherwise."""
    if operation == "transition":
        return _agent_workers(conn, [p for p in people if p.is_agent], clients)
    requesters = [p for p in people if not p.is_agent]
    if clients > len(requesters):
        raise ValueError(f"{clients} clients need as many requesters; {len(requesters)} given")
    chosen = requesters[:clients]
    rows = conn.execute(
        """select r.requester_id::text, (array_agg(r.id order by r.id))[1:%s]
             from app.requests r
            where r.requester_id = any(%s::uuid[]) and r.status in ('open', 'in_progress')
            group by r.requester_id""",
        (REQUESTS_PER_WORKER, [p.id for p in chosen]),
    ).fetchall()
    own: dict[str, list[int]] = {person_id: ids for person_id, ids in rows}
    return [Worker(p, tuple(own.get(p.id, ()))) for p in chosen if own.get(p.id)]


def _agent_workers(conn: psycopg.Connection, agents: list[Person], clients: int) -> list[Worker]:
    """Client i acts as agent i mod len(agents), on open requests no other client moves."""
    assigned = [agents[i % len(agents)] for i in range(clients)]
    result = []
    for category in sorted({p.categories[0] for p in agents}):
        mine = [p for p in assigned if p.categories[0] == category]
        ids = [
            row[0]
            for row in conn.execute(
                """select r.id from app.requests r
                    where r.category = %s and r.status = 'open' and r.assignee_id is null
                    order by r.id limit %s""",
                (category, len(mine) * REQUESTS_PER_WORKER),
            )
        ]
        for index, person in enumerate(mine):
            share = tuple(ids[index :: len(mine)])
            if share:
                result.append(Worker(person, share))
    return result


async def drive(
    *,
    origin: str,
    operation: str,
    workers: list[Worker],
    warmup: float,
    window: float,
    watch: ResourceWatch,
    rate: float | None = None,
) -> tuple[Recorder, dict[str, float]]:
    """Every worker repeats `operation` for warm-up + window; only the window counts.

    Closed loop (`rate` None): a worker sends its next call when the last one
    has answered. Paced: the workers together offer `rate` calls/s, each on its
    own fixed schedule (staggered so the calls spread evenly), and a call's
    latency runs from when it was due, not from when a late worker got to it.
    Returns the operations timed in the window and the CPU seconds each
    process group used in it.
    """
    recorder = Recorder()
    runner = RUNNERS[operation]
    interval = len(workers) / rate if rate else 0.0
    connector = aiohttp.TCPConnector(limit=0, ttl_dns_cache=None)
    started = time.perf_counter()
    window_start = started + warmup
    window_end = window_start + window

    async with aiohttp.ClientSession(connector=connector) as session:

        async def loop(index: int, worker: Worker) -> None:
            calls = Client(session, worker.person, origin, Recorder(), started)
            step = 0
            due = started + index * interval / len(workers)
            while True:
                failures = calls.failures
                if rate:
                    await asyncio.sleep(max(0.0, due - time.perf_counter()))
                    begin, due = due, due + interval
                else:
                    begin = time.perf_counter()
                await runner(calls, worker, step)
                end = time.perf_counter()
                step += 1
                if begin >= window_start and end <= window_end:
                    ok = calls.failures == failures
                    recorder.record(
                        operation,
                        at=end - window_start,
                        latency_ms=(end - begin) * 1000,
                        status=200 if ok else 0,
                        ok=ok,
                        error=None if ok else "; ".join(calls.recorder.error_examples[-2:]),
                    )

        tasks = [asyncio.create_task(loop(i, w)) for i, w in enumerate(workers)]
        await asyncio.sleep(warmup)
        cpu_before = await asyncio.to_thread(watch.cpu_seconds)
        await asyncio.sleep(max(0.0, window_end - time.perf_counter()))
        cpu_after = await asyncio.to_thread(watch.cpu_seconds)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    cpu = {name: cpu_after[name] - cpu_before.get(name, 0.0) for name in cpu_after}
    return recorder, cpu


async def per_operation(
    *,
    origin: str,
    connect: Callable[[], psycopg.Connection],
    people: list[Person],
    levels: tuple[int, ...],
    operations: tuple[str, ...] = OPERATIONS,
    paced: tuple[tuple[str, int, float], ...] = PACED,
    warmup: float,
    window: float,
    watch: ResourceWatch,
    say: Callable[[str], None],
) -> dict[str, Any]:
    """The table: each operation at each level, then its paced rows, with CPU and top statements."""
    rows = []
    for operation in operations:
        runs: list[tuple[int, float | None]] = [(clients, None) for clients in levels]
        runs += [(clients, rate) for op, clients, rate in paced if op == operation]
        for clients, rate in runs:
            with connect() as conn:
                chosen = workers(conn, people, operation, clients)
                profile.reset_statements(conn)
            load = os.getloadavg()[0]
            recorder, cpu = await drive(
                origin=origin,
                operation=operation,
                workers=chosen,
                warmup=warmup,
                window=window,
                watch=watch,
                rate=rate,
            )
            summary = recorder.summary(window)["calls"].get(operation) or {
                "count": 0,
                "errors": 0,
                "per_second": 0.0,
                "p50_ms": 0.0,
                "p95_ms": 0.0,
                "p99_ms": 0.0,
            }
            with connect() as conn:
                statements = profile.top_statements(conn, limit=5)
            row = {
                "operation": operation,
                "clients": len(chosen),
                "offered_per_second": rate,
                "load_average": round(load, 2),
                **{
                    k: summary[k]
                    for k in ("count", "per_second", "p50_ms", "p95_ms", "p99_ms", "errors")
                },
                "cpu_us_per_operation": profile.per_call_us(cpu, summary["count"]),
                "top_statements": statements,
                "error_examples": recorder.error_examples[:3],
            }
            rows.append(row)
            say(describe_row(row))
    return {"warmup_seconds": warmup, "window_seconds": window, "rows": rows}


def label(row: dict[str, Any]) -> str:
    """`create @ 100`, or `create @ 100 paced 400/s` for a paced row."""
    text = f"{row['operation'].replace('_', ' + ')} @ {row['clients']}"
    offered = row.get("offered_per_second")
    return f"{text} paced {offered:.0f}/s" if offered else text


def describe_row(row: dict[str, Any]) -> str:
    return (
        f"ops {label(row):<28}: {row['per_second']:>6.0f}/s  "
        f"p50 {row['p50_ms']:>7.1f}  p95 {row['p95_ms']:>7.1f}  p99 {row['p99_ms']:>7.1f} ms  "
        f"errors {row['errors']}  (load {row['load_average']:.1f})"
    )


def table(result: dict[str, Any]) -> str:
    """The per-operation table as Markdown (printed and written to the README)."""
    lines = [
        "| operation | clients | offered | ops/s | p50 ms | p95 ms | p99 ms | errors | load |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["rows"]:
        offered = row.get("offered_per_second")
        lines.append(
            f"| {row['operation'].replace('_', ' + ')} | {row['clients']} "
            f"| {f'{offered:.0f}/s' if offered else 'closed loop'} | {row['per_second']:.0f} "
            f"| {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['p99_ms']:.1f} | {row['errors']} "
            f"| {row['load_average']:.1f} |"
        )
    return "\n".join(lines)
