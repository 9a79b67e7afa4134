"""Real parts for the worker tests: their own database, a local mailbox, a webhook receiver.

The worker tests get a database of their own in the session's PostgreSQL
(migrated and seeded), so their workers drain only what these tests queue
and no other suite's committed rows. Workers and mailboxes are child
processes, stopped by PID (a test may also kill one on purpose).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg
import pytest

from devstack import processes
from devstack.mailbox import Mailbox, start_mailbox
from devstack.notifier import notifier_env, start_notifier
from devstack.stack import DBNAME, LocalStack
from tests.people import People, Person, authenticate_as, clear_authentication, load_people


@dataclass
class NotifyDatabase:
    stack: LocalStack
    name: str
    people: People

    def connect(self, user: str = "postgres") -> psycopg.Connection:
        conn = self.stack.postgres.connect(self.name, user)
        conn.autocommit = True
        return conn

    def act(
        self,
        person: Person | None,
        sql: str,
        params: tuple[object, ...] = (),
        correlation_id: str | None = None,
    ) -> list[tuple[object, ...]]:
        """Run one statement as `person` (None: the superuser) and commit it.

        `correlation_id` is what api.pre_request records from Caddy's X-Request-Id.
        """
        with self.connect() as conn, conn.transaction():
            if correlation_id is not None:
                conn.execute(
                    "select set_config('reqstly.correlation_id', %s, true)", (correlation_id,)
                )
            if person is not None:
                authenticate_as(conn, person)
            cursor = conn.execute(sql, params)
            rows = cursor.fetchall() if cursor.description else []
            if person is not None:
                clear_authentication(conn)
            return rows

    def file_request(self, person: Person, title: str, category: str = "IT") -> int:
        rows = self.act(
            person,
            "insert into api.requests (title, category) values (%s, %s) returning id",
            (title, category),
        )
        return int(str(rows[0][0]))

    def notifications(self, request_id: int) -> list[tuple[int, str, str, int, str | None]]:
        """(id, kind, state, attempts, last_error) of a request's rows, in order."""
        return [
            (
                int(str(r[0])),
                str(r[1]),
                str(r[2]),
                int(str(r[3])),
                None if r[4] is None else str(r[4]),
            )
            for r in self.act(
                None,
                "select id, kind, state, attempts, last_error from app.notifications where request_id = %s order by id",
                (request_id,),
            )
        ]


@pytest.fixture(scope="session")
def notify_db(stack: LocalStack) -> Iterator[NotifyDatabase]:
    name = f"reqstly_notify_{os.getpid()}"
    stack.postgres.create_database(name)
    stack.postgres.migrate(name)
    stack.postgres.seed(name)
    with stack.postgres.connect(name) as conn:
        people = load_people(conn)
        # The seed's own notifications are history here, not work for these tests.
        conn.execute(
            "update app.notifications set state = 'sent', sent_at = now() where state = 'pending'"
        )
        conn.commit()
    try:
        yield NotifyDatabase(stack, name, people)
    finally:
        stack.postgres.drop_database(name)


@pytest.fixture
def run_dir(stack: LocalStack) -> Path:
    folder = stack.run_dir / f"notify-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def mailbox(run_dir: Path) -> Iterator[Mailbox]:
    box = start_mailbox(run_dir, run_dir / "mail")
    try:
        yield box
    finally:
        box.service.stop()


@dataclass
class Workers:
    """Starts notifier processes against the test database; stops them all afterwards."""

    notify_db: NotifyDatabase
    run_dir: Path
    started: list[processes.Service] = field(default_factory=list)

    def start(self, mailbox: Mailbox, **overrides: str) -> tuple[processes.Service, int]:
        metrics_port = processes.free_port()
        env = notifier_env(
            database_url=self.notify_db.stack.postgres.uri(self.notify_db.name, "notifier"),
            public_origin="http://localhost:8080",
            mailbox=mailbox,
            metrics_port=metrics_port,
            overrides={"REQSTLY_NOTIFIER_POLL_SECONDS": "1", **overrides},
        )
        service = start_notifier(f"notifier-{len(self.started) + 1}", env, self.run_dir)
        self.started.append(service)
        return service, metrics_port


@pytest.fixture
def workers(notify_db: NotifyDatabase, run_dir: Path) -> Iterator[Workers]:
    pool = Workers(notify_db, run_dir)
    try:
        yield pool
    finally:
        for service in pool.started:
            service.stop()


def wait_for(check: Callable[[], bool], timeout: float = 20.0, what: str = "condition") -> float:
    """Poll until `check()` holds; returns the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def messages_with_id(mailbox: Mailbox, message_id: str) -> list[EmailMessage]:
    return [m for m in mailbox.messages() if m["Message-ID"] == message_id]


@dataclass
class WebhookReceiver:
    """A local HTTP server standing in for a Teams/Slack incoming webhook."""

    url: str
    received: list[tuple[dict[str, str], dict[str, object]]]
    statuses: list[int]  # answers to give, in order; 200 once they run out


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    received: list[tuple[dict[str, str], dict[str, object]]] = []
    statuses: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            received.append((dict(self.headers), json.loads(body)))
            status = statuses.pop(0) if statuses else 200
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield WebhookReceiver(
            f"http://127.0.0.1:{server.server_address[1]}/hook", received, statuses
        )
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def delivering(stack: LocalStack, name: str) -> Iterator[Mailbox]:
    """A mailbox and one worker on the stack's own database, as `make run` has."""
    folder = stack.run_dir / name
    folder.mkdir(parents=True, exist_ok=True)
    box = start_mailbox(folder, folder / "mail")
    env = notifier_env(
        database_url=stack.postgres.uri(DBNAME, "notifier"),
        public_origin=stack.origin,
        mailbox=box,
        metrics_port=processes.free_port(),
    )
    try:
        worker = start_notifier(f"notifier-{name}", env, folder)
    except BaseException:
        box.service.stop()
        raise
    try:
        yield box
    finally:
        worker.stop()
        box.service.stop()


def mail_about(mailbox: Mailbox, email: str, key: str) -> list[str]:
    """The plain-text bodies of the e-mails `email` got about request `key`."""
    bodies = []
    for message in mailbox.messages():
        if f"<{email}>" in str(message["To"]) and str(message["Subject"]).startswith(f"[{key}]"):
            part = message.get_body(("plain",))
            assert part is not None
            bodies.append(part.get_content())
    return bodies
