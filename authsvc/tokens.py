"""Access tokens: short-lived ES256 JWTs that PostgREST verifies, minted and
read with PyJWT.

Every token is complete (kid, sub, role, sid, aud, iat, exp, amr) because
PostgREST 12.0.2 would accept one without aud or exp; api.pre_request
refuses incomplete ones as a second line.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import jwt
from joserfc.jwk import ECKey

AuthMethod = Literal["azure", "passkey", "dev"]
ACCESS_ROLE = "web_user"
ALGORITHM = "ES256"
_REQUIRED_CLAIMS = ["sub", "role", "sid", "aud", "iat", "exp"]


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_at: int


def mint_access_token(
    *,
    key: ECKey,
    person_id: uuid.UUID | str,
    session_id: uuid.UUID | str,
    audience: str,
    method: AuthMethod,
    lifetime_seconds: int,
    now: int | None = None,
) -> AccessToken:
    """Sign an access token for `person_id` in session `session_id`.

    The token names the signing key in `kid`, carries role web_user, and
    expires `lifetime_seconds` from now. Raises ValueError for a lifetime
    that is not positive or a key without its private half.
    """
    if lifetime_seconds <= 0:
        raise ValueError("an access token must have a positive lifetime")
    if key.private_key is None:
        raise ValueError("an access token is signed with a private key")
    issued_at = int(time.time()) if now is None else now
    expires_at = issued_at + lifetime_seconds
    claims = {
        "sub": str(person_id),
        "role": ACCESS_ROLE,
        "sid": str(session_id),
        "aud": audience,
        "iat": issued_at,
        "exp": expires_at,
        "amr": [method],
    }
    token = jwt.encode(
        claims, key.private_key, algorithm=ALGORITHM, headers={"kid": key.kid, "typ": "JWT"}
    )
    return AccessToken(token, expires_at)


def read_access_token(
    *, token: str | None, keys: Sequence[ECKey], audience: str
) -> dict[str, Any] | None:
    """The claims of one of our own access tokens, or None.

    Checks the ES256 signature by the key its `kid` names (one of `keys`),
    the audience, that every claim we mint is present, role web_user, and
    that it has not expired (no leeway). Returns None (never raises) for
    anything else: the caller then treats it as absent.
    """
    if not token:
        return None
    try:
        kid = jwt.get_unverified_header(token).get("kid")
        key = next((k for k in keys if k.kid == kid), None)
        if key is None:
            return None
        claims: dict[str, Any] = jwt.decode(
            token,
            key.public_key,
            algorithms=[ALGORITHM],
            audience=audience,
            options={"require": _REQUIRED_CLAIMS},
        )
    except jwt.PyJWTError:
        return None
    return claims if claims.get("role") == ACCESS_ROLE else None
