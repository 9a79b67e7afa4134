"""Sessions and access tokens for `scripts/dev token`, tests and benchmarks."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

import psycopg
from joserfc.jwk import ECKey

from authsvc.tokens import AccessToken, mint_access_token


def open_dev_session(
    conn: psycopg.Connection, email: str, lifetime_seconds: int
) -> tuple[str, str]:
    """Open a live session (method 'dev') for the person with `email`.

    Returns (person_id, session_id). Raises LookupError for an unknown or
    disabled person. `conn` must be a superuser connection to the app database.
    """
    row = conn.execute(
        "select id from app.users where lower(email) = lower(%s) and disabled_at is null", (email,)
    ).fetchone()
    if row is None:
        raise LookupError(f"no enabled person with email {email}")
    token_hash = hashlib.sha256(secrets.token_bytes(32)).digest()
    lifetime = timedelta(seconds=lifetime_seconds)
    session = conn.execute(
        """insert into auth.sessions (user_id, token_hash, method, expires_at, idle_timeout, user_agent)
           values (%s, %s, 'dev', now() + %s, %s, 'scripts/dev token')
           returning id""",
        (row[0], token_hash, lifetime, lifetime),
    ).fetchone()
    assert session is not None
    return str(row[0]), str(session[0])


def dev_token(
    conn: psycopg.Connection, *, key: ECKey, audience: str, email: str, lifetime_seconds: int
) -> AccessToken:
    """A session plus an access token for it, as `scripts/dev token EMAIL` prints."""
    person_id, session_id = open_dev_session(conn, email, lifetime_seconds)
    return mint_access_token(
        key=key,
        person_id=uuid.UUID(person_id),
        session_id=uuid.UUID(session_id),
        audience=audience,
        method="dev",
        lifetime_seconds=lifetime_seconds,
    )
