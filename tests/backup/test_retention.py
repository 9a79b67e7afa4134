"""Retention by policy (backup.sh --keep-days): what restores any moment of the
last N days stays, including the older backups an incremental one needs; the
rest and the WAL before the oldest kept backup go (pg_archivecleanup)."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from tests.backup.conftest import ArchivedCluster

pytestmark = pytest.mark.slow
DAY = 86400


def stamps(archived: ArchivedCluster) -> list[str]:
    base = archived.backup_dir / "base"
    return sorted(p.name for p in base.glob("*") if (p / "backup.info").exists())


def age_backup(folder: Path, days: int) -> None:
    """Pretend the backup finished `days` ago (and keep its checksums valid)."""
    info = folder / "backup.info"
    when = int(time.time()) - days * DAY
    lines = [
        f"finished_epoch={when}" if line.startswith("finished_epoch=") else line
        for line in info.read_text().splitlines()
    ]
    info.write_text("\n".join(lines) + "\n")
    sums = [
        f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()}  {name}"
        for name in ("roles.sql", "backup.info", "data/backup_manifest")
    ]
    (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n")


def wal_segments(archived: ArchivedCluster) -> list[str]:
    return sorted(p.name for p in (archived.backup_dir / "wal").iterdir() if len(p.name) == 24)


def test_keep_days_keeps_every_backup_a_kept_moment_needs(archived: ArchivedCluster) -> None:
    already = set(stamps(archived))
    made: list[str] = []
    plan: list[tuple[list[str], int]] = [(["--full"], 30), ([], 29), (["--full"], 20), ([], 16)]
    for args, _ in plan:
        with archived.connect() as conn:
            conn.execute("select pg_switch_wal()")
        archived.backup(*args)
        time.sleep(1.1)  # one backup a second: their names are times
        (new,) = set(stamps(archived)) - already - set(made)
        made.append(new)
    # Aged afterwards, so the second and fourth were taken as incremental ones.
    for stamp, (_, days) in zip(made, plan, strict=True):
        age_backup(archived.backup_dir / "base" / stamp, days)
    old_full, old_incremental, full, incremental = made
    kinds = [(archived.backup_dir / "base" / s / "backup.info").read_text() for s in made]
    assert ["kind=incremental" in k for k in kinds] == [False, True, False, True]
    for stamp in already:
        age_backup(archived.backup_dir / "base" / stamp, 40)
    full_start = (archived.backup_dir / "base" / full / "backup.info").read_text()
    start_wal = next(
        line.split("=", 1)[1] for line in full_start.splitlines() if line.startswith("start_wal=")
    )
    assert any(s < start_wal for s in wal_segments(archived)), "older WAL exists before"

    out = archived.backup("--keep-days", "14")  # the last --keep-days wins

    kept = stamps(archived)
    assert old_full not in kept and old_incremental not in kept, out
    assert not already & set(kept), out
    # 16 days old, but the moment 14 days ago needs it, and it needs the full one.
    assert incremental in kept and full in kept, out
    assert len(kept) == 3, kept
    assert min(wal_segments(archived)) == start_wal, out
    assert f"retention removed base backup {old_full}" in out
