"""A tiny Entra ID over HTTP for tests: discovery, authorize, token (PKCE S256
checked), JWKS.

The OIDC stand-in cannot produce Azure's issuer, does not enforce PKCE and
signs without `kid`, so the Azure rules are tested against this instead:
ID tokens are signed here with keys the test controls.
"""

from __future__ import annotations

import base64
import hashlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import web
from joserfc import jwt
from joserfc.jwk import RSAKey


def new_rsa_key(kid: str | None = None) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid or uuid.uuid4().hex}, private=True)


@dataclass
class PendingCode:
    client_id: str
    redirect_uri: str
    challenge: str
    nonce: str
    tenant: str


@dataclass
class FakeEntra:
    """Issues one ID token per authorization; tests shape it with `claims_for`."""

    url: str = ""
    client_secret: str = "fake-entra-client-secret"
    published: list[RSAKey] = field(default_factory=lambda: [new_rsa_key()])
    signer: RSAKey | None = None
    # Given the default claims, return the claims to sign (tests override).
    claims_for: Callable[[dict[str, Any]], dict[str, Any]] = lambda claims: claims
    # The identity of the next sign-in.
    tenant_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    object_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    email: str = "pat@contoso.example"
    roles: list[str] = field(default_factory=list)
    codes: dict[str, PendingCode] = field(default_factory=dict)
    send_kid: bool = True
    jwks_fetches: int = 0
    token_errors: list[str] = field(default_factory=list)

    def default_claims(self, pending: PendingCode) -> dict[str, Any]:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": f"{self.url}/{self.tenant_id}/v2.0",
            "aud": pending.client_id,
            "tid": self.tenant_id,
            "oid": self.object_id,
            "sub": base64.urlsafe_b64encode(self.object_id.encode()).decode()[:43],
            "name": "Pat Example",
            "preferred_username": self.email,
            "email": self.email,
            "nonce": pending.nonce,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "ver": "2.0",
        }
        if self.roles:
            claims["roles"] = list(self.roles)
        return claims

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", self.discovery)
        app.router.add_get("/{tenant}/oauth2/v2.0/authorize", self.authorize)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self.token)
        app.router.add_get("/{tenant}/discovery/v2.0/keys", self.keys)
        return app

    async def discovery(self, request: web.Request) -> web.StreamResponse:
        """As Entra answers it: for `organizations` the issuer is a template."""
        tenant = request.match_info["tenant"]
        issuer_tenant = "{tenantid}" if tenant in {"organizations", "common"} else tenant
        return web.json_response(
            {
                "issuer": f"{self.url}/{issuer_tenant}/v2.0",
                "authorization_endpoint": f"{self.url}/{tenant}/oauth2/v2.0/authorize",
                "token_endpoint": f"{self.url}/{tenant}/oauth2/v2.0/token",
                "jwks_uri": f"{self.url}/{tenant}/discovery/v2.0/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def authorize(self, request: web.Request) -> web.StreamResponse:
        query = request.query
        assert query["response_type"] == "code"
        assert query["code_challenge_method"] == "S256"
        code = uuid.uuid4().hex
        self.codes[code] = PendingCode(
            client_id=query["client_id"],
            redirect_uri=query["redirect_uri"],
            challenge=query["code_challenge"],
            nonce=query["nonce"],
            tenant=request.match_info["tenant"],
        )
        location = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        raise web.HTTPFound(location)

    async def token(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        pending = self.codes.pop(str(form.get("code")), None)
        if pending is None:
            return self._error("invalid_grant")
        if form.get("client_secret") != self.client_secret:
            return self._error("invalid_client")
        if form.get("redirect_uri") != pending.redirect_uri:
            return self._error("invalid_grant")
        verifier = str(form.get("code_verifier", ""))
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .decode()
            .rstrip("=")
        )
        if challenge != pending.challenge:
            return self._error("invalid_grant")
        signer = self.signer or self.published[0]
        claims = self.claims_for(self.default_claims(pending))
        header: dict[str, str | None] = {"alg": "RS256", "typ": "JWT"}
        if self.send_kid:
            header["kid"] = signer.kid
        return web.json_response(
            {"token_type": "Bearer", "id_token": jwt.encode(header, claims, signer)}
        )

    def _error(self, code: str) -> web.Response:
        self.token_errors.append(code)
        return web.json_response({"error": code}, status=400)

    async def keys(self, _: web.Request) -> web.StreamResponse:
        self.jwks_fetches += 1
        return web.json_response({"keys": [key.as_dict(private=False) for key in self.published]})
