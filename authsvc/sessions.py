"""Session tokens: opaque random values in the session cookie, stored only
as their SHA-256 (auth.sessions.token_hash)."""

from __future__ import annotations

import hashlib
import secrets


def new_session_token() -> str:
    """An opaque, unguessable session token (256 bits)."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> bytes:
    """What the database stores and looks up instead of the token itself."""
    return hashlib.sha256(token.encode()).digest()
