"""The point-in-time drill of issue #14: write, note T, write more, make a
superuser's mistake, go back to T with restore.sh --to T --switch."""

from __future__ import annotations

import time

import pytest

from tests.backup.conftest import ArchivedCluster, ok, script
from tests.backup.drill import (
    broken_audit_chains,
    current_lsn,
    file_requests_with_comments,
    role_exists,
    server_now,
    timed,
    titles_like,
)
from tests.people import DEMO_ADMIN_LOGIN, load_people

pytestmark = pytest.mark.slow


def test_recover_to_a_moment_before_a_superusers_mistake(archived: ArchivedCluster) -> None:
    archived.backup("--full")
    with archived.connect() as conn:
        conn.autocommit = False
        people = load_people(conn)
        file_requests_with_comments(conn, people["alice"], "pitr-before-incremental", 5)
        conn.commit()
    archived.backup()  # an incremental one on the full one: the chain is restored whole
    with archived.connect() as conn:
        conn.autocommit = False
        file_requests_with_comments(conn, people["alice"], "pitr-before", 10)
        conn.commit()
        committed_at = current_lsn(conn)
        conn.commit()
        # RPO: how long a committed request is at risk before it is on the backup disk.
        rpo = archived.wait_until_archived(committed_at)
        time.sleep(1.1)
        comments_at_target = conn.execute("select count(*) from app.comments").fetchone()
        target = server_now(conn)
        conn.commit()
        time.sleep(1.1)
        file_requests_with_comments(conn, people["hana"], "pitr-after", 7)
        conn.autocommit = True
        # The mistake, at a superuser's psql prompt: every comment gone (their
        # notifications first, which reference them).
        conn.execute("delete from app.notifications")
        conn.execute("delete from app.comments")
        conn.execute(f"drop role {DEMO_ADMIN_LOGIN}")
        assert not role_exists(conn, DEMO_ADMIN_LOGIN)
        archived.wait_until_archived(current_lsn(conn))

    started = time.monotonic()
    out = ok(script("restore.sh", "--to", target, "--switch", env=archived.env))
    recovery_seconds = timed(started)
    print(
        f"\nPITR drill: RPO reached {rpo:.2f} s (commit → WAL flushed on the backup disk); "
        f"recovery to {target} switched in after {recovery_seconds} s"
    )
    print(out)
    assert "audit chains intact" in out
    assert "switched: reqstly is the restored copy" in out

    with archived.connect() as conn:
        assert titles_like(conn, "pitr-before-incremental") == 5
        assert titles_like(conn, "pitr-before") == 10
        assert titles_like(conn, "pitr-after") == 0
        assert conn.execute("select count(*) from app.comments").fetchone() == comments_at_target
        assert broken_audit_chains(conn) == []
        assert role_exists(conn, DEMO_ADMIN_LOGIN)
        admin = conn.execute(
            "select count(*) from app.users where db_role = %s", (DEMO_ADMIN_LOGIN,)
        ).fetchone()
        assert admin == (1,)
    kept = [n for n in archived.databases() if n.startswith("reqstly_before_restore_")]
    assert len(kept) == 1, "the database as it was before the restore is kept"
    archived.drop_restored()


def test_a_time_before_every_backup_is_refused(archived: ArchivedCluster) -> None:
    before = archived.databases()
    result = script("restore.sh", "--to", "2001-01-01 00:00:00+00", env=archived.env)
    assert result.returncode != 0
    assert "no base backup finished before 2001-01-01" in result.stderr
    assert archived.databases() == before
