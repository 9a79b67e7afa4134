"""Access tokens: short-lived ES256 JWTs that PostgREST verifies.

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

from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey

AuthMethod = Literal["azure", "passkey", "dev"]
ACCESS_ROLE = "web_user"


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
    that is not positive.
    """
    if lifetime_seconds <= 0:
        raise ValueError("an access token must have a positive lifetime")
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
    header = {"alg": "ES256", "typ": "JWT", "kid": key.kid}
    return AccessToken(jwt.encode(header, claims, key), expires_at)


def read_access_token(
    *, token: str | None, keys: Sequence[ECKey], audience: str, now: int | None = None
) -> dict[str, Any] | None:
    """The claims of one of our own access tokens, or None.

    Checks the ES256 signature by the key its `kid` names (one of `keys`),
    the audience, role web_user, and that it has not expired. Returns None
    (never raises) for anything else: the caller then treats it as absent.
    """
    if not token:
        return None
    try:
        kid = jws.extract_compact(token.encode()).protected.get("kid")
        key = next((k for k in keys if k.kid == kid), None)
        if key is None:
            return None
        claims = dict(jwt.decode(token, key, algorithms=["ES256"]).claims)
    except (JoseError, ValueError):
        return None
    current = int(time.time()) if now is None else now
    exp = claims.get("exp")
    if (
        claims.get("aud") != audience
        or claims.get("role") != ACCESS_ROLE
        or not isinstance(exp, int)
        or exp <= current
    ):
        return None
    return claims
