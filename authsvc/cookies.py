"""Every cookie authsvc sets, and the sealed sign-in cookie.

Cookies follow docs/ARCHITECTURE.md (sign-in): `__Host-` names (so Secure,
Path=/ and no Domain are enforced by browsers), HttpOnly, SameSite Strict —
except the sign-in cookie, which must come back on the cross-site return
from Entra ID (Lax).
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from collections.abc import Iterable
from typing import Literal

from aiohttp import web
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from joserfc.jwk import ECKey

from authsvc.errors import SignInExpired
from authsvc.oidc import SignInTransaction

ACCESS_COOKIE = "__Host-reqstly_at"
SESSION_COOKIE = "__Host-reqstly_session"
SIGNIN_COOKIE = "__Host-reqstly_signin"
WEBAUTHN_COOKIE = "__Host-reqstly_webauthn"

SameSite = Literal["Strict", "Lax"]


def set_cookie(
    response: web.StreamResponse, name: str, value: str, *, max_age: int, samesite: SameSite
) -> None:
    response.set_cookie(
        name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite=samesite
    )


def clear_cookie(response: web.StreamResponse, name: str, *, samesite: SameSite) -> None:
    set_cookie(response, name, "", max_age=0, samesite=samesite)


def set_access_cookie(response: web.StreamResponse, *, token: str, max_age: int) -> None:
    set_cookie(response, ACCESS_COOKIE, token, max_age=max_age, samesite="Strict")


def set_session_cookie(response: web.StreamResponse, *, token: str, max_age: int) -> None:
    set_cookie(response, SESSION_COOKIE, token, max_age=max_age, samesite="Strict")


def clear_session_cookies(response: web.StreamResponse) -> None:
    clear_cookie(response, ACCESS_COOKIE, samesite="Strict")
    clear_cookie(response, SESSION_COOKIE, samesite="Strict")


def set_signin_cookie(response: web.StreamResponse, *, sealed: str, max_age: int) -> None:
    set_cookie(response, SIGNIN_COOKIE, sealed, max_age=max_age, samesite="Lax")


def clear_signin_cookie(response: web.StreamResponse) -> None:
    clear_cookie(response, SIGNIN_COOKIE, samesite="Lax")


def set_webauthn_cookie(response: web.StreamResponse, *, token: str, max_age: int) -> None:
    set_cookie(response, WEBAUTHN_COOKIE, token, max_age=max_age, samesite="Strict")


class CookieSealer:
    """AES-256-GCM sealing of the sign-in cookie.

    The key is derived (HKDF) from authsvc's signing keys, so every replica
    opens what another sealed, and a rotation keeps in-flight sign-ins.
    """

    _INFO = b"reqstly signin cookie v1"

    def __init__(self, keys: Iterable[ECKey]) -> None:
        self._keys = [self._derive(key) for key in keys]

    @classmethod
    def _derive(cls, key: ECKey) -> AESGCM:
        secret = key.as_dict(private=True)["d"]
        material = base64.urlsafe_b64decode(str(secret) + "==")
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=cls._INFO).derive(
            material
        )
        return AESGCM(derived)

    def seal(self, transaction: SignInTransaction) -> str:
        plain = json.dumps(
            {
                "s": transaction.state,
                "n": transaction.nonce,
                "v": transaction.code_verifier,
                "next": transaction.next_path,
                "exp": transaction.expires_at,
            }
        ).encode()
        nonce = secrets.token_bytes(12)
        sealed = nonce + self._keys[0].encrypt(nonce, plain, SIGNIN_COOKIE.encode())
        return base64.urlsafe_b64encode(sealed).decode().rstrip("=")

    def open(self, *, value: str | None, now: int | None = None) -> SignInTransaction:
        """Open a sealed sign-in cookie.

        Checks that the cookie is present, was sealed by one of our keys (not
        forged or altered) and has not expired. Raises SignInExpired otherwise.
        """
        if not value:
            raise SignInExpired(reason="signin_cookie_missing")
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        except ValueError as error:
            raise SignInExpired(reason="signin_cookie_malformed") from error
        nonce, sealed = raw[:12], raw[12:]
        for key in self._keys:
            try:
                data = json.loads(key.decrypt(nonce, sealed, SIGNIN_COOKIE.encode()))
                break
            except (InvalidTag, ValueError):
                continue
        else:
            raise SignInExpired(reason="signin_cookie_invalid")
        transaction = SignInTransaction(
            state=str(data["s"]),
            nonce=str(data["n"]),
            code_verifier=str(data["v"]),
            next_path=str(data["next"]),
            expires_at=int(data["exp"]),
        )
        if transaction.expires_at <= (int(time.time()) if now is None else now):
            raise SignInExpired(reason="signin_cookie_expired")
        return transaction
