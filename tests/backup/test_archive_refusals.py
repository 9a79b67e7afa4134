"""A damaged archive is refused with words an operator understands, before
anything is restored: a changed byte or a truncated file in a base backup
(pg_verifybackup against its manifest), a WAL segment missing from the
archive. Each runs on a copy of the backup folder; nothing live is touched."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backup.conftest import ArchivedCluster, script, server_owned

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def backed_up(archived: ArchivedCluster) -> ArchivedCluster:
    archived.backup("--full")
    with archived.connect() as conn:
        for _ in range(3):  # several whole WAL segments in the archive
            conn.execute("create table public.filler as select g from generate_series(1, 1000) g")
            conn.execute("drop table public.filler")
            conn.execute("select pg_switch_wal()")
        conn.execute("select pg_switch_wal()")
    return archived


@pytest.fixture
def damaged_copy(backed_up: ArchivedCluster) -> Iterator[Path]:
    copy = backed_up.backup_dir.parent / "damaged-copy"
    shutil.rmtree(copy, ignore_errors=True)
    server_owned(copy)
    subprocess.run(["cp", "-a", str(backed_up.backup_dir / "base"), str(copy / "base")], check=True)
    # The receiver renames its .partial when a segment completes: copy what stays.
    (copy / "wal").mkdir()
    for segment in (backed_up.backup_dir / "wal").iterdir():
        with contextlib.suppress(FileNotFoundError):
            shutil.copy2(segment, copy / "wal" / segment.name)
    subprocess.run(["chown", "-R", "--reference", str(copy), str(copy)], check=True)
    yield copy
    shutil.rmtree(copy, ignore_errors=True)


def newest_base(backups: Path) -> Path:
    return sorted(p for p in (backups / "base").iterdir() if (p / "backup.info").exists())[-1]


def biggest_data_file(base: Path) -> Path:
    files = [p for p in (base / "data" / "base").rglob("*") if p.is_file()]
    return max(files, key=lambda p: p.stat().st_size)


def restore_from(archived: ArchivedCluster, backups: Path) -> subprocess.CompletedProcess[str]:
    before = archived.databases()
    result = script("restore.sh", "--backup-dir", str(backups), env=archived.env)
    assert result.returncode != 0, result.stdout
    assert "Nothing was restored" in result.stderr
    assert archived.databases() == before, "no database was created or renamed"
    assert not list((backups / "restore").glob("*")) if (backups / "restore").exists() else True
    return result


def test_a_changed_byte_in_a_base_backup_is_refused(
    backed_up: ArchivedCluster, damaged_copy: Path
) -> None:
    victim = biggest_data_file(newest_base(damaged_copy))
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    result = restore_from(backed_up, damaged_copy)
    assert "BACKUP CORRUPTED: pg_verifybackup refused" in result.stderr
    assert "checksum mismatch for file" in result.stderr


def test_a_truncated_base_backup_is_refused(backed_up: ArchivedCluster, damaged_copy: Path) -> None:
    victim = biggest_data_file(newest_base(damaged_copy))
    with victim.open("r+b") as f:
        f.truncate(victim.stat().st_size // 3)
    result = restore_from(backed_up, damaged_copy)
    assert "BACKUP CORRUPTED: pg_verifybackup refused" in result.stderr
    assert "has size" in result.stderr


def test_a_changed_roles_file_is_refused(backed_up: ArchivedCluster, damaged_copy: Path) -> None:
    roles = newest_base(damaged_copy) / "roles.sql"
    roles.write_text(roles.read_text() + "CREATE ROLE intruder SUPERUSER;\n")
    result = restore_from(backed_up, damaged_copy)
    assert "CHECKSUM MISMATCH in backup" in result.stderr


def test_a_gap_in_the_wal_archive_is_refused(
    backed_up: ArchivedCluster, damaged_copy: Path
) -> None:
    segments = sorted(
        p for p in (damaged_copy / "wal").iterdir() if len(p.name) == 24 and p.name.isalnum()
    )
    start = (newest_base(damaged_copy) / "backup.info").read_text()
    start_wal = next(
        line.split("=", 1)[1] for line in start.splitlines() if line.startswith("start_wal=")
    )
    later = [p for p in segments if p.name > start_wal]
    assert len(later) >= 2, [p.name for p in segments]
    later[0].unlink()
    result = restore_from(backed_up, damaged_copy)
    assert f"WAL ARCHIVE INCOMPLETE: {later[0].name} is missing" in result.stderr


def test_a_damaged_wal_segment_is_refused(backed_up: ArchivedCluster, damaged_copy: Path) -> None:
    """Recovery ends quietly at the first unreadable record; restore.sh notices."""
    segments = sorted(
        p for p in (damaged_copy / "wal").iterdir() if len(p.name) == 24 and p.name.isalnum()
    )
    victim = segments[-2]
    data = bytearray(victim.read_bytes())
    data[200] ^= 0xFF  # inside the segment's first record, past the page header
    victim.write_bytes(bytes(data))
    before = backed_up.databases()
    result = script("restore.sh", "--backup-dir", str(damaged_copy), env=backed_up.env)
    assert result.returncode != 0, result.stdout
    assert "WAL ARCHIVE DAMAGED: recovery stopped in segment" in result.stderr
    assert backed_up.databases() == before
