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
from devstack.processes import free_port
from devstack.stack import DBNAME, LocalStack, StackSettings
from tests.perf import ceiling, fairness, seed
from tests.perf.load import Person, run_load
from tests.perf.people import simulated_people
from tests.perf.resources import ResourceWatch, Watched, cpu_share, machine, postmaster_pid

BENCH_DIR = DATA / "bench"
THINK = (1.0, 3.0)


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

    @property
    def total_seconds(self) -> float:
        return (
            self.realistic_seconds
            + self.saturation_seconds * len(self.levels)
            + 2 * self.ceiling_seconds
            + self.fairness_seconds * 4 / 3
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
        recorder, elapsed = await run_load(
            origin=stack.origin, people=chosen, seconds=plan.saturation_seconds, think_range=None
        )
        summary = recorder.summary(elapsed)
        overall = summary["overall"]
        levels.append(
            {
                "concurrency": level,
                **{k: overall[k] for k in ("per_second", "p50_ms", "p95_ms", "p99_ms", "errors")},
                "conflicts": overall["conflicts"],
                "loop_lag_ms": summary["loop_lag_ms"],
                "cpu_percent_of_one_core": cpu_share(cpu_before, watch.cpu_seconds(), elapsed),
            }
        )
        _say(
            f"saturation {level:>3}: {overall['per_second']:.0f} calls/s, p95 {overall['p95_ms']:.1f} ms, errors {overall['errors']}"
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
    """API read calls vs the same SQL in pgbench, both at the same concurrency."""
    requesters = [p for p in people if not p.is_agent][: plan.people]
    cpu_before = watch.cpu_seconds()
    recorder, elapsed = await run_load(
        origin=stack.origin,
        people=requesters,
        seconds=plan.ceiling_seconds,
        think_range=None,
        writes=False,
    )
    api_cpu = cpu_share(cpu_before, watch.cpu_seconds(), elapsed)
    api = recorder.summary(elapsed)
    with stack.connect() as conn:
        ceiling.prepare_clients(conn, requesters)
    runs: dict[str, dict[str, Any]] = {}
    try:
        # The same concurrency as the API run, and as many clients as PostgREST
        # has connections in all (its pools cap the database's concurrency).
        for label, clients in (
            ("same_concurrency", len(requesters)),
            ("pool_concurrency", plan.instances * plan.pool),
        ):
            cpu_before = watch.cpu_seconds()
            started = time.monotonic()
            try:
                result = await asyncio.to_thread(
                    ceiling.run_pgbench,
                    socket_dir=stack.postgres.socket_dir,
                    dbname=DBNAME,
                    clients=clients,
                    people=len(requesters),
                    seconds=plan.ceiling_seconds,
                    work_dir=work_dir,
                )
            except RuntimeError as error:
                _say(str(error)[-1500:])
                runs[label] = {"clients": clients, "failed": True}
                continue
            runs[label] = {
                "clients": clients,
                **result.as_dict(),
                "cpu_percent_of_one_core": cpu_share(
                    cpu_before, watch.cpu_seconds(), time.monotonic() - started
                ),
            }
    finally:
        with stack.connect() as conn:
            ceiling.drop_clients(conn)
    same = float(runs["same_concurrency"].get("tps", 0.0))
    api_rate = float(api["overall"]["per_second"])
    # CPU milliseconds each process group spent per API call, and per pgbench
    # transaction: what the API adds on top of the database, part by part.
    api_cost = {
        name: round(percent / 100 * 1000 / api_rate, 3) if api_rate else 0.0
        for name, percent in api_cpu.items()
    }
    pg_cost = {
        label: {
            name: round(percent / 100 * 1000 / float(run["tps"]), 3)
            for name, percent in {
                **run.get("cpu_percent_of_one_core", {}),
                "pgbench": run.get("pgbench_cpu_percent_of_one_core", 0.0),
            }.items()
            if percent >= 1.0
        }
        for label, run in runs.items()
        if run.get("tps")
    }
    best = max(float(run.get("tps", 0.0)) for run in runs.values())
    share = api["overall"]["per_second"] / same * 100 if same else 0.0
    share_best = api["overall"]["per_second"] / best * 100 if best else 0.0
    return {
        "concurrency": len(requesters),
        "api": {
            "per_second": api["overall"]["per_second"],
            "p50_ms": api["overall"]["p50_ms"],
            "p95_ms": api["overall"]["p95_ms"],
            "errors": api["overall"]["errors"],
            "calls": {
                name: {
                    "per_second": c["per_second"],
                    "mean_ms": c["mean_ms"],
                    "server_timing_mean_ms": c["server_timing_mean_ms"],
                }
                for name, c in api["calls"].items()
            },
            "cpu_percent_of_one_core": api_cpu,
        },
        "pgbench": runs,
        "cpu_ms_per_call": {"api": api_cost, **{f"pgbench_{k}": v for k, v in pg_cost.items()}},
        "api_share_percent": round(share, 1),
        "api_share_of_best_pgbench_percent": round(share_best, 1),
    }


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
    }


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


async def run(plan: Plan, *, fresh: bool, output: Path) -> dict[str, Any]:
    before = machine()
    started_at = dt.datetime.now(dt.UTC)
    stack, data = start_stack(plan, fresh=fresh)
    try:
        lifetime = int(plan.total_seconds) + 1800
        people = simulated_people(stack, max(max(plan.levels), plan.people), lifetime)
        realistic_people = _mix(people, plan.people)
        watch = _watch(stack)
        _say(f"realistic run: {plan.people} people for {plan.realistic_seconds:.0f} s …")
        realistic_result = await realistic(stack, realistic_people, plan, watch)
        overall = realistic_result["overall"]
        _say(
            f"realistic: {overall['per_second']:.0f} calls/s, p50 {overall['p50_ms']} p95 {overall['p95_ms']} "
            f"p99 {overall['p99_ms']} ms, errors {overall['errors']}"
        )
        memory = memory_summary(watch)
        _say("saturation …")
        saturation_result = await saturation(stack, people, plan, watch)
        _say("ceiling: API reads vs pgbench …")
        ceiling_result = await ceiling_phase(
            stack, people, plan, watch, BENCH_DIR / "pgbench-scripts"
        )
        _say(
            f"ceiling: API {ceiling_result['api']['per_second']:.0f} calls/s, pgbench "
            f"{ceiling_result['pgbench']['same_concurrency'].get('tps', 0):.0f} tps → {ceiling_result['api_share_percent']} % "
            f"(of the best pgbench: {ceiling_result['api_share_of_best_pgbench_percent']} %)"
        )
        _say("fairness: one person floods, another is measured …")
        fairness_result = await fairness_phase(stack, people, plan)
        with stack.connect() as conn:
            top = conn.execute(
                """select calls, round(mean_exec_time::numeric, 3), left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                     from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                    order by total_exec_time desc limit 12"""
            ).fetchall()
    finally:
        stack.stop()
        shutil.rmtree(stack.postgres.socket_dir, ignore_errors=True)
    return {
        "run": started_at.strftime("%Y-%m-%dT%H%M"),
        "mode": plan.mode,
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
            "postgrest_instances": plan.instances,
            "postgrest_pool": plan.pool,
            "postgrest_jwt_cache_seconds": plan.jwt_cache_seconds,
        },
        "data": data,
        "realistic": realistic_result,
        "memory": memory,
        "saturation": saturation_result,
        "ceiling": ceiling_result,
        "fairness": fairness_result,
        "top_statements": [
            {"calls": calls, "mean_ms": float(mean), "query": query} for calls, mean, query in top
        ],
    }
