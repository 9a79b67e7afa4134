"""Off-site and encrypted: backup.sh and backup-ship.sh copy to a real SFTP
server (OpenSSH's sshd on a free port) with gzip and age; the RUNBOOK's
"Restore when the VPS is gone" block, run as written, fetches the copy onto a
"new VPS" (an empty folder) and restores from it."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from tests.backup.conftest import ArchivedCluster, Offsite, ok, script, server_owned
from tests.backup.drill import (
    broken_audit_chains,
    file_requests_with_comments,
    timed,
    titles_like,
)
from tests.backup.runbook import run_as_written, section_blocks
from tests.people import load_people

pytestmark = pytest.mark.slow

AGE_MAGIC = b"age-encryption.org/v1"


def offsite_env(archived: ArchivedCluster, offsite: Offsite) -> dict[str, str]:
    return {**archived.env, **offsite.env}


def fetch(offsite: Offsite, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    identity = str(offsite.identity)
    return script("backup-fetch.sh", "--offsite", offsite.target, "--identity", identity, env=env)


def test_a_backup_goes_offsite_encrypted_and_the_wal_follows_within_a_minute(
    archived: ArchivedCluster, offsite: Offsite
) -> None:
    env = offsite_env(archived, offsite)
    out = ok(
        script(
            "backup.sh",
            "--offsite",
            offsite.target,
            "--age-recipient",
            offsite.recipient,
            "--allow-same-disk",
            "--keep-days",
            "0",
            env=env,
        )
    )
    assert "off-site copy up to date" in out
    bases = sorted((offsite.root / "base").glob("*.tar.gz.age"))
    assert bases, out
    for sealed in bases:
        assert sealed.read_bytes().startswith(AGE_MAGIC), "only encrypted copies leave the VPS"
        assert Path(f"{sealed}.sha256").is_file()
    wal = list((offsite.root / "wal").glob("*.gz.age"))
    assert wal and all(w.read_bytes().startswith(AGE_MAGIC) for w in wal)
    metric = archived.textfile_dir / "reqstly_backup_offsite_last_success_timestamp_seconds.prom"
    shipped_at = float(metric.read_text().split()[-1])
    assert abs(shipped_at - time.time()) < 120

    # The off-site RPO: a request committed now is off-site after the next
    # minute's backup-ship.sh (cron) has run: at most 60 s + this duration.
    with archived.connect() as conn:
        conn.autocommit = False
        file_requests_with_comments(conn, load_people(conn)["olga"], "offsite-latest", 3)
        conn.commit()
    started = time.monotonic()
    ok(
        script(
            "backup-ship.sh",
            "--offsite",
            offsite.target,
            "--age-recipient",
            offsite.recipient,
            env=env,
        )
    )
    print(
        f"\noff-site RPO: a commit is off-site (encrypted WAL) {timed(started)} s after "
        "backup-ship.sh starts, so at most 60 s (cron interval) + that"
    )


def test_the_restore_when_the_vps_is_gone_section_as_written(
    archived: ArchivedCluster, offsite: Offsite, tmp_path: Path
) -> None:
    blocks = section_blocks("Restore when the VPS is gone")
    assert len(blocks) == 1
    env = {**archived.env, **offsite.env}
    ship = ["--offsite", offsite.target, "--age-recipient", offsite.recipient]
    ok(script("backup.sh", *ship, "--allow-same-disk", "--keep-days", "0", env=env))
    with archived.connect() as conn:
        conn.autocommit = False
        file_requests_with_comments(conn, load_people(conn)["hana"], "runbook-last-minute", 2)
        conn.commit()
    time.sleep(1)
    ok(script("backup-ship.sh", *ship, env=env))  # the cron minute before the VPS was lost

    # The new VPS: an empty backup disk, the identity brought by the operator.
    home = tmp_path / "operator"
    home.mkdir()
    (home / "reqstly-backup.key").write_bytes(offsite.identity.read_bytes())
    new_disk = server_owned(archived.backup_dir.parent / "runbook-new-vps")
    env.update(HOME=str(home), REQSTLY_BACKUP_DIR=str(new_disk), REQSTLY_OFFSITE=offsite.target)
    before = archived.databases()
    result = run_as_written(blocks[0], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "switched: reqstly is the restored copy" in result.stdout
    assert (
        len([n for n in archived.databases() - before if n.startswith("reqstly_before_restore_")])
        == 1
    )
    with archived.connect() as conn:
        assert titles_like(conn, "runbook-last-minute") == 2
        assert broken_audit_chains(conn) == []
    archived.drop_restored()


def test_a_truncated_offsite_copy_is_refused(archived: ArchivedCluster, offsite: Offsite) -> None:
    sealed = sorted((offsite.root / "base").glob("*.tar.gz.age"))[-1]
    kept = sealed.read_bytes()
    sealed.write_bytes(kept[: len(kept) // 2])
    new_vps = server_owned(archived.backup_dir.parent / "new-vps-truncated")
    env = {**offsite_env(archived, offsite), "REQSTLY_BACKUP_DIR": str(new_vps)}
    before = archived.databases()
    try:
        result = fetch(offsite, env)
    finally:
        sealed.write_bytes(kept)
    assert result.returncode != 0
    assert "CHECKSUM MISMATCH" in result.stderr
    assert "is corrupted or truncated. Nothing was restored." in result.stderr
    assert archived.databases() == before
    assert not list((new_vps / "base").glob(sealed.name.removesuffix(".tar.gz.age")))
