"""The ceiling: the SQL PostgREST runs for the list and detail calls, replayed with pgbench.

The statements are the ones PostgREST 12.0.2 sends (taken from the server log
with log_statement = all): a read-only transaction, one `set_config` statement
for role, claims, method, path and headers, `api.pre_request()`, then the
call's query, all as prepared statements (`-M prepared`, as PostgREST's
prepared statements), with the values as bind parameters. Each pgbench client
acts as one person (their claims, their requests) over a connection as
`authenticator`, like PostgREST's pool. What the API adds on top — HTTP, JWT
verification, JSON, Caddy, the generator — is the difference.
"""

from __future__ import annotations

import asyncio
import json
import re
import resource
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from devstack.postgres import PG_BIN
from tests.perf import profile
from tests.perf.load import ATTACHMENT_COLUMNS, PAGE_SIZE, REQUEST_COLUMNS, Person, run_load
from tests.perf.resources import ResourceWatch

PGBENCH = PG_BIN / "pgbench"

BEGIN = "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY;"
# PostgREST binds the claims as a parameter; here each client's claims come
# from a one-row primary-key lookup in the same statement (pgbench's `\if` and
# prepared statements do not mix), which also draws the request to open (its id
# and its key, as the SPA opens a request by key and its sections by id).
SETTINGS = (
    "select set_config('search_path', :search_path, true), set_config('role', :role, true), "
    "set_config('request.jwt.claims', c.claims, true), set_config('request.method', :method, true), "
    "set_config('request.path', :path_{name}, true), set_config('request.headers', :headers, true), "
    "set_config('request.cookies', :cookies, true), c.user_id, "
    "c.request_ids[pick.i] as rid, c.request_keys[pick.i] as rkey "
    "from bench.clients c, "
    "lateral (select 1 + floor(random() * cardinality(c.request_ids))::integer as i) pick "
    "where c.n = :me \\gset"
)
PRE_REQUEST = 'select "api"."pre_request"();'
TAIL = (
    "SELECT {total} AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, "
    "coalesce(json_agg(_postgrest_t), '[]') AS body, "
    "nullif(current_setting('response.headers', true), '') AS response_headers, "
    "nullif(current_setting('response.status', true), '') AS response_status, "
    "'' AS response_inserted FROM ( SELECT * FROM pgrst_source ) _postgrest_t;"
)


# How PostgREST 12.0.2 calls a function with GET: the arguments as one JSON
# object, taken apart by json_to_recordset.
def _rpc(function: str, arguments: dict[str, str], result: str, *, single: bool = False) -> str:
    values = ", ".join(f"'{name}', {value}" for name, value in arguments.items())
    columns = ", ".join(f'"{name}"' for name in arguments)
    types = ", ".join(f'"{name}" {_ARGUMENT_TYPES[name]}' for name in arguments)
    call = ", ".join(f'"{name}" := pgrst_body."{name}"' for name in arguments)
    tail = TAIL.format(total="null::bigint")
    if single:
        tail = tail.replace(
            "pg_catalog.count(_postgrest_t) AS page_total, coalesce(json_agg(_postgrest_t), '[]')",
            "1 AS page_total, coalesce(json_agg(_postgrest_t)->0, 'null')",
        )
    return (
        'WITH pgrst_source AS (SELECT "pgrst_call".* FROM '
        f"(SELECT json_build_object({values}) AS json_data) pgrst_payload, "
        "LATERAL (SELECT CASE WHEN json_typeof(pgrst_payload.json_data) = 'array' THEN "
        "pgrst_payload.json_data ELSE json_build_array(pgrst_payload.json_data) END AS val) "
        f"pgrst_uniform_json, LATERAL (SELECT {columns} FROM json_to_recordset(pgrst_uniform_json.val) "
        f'AS _({types}) LIMIT 1) pgrst_body , LATERAL "api"."{function}"({call}) pgrst_call) '
        + tail.replace(
            "FROM ( SELECT * FROM pgrst_source ) _postgrest_t",
            f'FROM (SELECT "{result}".* FROM "pgrst_source" AS "{result}"     '
            "LIMIT :max_rows OFFSET :zero) _postgrest_t",
        )
    )


_ARGUMENT_TYPES = {
    "scope": "text",
    "sort": "text",
    "lim": "integer",
    "offs": "integer",
    "request_id": "bigint",
}


def _columns(view: str, names: str) -> str:
    return ", ".join(f'"api"."{view}"."{name}"' for name in names.split(","))


def _by_request(view: str, *, order: str | None, where: str = "", columns: str = "*") -> str:
    selected = f'"api"."{view}".*' if columns == "*" else _columns(view, columns)
    ordered = f' ORDER BY "api"."{view}"."{order}" ASC ' if order else "  "
    return (
        f'WITH pgrst_source AS ( SELECT {selected} FROM "api"."{view}"  WHERE  '
        f'"api"."{view}"."request_id" = :rid {where} {ordered} LIMIT :max_rows OFFSET :zero )  '
        + TAIL.format(total="null::bigint")
    )


# The query of each read call of the requesters' flow (tests/perf/load.py: My
# requests, then a request's page), as PostgREST 12.0.2 builds it.
QUERIES: dict[str, tuple[str, str]] = {
    "find_requests": (
        "/rpc/find_requests",
        _rpc(
            "find_requests",
            {"scope": "'mine'", "sort": "'updated'", "lim": str(PAGE_SIZE), "offs": "0"},
            "request_list",
        ),
    ),
    "count_requests": (
        "/rpc/count_requests",
        _rpc("count_requests", {"scope": "'mine'"}, "request_tally"),
    ),
    "request": (
        "/requests",
        f'WITH pgrst_source AS ( SELECT {_columns("requests", REQUEST_COLUMNS)} FROM "api"."requests"  '
        'WHERE  "api"."requests"."key" = :rkey   LIMIT :max_rows OFFSET :zero )  '
        + TAIL.format(total="null::bigint"),
    ),
    "history": ("/request_history", _by_request("request_history", order="id")),
    "comments": ("/comments", _by_request("comments", order="created_at")),
    "attachments": (
        "/attachments",
        _by_request(
            "attachments",
            order="id",
            where='AND  "api"."attachments"."removed_at" IS NULL',
            columns=ATTACHMENT_COLUMNS,
        ),
    ),
    "sla": ("/request_sla", _by_request("request_sla", order=None)),
    "verify_audit": (
        "/rpc/verify_audit",
        _rpc("verify_audit", {"request_id": "(:rid)::bigint"}, "audit_verification", single=True),
    ),
    "allowed_transitions": (
        "/rpc/allowed_transitions",
        _rpc("allowed_transitions", {"request_id": "(:rid)::bigint"}, "record"),
    ),
}


def script(name: str) -> str:
    _path, query = QUERIES[name]
    return "\n".join(
        [
            "\\set me :client_id % :clients",
            BEGIN,
            SETTINGS.format(name=name),
            PRE_REQUEST,
            query,
            "COMMIT;",
            "",
        ]
    )


def prepare_clients(conn: psycopg.Connection, people: list[Person]) -> None:
    """One row per pgbench client: whose claims it sends and which requests are theirs."""
    conn.execute("drop schema if exists bench cascade")
    conn.execute("create schema bench")
    conn.execute(
        """create unlogged table bench.clients (
               n integer primary key, user_id uuid, claims text, request_ids bigint[],
               request_keys text[])"""
    )
    for n, person in enumerate(people):
        payload = person.token.split(".")[1]
        claims = json.loads(_b64url(payload))
        conn.execute(
            """insert into bench.clients
               select %s, %s, %s, array_agg(r.id order by r.id), array_agg(r.key order by r.id)
                 from app.requests r where r.requester_id = %s""",
            (n, person.id, json.dumps(claims, separators=(",", ":")), person.id),
        )
    conn.execute("grant usage on schema bench to authenticator")
    conn.execute("grant select on bench.clients to authenticator")


def drop_clients(conn: psycopg.Connection) -> None:
    conn.execute("drop schema if exists bench cascade")


def _b64url(value: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


@dataclass
class PgbenchResult:
    tps: float
    latency_ms: float
    transactions: int
    failed: int
    cpu_percent: float
    output: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "tps": self.tps,
            "latency_avg_ms": self.latency_ms,
            "transactions": self.transactions,
            "failed": self.failed,
            "pgbench_cpu_percent_of_one_core": self.cpu_percent,
        }


def run_pgbench(
    *, socket_dir: Path, dbname: str, clients: int, people: int, seconds: int, work_dir: Path
) -> PgbenchResult:
    """Replay the read calls, equally weighted, with `clients` connections."""
    work_dir.mkdir(parents=True, exist_ok=True)
    argv = [
        str(PGBENCH),
        "-n",
        "-M",
        "prepared",
        "-c",
        str(clients),
        "-j",
        "2",
        "-T",
        str(seconds),
        "-h",
        str(socket_dir),
        "-U",
        "authenticator",
    ]
    variables = {
        "clients": str(people),
        "search_path": '"api", ""',
        "role": "web_user",
        "method": "GET",
        "headers": json.dumps(
            {"host": "localhost", "x-request-id": "pgbench", "accept": "*/*", "via": "1.1 Caddy"}
        ),
        "cookies": "{}",
        "max_rows": "1000",
        "zero": "0",
        **{f"path_{name}": path for name, (path, _) in QUERIES.items()},
    }
    for key, value in variables.items():
        argv += ["-D", f"{key}={value}"]
    for name in QUERIES:
        path = work_dir / f"{name}.sql"
        path.write_text(script(name))
        argv += ["-f", f"{path}@1"]
    argv.append(dbname)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = subprocess.run(
        argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=seconds + 120
    )
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    output = process.stdout
    (work_dir / "pgbench.log").write_text(output)
    if process.returncode != 0:
        raise RuntimeError(f"pgbench failed:\n{output[-3000:]}")
    return PgbenchResult(
        tps=_number(r"tps = ([\d.]+)", output),
        latency_ms=_number(r"latency average = ([\d.]+) ms", output),
        transactions=int(_number(r"number of transactions actually processed: (\d+)", output)),
        failed=int(_number(r"number of failed transactions: (\d+)", output, default=0)),
        cpu_percent=round(cpu / elapsed * 100, 1),
        output=output[-2000:],
    )


def _number(pattern: str, text: str, default: float | None = None) -> float:
    match = re.search(pattern, text)
    if match:
        return float(match.group(1))
    if default is not None:
        return default
    raise RuntimeError(f"pgbench output has no {pattern!r}:\n{text[-2000:]}")


async def _api_reads(
    *,
    origin: str,
    direct: Sequence[str],
    requesters: list[Person],
    seconds: int,
    watch: ResourceWatch,
    connect: Callable[[], psycopg.Connection],
) -> dict[str, Any]:
    """The requesters' read flow for `seconds`, via Caddy or (`direct`) straight to PostgREST."""
    with connect() as conn:
        profile.reset_statements(conn)
    cpu_before = watch.cpu_seconds()
    recorder, elapsed = await run_load(
        origin=origin,
        people=requesters,
        seconds=seconds,
        think_range=None,
        writes=False,
        direct=direct,
    )
    cpu_after = watch.cpu_seconds()
    with connect() as conn:
        statements = profile.top_statements(conn)
    summary = recorder.summary(elapsed)
    overall = summary["overall"]
    cpu = {name: cpu_after[name] - cpu_before.get(name, 0.0) for name in cpu_after}
    return {
        "per_second": overall["per_second"],
        "p50_ms": overall["p50_ms"],
        "p95_ms": overall["p95_ms"],
        "errors": overall["errors"],
        "loop_lag_ms": summary["loop_lag_ms"],
        "calls": {
            name: {
                "per_second": c["per_second"],
                "mean_ms": c["mean_ms"],
                "server_timing_mean_ms": c["server_timing_mean_ms"],
            }
            for name, c in summary["calls"].items()
        },
        "cpu_percent_of_one_core": {
            name: round(seconds_used / elapsed * 100, 1) for name, seconds_used in cpu.items()
        },
        "cpu_us_per_call": profile.per_call_us(cpu, overall["count"]),
        "top_statements": statements,
    }


async def measure(
    *,
    origin: str,
    direct: Sequence[str],
    connect: Callable[[], psycopg.Connection],
    requesters: list[Person],
    seconds: int,
    pool_clients: int,
    socket_dir: Path,
    dbname: str,
    watch: ResourceWatch,
    work_dir: Path,
    say: Callable[[str], None],
) -> dict[str, Any]:
    """API reads through Caddy, the same straight to PostgREST, then the SQL in pgbench.

    pgbench runs at the API's concurrency and at PostgREST's total pool size
    (its pools cap the database's concurrency); CPU per call or transaction of
    each process comes with every run, so Caddy's share is a measured number.
    """
    api = await _api_reads(
        origin=origin,
        direct=(),
        requesters=requesters,
        seconds=seconds,
        watch=watch,
        connect=connect,
    )
    say(f"ceiling via Caddy: {api['per_second']:.0f} calls/s, p95 {api['p95_ms']:.1f} ms")
    api_direct = await _api_reads(
        origin=origin,
        direct=direct,
        requesters=requesters,
        seconds=seconds,
        watch=watch,
        connect=connect,
    )
    say(
        f"ceiling straight to PostgREST: {api_direct['per_second']:.0f} calls/s, "
        f"p95 {api_direct['p95_ms']:.1f} ms"
    )
    with connect() as conn:
        prepare_clients(conn, requesters)
    runs: dict[str, dict[str, Any]] = {}
    try:
        for label, clients in (
            ("same_concurrency", len(requesters)),
            ("pool_concurrency", pool_clients),
        ):
            cpu_before = watch.cpu_seconds()
            started = time.monotonic()
            try:
                result = await asyncio.to_thread(
                    run_pgbench,
                    socket_dir=socket_dir,
                    dbname=dbname,
                    clients=clients,
                    people=len(requesters),
                    seconds=seconds,
                    work_dir=work_dir,
                )
            except RuntimeError as error:
                say(str(error)[-1500:])
                runs[label] = {"clients": clients, "failed": True}
                continue
            elapsed = time.monotonic() - started
            # pgbench's backends exit as it ends; one reaped between listing the
            # postmaster's children and reading its times would be counted nowhere
            # (run 2026-12-03T1212 lost nearly all of them), so let them go first.
            await asyncio.sleep(1.0)
            cpu = {
                name: used - cpu_before.get(name, 0.0) for name, used in watch.cpu_seconds().items()
            }
            cpu["pgbench"] = result.cpu_percent / 100 * elapsed
            cpu.pop("load generator", None)
            runs[label] = {
                "clients": clients,
                **result.as_dict(),
                "cpu_percent_of_one_core": {
                    name: round(used / elapsed * 100, 1) for name, used in cpu.items()
                },
                "cpu_us_per_transaction": {
                    name: us
                    for name, us in profile.per_call_us(cpu, result.transactions).items()
                    if us >= 1
                },
            }
            say(f"pgbench {label} ({clients} clients): {result.tps:.0f} tps")
    finally:
        with connect() as conn:
            drop_clients(conn)
    same = float(runs["same_concurrency"].get("tps", 0.0))
    best = max(float(run.get("tps", 0.0)) for run in runs.values())

    def share(rate: float, of: float) -> float:
        return round(rate / of * 100, 1) if of else 0.0

    cpu_us = {
        "API via Caddy": api["cpu_us_per_call"],
        "API straight to PostgREST": api_direct["cpu_us_per_call"],
        **{
            f"pgbench, {run['clients']} clients": run["cpu_us_per_transaction"]
            for run in runs.values()
            if run.get("tps")
        },
    }
    return {
        "concurrency": len(requesters),
        "api": {k: v for k, v in api.items() if k != "top_statements"},
        "api_direct": {k: v for k, v in api_direct.items() if k != "top_statements"},
        "pgbench": runs,
        "cpu_us_per_call": cpu_us,
        "top_statements": api["top_statements"],
        "api_share_percent": share(api["per_second"], same),
        "api_direct_share_percent": share(api_direct["per_second"], same),
        "api_share_of_best_pgbench_percent": share(api["per_second"], best),
        "caddy_us_per_call": api["cpu_us_per_call"].get("caddy", 0),
    }
