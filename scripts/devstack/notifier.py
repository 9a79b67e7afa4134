"""The notification worker as a child process (`python -m authsvc.notifier`), for local runs.

It connects over the Unix socket as the `notifier` role (trust auth) and
sends to the local mailbox (devstack/mailbox.py) with STARTTLS and the
mailbox's generated credentials, as production sends to its relay.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from devstack import processes
from devstack.mailbox import Mailbox
from devstack.paths import ROOT


def notifier_env(
    *,
    database_url: str,
    public_origin: str,
    mailbox: Mailbox,
    metrics_port: int,
    overrides: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The environment of one local worker (names as in production)."""
    return {
        "REQSTLY_DATABASE_URL": database_url,
        "REQSTLY_PUBLIC_ORIGIN": public_origin,
        "REQSTLY_MAIL_FROM": "reqstly@localhost.localdomain",
        "REQSTLY_SMTP_HOST": "localhost",
        "REQSTLY_SMTP_PORT": str(mailbox.port),
        "REQSTLY_SMTP_USERNAME": mailbox.username,
        "REQSTLY_SMTP_PASSWORD": mailbox.password,
        "REQSTLY_SMTP_CA_FILE": str(mailbox.ca_file),
        "REQSTLY_METRICS_HOST": "127.0.0.1",
        "REQSTLY_METRICS_PORT": str(metrics_port),
        "REQSTLY_LOCAL_MODE": "true",
        # Locally a failed send is retried within seconds, not minutes.
        "REQSTLY_NOTIFIER_RETRY_BASE_SECONDS": "2",
        "REQSTLY_NOTIFIER_POLL_SECONDS": "5",
        "REQSTLY_NOTIFIER_STATS_SECONDS": "5",
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        **(overrides or {}),
    }


def start_notifier(name: str, env: dict[str, str], run_dir: Path) -> processes.Service:
    """Start one worker and wait until its /healthz answers."""
    service = processes.start(
        name, [sys.executable, "-m", "authsvc.notifier"], run_dir / f"{name}.log", env=env, cwd=ROOT
    )
    url = f"http://127.0.0.1:{env['REQSTLY_METRICS_PORT']}/healthz"
    processes.wait_until(service, processes.http_ok(url), timeout=30)
    return service
