"""backup.sh → restore.sh round trip against the test run's migrated, seeded
PostgreSQL, with the embedded wheel's pg_dump/pg_restore/psql (PG_BIN)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from devstack.postgres import PG_BIN
from devstack.stack import DBNAME, LocalStack
from tests.stack.stackfile import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture
def pg_env(stack: LocalStack) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "REQSTLY_"))}
    env.update(PG_BIN=str(PG_BIN), PGHOST=str(stack.postgres.socket_dir), PGUSER="postgres")
    return env


@pytest.fixture
def created(stack: LocalStack) -> Iterator[list[str]]:
    """Names of databases a test makes; all of them (and their renamed twins) are dropped."""
    names: list[str] = []
    yield names
    with stack.postgres.connect("postgres") as conn:
        conn.autocommit = True
        for name in names:
            rows = conn.execute(
                "select datname from pg_database where datname = %s or datname like %s",
                (name, f"{name}_before_restore_%"),
            ).fetchall()
            for (datname,) in rows:
                conn.execute(f'drop database "{datname}" with (force)')


def script(name: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "scripts" / name), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )


def databases(stack: LocalStack) -> set[str]:
    with stack.postgres.connect("postgres") as conn:
        return {row[0] for row in conn.execute("select datname from pg_database").fetchall()}


def take_backup(tmp_path: Path, env: dict[str, str]) -> Path:
    result = script(
        "backup.sh",
        "--out-dir",
        str(tmp_path / "backups"),
        "--database",
        DBNAME,
        "--textfile-dir",
        str(tmp_path / "textfile"),
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    dumps = sorted((tmp_path / "backups").glob("*.dump"))
    assert len(dumps) == 1
    return dumps[0]


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def test_backup_writes_dump_counts_checksums_and_metric(
    stack: LocalStack, pg_env: dict[str, str], tmp_path: Path
) -> None:
    dump = take_backup(tmp_path, pg_env)
    counts = dict(
        line.split("\t") for line in dump.with_suffix(".counts.tsv").read_text().splitlines()
    )
    with stack.connect() as conn:
        requests = conn.execute("select count(*) from app.requests").fetchone()
    assert requests is not None
    assert requests[0] > 0, "the seed should have requests"
    assert int(counts["app.requests"]) == requests[0]
    assert "app.audit_log" in counts

    sums = dump.with_suffix(".sha256").read_text()
    assert hashlib.sha256(dump.read_bytes()).hexdigest() in sums

    metric = (tmp_path / "textfile" / "reqstly_backup.prom").read_text()
    assert "reqstly_backup_last_success_timestamp_seconds " in metric
    assert not list((tmp_path / "textfile").glob(".reqstly_backup.prom.*")), "temp file left"


def test_round_trip_restores_into_a_fresh_database_and_verifies_it(
    stack: LocalStack, pg_env: dict[str, str], tmp_path: Path, created: list[str]
) -> None:
    dump = take_backup(tmp_path, pg_env)
    target = unique("rq_restore")
    created.append(target)
    before = databases(stack)
    result = script("restore.sh", "--target-db", target, str(dump), env=pg_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checksums match" in result.stdout
    assert "row counts match in all" in result.stdout
    assert "audit chains intact for all" in result.stdout
    assert f"{DBNAME} untouched" in result.stdout
    assert databases(stack) == before | {target}

    with (
        stack.connect() as live,
        psycopg.connect(stack.postgres.dsn(target)) as restored,
    ):
        query = "select count(*), max(id) from app.audit_log"
        assert live.execute(query).fetchone() == restored.execute(query).fetchone()


def test_a_corrupted_backup_is_refused_before_anything_is_restored(
    stack: LocalStack, pg_env: dict[str, str], tmp_path: Path, created: list[str]
) -> None:
    dump = take_backup(tmp_path, pg_env)
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    target = unique("rq_corrupt")
    created.append(target)
    result = script("restore.sh", "--target-db", target, str(dump), env=pg_env)
    assert result.returncode != 0
    assert "CHECKSUM MISMATCH" in result.stderr
    assert "Nothing was restored" in result.stderr
    assert target not in databases(stack)


def test_a_restore_whose_counts_differ_is_dropped_and_the_live_database_kept(
    stack: LocalStack, pg_env: dict[str, str], tmp_path: Path, created: list[str]
) -> None:
    dump = take_backup(tmp_path, pg_env)
    counts_file = dump.with_suffix(".counts.tsv")
    lines = counts_file.read_text().splitlines()
    lines = [
        f"{t}\t{int(n) + 1}" if t == "app.requests" else f"{t}\t{n}"
        for t, n in (line.split("\t") for line in lines)
    ]
    counts_file.write_text("\n".join(lines) + "\n")
    # Re-sign, as if the counts file had been written wrong at backup time.
    dump.with_suffix(".sha256").write_text(
        "".join(
            f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in (dump, counts_file)
        )
    )
    target = unique("rq_badcount")
    created.append(target)
    result = script("restore.sh", "--target-db", target, str(dump), env=pg_env)
    assert result.returncode != 0
    assert "row count of app.requests" in result.stderr
    assert target not in databases(stack)
    assert DBNAME in databases(stack)


def test_switch_swaps_in_the_verified_copy_and_keeps_the_old_one(
    stack: LocalStack, pg_env: dict[str, str], tmp_path: Path, created: list[str]
) -> None:
    dump = take_backup(tmp_path, pg_env)
    # A stand-in "live" database, so the test run's own stays in place.
    live = unique("rq_live")
    fresh = unique("rq_fresh")
    created.extend([live, fresh])
    first = script("restore.sh", "--target-db", live, str(dump), env=pg_env)
    assert first.returncode == 0, first.stdout + first.stderr
    with psycopg.connect(stack.postgres.dsn(live)) as conn:
        conn.execute("create table public.marker_of_the_old_copy (x int)")

    result = script(
        "restore.sh", "--live-db", live, "--target-db", fresh, "--switch", str(dump), env=pg_env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    names = databases(stack)
    assert live in names
    assert fresh not in names
    kept = [n for n in names if n.startswith(f"{live}_before_restore_")]
    assert len(kept) == 1
    with psycopg.connect(stack.postgres.dsn(live)) as conn:
        marker = conn.execute("select to_regclass('public.marker_of_the_old_copy')").fetchone()
    assert marker == (None,), "the live name must now hold the restored copy"
