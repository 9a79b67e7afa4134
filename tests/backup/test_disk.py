"""Disk: backups and WAL never share the database's disk unless asked, and
PostgreSQL comes back by itself after a disk-full stop (docs/RUNBOOK.md,
"Disk full")."""

from __future__ import annotations

import pytest

from tests.backup.conftest import ArchivedCluster, script
from tests.stack.stackfile import services

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", ["backup.sh", "wal-receiver.sh"])
def test_a_backup_folder_on_the_databases_disk_is_refused(
    archived: ArchivedCluster, name: str
) -> None:
    before = sorted(p.name for p in (archived.backup_dir / "base").glob("*"))
    args = ["--local-only"] if name == "backup.sh" else []
    result = script(name, *args, env=archived.env, timeout=120)
    assert result.returncode != 0
    assert "is on the same filesystem as the database" in result.stderr
    assert "a full disk would stop both" in result.stderr
    assert sorted(p.name for p in (archived.backup_dir / "base").glob("*")) == before


def test_swarm_restarts_postgres_until_it_can_write_again() -> None:
    """A WAL-full stop ends the server; Swarm starts it again, without limit."""
    policy = services()["postgres"]["deploy"]["restart_policy"]
    assert policy["condition"] == "any"
    assert int(policy.get("max_attempts", 0)) == 0, "no attempt limit: it must come back by itself"
