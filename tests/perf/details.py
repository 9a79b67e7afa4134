"""The detail tables under docs/perf/README.md's run table, each from the newest run that has it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.perf import ops, profile

Report = tuple[str, dict[str, Any]]


def _newest(reports: list[Report], key: str) -> Report | None:
    return next(((name, r) for name, r in reports if r.get(key)), None)


def _load(report: dict[str, Any]) -> str:
    return f"load average {report['machine']['load_average'][0]:.1f} at the start"


def _ops(name: str, report: dict[str, Any]) -> list[str]:
    result = report["ops"]
    return [
        f"## Per operation (run {name}, {report['mode']}, {_load(report)})",
        "",
        f"Each operation alone, closed loop (no think time) and, for creates, paced "
        "(100 clients offering 400/s together, each call timed from when it was due; "
        "ADR 0022), counted over a "
        f"{result['window_seconds']:g} s window after a {result['warmup_seconds']:g} s warm-up. "
        "*create* files requests all in one category (IT) as that many different people; "
        "*list* is a page of my requests and their counts (`rpc/find_requests` and "
        "`rpc/count_requests` together, as the SPA opens My requests); *request + history* is one request and "
        "its history fetched together (one operation, timed until both arrived); *transition* "
        "is an agent taking an open request or giving it back; *comment* is a comment on one of "
        "my requests. *load* is the 1-minute load average when the row started. Targets "
        "(issue #16): create at 100 clients ≥ 400/s with p95 ≤ 150 ms; the closed loop "
        "gives the rate, the paced row the p95 at that rate.",
        "",
        ops.table(result),
        "",
        "CPU microseconds each process spent per operation in the same windows "
        "(*stack total* leaves out the load generator and the OIDC stand-in):",
        "",
        profile.cpu_table({ops.label(row): row["cpu_us_per_operation"] for row in result["rows"]}),
        "",
    ]


def _ceiling(name: str, report: dict[str, Any]) -> list[str]:
    ceiling = report["ceiling"]
    api, direct = ceiling["api"], ceiling.get("api_direct")
    lines = [
        f"## Ceiling and profile (run {name}, {report['mode']}, {_load(report)})",
        "",
        f"The read calls of the requesters' flow at {ceiling['concurrency']} concurrent, "
        "no think time: through Caddy, then straight to each PostgREST (no Caddy), then the "
        "same SQL replayed by pgbench at the same concurrency and at PostgREST's total pool "
        "size. Target (issue #16): via Caddy ≥ 70 % of pgbench at the same concurrency.",
        "",
        "| run | calls/s | p50 ms | p95 ms | errors | share of pgbench |",
        "|---|---|---|---|---|---|",
        f"| API via Caddy | {api['per_second']:.0f} | {api['p50_ms']:.1f} | {api['p95_ms']:.1f} "
        f"| {api['errors']} | {ceiling['api_share_percent']:.0f} % |",
    ]
    if direct:
        lines.append(
            f"| API straight to PostgREST | {direct['per_second']:.0f} | {direct['p50_ms']:.1f} "
            f"| {direct['p95_ms']:.1f} | {direct['errors']} "
            f"| {ceiling.get('api_direct_share_percent', 0):.0f} % |"
        )
    for label, run in ceiling["pgbench"].items():
        if run.get("tps"):
            lines.append(
                f"| pgbench, {run['clients']} clients ({label.replace('_', ' ')}) "
                f"| {run['tps']:.0f} | – | – | {run['failed']} | |"
            )
    if ceiling.get("cpu_us_per_call"):
        lines += [
            "",
            "CPU microseconds per call (per transaction for pgbench) of each process; "
            "*caddy* in the first row is what the proxy costs per call:",
            "",
            profile.cpu_table(ceiling["cpu_us_per_call"]),
        ]
    if ceiling.get("top_statements"):
        lines += [
            "",
            "What PostgreSQL spent its time on during the run via Caddy (pg_stat_statements, "
            "`track = all`: *nested* lines are statements inside functions, such as "
            "`api.pre_request()`, and are also counted in the statement that called them):",
            "",
            profile.statements_table(ceiling["top_statements"]),
        ]
    return [*lines, ""]


def _saturation(name: str, report: dict[str, Any]) -> list[str]:
    saturation = report["saturation"]
    peak = float(saturation["peak"]["per_second"])
    lines = [
        f"## Saturation (run {name}, {report['mode']}, {_load(report)})",
        "",
        "The realistic mix without think time at rising concurrency. Target (issue #16): "
        "throughput at 200 within 10 % of the peak.",
        "",
        "| concurrency | calls/s | of peak | p95 ms | errors |",
        "|---|---|---|---|---|",
    ]
    for level in saturation["levels"]:
        share = float(level["per_second"]) / peak * 100 if peak else 0.0
        lines.append(
            f"| {level['concurrency']} | {level['per_second']:.0f} | {share:.0f} % "
            f"| {level['p95_ms']:.1f} | {level['errors']} |"
        )
    return [*lines, ""]


def _fairness(name: str, report: dict[str, Any]) -> list[str]:
    fairness = report["fairness"]
    lines = [
        f"## Fairness (run {name}, {report['mode']}, {_load(report)})",
        "",
        f"Another person's p95 (of {fairness['others']} requesters opening their list) alone: "
        f"{fairness['others_alone']['p95_ms']:.1f} ms. While one agent floods with broad searches:",
        "",
        "| flood calls at once | flood calls/s | refused 429 | others' p50 ms | others' p95 ms | errors |",
        "|---|---|---|---|---|---|",
    ]
    for level in fairness["floods"]:
        during, flood = level["others_during_flood"], level["flood"]
        lines.append(
            f"| {level['flood_concurrency']} | {flood['per_second']:.0f} | {flood['refused_429']} "
            f"| {during['p50_ms']:.1f} | {during['p95_ms']:.1f} | {during['errors']} |"
        )
    return [*lines, ""]


def _memory(name: str, report: dict[str, Any]) -> list[str]:
    memory = report["memory"]
    app, pg = memory["application_pss_mb"], memory["postgresql_pss_mb"]
    return [
        f"## Memory (run {name}, {report['mode']})",
        "",
        f"Application processes ({', '.join(app['processes'])}), PSS together: "
        f"{app['before']:.0f} MB before the load, "
        + (
            f"{app['max_with_think_time']:.0f} MB at most in the realistic run (people with "
            "think time; per process: "
            + ", ".join(f"{n} {mb:.0f}" for n, mb in app["max_each_with_think_time"].items())
            + "), "
            if "max_with_think_time" in app
            else ""
        )
        + f"{app['max']:.0f} MB at most in any phase"
        + (
            f" ({app['file_backed_at_max']:.0f} MB of it file-backed: program text the kernel "
            "can drop and read again)"
            if "file_backed_at_max" in app
            else ""
        )
        + f", {app['after']:.0f} MB after (budget 150 MB); at most per process: "
        + ", ".join(f"{n} {mb:.0f}" for n, mb in app.get("max_each", {}).items())
        + f". PostgreSQL apart (PSS of the postmaster and every backend, "
        f"shared buffers counted once): {pg['before']:.0f} MB before, {pg['max']:.0f} MB at most.",
        "",
    ]


def _tables(name: str, report: dict[str, Any]) -> list[str]:
    tables = report["tables"]
    drift = report.get("realistic", {}).get("latency_drift")
    lines = [f"## Grown tables and late latency (run {name}, {report['mode']})", ""]
    if drift:
        lines += [
            f"Realistic run p95 per window, median of the first quarter "
            f"{drift['first_quarter_p95_ms']:.1f} ms, of the last quarter "
            f"{drift['last_quarter_p95_ms']:.1f} ms. The tables the run grew, and the "
            "autovacuum/autoanalyze runs on them during it:",
            "",
        ]
    lines += [
        "| table | rows before | rows after | dead rows after | autovacuums | autoanalyzes |",
        "|---|---|---|---|---|---|",
    ]
    for table, after in tables["after"].items():
        before = tables["before"].get(table, {})
        lines.append(
            f"| {table} | {before.get('live', 0)} | {after['live']} | {after['dead']} "
            f"| {after['autovacuums'] - before.get('autovacuums', 0)} "
            f"| {after['autoanalyzes'] - before.get('autoanalyzes', 0)} |"
        )
    return [*lines, ""]


SECTIONS: tuple[tuple[str, Callable[[str, dict[str, Any]], list[str]]], ...] = (
    ("ops", _ops),
    ("ceiling", _ceiling),
    ("saturation", _saturation),
    ("fairness", _fairness),
    ("memory", _memory),
    ("tables", _tables),
)


def section(reports: list[Report]) -> str:
    """The newest run's figures for each phase (runs before issue #16's tables are skipped)."""
    lines = ["", "# Newest figures, phase by phase", ""]
    for key, render in SECTIONS:
        found = _newest(reports, key)
        if found is None:
            continue
        name, report = found
        if key == "memory" and "application_pss_mb" not in report["memory"]:
            continue
        lines += render(name, report)
    return "\n".join(lines).rstrip("\n")
