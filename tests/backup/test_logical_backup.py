"""backup.sh --logical → restore.sh BACKUP.dump (the path for a major upgrade):
counts, roles and checksums travel with the dump."""

from __future__ import annotations

import hashlib
from pathlib import Path

import psycopg
import pytest

from devstack.stack import DBNAME
from tests.backup.conftest import ArchivedCluster, ok, script
from tests.people import DEMO_ADMIN_LOGIN

pytestmark = pytest.mark.slow


def take_logical_backup(archived: ArchivedCluster) -> Path:
    ok(script("backup.sh", "--logical", "--local-only", "--allow-same-disk", env=archived.env))
    dumps = sorted((archived.backup_dir / "logical").glob("*.dump"))
    assert dumps
    return dumps[-1]


def test_the_dump_carries_counts_roles_and_checksums(archived: ArchivedCluster) -> None:
    dump = take_logical_backup(archived)
    counts = dict(
        line.split("\t") for line in dump.with_suffix(".counts.tsv").read_text().splitlines()
    )
    with archived.connect() as conn:
        requests = conn.execute("select count(*) from app.requests").fetchone()
    assert requests is not None
    assert int(counts["app.requests"]) == requests[0] > 0
    roles = dump.with_suffix(".roles.sql").read_text()
    assert f"CREATE ROLE {DEMO_ADMIN_LOGIN};" in roles
    assert "PASSWORD" not in roles.upper().replace("NOPASSWORD", ""), "no password hash travels"
    sums = dump.with_suffix(".sha256").read_text()
    assert hashlib.sha256(dump.read_bytes()).hexdigest() in sums
    metric = archived.textfile_dir / "reqstly_backup_logical_last_success_timestamp_seconds.prom"
    assert "reqstly_backup_logical_last_success_timestamp_seconds " in metric.read_text()


def test_a_dump_restores_into_a_fresh_database_with_its_roles(archived: ArchivedCluster) -> None:
    dump = take_logical_backup(archived)
    target = "reqstly_logical_probe"
    with archived.connect() as conn:
        conn.execute(f"drop role {DEMO_ADMIN_LOGIN}")
    try:
        out = ok(script("restore.sh", "--target-db", target, str(dump), env=archived.env))
        assert "checksums match" in out
        assert "row counts match in all" in out
        assert "audit chains intact for all" in out
        assert f"{DBNAME} untouched" in out
        with archived.connect() as live, psycopg.connect(archived.postgres.dsn(target)) as copy:
            assert live.execute(
                "select 1 from pg_roles where rolname = %s", (DEMO_ADMIN_LOGIN,)
            ).fetchone()
            query = "select count(*), max(id) from app.audit_log"
            assert live.execute(query).fetchone() == copy.execute(query).fetchone()
    finally:
        archived.drop_restored()


def test_a_corrupted_dump_is_refused_before_anything_is_restored(archived: ArchivedCluster) -> None:
    dump = take_logical_backup(archived)
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    before = archived.databases()
    result = script("restore.sh", str(dump), env=archived.env)
    assert result.returncode != 0
    assert "CHECKSUM MISMATCH" in result.stderr
    assert "Nothing was restored" in result.stderr
    assert archived.databases() == before
    dump.unlink()


def test_a_restore_whose_counts_differ_is_dropped(archived: ArchivedCluster) -> None:
    dump = take_logical_backup(archived)
    counts_file = dump.with_suffix(".counts.tsv")
    lines = [
        f"{t}\t{int(n) + 1}" if t == "app.requests" else f"{t}\t{n}"
        for t, n in (line.split("\t") for line in counts_file.read_text().splitlines())
    ]
    counts_file.write_text("\n".join(lines) + "\n")
    # Re-sign, as if the counts file had been written wrong at backup time.
    roles = dump.with_suffix(".roles.sql")
    dump.with_suffix(".sha256").write_text(
        "".join(
            f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n"
            for p in (dump, counts_file, roles)
        )
    )
    before = archived.databases()
    result = script("restore.sh", str(dump), env=archived.env)
    assert result.returncode != 0
    assert "row count of app.requests" in result.stderr
    assert archived.databases() == before
