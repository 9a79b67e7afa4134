"""The whole local system, started the same way by `make run` and the tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from joserfc.jwk import ECKey

from authsvc.keys import load_or_create_signing_key, write_jwks
from authsvc.tokens import AccessToken
from devstack import processes
from devstack.authsvc import SignInServices, start_sign_in
from devstack.caddy import caddy_env, start_caddy
from devstack.mailbox import Mailbox, start_mailbox
from devstack.notifier import notifier_env, start_notifier
from devstack.paths import DATA
from devstack.postgres import LocalPostgres
from devstack.postgrest import RTS_OPTIONS, PostgrestConfig, start_postgrest
from devstack.sessions import dev_token

AUDIENCE = "reqstly"
DBNAME = "reqstly"


@dataclass
class StackSettings:
    data_dir: Path
    http_port: int = 8080
    postgrest_instances: int = 1
    postgrest_pool: int = 10
    postgrest_jwt_cache_seconds: int = 0
    postgrest_rts_options: str = RTS_OPTIONS
    seed: bool = True
    pg_tcp_port: int | None = None
    # The local mailbox and the notification worker (make run; tests start their own).
    notifications: bool = False


@dataclass
class LocalStack:
    """PostgreSQL, PostgREST ×N and Caddy as child processes, stopped by PID."""

    settings: StackSettings
    postgres: LocalPostgres = field(init=False)
    services: list[processes.Service] = field(default_factory=list)
    signing_key: ECKey = field(init=False)
    created_database: bool = False
    sign_in: SignInServices | None = None
    # Caddy's admin endpoint, where it also serves /metrics (tests/monitoring/test_live.py).
    caddy_admin_port: int | None = None
    mailbox: Mailbox | None = None
    # Each PostgREST's own address, for measuring without Caddy (tests/perf).
    postgrest_urls: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.postgres = LocalPostgres(
            self.settings.data_dir / "pg", tcp_port=self.settings.pg_tcp_port
        )

    @property
    def run_dir(self) -> Path:
        return self.settings.data_dir / "run"

    @property
    def origin(self) -> str:
        return f"http://localhost:{self.settings.http_port}"

    @property
    def jwks_path(self) -> Path:
        return self.settings.data_dir / "keys" / "jwks.json"

    def start_database(self) -> None:
        self.postgres.start()
        self.created_database = self.postgres.create_database(DBNAME)
        self.postgres.migrate(DBNAME)
        if self.created_database and self.settings.seed:
            self.postgres.seed(DBNAME)

    def load_keys(self) -> None:
        # Local keys only: generated at first run under .data/, never committed.
        self.signing_key = load_or_create_signing_key(
            self.settings.data_dir / "keys" / "signing-key.pem"
        )
        write_jwks(self.jwks_path, [self.signing_key])

    def start(self) -> None:
        """Start everything; on any failure stop what already started."""
        try:
            self.start_database()
            self.load_keys()
            self._start_api()
            if self.settings.notifications:
                self.start_notifications()
        except BaseException:
            self.stop()
            raise

    def _start_api(self) -> None:
        port, admin_port = processes.free_port(), processes.free_port()
        upstreams = []
        # Each PostgREST gets its own loopback address with the same ports, as
        # Swarm replicas have, so Caddy's health check needs one admin port.
        for index in range(self.settings.postgrest_instances):
            host = f"127.0.0.{index + 1}"
            config = PostgrestConfig(
                db_uri=self.postgres.uri(DBNAME, "authenticator"),
                jwks_path=self.jwks_path,
                audience=AUDIENCE,
                allowed_origin=self.origin,
                host=host,
                port=port,
                admin_port=admin_port,
                pool_size=self.settings.postgrest_pool,
                jwt_cache_seconds=self.settings.postgrest_jwt_cache_seconds,
                rts_options=self.settings.postgrest_rts_options,
            )
            self.services.append(start_postgrest(f"postgrest-{index + 1}", config, self.run_dir))
            upstreams.append(f"{host}:{port}")
            self.postgrest_urls.append(f"http://{host}:{port}")
        # The OIDC stand-in for Azure AD and authsvc (scripts/devstack/authsvc.py).
        self.sign_in = start_sign_in(
            run_dir=self.run_dir,
            database_url=self.postgres.uri(DBNAME, "authsvc"),
            signing_key_file=self.jwks_path.parent / "signing-key.pem",
            public_origin=self.origin,
            services=self.services,
        )
        self.caddy_admin_port = processes.free_port()
        env = caddy_env(
            http_port=self.settings.http_port,
            admin_port=self.caddy_admin_port,
            postgrest_upstreams=upstreams,
            postgrest_admin_port=admin_port,
            authsvc_upstreams=self.sign_in.upstreams,
            run_dir=self.run_dir,
        )
        self.services.append(start_caddy(env, self.run_dir))

    @property
    def maildir(self) -> Path:
        return self.settings.data_dir / "mail"

    def start_notifications(self) -> None:
        """The local mailbox (a Maildir under .data/) and one notification worker."""
        self.mailbox = start_mailbox(self.run_dir, self.maildir)
        self.services.append(self.mailbox.service)
        env = notifier_env(
            database_url=self.postgres.uri(DBNAME, "notifier"),
            public_origin=self.origin,
            mailbox=self.mailbox,
            metrics_port=processes.free_port(),
        )
        self.services.append(start_notifier("notifier", env, self.run_dir))

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()
        self.services.clear()
        with contextlib.suppress(Exception):
            self.postgres.stop()

    def connect(self, user: str = "postgres") -> psycopg.Connection:
        return self.postgres.connect(DBNAME, user)

    def token(self, email: str, lifetime_seconds: int = 3600) -> AccessToken:
        with self.connect() as conn:
            return dev_token(
                conn,
                key=self.signing_key,
                audience=AUDIENCE,
                email=email,
                lifetime_seconds=lifetime_seconds,
            )


@contextlib.contextmanager
def stack_of_its_own(purpose: str) -> Iterator[LocalStack]:
    """A whole local stack for one test run or measurement: its own data folder
    under .data/ (named for `purpose`) and a free front-door port, so several
    checkouts and runs work side by side; stopped by PID and removed afterwards."""
    data_dir = DATA / f"{purpose}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    local = LocalStack(StackSettings(data_dir=data_dir, http_port=processes.free_port()))
    local.start()
    try:
        yield local
    finally:
        local.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(local.postgres.socket_dir, ignore_errors=True)
