"""Where the time goes: CPU per call in each process, and the statements PostgreSQL ran.

CPU comes from each process's user + system time (/proc/<pid>/stat, through
psutil) read before and after a timed window; PostgreSQL's group is the
postmaster with every backend (and the time of backends that exited in the
window). Divided by the calls served in the window it is the CPU each part of
the stack spends on one call, in microseconds. The statements come from
pg_stat_statements with `track = all`, so the statements inside
`api.pre_request()` and the RLS helpers show up on their own lines.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Callable
from typing import Any

import psycopg

# Columns left out of a row's stack total: the load and the OIDC test double.
NOT_THE_STACK = ("load generator", "oidc-stand-in")


def per_call_us(cpu_seconds: dict[str, float], calls: int) -> dict[str, float]:
    """CPU microseconds per call of each process group (0 calls: empty)."""
    if not calls:
        return {}
    return {name: round(seconds / calls * 1e6) for name, seconds in cpu_seconds.items()}


def track_nested_statements(conn: psycopg.Connection, on: bool) -> None:
    """pg_stat_statements.track = all (the bench's own cluster only) or back to the default."""
    if on:
        conn.execute("alter system set pg_stat_statements.track = 'all'")
    else:
        conn.execute("alter system reset pg_stat_statements.track")
    conn.execute("select pg_reload_conf()")


def reset_statements(conn: psycopg.Connection) -> None:
    conn.execute("select pg_stat_statements_reset()")


def top_statements(conn: psycopg.Connection, limit: int = 12) -> list[dict[str, Any]]:
    """The statements that cost most since the last reset: calls, mean and total ms."""
    rows = conn.execute(
        """select s.calls, s.mean_exec_time, s.total_exec_time, s.toplevel,
                  left(regexp_replace(s.query, '\\s+', ' ', 'g'), 180)
             from pg_stat_statements s
            where s.dbid = (select oid from pg_database where datname = current_database())
            order by s.total_exec_time desc
            limit %s""",
        (limit,),
    ).fetchall()
    return [
        {
            "calls": calls,
            "mean_ms": round(float(mean), 3),
            "total_ms": round(float(total), 1),
            "toplevel": toplevel,
            "query": query,
        }
        for calls, mean, total, toplevel, query in rows
    ]


def cpu_table(profiles: dict[str, dict[str, float]]) -> str:
    """Markdown: one row per run (e.g. ceiling via Caddy, ceiling direct), µs per call per process."""
    names: list[str] = []
    for costs in profiles.values():
        names += [n for n in costs if n not in names]
    lines = [
        "| run | " + " | ".join(names) + " | stack total |",
        "|---|" + "---|" * (len(names) + 1),
    ]
    for label, costs in profiles.items():
        cells = [f"{costs[n]:.0f}" if n in costs else "–" for n in names]
        total = sum(v for k, v in costs.items() if k not in NOT_THE_STACK)
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {total:.0f} |")
    return "\n".join(lines)


def statements_table(statements: list[dict[str, Any]], limit: int = 8) -> str:
    lines = ["| calls | mean ms | total ms | top | statement |", "|---|---|---|---|---|"]
    for s in statements[:limit]:
        query = s["query"].replace("|", "\\|")
        lines.append(
            f"| {s['calls']} | {s['mean_ms']:.3f} | {s['total_ms']:.0f} | "
            f"{'yes' if s['toplevel'] else 'nested'} | `{query}` |"
        )
    return "\n".join(lines)


def wait_events(conn: psycopg.Connection) -> dict[str, int]:
    """What the database's client backends are doing right now: on CPU, or waiting on what."""
    rows = conn.execute(
        """select case when a.state = 'idle' then 'idle'
                       when a.wait_event_type is null then 'on CPU'
                       else a.wait_event_type || ':' || a.wait_event end, count(*)
             from pg_stat_activity a
            where a.datname = current_database() and a.backend_type = 'client backend'
              and a.pid <> pg_backend_pid()
            group by 1"""
    ).fetchall()
    return {str(state): int(count) for state, count in rows}


async def sample_waits(
    connect: Callable[[], psycopg.Connection], stop: asyncio.Event, every: float = 0.5
) -> dict[str, float]:
    """Mean number of backends in each state (wait event) until `stop` is set."""
    totals: Counter[str] = Counter()
    samples = 0
    with connect() as conn:
        conn.autocommit = True
        while not stop.is_set():
            totals.update(await asyncio.to_thread(wait_events, conn))
            samples += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
    return {state: round(n / samples, 1) for state, n in totals.most_common()} if samples else {}


GROWN_TABLES = ("requests", "audit_log", "audit_heads", "comments", "notifications", "sla_clocks")


def table_activity(conn: psycopg.Connection) -> dict[str, dict[str, Any]]:
    """Rows, dead rows and (auto)vacuum/analyze counts of the tables a run grows."""
    rows = conn.execute(
        """select t.relname, t.n_live_tup, t.n_dead_tup, t.autovacuum_count, t.autoanalyze_count,
                  t.last_autovacuum::text, t.last_autoanalyze::text
             from pg_stat_user_tables t
            where t.schemaname = 'app' and t.relname = any(%s)
            order by t.relname""",
        (list(GROWN_TABLES),),
    ).fetchall()
    return {
        name: {
            "live": live,
            "dead": dead,
            "autovacuums": vacuums,
            "autoanalyzes": analyzes,
            "last_autovacuum": last_vacuum,
            "last_autoanalyze": last_analyze,
        }
        for name, live, dead, vacuums, analyzes, last_vacuum, last_analyze in rows
    }


def latency_drift(windows: list[dict[str, float]]) -> dict[str, float]:
    """p95 of the realistic run's windows: the first quarter's median against the last quarter's."""
    if len(windows) < 8:
        return {}
    quarter = len(windows) // 4

    def middle(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[len(ordered) // 2]

    first = middle([w["p95"] for w in windows[:quarter]])
    last = middle([w["p95"] for w in windows[-quarter:]])
    return {
        "first_quarter_p95_ms": first,
        "last_quarter_p95_ms": last,
        "ratio": round(last / first, 2) if first else 0.0,
    }
