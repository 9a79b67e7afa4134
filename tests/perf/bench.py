"""The benchmark's phases: start and seed a stack, realistic run with memory, saturation, ceiling."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devstack.paths import DATA, ROOT
from devstack.postgrest import RTS_OPTIONS
from devstack.processes import free_port
from devstack.stack import DBNAME, LocalStack, StackSettings
from tests.perf import ceiling, fairness, ops, profile, seed
from tests.perf.load import Person, run_load
from tests.perf.people import simulated_people
from tests.perf.resources import (
    ResourceWatch,
    Sample,
    Watched,
    cpu_share,
    machine,
    postmaster_pid,
)

BENCH_DIR = DATA / "bench"
THINK = (1.0, 3.0)
PHASES = ("realistic", "saturation", "ceiling", "ops", "fairness")


@dataclass(frozen=True)
class Plan:
    mode: str
    realistic_seconds: float
    saturation_seconds: float
    ceiling_seconds: int
    levels: tuple[int, ...]
    people: int = 100
    instances: int = 2
    pool: int = 10
    jwt_cache_seconds: int = 0
    sample_every: float = 15.0
    note: str = ""
    fairness_seconds: float = 30.0
    ops_levels: tuple[int, ...] = (10, 100)
    ops_warmup_seconds: float = 5.0
    ops_window_seconds: float = 30.0
    phases: tuple[str, ...] = PHASES
    postgrest_rts: str = RTS_OPTIONS
    operations: tuple[str, ...] = ops.OPERATIONS

    @property
    def total_seconds(self) -> float:
        return (
            self.realistic_seconds
            + self.saturation_seconds * len(self.levels)
            + 4 * self.ceiling_seconds
            + self.fairness_seconds * 4 / 3
            + (self.ops_warmup_seconds + self.ops_window_seconds)
            * (
                len(self.ops_levels) * len(self.operations)
                + sum(1 for op, _, _ in ops.PACED if op in self.operations)
            )
        )


def _git_commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or "unknown"


def _watch(stack: LocalStack) -> ResourceWatch:
    groups = [Watched("postgresql", postmaster_pid(stack.postgres.pgdata), children=True)]
    groups += [Watched(s.name, s.process.pid) for s in stack.services]
    groups.append(Watched("load generator", os.getpid()))
    return ResourceWatch(groups)


def _say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


async def realistic(
    stack: LocalStack, people: list[Person], plan: Plan, watch: ResourceWatch
) -> dict[str, Any]:
    """100 people with think time 1–3 s; memory sampled before, during and after."""
    watch.sample("before")
    cpu_before = watch.cpu_seconds()
    until = time.monotonic() + plan.realistic_seconds
    sampler = asyncio.create_task(watch.sample_every(plan.sample_every, "during", until))
    recorder, elapsed = await run_load(
        origin=stack.origin, people=people, seconds=plan.realistic_seconds, think_range=THINK
    )
    await sampler
    cpu = cpu_share(cpu_before, watch.cpu_seconds(), elapsed)
    await asyncio.sleep(5)
    watch.sample("after")
    summary = recorder.summary(elapsed)
    summary["cpu_percent_of_one_core"] = cpu
    summary["windows"] = recorder.windows(10.0 if plan.realistic_seconds >= 120 else 5.0)
    return summary


async def saturation(
    stack: LocalStack, people: list[Person], plan: Plan, watch: ResourceWatch
) -> dict[str, Any]:
    """The same mix without think time at rising concurrency."""
    levels = []
    for level in plan.levels:
        chosen = _mix(people, level)
        cpu_before = watch.cpu_seconds()
        stop = asyncio.Event()
        waits = asyncio.create_task(profile.sample_waits(stack.connect, stop))
        recorder, elapsed = await run_load(
            origin=stack.origin, people=chosen, seconds=plan.saturation_seconds, think_range=None
        )
        stop.set()
        summary = recorder.summary(elapsed)
        overall = summary["overall"]
        levels.append(
            {
                "concurrency": level,
                **{k: overall[k] for k in ("per_second", "p50_ms", "p95_ms", "p99_ms", "errors")},
                "conflicts": overall["conflicts"],
                "loop_lag_ms": summary["loop_lag_ms"],
                "cpu_percent_of_one_core": cpu_share(cpu_before, watch.cpu_seconds(), elapsed),
                # Mean number of database backends on CPU, idle or waiting (and on what).
                "db_backends": await waits,
            }
        )
        _say(
            f"saturation {level:>3}: {overall['per_second']:.0f} calls/s, p95 {overall['p95_ms']:.1f} ms, "
            f"errors {overall['errors']}, conflicts {overall['conflicts']}, stack CPU "
            f"{sum(v for k, v in levels[-1]['cpu_percent_of_one_core'].items() if k != 'load generator'):.0f} % "
            f"of one core, database backends {levels[-1]['db_backends']}"
        )
    peak = max(levels, key=lambda level: float(level["per_second"]))
    flattens = next(
        (
            later["concurrency"]
            for earlier, later in itertools.pairwise(levels)
            if float(later["per_second"]) < 1.05 * float(earlier["per_second"])
        ),
        None,
    )
    return {
        "levels": levels,
        "peak": {"concurrency": peak["concurrency"], "per_second": peak["per_second"]},
        "flattens_at": flattens,
    }


def _mix(people: list[Person], count: int) -> list[Person]:
    """`count` people keeping the agents' share."""
    agents = [p for p in people if p.is_agent]
    requesters = [p for p in people if not p.is_agent]
    share = count // 5
    return agents[:share] + requesters[: count - share]


async def ceiling_phase(
    stack: LocalStack, people: list[Person], plan: Plan, watch: ResourceWatch, work_dir: Path
) -> dict[str, Any]:
    """API read calls through Caddy, straight to PostgREST, and the same SQL in pgbench."""
    requesters = [p for p in people if not p.is_agent][: plan.people]
    with stack.connect() as conn:
        profile.track_nested_statements(conn, True)
    try:
        result = await ceiling.measure(
            origin=stack.origin,
            direct=stack.postgrest_urls,
            connect=stack.connect,
            requesters=requesters,
            seconds=plan.ceiling_seconds,
            pool_clients=plan.instances * plan.pool,
            socket_dir=stack.postgres.socket_dir,
            dbname=DBNAME,
            watch=watch,
            work_dir=work_dir,
            say=_say,
        )
    finally:
        with stack.connect() as conn:
            profile.track_nested_statements(conn, False)
    _say(
        f"ceiling: API via Caddy {result['api']['per_second']:.0f} calls/s, straight to PostgREST "
        f"{result['api_direct']['per_second']:.0f}, pgbench "
        f"{result['pgbench']['same_concurrency'].get('tps', 0):.0f} tps → {result['api_share_percent']} % "
        f"via Caddy, {result['api_direct_share_percent']} % direct "
        f"(of the best pgbench: {result['api_share_of_best_pgbench_percent']} %)"
    )
    print(profile.cpu_table(result["cpu_us_per_call"]), flush=True)
    print(profile.statements_table(result["top_statements"]), flush=True)
    return result


async def fairness_phase(stack: LocalStack, people: list[Person], plan: Plan) -> dict[str, Any]:
    """One agent floods; five requesters are measured (tests/perf/fairness.py)."""
    flooder = next(p for p in people if p.is_agent)
    others = [p for p in people if not p.is_agent][:5]
    result = await fairness.fairness(
        origin=stack.origin, flooder=flooder, others=others, seconds=plan.fairness_seconds
    )
    _say(fairness.describe(result))
    return result


async def run_fairness_only(plan: Plan, *, fresh: bool) -> dict[str, Any]:
    """`scripts/bench --fairness`: the seeded stack and the fairness phase alone."""
    stack, _ = start_stack(plan, fresh=fresh)
    try:
        people = simulated_people(stack, 10, int(plan.fairness_seconds) + 600)
        return await fairness_phase(stack, people, plan)
    finally:
        stack.stop()
        shutil.rmtree(stack.postgres.socket_dir, ignore_errors=True)


def memory_summary(watch: ResourceWatch) -> dict[str, Any]:
    """PSS for PostgreSQL (its backends share buffers), RSS for the rest; growth over the run."""

    def total(sample_index: int) -> float:
        sample = watch.samples[sample_index]
        return sum(
            sample.pss_mb[name] if name == "postgresql" else sample.rss_mb[name]
            for name in sample.rss_mb
            if name != "load generator"
        )

    during = [i for i, s in enumerate(watch.samples) if s.label == "during"]
    # The realistic run's own samples (people with think time): issue #16's
    # "under load", apart from the no-think-time phases' peaks.
    with_think_time = [s for s in watch.samples if s.label in ("before", "during")]
    warm = during[max(0, len(during) // 4 - 1)] if during else 0
    last = next(i for i, s in reversed(list(enumerate(watch.samples))) if s.label == "after")
    return {
        "samples": [
            {
                "at": s.at,
                "label": s.label,
                "memory_mb": {
                    name: (s.pss_mb[name] if name == "postgresql" else s.rss_mb[name])
                    for name in s.rss_mb
                },
                "postgresql_rss_sum_mb": s.rss_mb.get("postgresql", 0.0),
                "processes": s.processes,
            }
            for s in watch.samples
        ],
        "stack_before_mb": round(total(0), 1),
        "stack_warm_mb": round(total(warm), 1),
        "stack_after_mb": round(total(last), 1),
        "growth_mb": round(total(last) - total(warm), 1),
        "growth_from_before_mb": round(total(last) - total(0), 1),
        # Issue #16's budget: the application's processes ≤ 150 MB PSS together.
        "application_pss_mb": {
            "processes": sorted(n for n in watch.samples[0].pss_mb if _is_application(n)),
            "before": application_pss(watch.samples[0]),
            "warm": application_pss(watch.samples[warm]),
            "max": max(application_pss(s) for s in watch.samples),
            "after": application_pss(watch.samples[last]),
            "max_each": {
                name: max(s.pss_mb.get(name, 0.0) for s in watch.samples)
                for name in sorted(watch.samples[0].pss_mb)
                if _is_application(name)
            },
            "file_backed_at_max": _file_backed_at_max(watch),
            **(
                {
                    "max_with_think_time": max(application_pss(s) for s in with_think_time),
                    "max_each_with_think_time": {
                        name: max(s.pss_mb.get(name, 0.0) for s in with_think_time)
                        for name in sorted(watch.samples[0].pss_mb)
                        if _is_application(name)
                    },
                }
                if during
                else {}
            ),
        },
        "postgresql_pss_mb": {
            "before": watch.samples[0].pss_mb.get("postgresql", 0.0),
            "max": max(s.pss_mb.get("postgresql", 0.0) for s in watch.samples),
            "after": watch.samples[last].pss_mb.get("postgresql", 0.0),
        },
    }


def _is_application(name: str) -> bool:
    """Caddy, each PostgREST, authsvc, the notifier: not PostgreSQL, the test doubles or us."""
    return name.startswith(("caddy", "postgrest", "authsvc", "notifier"))


def _file_backed_at_max(watch: ResourceWatch) -> float:
    """Of the application's PSS at its highest, the file-backed MB (program text, libraries)."""
    sample = max(watch.samples, key=application_pss)
    return round(sum(mb for n, mb in sample.pss_file_mb.items() if _is_application(n)), 1)


def application_pss(sample: Sample) -> float:
    return round(sum(mb for name, mb in sample.pss_mb.items() if _is_application(name)), 1)


def describe_memory(memory: dict[str, Any]) -> str:
    app, pg = memory["application_pss_mb"], memory["postgresql_pss_mb"]
    return (
        f"memory: application ({', '.join(app['processes'])}) PSS {app['before']:.0f} MB before, "
        + (
            f"{app['max_with_think_time']:.0f} MB at most with think time, "
            if "max_with_think_time" in app
            else ""
        )
        + f"{app['max']:.0f} MB at most ({app['file_backed_at_max']:.0f} MB of it file-backed), "
        f"{app['after']:.0f} MB after; PostgreSQL PSS "
        f"{pg['before']:.0f} → {pg['max']:.0f} MB at most; whole stack growth "
        f"{memory['growth_mb']:+.0f} MB from warm to the end; at most per process: "
        + ", ".join(f"{name} {mb:.0f}" for name, mb in app["max_each"].items())
    )


def start_stack(plan: Plan, *, fresh: bool) -> tuple[LocalStack, dict[str, Any]]:
    """A stack in .data/bench/stack on free ports, seeded once (kept between runs unless fresh)."""
    data_dir = BENCH_DIR / "stack"
    if fresh:
        shutil.rmtree(data_dir, ignore_errors=True)
    stack = LocalStack(
        StackSettings(
            data_dir=data_dir,
            http_port=free_port(),
            postgrest_instances=plan.instances,
            postgrest_pool=plan.pool,
            postgrest_jwt_cache_seconds=plan.jwt_cache_seconds,
            postgrest_rts_options=plan.postgrest_rts,
        )
    )
    _say(f"starting the stack in {data_dir} ({plan.instances} PostgREST, pool {plan.pool}) …")
    stack.start()
    info: dict[str, Any] = {}
    try:
        with stack.connect() as conn:
            conn.execute("create extension if not exists pg_stat_statements")
            if seed.is_seeded(conn):
                info["seeded_this_run"] = False
            else:
                _say("seeding 500 people and 100 000 requests through the real triggers …")
                timings = seed.seed(conn)
                info["seeded_this_run"] = True
                info["seed_seconds"] = round(timings.total, 1)
                info["seed_phases"] = timings.phases
                _say(f"seeded in {timings.total:.0f} s: {timings.phases}")
            info["data"] = seed.counts(conn)
            info["audit_sample"] = seed.verify_sample(conn)
            conn.execute("select pg_stat_statements_reset()")
    except BaseException:
        stack.stop()
        raise
    return stack, info


async def ops_phase(
    stack: LocalStack, people: list[Person], plan: Plan, watch: ResourceWatch
) -> dict[str, Any]:
    """Each operation alone at each level (tests/perf/ops.py)."""
    with stack.connect() as conn:
        profile.track_nested_statements(conn, True)
    try:
        result = await ops.per_operation(
            origin=stack.origin,
            connect=stack.connect,
            people=people,
            levels=plan.ops_levels,
            operations=plan.operations,
            warmup=plan.ops_warmup_seconds,
            window=plan.ops_window_seconds,
            watch=watch,
            say=_say,
        )
    finally:
        with stack.connect() as conn:
            profile.track_nested_statements(conn, False)
    print(ops.table(result), flush=True)
    print(
        profile.cpu_table({ops.label(row): row["cpu_us_per_operation"] for row in result["rows"]}),
        flush=True,
    )
    return result


async def run(plan: Plan, *, fresh: bool, output: Path) -> dict[str, Any]:
    before = machine()
    started_at = dt.datetime.now(dt.UTC)
    stack, data = start_stack(plan, fresh=fresh)
    results: dict[str, Any] = {}
    try:
        lifetime = int(plan.total_seconds) + 1800
        people = simulated_people(stack, max(*plan.levels, *plan.ops_levels, plan.people), lifetime)
        watch = _watch(stack)
        with stack.connect() as conn:
            tables_before = profile.table_activity(conn)
        if "realistic" in plan.phases:
            _say(f"realistic run: {plan.people} people for {plan.realistic_seconds:.0f} s …")
            results["realistic"] = await realistic(stack, _mix(people, plan.people), plan, watch)
            overall = results["realistic"]["overall"]
            _say(
                f"realistic: {overall['per_second']:.0f} calls/s, p50 {overall['p50_ms']} p95 {overall['p95_ms']} "
                f"p99 {overall['p99_ms']} ms, errors {overall['errors']}"
            )
            results["memory"] = memory_summary(watch)
            drift = profile.latency_drift(results["realistic"]["windows"])
            if drift:
                results["realistic"]["latency_drift"] = drift
                _say(
                    f"latency drift: p95 {drift['first_quarter_p95_ms']:.1f} ms in the first quarter, "
                    f"{drift['last_quarter_p95_ms']:.1f} ms in the last"
                )
        # Memory under the load of the other phases too (the realistic run samples its own).
        sampler = asyncio.create_task(watch.sample_every(plan.sample_every, "load", float("inf")))
        if "saturation" in plan.phases:
            _say("saturation …")
            results["saturation"] = await saturation(stack, people, plan, watch)
        if "ceiling" in plan.phases:
            _say(
                "ceiling: API reads via Caddy, straight to PostgREST, and the same SQL in pgbench …"
            )
            results["ceiling"] = await ceiling_phase(
                stack, people, plan, watch, BENCH_DIR / "pgbench-scripts"
            )
        if "ops" in plan.phases:
            _say("per operation: closed loop, each operation alone …")
            results["ops"] = await ops_phase(stack, people, plan, watch)
        if "fairness" in plan.phases:
            _say("fairness: one person floods, another is measured …")
            results["fairness"] = await fairness_phase(stack, people, plan)
        sampler.cancel()
        watch.sample("after")
        # Growth is the realistic run's (flat over the soak?); the peaks cover every phase.
        every_phase = memory_summary(watch)
        memory = results.setdefault("memory", every_phase)
        for key in ("application_pss_mb", "postgresql_pss_mb"):
            memory[key] = every_phase[key]
        _say(describe_memory(memory))
        with stack.connect() as conn:
            # What the run grew, and whether autovacuum ran on it (late drift?).
            results["tables"] = {"before": tables_before, "after": profile.table_activity(conn)}
    finally:
        stack.stop()
        shutil.rmtree(stack.postgres.socket_dir, ignore_errors=True)
    return {
        "run": started_at.strftime("%Y-%m-%dT%H%M"),
        "mode": plan.mode,
        "phases": list(plan.phases),
        "note": plan.note,
        "commit": _git_commit(),
        "machine": before,
        "machine_after": machine(),
        "settings": {
            "people": plan.people,
            "think_seconds": list(THINK),
            "realistic_seconds": plan.realistic_seconds,
            "saturation_seconds_per_level": plan.saturation_seconds,
            "ceiling_seconds": plan.ceiling_seconds,
            "ops_levels": list(plan.ops_levels),
            "ops_warmup_seconds": plan.ops_warmup_seconds,
            "ops_window_seconds": plan.ops_window_seconds,
            "postgrest_instances": plan.instances,
            "postgrest_pool": plan.pool,
            "postgrest_jwt_cache_seconds": plan.jwt_cache_seconds,
            "postgrest_rts_options": plan.postgrest_rts,
        },
        "data": data,
        **results,
    }
