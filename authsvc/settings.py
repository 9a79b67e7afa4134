"""authsvc's configuration: one frozen object, read from the environment once.

Every value has an environment variable (names fixed, the stack uses them);
secrets also have a `*_FILE` variant for Docker secrets. Nothing here is
read at import time: `__main__` calls `Settings.from_env(os.environ)`.
"""

from __future__ import annotations

import ipaddress
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from joserfc.jwk import ECKey

from authsvc.keys import load_signing_key

AZURE_AUTHORITY = "https://login.microsoftonline.com"
_PEM_BLOCK = re.compile(r"-----BEGIN [A-Z ]+-----.*?-----END [A-Z ]+-----", re.DOTALL)


class SettingsError(ValueError):
    """A configuration value is missing or malformed (the message names it)."""


@dataclass(frozen=True)
class RoleRight:
    """What an Entra app role grants: admin, or agent of one category."""

    kind: str  # "admin" | "agent"
    category: str | None = None


@dataclass(frozen=True)
class Settings:
    database_url: str
    signing_key: ECKey
    public_origin: str
    azure_client_id: str
    azure_client_secret: str
    azure_tenant_id: str
    previous_signing_keys: tuple[ECKey, ...] = ()
    jwt_audience: str = "reqstly"
    azure_authority: str = AZURE_AUTHORITY
    azure_allowed_tenants: frozenset[str] = frozenset()
    azure_required_roles: frozenset[str] = frozenset()
    azure_role_map: Mapping[str, RoleRight] = field(default_factory=dict)
    session_idle_minutes: int = 30
    session_absolute_hours: int = 12
    access_token_minutes: int = 5
    passkey_reauth_days: int = 30
    webauthn_rp_id: str = "localhost"
    # A container's ports: every interface (Caddy and Prometheus reach them
    # over the overlay network). Local runs set 127.0.0.1.
    host: str = "0.0.0.0"  # noqa: S104
    port: int = 8000
    metrics_host: str = "0.0.0.0"  # noqa: S104
    metrics_port: int | None = 9100
    local_mode: bool = False
    demo_people: tuple[str, ...] = ()
    db_pool_min: int = 1
    db_pool_max: int = 10
    # Sign-in attempts per fixed window, counted in the database.
    rate_limit_window_seconds: int = 60
    rate_limit_per_address: int = 30
    rate_limit_per_account: int = 10
    # Failed passkey verifications of one credential from one address.
    rate_limit_passkey_failures: int = 5
    # Retention (authsvc/retention.py, migration 1010).
    login_events_retention_days: int = 90
    ended_sessions_retention_days: int = 30
    retention_interval_seconds: float = 3600.0
    # An unknown kid refetches the JWKS, but not more often than this.
    jwks_min_refresh_seconds: float = 30.0
    http_timeout_seconds: float = 10.0
    active_sessions_refresh_seconds: float = 15.0

    def __post_init__(self) -> None:
        _check_origin("REQSTLY_PUBLIC_ORIGIN", self.public_origin, self.local_mode)
        _check_origin("REQSTLY_AZURE_AUTHORITY", self.azure_authority, self.local_mode)
        if not self.local_mode:
            for tenant in {self.azure_tenant_id, *self.azure_allowed_tenants}:
                _check_uuid("REQSTLY_AZURE_TENANT_ID / REQSTLY_AZURE_ALLOWED_TENANTS", tenant)
        if not self.azure_client_id:
            raise SettingsError("REQSTLY_AZURE_CLIENT_ID is required")
        if not self.azure_client_secret:
            raise SettingsError("REQSTLY_AZURE_CLIENT_SECRET (or _FILE) is required")
        for name, value in [
            ("REQSTLY_SESSION_IDLE_MINUTES", self.session_idle_minutes),
            ("REQSTLY_SESSION_ABSOLUTE_HOURS", self.session_absolute_hours),
            ("REQSTLY_ACCESS_TOKEN_MINUTES", self.access_token_minutes),
            ("REQSTLY_PASSKEY_REAUTH_DAYS", self.passkey_reauth_days),
            ("REQSTLY_RATE_LIMIT_WINDOW_SECONDS", self.rate_limit_window_seconds),
            ("REQSTLY_RATE_LIMIT_PER_ADDRESS", self.rate_limit_per_address),
            ("REQSTLY_RATE_LIMIT_PER_ACCOUNT", self.rate_limit_per_account),
            ("REQSTLY_RATE_LIMIT_PASSKEY_FAILURES", self.rate_limit_passkey_failures),
            ("REQSTLY_LOGIN_EVENTS_RETENTION_DAYS", self.login_events_retention_days),
            ("REQSTLY_RETENTION_INTERVAL_SECONDS", self.retention_interval_seconds),
        ]:
            if value <= 0:
                raise SettingsError(f"{name} must be a positive number")
        if self.ended_sessions_retention_days < 0:
            raise SettingsError("REQSTLY_ENDED_SESSIONS_RETENTION_DAYS must not be negative")

    @property
    def multi_tenant(self) -> bool:
        return bool(self.azure_allowed_tenants)

    @property
    def allowed_tenants(self) -> frozenset[str]:
        """Tenants whose people may sign in: the allow-list, else the one tenant."""
        return self.azure_allowed_tenants or frozenset({self.azure_tenant_id.lower()})

    @property
    def redirect_uri(self) -> str:
        return f"{self.public_origin}/auth/callback/azure"

    @property
    def verification_keys(self) -> tuple[ECKey, ...]:
        return (self.signing_key, *self.previous_signing_keys)

    def __repr__(self) -> str:
        # Never print secrets (database URL may carry a password).
        return (
            f"Settings(public_origin={self.public_origin!r}, authority={self.azure_authority!r}, "
            f"local_mode={self.local_mode})"
        )

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Read every setting from `env`; raises SettingsError naming what is wrong.

        An unset variable leaves the field's default above: defaults are
        written once, there.
        """
        reader = _EnvReader(env)
        public_origin = reader.required("REQSTLY_PUBLIC_ORIGIN").rstrip("/")
        previous_keys_file = reader.optional("REQSTLY_PREVIOUS_SIGNING_KEYS_FILE")
        authority = reader.optional("REQSTLY_AZURE_AUTHORITY")
        role_map = reader.optional("REQSTLY_AZURE_ROLE_MAP")
        metrics_port = reader.integer("REQSTLY_METRICS_PORT")
        given: dict[str, Any] = {
            "jwt_audience": reader.optional("REQSTLY_JWT_AUDIENCE"),
            "previous_signing_keys": _read_keys(previous_keys_file) if previous_keys_file else None,
            "azure_authority": authority.rstrip("/") if authority else None,
            "azure_allowed_tenants": frozenset(
                t.lower() for t in _split(reader.optional("REQSTLY_AZURE_ALLOWED_TENANTS"))
            )
            or None,
            "azure_required_roles": frozenset(
                _split(reader.optional("REQSTLY_AZURE_REQUIRED_ROLES"))
            )
            or None,
            "azure_role_map": parse_role_map(role_map) if role_map else None,
            "webauthn_rp_id": reader.optional("REQSTLY_WEBAUTHN_RP_ID")
            or urlsplit(public_origin).hostname,
            "host": reader.optional("REQSTLY_HOST"),
            "port": reader.integer("REQSTLY_PORT"),
            "metrics_host": reader.optional("REQSTLY_METRICS_HOST"),
            "local_mode": reader.boolean("REQSTLY_LOCAL_MODE"),
            "demo_people": tuple(_split(reader.optional("REQSTLY_DEMO_PEOPLE"))) or None,
        }
        for name in _INTEGER_SETTINGS:
            given[name] = reader.integer(f"REQSTLY_{name.upper()}")
        given["retention_interval_seconds"] = reader.number("REQSTLY_RETENTION_INTERVAL_SECONDS")
        chosen = {name: value for name, value in given.items() if value is not None}
        if metrics_port is not None:
            chosen["metrics_port"] = metrics_port or None  # 0 turns the metrics port off
        return cls(
            database_url=reader.secret("REQSTLY_DATABASE_URL"),
            signing_key=_read_key(reader.required("REQSTLY_SIGNING_KEY_FILE")),
            public_origin=public_origin,
            azure_tenant_id=reader.required("REQSTLY_AZURE_TENANT_ID").lower(),
            azure_client_id=reader.required("REQSTLY_AZURE_CLIENT_ID"),
            azure_client_secret=reader.secret("REQSTLY_AZURE_CLIENT_SECRET"),
            **chosen,
        )


# Whole-number settings read from REQSTLY_<NAME in capitals>.
_INTEGER_SETTINGS = (
    "session_idle_minutes",
    "session_absolute_hours",
    "access_token_minutes",
    "passkey_reauth_days",
    "db_pool_min",
    "db_pool_max",
    "rate_limit_window_seconds",
    "rate_limit_per_address",
    "rate_limit_per_account",
    "rate_limit_passkey_failures",
    "login_events_retention_days",
    "ended_sessions_retention_days",
)


def parse_role_map(text: str) -> dict[str, RoleRight]:
    """`Reqstly.Admin=admin,Reqstly.Agent.IT=agent:IT` → {role: right}."""
    mapping: dict[str, RoleRight] = {}
    for item in _split(text):
        role, sep, right = item.partition("=")
        role, right = role.strip(), right.strip()
        if not sep or not role:
            raise SettingsError(f"REQSTLY_AZURE_ROLE_MAP: {item!r} is not ROLE=RIGHT")
        if right == "admin":
            mapping[role] = RoleRight("admin")
        elif right.startswith("agent:") and right[len("agent:") :].strip():
            mapping[role] = RoleRight("agent", right[len("agent:") :].strip().upper())
        else:
            raise SettingsError(
                f"REQSTLY_AZURE_ROLE_MAP: {right!r} must be 'admin' or 'agent:CATEGORY'"
            )
    return mapping


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_origin(name: str, value: str, local_mode: bool) -> None:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise SettingsError(f"{name} must be an http(s) URL, got {value!r}")
    if parts.scheme == "http" and not (local_mode or _is_loopback(parts.hostname)):
        raise SettingsError(f"{name} must use https outside local mode")


def _check_uuid(name: str, value: str) -> None:
    try:
        uuid.UUID(value)
    except ValueError as error:
        raise SettingsError(f"{name}: {value!r} is not a tenant id (a GUID)") from error


def _read_key(path: str) -> ECKey:
    try:
        return load_signing_key(Path(path).read_bytes())
    except (OSError, ValueError) as error:
        raise SettingsError(f"cannot read the signing key at {path}: {error}") from error


def _read_keys(path: str) -> tuple[ECKey, ...]:
    """Several PEM keys in one file (previous keys during a rotation)."""
    try:
        text = Path(path).read_text()
    except OSError as error:
        raise SettingsError(f"cannot read previous signing keys at {path}: {error}") from error
    blocks = _PEM_BLOCK.findall(text)
    if not blocks:
        raise SettingsError(f"no PEM keys in {path}")
    return tuple(load_signing_key(block) for block in blocks)


class _EnvReader:
    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env

    def optional(self, name: str) -> str | None:
        value = self.env.get(name, "").strip()
        return value or None

    def required(self, name: str) -> str:
        value = self.optional(name)
        if value is None:
            raise SettingsError(f"{name} is required")
        return value

    def secret(self, name: str) -> str:
        """`NAME` or the contents of the file named by `NAME_FILE`."""
        file_name = self.optional(f"{name}_FILE")
        if file_name:
            try:
                return Path(file_name).read_text().strip()
            except OSError as error:
                raise SettingsError(f"cannot read {name}_FILE: {error}") from error
        return self.required(name)

    def integer(self, name: str) -> int | None:
        value = self.optional(name)
        if value is None:
            return None
        try:
            return int(value)
        except ValueError as error:
            raise SettingsError(f"{name} must be a whole number, got {value!r}") from error

    def number(self, name: str) -> float | None:
        value = self.optional(name)
        if value is None:
            return None
        try:
            return float(value)
        except ValueError as error:
            raise SettingsError(f"{name} must be a number, got {value!r}") from error

    def boolean(self, name: str) -> bool | None:
        value = self.optional(name)
        if value is None:
            return None
        if value.lower() not in {"true", "false", "1", "0", "yes", "no"}:
            raise SettingsError(f"{name} must be true or false")
        return value.lower() in {"true", "1", "yes"}
