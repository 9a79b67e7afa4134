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

import json
import re
import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from devstack.postgres import PG_BIN
from tests.perf.load import Person

PGBENCH = PG_BIN / "pgbench"

BEGIN = "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY;"
# PostgREST binds the claims as a parameter; here each client's claims come
# from a one-row primary-key lookup in the same statement (pgbench's `\if` and
# prepared statements do not mix), which also draws the request to open.
SETTINGS = (
    "select set_config('search_path', :search_path, true), set_config('role', :role, true), "
    "set_config('request.jwt.claims', c.claims, true), set_config('request.method', :method, true), "
    "set_config('request.path', :path_{name}, true), set_config('request.headers', :headers, true), "
    "set_config('request.cookies', :cookies, true), c.user_id, "
    "c.request_ids[1 + floor(random() * cardinality(c.request_ids))::integer] as rid "
    "from bench.clients c where c.n = :me \\gset"
)
PRE_REQUEST = 'select "api"."pre_request"();'
TAIL = (
    "SELECT {total} AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, "
    "coalesce(json_agg(_postgrest_t), '[]') AS body, "
    "nullif(current_setting('response.headers', true), '') AS response_headers, "
    "nullif(current_setting('response.status', true), '') AS response_status, "
    "'' AS response_inserted FROM ( SELECT * FROM pgrst_source ) _postgrest_t;"
)

# The query of each read call, as PostgREST 12.0.2 builds it (one line each).
QUERIES: dict[str, tuple[str, str]] = {
    "list_mine": (
        "/requests",
        'WITH pgrst_source AS ( SELECT "api"."requests".* FROM "api"."requests"  WHERE  '
        '"api"."requests"."requester_id" = :user_id  ORDER BY "api"."requests"."updated_at" DESC  '
        'LIMIT :page OFFSET :zero ) , pgrst_source_count AS (SELECT 1 FROM "api"."requests" '
        'WHERE  "api"."requests"."requester_id" = :user_id) '
        + TAIL.format(total="(SELECT pg_catalog.count(*) FROM pgrst_source_count)"),
    ),
    "request_counts": (
        "/request_counts",
        'WITH pgrst_source AS ( SELECT "api"."request_counts".* FROM "api"."request_counts"     '
        "LIMIT :max_rows OFFSET :zero )  " + TAIL.format(total="null::bigint"),
    ),
    "request": (
        "/requests",
        'WITH pgrst_source AS ( SELECT "api"."requests".* FROM "api"."requests"  WHERE  '
        '"api"."requests"."id" = :rid   LIMIT :max_rows OFFSET :zero )  '
        + TAIL.format(total="null::bigint"),
    ),
    "history": (
        "/request_history",
        'WITH pgrst_source AS ( SELECT "api"."request_history".* FROM "api"."request_history"  '
        'WHERE  "api"."request_history"."request_id" = :rid  ORDER BY "api"."request_history"."id"   '
        "LIMIT :max_rows OFFSET :zero )  " + TAIL.format(total="null::bigint"),
    ),
    "comments": (
        "/comments",
        'WITH pgrst_source AS ( SELECT "api"."comments".* FROM "api"."comments"  WHERE  '
        '"api"."comments"."request_id" = :rid  ORDER BY "api"."comments"."created_at"   '
        "LIMIT :max_rows OFFSET :zero )  " + TAIL.format(total="null::bigint"),
    ),
    "allowed_transitions": (
        "/rpc/allowed_transitions",
        "WITH pgrst_source AS (SELECT \"pgrst_call\".* FROM (SELECT json_build_object('request_id', (:rid)::bigint) "
        "AS json_data) pgrst_payload, LATERAL (SELECT CASE WHEN json_typeof(pgrst_payload.json_data) = "
        "'array' THEN pgrst_payload.json_data ELSE json_build_array(pgrst_payload.json_data) END AS val) "
        'pgrst_uniform_json, LATERAL (SELECT "request_id" FROM json_to_recordset(pgrst_uniform_json.val) '
        'AS _("request_id" bigint) LIMIT 1) pgrst_body , LATERAL "api"."allowed_transitions"('
        '"request_id" := pgrst_body."request_id") pgrst_call) ' + TAIL.format(total="null::bigint"),
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
               n integer primary key, user_id uuid, claims text, request_ids bigint[])"""
    )
    for n, person in enumerate(people):
        payload = person.token.split(".")[1]
        claims = json.loads(_b64url(payload))
        conn.execute(
            """insert into bench.clients
               select %s, %s, %s, array_agg(r.id) from app.requests r where r.requester_id = %s""",
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
    """Replay the six read calls, equally weighted, with `clients` connections."""
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
        "page": "25",
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
