"""Access tokens: short-lived ES256 JWTs that PostgREST verifies.

Every token is complete (kid, sub, role, sid, aud, iat, exp, amr) because
PostgREST 12.0.2 would accept one without aud or exp; api.pre_request
refuses incomplete ones as a second line.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Literal

from joserfc import jwt
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
