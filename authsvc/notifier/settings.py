"""The worker's configuration: one frozen object, read from the environment once.

Secrets (the database URL, the SMTP user name and password) also have a
`*_FILE` variant for Docker secrets. `__main__` calls
`NotifierSettings.from_env(os.environ)`; nothing is read at import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from typing import Any
from urllib.parse import urlsplit

from authsvc.settings import SettingsError, _EnvReader

__all__ = ["NotifierSettings", "SettingsError"]


@dataclass(frozen=True)
class NotifierSettings:
    database_url: str
    public_origin: str
    mail_from: str
    smtp_host: str
    smtp_port: int = 587
    smtp_starttls: bool = True
    smtp_username: str | None = None
    smtp_password: str | None = None
    # A CA bundle for the SMTP server's certificate (the local mailbox's own CA).
    smtp_ca_file: str | None = None
    smtp_timeout_seconds: float = 30.0
    webhook_timeout_seconds: float = 10.0
    batch_size: int = 20
    # A claimed row is someone else's to retry only after its lease: longer
    # than one send can take, so a slow send is never sent twice.
    lease_seconds: int = 300
    max_attempts: int = 8
    retry_base_seconds: float = 30.0
    retry_max_seconds: float = 3600.0
    poll_seconds: float = 30.0
    stats_seconds: float = 15.0
    metrics_host: str = "0.0.0.0"  # noqa: S104 (a container's port)
    metrics_port: int | None = 9101
    local_mode: bool = False

    def __post_init__(self) -> None:
        origin = urlsplit(self.public_origin)
        if origin.scheme not in {"http", "https"} or not origin.hostname:
            raise SettingsError(
                f"REQSTLY_PUBLIC_ORIGIN must be an http(s) URL, got {self.public_origin!r}"
            )
        if "@" not in parseaddr(self.mail_from)[1]:
            raise SettingsError(
                f"REQSTLY_MAIL_FROM must be an e-mail address, got {self.mail_from!r}"
            )
        if not self.smtp_starttls and not self.local_mode:
            raise SettingsError("REQSTLY_SMTP_STARTTLS may be off in local mode only")
        if (self.smtp_username is None) != (self.smtp_password is None):
            raise SettingsError(
                "set both REQSTLY_SMTP_USERNAME and REQSTLY_SMTP_PASSWORD, or neither"
            )
        if self.max_attempts < 1 or self.batch_size < 1 or self.lease_seconds < 1:
            raise SettingsError("the batch size, lease and number of attempts must be at least 1")

    def __repr__(self) -> str:
        # Never the database URL or the SMTP credentials.
        return (
            f"NotifierSettings(public_origin={self.public_origin!r}, smtp={self.smtp_host}:{self.smtp_port}, "
            f"starttls={self.smtp_starttls}, local_mode={self.local_mode})"
        )

    @property
    def mail_domain(self) -> str:
        """The right-hand side of the Message-IDs the worker makes."""
        return parseaddr(self.mail_from)[1].rpartition("@")[2]

    def retry_delay(self, attempts: int) -> float:
        """Seconds before attempt `attempts + 1`: doubling from the base, capped."""
        return float(
            min(self.retry_max_seconds, self.retry_base_seconds * 2 ** max(0, attempts - 1))
        )

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> NotifierSettings:
        """Read every setting from `env`; raises SettingsError naming what is wrong.

        An unset variable leaves the field's default above.
        """
        reader = _EnvReader(env)
        credentials = reader.optional("REQSTLY_SMTP_USERNAME") or reader.optional(
            "REQSTLY_SMTP_USERNAME_FILE"
        )
        metrics_port = reader.integer("REQSTLY_METRICS_PORT")
        given: dict[str, Any] = {
            "smtp_port": reader.integer("REQSTLY_SMTP_PORT"),
            "smtp_starttls": reader.boolean("REQSTLY_SMTP_STARTTLS"),
            "smtp_username": reader.secret("REQSTLY_SMTP_USERNAME") if credentials else None,
            "smtp_password": reader.secret("REQSTLY_SMTP_PASSWORD") if credentials else None,
            "smtp_ca_file": reader.optional("REQSTLY_SMTP_CA_FILE"),
            "batch_size": reader.integer("REQSTLY_NOTIFIER_BATCH"),
            "lease_seconds": reader.integer("REQSTLY_NOTIFIER_LEASE_SECONDS"),
            "max_attempts": reader.integer("REQSTLY_NOTIFIER_MAX_ATTEMPTS"),
            "retry_base_seconds": reader.number("REQSTLY_NOTIFIER_RETRY_BASE_SECONDS"),
            "retry_max_seconds": reader.number("REQSTLY_NOTIFIER_RETRY_MAX_SECONDS"),
            "poll_seconds": reader.number("REQSTLY_NOTIFIER_POLL_SECONDS"),
            "stats_seconds": reader.number("REQSTLY_NOTIFIER_STATS_SECONDS"),
            "metrics_host": reader.optional("REQSTLY_METRICS_HOST"),
            "local_mode": reader.boolean("REQSTLY_LOCAL_MODE"),
        }
        chosen = {name: value for name, value in given.items() if value is not None}
        if metrics_port is not None:
            chosen["metrics_port"] = metrics_port or None  # 0 turns the metrics port off
        return cls(
            database_url=reader.secret("REQSTLY_DATABASE_URL"),
            public_origin=reader.required("REQSTLY_PUBLIC_ORIGIN").rstrip("/"),
            mail_from=_with_display_name(reader.required("REQSTLY_MAIL_FROM")),
            smtp_host=reader.required("REQSTLY_SMTP_HOST"),
            **chosen,
        )


def _with_display_name(sender: str) -> str:
    """A bare address becomes "Reqstly <address>"."""
    return sender if "<" in sender else formataddr(("Reqstly", sender))
