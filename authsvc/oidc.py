"""Sign-in with Azure AD (Entra ID): authorization code + PKCE, ID token checks.

Production talks to Entra's tenant endpoints directly (no discovery): the
issuer of a v2.0 ID token is exactly `{authority}/{tid}/v2.0`. Local mode
talks to the OIDC stand-in through its discovery document and accepts its
issuer (it cannot produce Azure's) and its kid-less single-key JWKS.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx2
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, RSAKey

from authsvc.errors import (
    IdentityProviderUnavailable,
    SignInFailed,
    SignInRefused,
    UnsafeRedirect,
)
from authsvc.sessions import SignInTransaction
from authsvc.settings import Settings

SCOPES = "openid profile email"
ID_TOKEN_ALGORITHMS = ["RS256"]
CLOCK_SKEW_SECONDS = 120
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def safe_next_path(*, next_path: str | None) -> str:
    """The local path to return to after sign-in.

    Accepts only a path on this origin: it must start with a single `/`,
    contain no backslash, no control character and no scheme or host.
    Raises UnsafeRedirect otherwise (`https://evil.example`,
    `//evil.example`, `/\\evil` …). An absent value means `/`.
    """
    if not next_path:
        return "/"
    if (
        len(next_path) > 2000
        or not next_path.startswith("/")
        or next_path.startswith("//")
        or "\\" in next_path
        or _CONTROL.search(next_path)
    ):
        raise UnsafeRedirect(reason="unsafe_next")
    return next_path


def code_challenge(verifier: str) -> str:
    """PKCE S256: BASE64URL(SHA256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


@dataclass(frozen=True)
class Endpoints:
    authorization: str
    token: str
    jwks: str
    issuer: str | None  # the stand-in's issuer (local mode); Azure's is per tenant


@dataclass(frozen=True)
class AzureIdentity:
    """A person as an ID token vouches for them. Identity is tid + oid only."""

    tenant_id: uuid.UUID
    object_id: uuid.UUID
    display_name: str
    email: str | None
    roles: frozenset[str]


@dataclass(frozen=True)
class Rights:
    """Rights mapped from Entra app roles (only when a role map is configured)."""

    managed: bool
    is_admin: bool
    agent_categories: list[str]


class _Jwks:
    """The provider's signing keys by kid: cached, refetched on an unknown kid."""

    def __init__(self, http: httpx2.AsyncClient, url: str, min_refresh_seconds: float) -> None:
        self.http = http
        self.url = url
        self.min_refresh_seconds = min_refresh_seconds
        self.keys: list[RSAKey] = []
        self.fetched_at: float | None = None
        self.lock = asyncio.Lock()

    async def refresh(self, *, force: bool) -> bool:
        """Fetch the JWKS; False when a forced refresh came too soon after the last."""
        async with self.lock:
            now = time.monotonic()
            if self.fetched_at is not None:
                if not force:
                    return True
                if now - self.fetched_at < self.min_refresh_seconds:
                    return False
            document = await _get_json(self.http, self.url)
            try:
                key_set = KeySet.import_key_set(document)  # type: ignore[arg-type]
            except (JoseError, ValueError, TypeError, KeyError) as error:
                raise IdentityProviderUnavailable(reason="jwks_unreadable") from error
            self.keys = [key for key in key_set.keys if isinstance(key, RSAKey)]
            self.fetched_at = now
            return True

    def find(self, kid: str | None) -> RSAKey | None:
        if kid is None:
            return self.keys[0] if len(self.keys) == 1 else None
        return next((key for key in self.keys if key.kid == kid), None)


async def _get_json(http: httpx2.AsyncClient, url: str) -> dict[str, Any]:
    try:
        response = await http.get(url)
        response.raise_for_status()
        document = response.json()
    except (httpx2.HTTPError, ValueError) as error:
        raise IdentityProviderUnavailable(reason="provider_unreachable") from error
    if not isinstance(document, dict):
        raise IdentityProviderUnavailable(reason="provider_answer_not_json_object")
    return document


class AzureSignIn:
    """The Azure AD side of a sign-in, for one configured app registration."""

    def __init__(self, settings: Settings, http: httpx2.AsyncClient) -> None:
        self.settings = settings
        self.http = http
        self._endpoints: Endpoints | None = None
        self._jwks: _Jwks | None = None

    async def endpoints(self) -> Endpoints:
        if self._endpoints is None:
            self._endpoints = await self._find_endpoints()
        return self._endpoints

    async def _find_endpoints(self) -> Endpoints:
        authority = self.settings.azure_authority
        if self.settings.local_mode:
            document = await _get_json(self.http, f"{authority}/.well-known/openid-configuration")
            return Endpoints(
                authorization=str(document["authorization_endpoint"]),
                token=str(document["token_endpoint"]),
                jwks=str(document["jwks_uri"]),
                issuer=str(document["issuer"]),
            )
        # One tenant, or any work account ("organizations") narrowed by the allow-list.
        tenant = "organizations" if self.settings.multi_tenant else self.settings.azure_tenant_id
        return Endpoints(
            authorization=f"{authority}/{tenant}/oauth2/v2.0/authorize",
            token=f"{authority}/{tenant}/oauth2/v2.0/token",
            jwks=f"{authority}/{tenant}/discovery/v2.0/keys",
            issuer=None,
        )

    async def jwks(self) -> _Jwks:
        if self._jwks is None:
            endpoints = await self.endpoints()
            self._jwks = _Jwks(self.http, endpoints.jwks, self.settings.jwks_min_refresh_seconds)
        return self._jwks

    async def authorization_url(self, transaction: SignInTransaction) -> str:
        endpoints = await self.endpoints()
        query = urlencode(
            {
                "client_id": self.settings.azure_client_id,
                "response_type": "code",
                "redirect_uri": self.settings.redirect_uri,
                "response_mode": "query",
                "scope": SCOPES,
                "state": transaction.state,
                "nonce": transaction.nonce,
                "code_challenge": code_challenge(transaction.code_verifier),
                "code_challenge_method": "S256",
            }
        )
        return f"{endpoints.authorization}?{query}"

    async def exchange_code(self, *, code: str, code_verifier: str) -> str:
        """Redeem the authorization code (with the PKCE verifier) for an ID token.

        Raises SignInFailed when the provider refuses the code or answers
        without an ID token, IdentityProviderUnavailable when it cannot be reached.
        """
        endpoints = await self.endpoints()
        try:
            response = await self.http.post(
                endpoints.token,
                data={
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": self.settings.redirect_uri,
                    "client_id": self.settings.azure_client_id,
                    "client_secret": self.settings.azure_client_secret,
                    "code_verifier": code_verifier,
                },
                headers={"Accept": "application/json"},
            )
        except httpx2.HTTPError as error:
            raise IdentityProviderUnavailable(reason="token_endpoint_unreachable") from error
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 500:
            raise IdentityProviderUnavailable(reason=f"token_endpoint_{response.status_code}")
        if response.status_code != 200 or not isinstance(body, dict):
            error_code = body.get("error") if isinstance(body, dict) else None
            raise SignInFailed(
                reason=f"token_endpoint:{str(error_code or response.status_code)[:40]}"
            )
        id_token = body.get("id_token")
        if not isinstance(id_token, str):
            raise SignInFailed(reason="no_id_token")
        return id_token

    async def validate_id_token(
        self, *, id_token: str, nonce: str, now: float | None = None
    ) -> AzureIdentity:
        """Check an ID token and return the person it vouches for.

        Checks: the RS256 signature by the key named in `kid`, from the
        tenant's JWKS (refetched once on an unknown kid; kid-less tokens only
        from the local stand-in's single key); the issuer is exactly
        `{authority}/{tid}/v2.0` (or the stand-in's in local mode); `tid` is the
        configured tenant or allow-listed; `aud` is our client id; `exp`, `nbf`,
        `iat` (with 2 minutes of clock skew); `nonce` matches this browser's
        sign-in; the token names a user (`oid`), not an application.
        Raises SignInFailed for a token that is not valid, SignInRefused for a
        valid one whose account may not sign in here.
        """
        claims = await self._verified_claims(id_token)
        current = time.time() if now is None else now

        tenant = _uuid_claim(claims, "tid")
        if tenant is None:
            raise SignInFailed(reason="tid_missing")
        expected_issuer = (
            (await self.endpoints()).issuer
            if self.settings.local_mode
            else f"{self.settings.azure_authority}/{tenant}/v2.0"
        )
        if claims.get("iss") != expected_issuer:
            raise SignInFailed(reason="issuer_mismatch")
        if str(tenant) not in self.settings.allowed_tenants:
            raise SignInRefused(
                "Your organisation's accounts may not sign in to Reqstly.",
                reason="tenant_not_allowed",
            )
        audience = claims.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.settings.azure_client_id not in audiences:
            raise SignInFailed(reason="audience_mismatch")
        if len(audiences) > 1 and claims.get("azp") != self.settings.azure_client_id:
            raise SignInFailed(reason="azp_mismatch")
        exp, nbf, iat = claims.get("exp"), claims.get("nbf"), claims.get("iat")
        if not isinstance(exp, int | float) or exp + CLOCK_SKEW_SECONDS < current:
            raise SignInFailed(reason="id_token_expired")
        if isinstance(nbf, int | float) and nbf - CLOCK_SKEW_SECONDS > current:
            raise SignInFailed(reason="id_token_not_yet_valid")
        if isinstance(iat, int | float) and iat - CLOCK_SKEW_SECONDS > current:
            raise SignInFailed(reason="id_token_issued_in_future")
        token_nonce = claims.get("nonce")
        if not isinstance(token_nonce, str) or not _same(token_nonce, nonce):
            raise SignInFailed(reason="nonce_mismatch")
        if claims.get("idtyp") == "app":
            raise SignInRefused(
                "Applications cannot sign in to Reqstly, only people.", reason="app_only_token"
            )
        object_id = _uuid_claim(claims, "oid")
        if object_id is None or not isinstance(claims.get("sub"), str):
            raise SignInRefused(
                "Applications cannot sign in to Reqstly, only people.", reason="no_user_in_token"
            )
        roles = claims.get("roles")
        return AzureIdentity(
            tenant_id=tenant,
            object_id=object_id,
            display_name=_display_name(claims),
            email=_email(claims),
            roles=frozenset(r for r in roles if isinstance(r, str))
            if isinstance(roles, list)
            else frozenset(),
        )

    async def _verified_claims(self, id_token: str) -> dict[str, Any]:
        try:
            header = jws.extract_compact(id_token.encode()).protected
        except (JoseError, ValueError) as error:
            raise SignInFailed(reason="id_token_malformed") from error
        if header.get("alg") not in ID_TOKEN_ALGORITHMS:
            raise SignInFailed(reason="id_token_algorithm")
        kid = header.get("kid")
        if kid is None and not self.settings.local_mode:
            raise SignInFailed(reason="kid_missing")
        jwks = await self.jwks()
        await jwks.refresh(force=False)
        key = jwks.find(kid)
        if key is None and await jwks.refresh(force=True):
            key = jwks.find(kid)
        if key is None:
            raise SignInFailed(reason="unknown_kid")
        try:
            token = jwt.decode(id_token, key, algorithms=ID_TOKEN_ALGORITHMS)
        except JoseError as error:
            # The stand-in gets a new key at every start: one refetch, then give up.
            if kid is None and await jwks.refresh(force=True) and (fresh := jwks.find(None)):
                try:
                    token = jwt.decode(id_token, fresh, algorithms=ID_TOKEN_ALGORITHMS)
                except JoseError as second:
                    raise SignInFailed(reason="id_token_signature") from second
            else:
                raise SignInFailed(reason="id_token_signature") from error
        return dict(token.claims)


def rights_for(*, identity: AzureIdentity, settings: Settings) -> Rights:
    """Apply the roles gate and map app roles to rights.

    Checks that the person holds one of REQSTLY_AZURE_REQUIRED_ROLES when
    that is set; raises SignInRefused otherwise. Returns managed rights only
    when REQSTLY_AZURE_ROLE_MAP is set (then each sign-in rewrites them).
    """
    if settings.azure_required_roles and not (settings.azure_required_roles & identity.roles):
        raise SignInRefused(
            "You have not been given access to Reqstly. Ask your administrator.",
            reason="missing_required_role",
        )
    if not settings.azure_role_map:
        return Rights(managed=False, is_admin=False, agent_categories=[])
    granted = [
        settings.azure_role_map[role] for role in identity.roles if role in settings.azure_role_map
    ]
    return Rights(
        managed=True,
        is_admin=any(right.kind == "admin" for right in granted),
        agent_categories=sorted({r.category for r in granted if r.kind == "agent" and r.category}),
    )


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def _uuid_claim(claims: dict[str, Any], name: str) -> uuid.UUID | None:
    value = claims.get(name)
    if not isinstance(value, str):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = _CONTROL.sub("", value).strip()
    return text[:200] or None


def _email(claims: dict[str, Any]) -> str | None:
    for name in ("email", "preferred_username"):
        value = _clean(claims.get(name))
        if value and _EMAIL.match(value):
            return value
    return None


def _display_name(claims: dict[str, Any]) -> str:
    for name in ("name", "preferred_username", "email"):
        value = _clean(claims.get(name))
        if value:
            return value
    return "Unnamed person"
