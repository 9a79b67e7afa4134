"""The database calls authsvc makes: only the auth.* functions it may execute.

authsvc connects as the `authsvc` role, which has no table rights; each
method here calls one security definer function (migrations 05xx, 10xx).
Rows come back typed: psycopg's `class_row` builds the dataclass named for
the call, so a renamed column fails loudly instead of shifting a tuple.
"""

from __future__ import annotations

import ipaddress
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

import psycopg
from psycopg.rows import class_row, scalar_row
from psycopg_pool import AsyncConnectionPool

from authsvc.errors import DatabaseUnavailable, InvalidPasskeyName, PasskeyAlreadyRegistered
from authsvc.passkeys import NewPasskey, StoredPasskey

Pool = AsyncConnectionPool[psycopg.AsyncConnection[tuple[Any, ...]]]
Row = TypeVar("Row")


def create_pool(url: str, *, min_size: int, max_size: int) -> Pool:
    """An unopened pool; app.py opens it in a cleanup context."""
    return AsyncConnectionPool(
        url,
        min_size=min_size,
        max_size=max_size,
        open=False,
        timeout=10.0,
        kwargs={"autocommit": True, "application_name": "authsvc"},
        name="authsvc",
    )


@dataclass(frozen=True)
class SessionRow:
    """A live session and its person (auth.start_session, auth.use_session)."""

    session_id: uuid.UUID
    person_id: uuid.UUID
    method: str
    expires_at: datetime
    display_name: str
    email: str | None


@dataclass(frozen=True)
class EndedSession:
    session_id: uuid.UUID
    person_id: uuid.UUID
    method: str


@dataclass(frozen=True)
class WebAuthnUser:
    user_handle: bytes
    user_name: str
    display_name: str


@dataclass(frozen=True)
class PersonResult:
    person_id: uuid.UUID
    disabled: bool


@dataclass(frozen=True)
class PasskeyDescriptor:
    credential_id: bytes
    transports: list[str]


@dataclass(frozen=True)
class ConsumedChallenge:
    person_id: uuid.UUID | None
    expired: bool


@dataclass(frozen=True)
class AddedPasskey:
    passkey_id: uuid.UUID
    passkey_name: str
    created_at: datetime


@dataclass(frozen=True)
class MethodCount:
    method: str
    sessions: int


@dataclass(frozen=True)
class DeletedRows:
    table_name: str
    deleted: int


class Database:
    """Typed wrappers over the auth.* functions; database errors become 503."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool

    async def _rows(self, row: type[Row], query: str, params: tuple[object, ...]) -> list[Row]:
        try:
            async with (
                self.pool.connection() as conn,
                conn.cursor(row_factory=class_row(row)) as cursor,
            ):
                await cursor.execute(query, params)
                return await cursor.fetchall()
        except (psycopg.OperationalError, TimeoutError) as error:
            raise DatabaseUnavailable(reason=type(error).__name__) from error

    async def _one(self, row: type[Row], query: str, params: tuple[object, ...]) -> Row | None:
        rows = await self._rows(row, query, params)
        return rows[0] if rows else None

    async def _value(self, query: str, params: tuple[object, ...]) -> Any:
        """The one value a function returns (None for void)."""
        try:
            async with (
                self.pool.connection() as conn,
                conn.cursor(row_factory=scalar_row) as cursor,
            ):
                await cursor.execute(query, params)
                return await cursor.fetchone()
        except (psycopg.OperationalError, TimeoutError) as error:
            raise DatabaseUnavailable(reason=type(error).__name__) from error

    async def ping(self) -> bool:
        return bool(await self._value("select true", ()))

    async def unsubscribe(self, *, token: str, apply: bool) -> str | None:
        """The label of the notification kind `token` turns off (turning it off when
        `apply`); None when auth.unsubscribe refuses the token (forged, altered, old key)."""
        try:
            label = await self._value("select auth.unsubscribe(%s, %s)", (token, apply))
        except psycopg.errors.InvalidParameterValue:
            return None
        return str(label)

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
        person = await self._one(
            PersonResult,
            "select person_id, disabled from auth.upsert_azure_person(%s, %s, %s, %s, %s, %s, %s)",
            (tenant_id, object_id, display_name, email, manage_rights, is_admin, agent_categories),
        )
        if person is None:
            raise DatabaseUnavailable(reason="upsert_azure_person_returned_nothing")
        return person

    async def start_session(
        self,
        *,
        person_id: uuid.UUID,
        token_hash: bytes,
        method: str,
        idle: timedelta,
        absolute: timedelta,
        user_agent: str | None,
    ) -> SessionRow | None:
        """The new session with its person; None if the person is disabled."""
        return await self._one(
            SessionRow,
            "select session_id, person_id, method, expires_at, display_name, email"
            " from auth.start_session(%s, %s, %s, %s, %s, %s)",
            (person_id, token_hash, method, idle, absolute, user_agent),
        )

    async def use_session(self, *, token_hash: bytes, touch: bool) -> SessionRow | None:
        return await self._one(
            SessionRow,
            "select session_id, person_id, method, expires_at, display_name, email"
            " from auth.use_session(%s, %s)",
            (token_hash, touch),
        )

    async def end_session(self, *, token_hash: bytes, reason: str) -> EndedSession | None:
        return await self._one(
            EndedSession,
            "select session_id, person_id, method from auth.end_session(%s, %s)",
            (token_hash, reason),
        )

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
        await self._value(
            "select auth.record_login_event(%s, %s, %s, %s, %s::inet, %s, %s)",
            (person_id, method, result, reason, address, user_agent, correlation_id),
        )

    async def rate_limit_hit(self, *, bucket: str, window_seconds: int, max_hits: int) -> int:
        """Count a hit; 0 if within the limit, else the seconds to wait."""
        return int(
            await self._value(
                "select auth.rate_limit_hit(%s, %s, %s)", (bucket[:200], window_seconds, max_hits)
            )
        )

    async def rate_limit_check(self, *, bucket: str, window_seconds: int, max_hits: int) -> int:
        """Like rate_limit_hit without counting."""
        return int(
            await self._value(
                "select auth.rate_limit_check(%s, %s, %s)",
                (bucket[:200], window_seconds, max_hits),
            )
        )

    async def begin_signin(self, *, state_hash: bytes, lifetime: timedelta) -> None:
        await self._value("select auth.begin_signin(%s, %s)", (state_hash, lifetime))

    async def consume_signin(self, *, state_hash: bytes) -> bool:
        return bool(await self._value("select auth.consume_signin(%s)", (state_hash,)))

    async def active_session_counts(self) -> dict[str, int]:
        rows = await self._rows(
            MethodCount, "select method, sessions from auth.active_session_counts()", ()
        )
        return {row.method: row.sessions for row in rows}

    async def delete_expired_sign_in_rows(
        self, *, login_events_kept: timedelta, ended_sessions_kept: timedelta
    ) -> dict[str, int]:
        """Rows deleted per table by the retention function (migration 1010)."""
        rows = await self._rows(
            DeletedRows,
            "select table_name, deleted from auth.delete_expired_sign_in_rows(%s, %s)",
            (login_events_kept, ended_sessions_kept),
        )
        return {row.table_name: row.deleted for row in rows}

    # Passkeys (migration 0560) -------------------------------------------------

    async def webauthn_user(
        self, *, person_id: uuid.UUID, proposed_handle: bytes
    ) -> WebAuthnUser | None:
        return await self._one(
            WebAuthnUser,
            "select user_handle, user_name, display_name from auth.webauthn_user(%s, %s)",
            (person_id, proposed_handle),
        )

    async def passkey_descriptors(self, *, person_id: uuid.UUID) -> list[PasskeyDescriptor]:
        return await self._rows(
            PasskeyDescriptor,
            "select credential_id, transports from auth.passkey_descriptors(%s)",
            (person_id,),
        )

    async def issue_webauthn_challenge(
        self,
        *,
        challenge: bytes,
        binding_hash: bytes,
        purpose: str,
        person_id: uuid.UUID | None,
        lifetime: timedelta,
    ) -> None:
        await self._value(
            "select auth.issue_webauthn_challenge(%s, %s, %s, %s, %s)",
            (challenge, binding_hash, purpose, person_id, lifetime),
        )

    async def consume_webauthn_challenge(
        self, *, challenge: bytes, binding_hash: bytes, purpose: str
    ) -> ConsumedChallenge | None:
        """The challenge of this browser and purpose, deleted as it is read;
        None if there is none."""
        return await self._one(
            ConsumedChallenge,
            "select person_id, expired from auth.consume_webauthn_challenge(%s, %s, %s)",
            (challenge, binding_hash, purpose),
        )

    async def add_passkey(
        self, *, person_id: uuid.UUID, passkey: NewPasskey, name: str
    ) -> AddedPasskey | None:
        """The new passkey; None if the person is disabled. Raises
        PasskeyAlreadyRegistered for a known credential, InvalidPasskeyName
        with the database's sentence for a name its rule refuses."""
        try:
            return await self._one(
                AddedPasskey,
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
        except psycopg.errors.CheckViolation as error:
            if error.diag.message_detail != "name" or not error.diag.message_primary:
                raise
            raise InvalidPasskeyName(error.diag.message_primary) from error

    async def passkey_for_sign_in(self, *, credential_id: bytes) -> StoredPasskey | None:
        return await self._one(
            StoredPasskey,
            "select passkey_id, person_id, user_handle, public_key, sign_count, backup_eligible,"
            " person_disabled, last_azure_sign_in_at from auth.passkey_for_sign_in(%s)",
            (credential_id,),
        )

    async def use_passkey(
        self, *, passkey_id: uuid.UUID, new_sign_count: int, backed_up: bool
    ) -> bool:
        return bool(
            await self._value(
                "select auth.use_passkey(%s, %s, %s)", (passkey_id, new_sign_count, backed_up)
            )
        )
