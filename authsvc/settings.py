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
    host: str = "127.0.0.1"
    port: int = 8000
    metrics_host: str = "127.0.0.1"
    metrics_port: int | None = 9100
    local_mode: bool = False
    demo_people: tuple[str, ...] = ()
    db_pool_min: int = 1
    db_pool_max: int = 10
    # Sign-in attempts per fixed window, counted in the database.
    rate_limit_window_seconds: int = 60
    rate_limit_per_address: int = 30
    rate_limit_per_account: int = 10
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
        ]:
            if value <= 0:
                raise SettingsError(f"{name} must be a positive number")

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
        """Read every setting from `env`; raises SettingsError naming what is wrong."""
        reader = _EnvReader(env)
        previous_keys_file = reader.optional("REQSTLY_PREVIOUS_SIGNING_KEYS_FILE")
        demo = reader.optional("REQSTLY_DEMO_PEOPLE") or ""
        metrics_port = reader.integer("REQSTLY_METRICS_PORT", 9100)
        return cls(
            database_url=reader.secret("REQSTLY_DATABASE_URL"),
            signing_key=_read_key(reader.required("REQSTLY_SIGNING_KEY_FILE")),
            previous_signing_keys=(_read_keys(previous_keys_file) if previous_keys_file else ()),
            public_origin=reader.required("REQSTLY_PUBLIC_ORIGIN").rstrip("/"),
            jwt_audience=reader.optional("REQSTLY_JWT_AUDIENCE") or "reqstly",
            azure_tenant_id=reader.required("REQSTLY_AZURE_TENANT_ID").lower(),
            azure_client_id=reader.required("REQSTLY_AZURE_CLIENT_ID"),
            azure_client_secret=reader.secret("REQSTLY_AZURE_CLIENT_SECRET"),
            azure_authority=(reader.optional("REQSTLY_AZURE_AUTHORITY") or AZURE_AUTHORITY).rstrip(
                "/"
            ),
            azure_allowed_tenants=frozenset(
                t.lower() for t in _split(reader.optional("REQSTLY_AZURE_ALLOWED_TENANTS"))
            ),
            azure_required_roles=frozenset(_split(reader.optional("REQSTLY_AZURE_REQUIRED_ROLES"))),
            azure_role_map=parse_role_map(reader.optional("REQSTLY_AZURE_ROLE_MAP") or ""),
            session_idle_minutes=reader.integer("REQSTLY_SESSION_IDLE_MINUTES", 30),
            session_absolute_hours=reader.integer("REQSTLY_SESSION_ABSOLUTE_HOURS", 12),
            access_token_minutes=reader.integer("REQSTLY_ACCESS_TOKEN_MINUTES", 5),
            passkey_reauth_days=reader.integer("REQSTLY_PASSKEY_REAUTH_DAYS", 30),
            webauthn_rp_id=reader.optional("REQSTLY_WEBAUTHN_RP_ID")
            or (urlsplit(reader.required("REQSTLY_PUBLIC_ORIGIN")).hostname or "localhost"),
            host=reader.optional("REQSTLY_HOST") or "0.0.0.0",  # noqa: S104 (a container's port)
            port=reader.integer("REQSTLY_PORT", 8000),
            metrics_host=reader.optional("REQSTLY_METRICS_HOST") or "0.0.0.0",  # noqa: S104
            metrics_port=metrics_port or None,
            local_mode=reader.boolean("REQSTLY_LOCAL_MODE"),
            demo_people=tuple(_split(demo)),
            db_pool_min=reader.integer("REQSTLY_DB_POOL_MIN", 1),
            db_pool_max=reader.integer("REQSTLY_DB_POOL_MAX", 10),
            rate_limit_window_seconds=reader.integer("REQSTLY_RATE_LIMIT_WINDOW_SECONDS", 60),
            rate_limit_per_address=reader.integer("REQSTLY_RATE_LIMIT_PER_ADDRESS", 30),
            rate_limit_per_account=reader.integer("REQSTLY_RATE_LIMIT_PER_ACCOUNT", 10),
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

    def integer(self, name: str, default: int) -> int:
        value = self.optional(name)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError as error:
            raise SettingsError(f"{name} must be a whole number, got {value!r}") from error

    def boolean(self, name: str) -> bool:
        value = (self.optional(name) or "false").lower()
        if value not in {"true", "false", "1", "0", "yes", "no"}:
            raise SettingsError(f"{name} must be true or false")
        return value in {"true", "1", "yes"}
