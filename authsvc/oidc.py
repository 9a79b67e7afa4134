"""Sign-in with Azure AD (Entra ID), the OpenID Connect client side.

Authlib does the protocol: the provider's discovery document, the
authorization URL with state, nonce and PKCE (S256), the code exchange, and
the ID token's standard claims (issuer, audience, expiry, not-before,
issued-at, nonce, azp) with its `CodeIDToken` claims class; joserfc (which
Authlib uses) checks the signature. Reqstly's own rules sit on top: the
issuer is exactly `{authority}/{tid}/v2.0` of the tenant in the token, the
tenant is configured or allow-listed, app-only tokens are refused, and a
person is `tid` + `oid`.

Local mode talks to the OIDC stand-in, whose issuer (from its discovery
document) cannot be Azure's and whose single key has no `kid`.
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx2
from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError
from authlib.integrations.httpx_client import AsyncOAuth2Client
from authlib.oidc.core import CodeIDToken
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey

from authsvc.errors import (
    IdentityProviderUnavailable,
    SignInFailed,
    SignInRefused,
    UnsafeRedirect,
)
from authsvc.settings import Settings

SCOPES = "openid profile email"
ID_TOKEN_ALGORITHMS = ["RS256"]
CLOCK_SKEW_SECONDS = 120
SIGNIN_LIFETIME_SECONDS = 600
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


@dataclass(frozen=True)
class SignInTransaction:
    """One Azure sign-in in flight: what the callback needs to finish it
    (kept sealed in the browser's sign-in cookie, cookies.py)."""

    state: str
    nonce: str
    code_verifier: str
    next_path: str
    expires_at: int

    @classmethod
    def start(cls, next_path: str) -> SignInTransaction:
        """Fresh `state`, `nonce` and PKCE verifier (Authlib's generator, from
        the system's CSPRNG; 48 and 64 letters and digits, ~285 and ~380 bits)."""
        return cls(
            state=generate_token(48),
            nonce=generate_token(48),
            code_verifier=generate_token(64),
            next_path=next_path,
            expires_at=int(time.time()) + SIGNIN_LIFETIME_SECONDS,
        )


@dataclass(frozen=True)
class ProviderMetadata:
    """What discovery told us (the issuer only matters in local mode)."""

    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    issuer: str


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


def new_oauth_client(settings: Settings) -> AsyncOAuth2Client:
    """Authlib's HTTP client for this app registration (one per app)."""
    return AsyncOAuth2Client(
        client_id=settings.azure_client_id,
        client_secret=settings.azure_client_secret,
        token_endpoint_auth_method="client_secret_post",  # noqa: S106 (a method name)
        scope=SCOPES,
        redirect_uri=settings.redirect_uri,
        code_challenge_method="S256",
        timeout=settings.http_timeout_seconds,
        follow_redirects=False,
        trust_env=False,
    )


class _Jwks:
    """The provider's signing keys by kid: cached, refetched on an unknown kid,
    but not more often than REQSTLY_JWKS_MIN_REFRESH_SECONDS."""

    def __init__(self, client: AsyncOAuth2Client, url: str, min_refresh_seconds: float) -> None:
        self.client = client
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
            document = await _get_json(self.client, self.url)
            try:
                keys = [
                    RSAKey.import_key(key) for key in document["keys"] if key.get("kty") == "RSA"
                ]
            except (JoseError, ValueError, TypeError, KeyError, AttributeError) as error:
                raise IdentityProviderUnavailable(reason="jwks_unreadable") from error
            self.keys = keys
            self.fetched_at = now
            return True

    def find(self, kid: str | None) -> RSAKey | None:
        if kid is None:
            return self.keys[0] if len(self.keys) == 1 else None
        return next((key for key in self.keys if key.kid == kid), None)


async def _get_json(client: AsyncOAuth2Client, url: str) -> dict[str, Any]:
    try:
        response = await client.request("GET", url, withhold_token=True)
        response.raise_for_status()
        document = response.json()
    except (httpx2.HTTPError, ValueError) as error:
        raise IdentityProviderUnavailable(reason="provider_unreachable") from error
    if not isinstance(document, dict):
        raise IdentityProviderUnavailable(reason="provider_answer_not_json_object")
    return document


class AzureSignIn:
    """The Azure AD side of a sign-in, for one configured app registration."""

    def __init__(self, settings: Settings, client: AsyncOAuth2Client) -> None:
        self.settings = settings
        self.client = client
        self._metadata: ProviderMetadata | None = None
        self._jwks: _Jwks | None = None

    @property
    def discovery_url(self) -> str:
        authority = self.settings.azure_authority
        if self.settings.local_mode:
            return f"{authority}/.well-known/openid-configuration"
        # One tenant, or any work account ("organizations") narrowed by the allow-list.
        tenant = "organizations" if self.settings.multi_tenant else self.settings.azure_tenant_id
        return f"{authority}/{tenant}/v2.0/.well-known/openid-configuration"

    async def metadata(self) -> ProviderMetadata:
        """The provider's discovery document, read once."""
        if self._metadata is None:
            document = await _get_json(self.client, self.discovery_url)
            try:
                self._metadata = ProviderMetadata(
                    authorization_endpoint=str(document["authorization_endpoint"]),
                    token_endpoint=str(document["token_endpoint"]),
                    jwks_uri=str(document["jwks_uri"]),
                    issuer=str(document["issuer"]),
                )
            except KeyError as error:
                raise IdentityProviderUnavailable(reason="discovery_incomplete") from error
        return self._metadata

    async def jwks(self) -> _Jwks:
        if self._jwks is None:
            metadata = await self.metadata()
            self._jwks = _Jwks(
                self.client, metadata.jwks_uri, self.settings.jwks_min_refresh_seconds
            )
        return self._jwks

    async def authorization_url(self, transaction: SignInTransaction) -> str:
        """Where to send the browser: code flow with state, nonce and PKCE S256."""
        metadata = await self.metadata()
        url, _ = self.client.create_authorization_url(
            metadata.authorization_endpoint,
            state=transaction.state,
            code_verifier=transaction.code_verifier,
            nonce=transaction.nonce,
            response_mode="query",
        )
        return str(url)

    async def exchange_code(self, *, code: str, code_verifier: str) -> str:
        """Redeem the authorization code (with the PKCE verifier) for an ID token.

        Raises SignInFailed when the provider refuses the code or answers
        without an ID token, IdentityProviderUnavailable when it cannot be reached.
        """
        metadata = await self.metadata()
        try:
            token = await self.client.fetch_token(
                metadata.token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=code_verifier,
            )
        except OAuthError as error:
            raise SignInFailed(reason=f"token_endpoint:{str(error.error)[:40]}") from error
        except httpx2.HTTPStatusError as error:
            status = error.response.status_code
            if status >= 500:
                raise IdentityProviderUnavailable(reason=f"token_endpoint_{status}") from error
            raise SignInFailed(reason=f"token_endpoint:{status}") from error
        except httpx2.HTTPError as error:
            raise IdentityProviderUnavailable(reason="token_endpoint_unreachable") from error
        except ValueError as error:
            raise SignInFailed(reason="token_endpoint_not_json") from error
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise SignInFailed(reason="no_id_token")
        return id_token

    async def validate_id_token(
        self, *, id_token: str, nonce: str, now: int | None = None
    ) -> AzureIdentity:
        """Check an ID token and return the person it vouches for.

        Checks: the RS256 signature by the key named in `kid`, from the
        tenant's JWKS (refetched once on an unknown kid; kid-less tokens only
        from the local stand-in's single key); with Authlib's CodeIDToken the
        issuer — exactly `{authority}/{tid}/v2.0` (or the stand-in's in local
        mode) —, `aud` is our client id (and `azp` when there are several),
        `exp`, `nbf`, `iat` (with 2 minutes of clock skew) and `nonce`; then
        `tid` is the configured tenant or allow-listed, and the token names a
        user (`oid`, no `idtyp: app`), not an application.
        Raises SignInFailed for a token that is not valid, SignInRefused for a
        valid one whose account may not sign in here.
        """
        header, claims = await self._verified(id_token)
        tenant = _uuid_claim(claims, "tid")
        if tenant is None:
            raise SignInFailed(reason="tid_missing")
        expected_issuer = (
            (await self.metadata()).issuer
            if self.settings.local_mode
            else f"{self.settings.azure_authority}/{tenant}/v2.0"
        )
        id_claims = CodeIDToken(
            claims,
            header,
            {
                "iss": {"essential": True, "value": expected_issuer},
                "aud": {"essential": True, "value": self.settings.azure_client_id},
            },
            {"nonce": nonce, "client_id": self.settings.azure_client_id},
        )
        try:
            id_claims.validate(now=now, leeway=CLOCK_SKEW_SECONDS)
        except JoseError as error:
            claim = getattr(error, "claim", None) or type(error).__name__
            raise SignInFailed(reason=f"id_token_claim:{claim}"[:200]) from error
        if str(tenant) not in self.settings.allowed_tenants:
            raise SignInRefused(
                "Your organisation's accounts may not sign in to Reqstly.",
                reason="tenant_not_allowed",
            )
        if claims.get("idtyp") == "app":
            raise SignInRefused(
                "Applications cannot sign in to Reqstly, only people.", reason="app_only_token"
            )
        object_id = _uuid_claim(claims, "oid")
        if object_id is None:
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

    async def _verified(self, id_token: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """The header and claims of an ID token whose signature checks out."""
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
        return dict(token.header), dict(token.claims)


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
