"""The database calls authsvc makes: only the auth.* functions it may execute.

authsvc connects as the `authsvc` role, which has no table rights; each
function here calls one security definer function of migration 05xx.
"""

from __future__ import annotations

import ipaddress
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import psycopg
from psycopg.rows import tuple_row
from psycopg_pool import AsyncConnectionPool

from authsvc.errors import DatabaseUnavailable, PasskeyAlreadyRegistered
from authsvc.passkeys import NewPasskey, StoredPasskey

Pool = AsyncConnectionPool[psycopg.AsyncConnection[tuple[object, ...]]]


def create_pool(url: str, *, min_size: int, max_size: int) -> Pool:
    """An unopened pool; app.py opens it in a cleanup context."""
    return AsyncConnectionPool(
        url,
        min_size=min_size,
        max_size=max_size,
        open=False,
        timeout=10.0,
        kwargs={"autocommit": True, "row_factory": tuple_row, "application_name": "authsvc"},
        name="authsvc",
    )


@dataclass(frozen=True)
class SessionRow:
    session_id: uuid.UUID
    person_id: uuid.UUID
    method: str
    expires_at: datetime
    display_name: str
    email: str | None


@dataclass(frozen=True)
class WebAuthnUser:
    user_handle: bytes
    user_name: str
    display_name: str


@dataclass(frozen=True)
class PersonResult:
    person_id: uuid.UUID
    disabled: bool


class Database:
    """Typed wrappers over the auth.* functions; database errors become 503."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool

    async def _fetch(self, query: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
        try:
            async with self.pool.connection() as conn:
                cursor = await conn.execute(query, params)
                return await cursor.fetchall() if cursor.description else []
        except (psycopg.OperationalError, TimeoutError) as error:
            raise DatabaseUnavailable(reason=type(error).__name__) from error

    async def ping(self) -> bool:
        rows = await self._fetch("select true", ())
        return bool(rows and rows[0][0])

    async def upsert_azure_person(
        self,
        *,
        tenant_id: uuid.UUID,
        object_id: uuid.UUID,
        display_name: str,
        email: str | None,
        manage_rights: bool,
        is_admin: bool,
        agent_categories: list[str],
    ) -> PersonResult:
        rows = await self._fetch(
            "select person_id, disabled from auth.upsert_azure_person(%s, %s, %s, %s, %s, %s, %s)",
            (tenant_id, object_id, display_name, email, manage_rights, is_admin, agent_categories),
        )
        person_id, disabled = rows[0]
        assert isinstance(person_id, uuid.UUID)
        assert isinstance(disabled, bool)
        return PersonResult(person_id, disabled)

    async def open_session(
        self,
        *,
        person_id: uuid.UUID,
        token_hash: bytes,
        method: str,
        idle: timedelta,
        absolute: timedelta,
        user_agent: str | None,
    ) -> tuple[uuid.UUID, datetime] | None:
        rows = await self._fetch(
            "select session_id, expires_at from auth.open_session(%s, %s, %s, %s, %s, %s)",
            (person_id, token_hash, method, idle, absolute, user_agent),
        )
        if not rows:
            return None
        session_id, expires_at = rows[0]
        assert isinstance(session_id, uuid.UUID)
        assert isinstance(expires_at, datetime)
        return session_id, expires_at

    async def use_session(self, *, token_hash: bytes, touch: bool) -> SessionRow | None:
        rows = await self._fetch(
            "select session_id, person_id, method, expires_at, display_name, email"
            " from auth.use_session(%s, %s)",
            (token_hash, touch),
        )
        if not rows:
            return None
        return SessionRow(*rows[0])  # type: ignore[arg-type]

    async def end_session(self, *, token_hash: bytes, reason: str) -> SessionRow | None:
        rows = await self._fetch(
            "select session_id, person_id, method from auth.end_session(%s, %s)",
            (token_hash, reason),
        )
        if not rows:
            return None
        session_id, person_id, method = rows[0]
        return SessionRow(session_id, person_id, method, datetime.min, "", None)  # type: ignore[arg-type]

    async def record_login_event(
        self,
        *,
        person_id: uuid.UUID | None,
        method: str,
        result: str,
        reason: str | None,
        ip: str | None,
        user_agent: str | None,
        correlation_id: str | None,
    ) -> None:
        address: str | None = None
        if ip:
            try:
                address = str(ipaddress.ip_address(ip))
            except ValueError:
                address = None
        await self._fetch(
            "select auth.record_login_event(%s, %s, %s, %s, %s::inet, %s, %s)",
            (person_id, method, result, reason, address, user_agent, correlation_id),
        )

    async def rate_limit_hit(self, *, bucket: str, window_seconds: int, max_hits: int) -> int:
        rows = await self._fetch(
            "select auth.rate_limit_hit(%s, %s, %s)", (bucket[:200], window_seconds, max_hits)
        )
        retry_after = rows[0][0]
        assert isinstance(retry_after, int)
        return retry_after

    async def begin_signin(self, *, state_hash: bytes, lifetime: timedelta) -> None:
        await self._fetch("select auth.begin_signin(%s, %s)", (state_hash, lifetime))

    async def consume_signin(self, *, state_hash: bytes) -> bool:
        rows = await self._fetch("select auth.consume_signin(%s)", (state_hash,))
        return bool(rows[0][0])

    async def active_session_counts(self) -> dict[str, int]:
        rows = await self._fetch("select method, sessions from auth.active_session_counts()", ())
        return {str(method): int(count) for method, count in rows}  # type: ignore[call-overload]

    # Passkeys (migration 0560) -------------------------------------------------

    async def webauthn_user(
        self, *, person_id: uuid.UUID, proposed_handle: bytes
    ) -> WebAuthnUser | None:
        rows = await self._fetch(
            "select user_handle, user_name, display_name from auth.webauthn_user(%s, %s)",
            (person_id, proposed_handle),
        )
        if not rows:
            return None
        return WebAuthnUser(*rows[0])  # type: ignore[arg-type]

    async def passkey_descriptors(self, *, person_id: uuid.UUID) -> list[tuple[bytes, list[str]]]:
        rows = await self._fetch(
            "select credential_id, transports from auth.passkey_descriptors(%s)", (person_id,)
        )
        return [(bytes(cid), list(transports)) for cid, transports in rows]  # type: ignore[call-overload]

    async def issue_webauthn_challenge(
        self,
        *,
        challenge: bytes,
        binding_hash: bytes,
        purpose: str,
        person_id: uuid.UUID | None,
        lifetime: timedelta,
    ) -> None:
        await self._fetch(
            "select auth.issue_webauthn_challenge(%s, %s, %s, %s, %s)",
            (challenge, binding_hash, purpose, person_id, lifetime),
        )

    async def consume_webauthn_challenge(
        self, *, challenge: bytes, binding_hash: bytes, purpose: str
    ) -> tuple[uuid.UUID | None, bool] | None:
        """(person or None, expired) for a challenge of this browser and
        purpose, deleted as it is read; None if there is none."""
        rows = await self._fetch(
            "select person_id, expired from auth.consume_webauthn_challenge(%s, %s, %s)",
            (challenge, binding_hash, purpose),
        )
        if not rows:
            return None
        person_id, expired = rows[0]
        return person_id, bool(expired)  # type: ignore[return-value]

    async def add_passkey(
        self, *, person_id: uuid.UUID, passkey: NewPasskey, name: str
    ) -> tuple[uuid.UUID, str, datetime] | None:
        """The new passkey's id, name and creation time; None if the person
        is disabled. Raises PasskeyAlreadyRegistered for a known credential."""
        try:
            rows = await self._fetch(
                "select passkey_id, passkey_name, created_at"
                " from auth.add_passkey(%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    person_id,
                    passkey.credential_id,
                    passkey.public_key,
                    passkey.sign_count,
                    passkey.transports,
                    passkey.aaguid,
                    passkey.backup_eligible,
                    passkey.backed_up,
                    name,
                ),
            )
        except psycopg.errors.UniqueViolation as error:
            raise PasskeyAlreadyRegistered(reason="credential_id_taken") from error
        if not rows:
            return None
        return rows[0]  # type: ignore[return-value]

    async def passkey_for_sign_in(self, *, credential_id: bytes) -> StoredPasskey | None:
        rows = await self._fetch(
            "select passkey_id, person_id, user_handle, public_key, sign_count, backup_eligible,"
            " person_disabled, last_azure_sign_in_at from auth.passkey_for_sign_in(%s)",
            (credential_id,),
        )
        if not rows:
            return None
        return StoredPasskey(*rows[0])  # type: ignore[arg-type]

    async def use_passkey(
        self, *, passkey_id: uuid.UUID, new_sign_count: int, backed_up: bool
    ) -> bool:
        rows = await self._fetch(
            "select auth.use_passkey(%s, %s, %s)", (passkey_id, new_sign_count, backed_up)
        )
        return bool(rows[0][0])
