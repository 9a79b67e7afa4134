"""Tokens PostgREST must refuse (401), including the gaps PostgREST 12.0.2 leaves open."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable

import httpx
import pytest
from joserfc import jwt

from authsvc.keys import generate_signing_key
from devstack.stack import AUDIENCE, LocalStack
from tests.api.conftest import auth
from tests.people import People, Person


def claims_for(stack: LocalStack, email: str) -> dict[str, object]:
    """Valid claims for a fresh live session of `email`."""
    token = stack.token(email).token
    payload = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


def sign(stack: LocalStack, claims: dict[str, object]) -> str:
    return jwt.encode({"alg": "ES256", "kid": stack.signing_key.kid}, claims, stack.signing_key)


def b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


# (stack, valid claims of one person, the id of another person) → a token.
Attack = Callable[[LocalStack, dict[str, object], str], str]

ATTACKS: dict[str, Attack] = {
    "expired": lambda s, c, _: sign(s, {**c, "exp": int(time.time()) - 5}),
    "expired within PostgREST's skew": lambda s, c, _: sign(s, {**c, "exp": int(time.time()) - 1}),
    "wrong aud": lambda s, c, _: sign(s, {**c, "aud": "someone-else"}),
    "no aud": lambda s, c, _: sign(s, {k: v for k, v in c.items() if k != "aud"}),
    "no exp": lambda s, c, _: sign(s, {k: v for k, v in c.items() if k != "exp"}),
    "no sid": lambda s, c, _: sign(s, {k: v for k, v in c.items() if k != "sid"}),
    "unknown sid": lambda s, c, _: sign(s, {**c, "sid": "00000000-0000-4000-8000-000000000000"}),
    "sid of someone else's session": lambda s, c, other: sign(s, {**c, "sub": other}),
    "other key": lambda s, c, _: jwt.encode(
        {"alg": "ES256", "kid": s.signing_key.kid}, c, generate_signing_key()
    ),
    "alg none": lambda s, c, _: f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(c)}.",
    "garbage": lambda s, c, _: "not.a.token",
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_forged_or_incomplete_tokens_are_refused(
    http: httpx.Client, stack: LocalStack, people: People, attack: str
) -> None:
    claims = claims_for(stack, people["alice"].email)
    token = ATTACKS[attack](stack, claims, people["admin"].id)
    response = http.get("/me", headers=auth(token))
    assert response.status_code == 401, (attack, response.status_code, response.text)
    assert response.json()["message"]


def test_a_token_naming_another_role_cannot_switch_to_it(
    http: httpx.Client, stack: LocalStack, people: People
) -> None:
    claims = claims_for(stack, people["alice"].email)
    response = http.get("/me", headers=auth(sign(stack, {**claims, "role": "authsvc"})))
    assert response.status_code == 403  # authenticator is not a member of authsvc


def test_a_complete_token_is_accepted(
    http: httpx.Client, stack: LocalStack, people: People
) -> None:
    claims = claims_for(stack, people["alice"].email)
    assert claims["aud"] == AUDIENCE
    assert http.get("/me", headers=auth(sign(stack, claims))).status_code == 200


@pytest.mark.parametrize("ending", ["revoked", "deleted", "idle", "person disabled"])
def test_token_of_an_ended_session_is_refused(
    http: httpx.Client, stack: LocalStack, new_person: Callable[..., Person], ending: str
) -> None:
    claims = claims_for(stack, new_person("hana", agent_of={"HR"}).email)
    token = sign(stack, claims)
    assert http.get("/me", headers=auth(token)).status_code == 200
    statements = {
        "revoked": "update auth.sessions set revoked_at = now() where id = %(sid)s",
        "deleted": "delete from auth.sessions where id = %(sid)s",
        "idle": "update auth.sessions set last_seen_at = now() - interval '2 hours', "
        "idle_timeout = interval '30 minutes' where id = %(sid)s",
        "person disabled": "update app.users set disabled_at = now() where id = %(sub)s",
    }
    with stack.connect() as conn:
        conn.execute(statements[ending], {"sid": claims["sid"], "sub": claims["sub"]})
    response = http.get("/me", headers=auth(token))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "session has ended" in response.json()["message"]


def test_anonymous_callers_are_told_to_sign_in(http: httpx.Client) -> None:
    response = http.get("/requests")
    assert response.status_code == 401
    assert response.json()["message"] == "Sign in to use Reqstly."
