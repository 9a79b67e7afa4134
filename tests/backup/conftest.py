"""A cluster of its own for the backup drills: WAL summaries on, WAL streamed by
scripts/wal-receiver.sh into a backup folder, an SFTP server as the off-site
target. Everything runs as child processes and is stopped by PID.

The drills restore and switch databases, so they never touch the session
stack's cluster (tests/conftest.py) that the other suites share.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from devstack import processes
from devstack.paths import DATA, ROOT
from devstack.postgres import PG_BIN, SYSTEM_USER, LocalPostgres, _ensure_system_user, _open_path_to
from devstack.stack import DBNAME

WAL_SETTINGS = {
    "summarize_wal": "on",
    "max_slot_wal_keep_size": "1GB",
    "wal_keep_size": "64MB",
}


def script(
    name: str, *args: str, env: dict[str, str], timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "scripts" / name), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@dataclass
class ArchivedCluster:
    postgres: LocalPostgres
    backup_dir: Path
    textfile_dir: Path
    env: dict[str, str]
    receiver: processes.Service

    def connect(self, dbname: str = DBNAME) -> psycopg.Connection:
        return self.postgres.connect(dbname)

    def databases(self) -> set[str]:
        with self.connect("postgres") as conn:
            return {row[0] for row in conn.execute("select datname from pg_database").fetchall()}

    def backup(self, *args: str) -> str:
        return ok(
            script(
                "backup.sh",
                "--local-only",
                "--allow-same-disk",
                "--keep-days",
                "0",
                *args,
                env=self.env,
            )
        )

    def received_lsn(self) -> str | None:
        with self.connect("postgres") as conn:
            row = conn.execute(
                "select flush_lsn::text from pg_stat_replication where application_name = 'pg_receivewal'"
            ).fetchone()
        return row[0] if row else None

    def wait_until_archived(self, lsn: str, timeout: float = 60) -> float:
        """Seconds until pg_receivewal has flushed `lsn` to the backup disk."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            with self.connect("postgres") as conn:
                row = conn.execute(
                    """select flush_lsn >= %s::pg_lsn from pg_stat_replication
                        where application_name = 'pg_receivewal'""",
                    (lsn,),
                ).fetchone()
            if row and row[0]:
                return time.monotonic() - started
            time.sleep(0.05)
        raise AssertionError(
            f"WAL up to {lsn} not archived after {timeout} s:\n{self.receiver.log_tail()}"
        )

    def drop_restored(self) -> None:
        """Drop every database a restore made (keep the live one)."""
        with self.connect("postgres") as conn:
            for (name,) in conn.execute(
                "select datname from pg_database where datname like %s", (f"{DBNAME}\\_%",)
            ).fetchall():
                conn.execute(f'drop database "{name}" with (force)')


def server_owned(path: Path) -> Path:
    """A folder the server's OS user owns (as the postgres container's user owns the bind mount)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        owner = _ensure_system_user()
        os.chown(path, owner.pw_uid, owner.pw_gid)
        _open_path_to(path)
    return path


@dataclass
class Offsite:
    """A throwaway SFTP server (the real OpenSSH sshd) and the keys to use it."""

    target: str
    root: Path
    env: dict[str, str]
    identity: Path
    recipient: str


def keygen(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="session")
def offsite() -> Iterator[Offsite]:
    home = DATA / f"offsite-test-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    root = home / "remote"
    root.mkdir(parents=True)
    home.chmod(0o700)
    keygen("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / "host_key"))
    keygen("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / "client_key"))
    shutil.copy(home / "client_key.pub", home / "authorized_keys")
    keygen("age-keygen", "-o", str(home / "age_identity.txt"))
    recipient = keygen("age-keygen", "-y", str(home / "age_identity.txt"))
    port = processes.free_port()
    host_key = (home / "host_key.pub").read_text().split()
    (home / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n")
    user = pwd.getpwuid(os.geteuid()).pw_name
    (home / "sshd_config").write_text(
        f"""Port {port}
ListenAddress 127.0.0.1
HostKey {home}/host_key
PidFile {home}/sshd.pid
AuthorizedKeysFile {home}/authorized_keys
AllowUsers {user}
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
"""
    )
    Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege-separation folder
    sshd = processes.start(
        "sshd",
        ["/usr/sbin/sshd", "-D", "-e", "-f", str(home / "sshd_config")],
        home / "sshd.log",
    )
    try:
        processes.wait_until(sshd, lambda: _listening(port), timeout=30)
        yield Offsite(
            target=f"sftp://{user}@127.0.0.1:{port}/{root}",
            root=root,
            env={
                "REQSTLY_OFFSITE_SSH_KEY": str(home / "client_key"),
                "REQSTLY_OFFSITE_KNOWN_HOSTS": str(home / "known_hosts"),
            },
            identity=home / "age_identity.txt",
            recipient=recipient,
        )
    finally:
        sshd.stop()
        shutil.rmtree(home, ignore_errors=True)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def archived() -> Iterator[ArchivedCluster]:
    data = DATA / f"backup-test-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    postgres = LocalPostgres(data / "pg", settings=WAL_SETTINGS)
    postgres.start()
    receiver: processes.Service | None = None
    try:
        postgres.create_database(DBNAME)
        postgres.migrate(DBNAME)
        postgres.seed(DBNAME)
        backup_dir = server_owned(data / "backups")
        textfile_dir = data / "textfile"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "REQSTLY_"))}
        env.update(
            PG_BIN=str(PG_BIN),
            PGHOST=str(postgres.socket_dir),
            PGUSER="postgres",
            REQSTLY_BACKUP_DIR=str(backup_dir),
            REQSTLY_TEXTFILE_DIR=str(textfile_dir),
        )
        if os.geteuid() == 0:
            env["PG_OS_USER"] = SYSTEM_USER
        receiver = processes.start(
            "wal-receiver",
            [str(ROOT / "scripts/wal-receiver.sh"), "--allow-same-disk"],
            data / "wal-receiver.log",
            env=env,
        )
        cluster = ArchivedCluster(postgres, backup_dir, textfile_dir, env, receiver)
        processes.wait_until(receiver, lambda: cluster.received_lsn() is not None, timeout=60)
        yield cluster
    finally:
        if receiver is not None:
            receiver.stop()
        postgres.stop()
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(postgres.socket_dir, ignore_errors=True)
