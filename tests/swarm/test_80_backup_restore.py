"""backup.sh and restore.sh against the real postgres task, by the RUNBOOK's
commands ("Back up", "Restore": a logical backup restores with
`scripts/restore.sh <file>.dump`), run on the host with docker exec."""

from __future__ import annotations

import time

from tests.swarm.conftest import record
from tests.swarm.swarm import Swarm


def test_backup_and_restore_into_a_fresh_database(swarm: Swarm) -> None:
    requests = swarm.psql("select count(*) from app.requests")
    assert int(requests) > 0, "the drills filed requests"
    env = {"REQSTLY_BACKUP_DIR": str(swarm.backup_dir)}
    started = time.monotonic()
    backup = swarm.script(
        "backup.sh", "--logical", "--database", "reqstly", "--local-only",
        "--allow-same-disk", "--textfile-dir", "", env=env,
    )  # fmt: skip
    assert backup.returncode == 0, backup.stdout + backup.stderr
    dumps = sorted((swarm.backup_dir / "logical").glob("reqstly-*.dump"))
    assert dumps, backup.stdout
    restore = swarm.script(
        "restore.sh", "--target-db", "reqstly_restore_drill", str(dumps[-1]), env=env
    )
    assert restore.returncode == 0, restore.stdout + restore.stderr
    record(
        f"backup.sh --logical + restore.sh into a fresh database: {time.monotonic() - started:.0f}s"
    )
    restored = swarm.psql_in("reqstly_restore_drill", "select count(*) from app.requests")
    assert int(restored) >= int(requests)
