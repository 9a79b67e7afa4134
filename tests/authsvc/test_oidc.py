"""Azure AD rules, with ID tokens signed here against a JWKS served over HTTP
(tests/authsvc/fake_entra.py): issuer and tenant, audience, expiry, kid, nonce,
state, PKCE, app-only tokens, roles, identity by tid+oid."""

from __future__ import annotations

import time
import uuid
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from devstack.stack import LocalStack
from tests.authsvc.conftest import LocalAuthsvcFactory
from tests.authsvc.fake_entra import new_rsa_key
from tests.authsvc.metrics_scrape import poll


def person_by_identity(stack: LocalStack, tenant_id: str, object_id: str) -> tuple[Any, ...] | None:
    with stack.connect() as conn:
        return conn.execute(
            "select id::text, email, is_admin, display_name from app.users"
            " where tenant_id = %s and object_id = %s",
            (tenant_id, object_id),
        ).fetchone()


async def test_a_valid_azure_sign_in_opens_a_session(
    stack: LocalStack, local_authsvc: LocalAuthsvcFactory
) -> None:
    authsvc = await local_authsvc()
    authorization_url = await authsvc.start_sign_in("/requests/7")
    query = parse_qs(urlsplit(authorization_url).query)
    assert authorization_url.startswith(
        f"{authsvc.entra.url}/{authsvc.settings.azure_tenant_id}/oauth2/v2.0/authorize?"
    )
    assert query["code_challenge_method"] == ["S256"]
    assert query["redirect_uri"] == [f"{stack.origin}/auth/callback/azure"]
    assert query["scope"] == ["openid profile email"]

    response = await authsvc.callback(await authsvc.authorize(authorization_url))
    assert response.status_code == 302, response.text
    assert response.headers["location"] == "/requests/7"
    row = person_by_identity(stack, authsvc.entra.tenant_id, authsvc.entra.object_id)
    assert row is not None
    assert row[1:] == ("pat@contoso.example", False, "Pat Example")


def _override(**changes: Any) -> Any:
    def apply(claims: dict[str, Any]) -> dict[str, Any]:
        claims = {**claims, **changes}
        return {k: v for k, v in claims.items() if v is not None}

    return apply


@pytest.mark.parametrize(
    ("case", "expected_status", "expected_error"),
    [
        ("wrong_tenant", 403, "sign_in_refused"),
        ("issuer_of_another_tenant", 400, "sign_in_failed"),
        ("common_issuer", 400, "sign_in_failed"),
        ("wrong_audience", 400, "sign_in_failed"),
        ("expired", 400, "sign_in_failed"),
        ("not_yet_valid", 400, "sign_in_failed"),
        ("wrong_nonce", 400, "sign_in_failed"),
        ("app_only_idtyp", 403, "sign_in_refused"),
        ("no_oid", 403, "sign_in_refused"),
        ("no_kid", 400, "sign_in_failed"),
        ("unknown_kid", 400, "sign_in_failed"),
        ("forged_signature", 400, "sign_in_failed"),
    ],
)
async def test_an_id_token_that_breaks_a_rule_is_refused(
    stack: LocalStack,
    local_authsvc: LocalAuthsvcFactory,
    case: str,
    expected_status: int,
    expected_error: str,
) -> None:
    authsvc = await local_authsvc()
    entra = authsvc.entra
    other_tenant = str(uuid.uuid4())
    now = int(time.time())
    if case == "wrong_tenant":
        entra.tenant_id = other_tenant  # a real token of another tenant
    elif case == "issuer_of_another_tenant":
        entra.claims_for = _override(iss=f"{entra.url}/{other_tenant}/v2.0")
    elif case == "common_issuer":
        entra.claims_for = _override(iss=f"{entra.url}/common/v2.0")
    elif case == "wrong_audience":
        entra.claims_for = _override(aud=str(uuid.uuid4()))
    elif case == "expired":
        entra.claims_for = _override(exp=now - 600, iat=now - 4000, nbf=now - 4000)
    elif case == "not_yet_valid":
        entra.claims_for = _override(nbf=now + 3600)
    elif case == "wrong_nonce":
        entra.claims_for = _override(nonce="not-the-nonce-we-sent")
    elif case == "app_only_idtyp":
        entra.claims_for = _override(idtyp="app")
    elif case == "no_oid":
        entra.claims_for = _override(oid=None)
    elif case == "no_kid":
        entra.send_kid = False  # fine for the stand-in (local mode), never for Azure
    elif case == "unknown_kid":
        entra.signer = new_rsa_key()  # signs with a key the JWKS never publishes
    elif case == "forged_signature":
        forger = new_rsa_key(kid=entra.published[0].kid)  # same kid, other key
        entra.signer = forger
    tenant_before = entra.tenant_id
    response = await authsvc.sign_in()
    assert response.status_code == expected_status, response.text
    assert response.json()["error"] == expected_error
    assert "__Host-reqstly_session" not in authsvc.browser.cookies
    assert person_by_identity(stack, tenant_before, entra.object_id) is None
    with stack.connect() as conn:
        assert conn.execute(
            "select count(*) from auth.login_events where result in ('failure', 'refused')"
            " and at > now() - interval '1 minute'"
        ).fetchone() != (0,)


async def test_an_unknown_kid_refetches_the_jwks_once(local_authsvc: LocalAuthsvcFactory) -> None:
    authsvc = await local_authsvc()
    entra = authsvc.entra
    assert (await authsvc.sign_in()).status_code == 302
    fetches = entra.jwks_fetches
    # Entra rolls its keys: a new kid appears that authsvc has not cached.
    rolled = new_rsa_key()
    entra.published = [*entra.published, rolled]
    entra.signer = rolled
    entra.object_id = str(uuid.uuid4())
    assert (await authsvc.sign_in()).status_code == 302
    assert entra.jwks_fetches == fetches + 1
    # A cached kid needs no fetch.
    entra.object_id = str(uuid.uuid4())
    assert (await authsvc.sign_in()).status_code == 302
    assert entra.jwks_fetches == fetches + 1


async def test_a_replayed_state_is_refused(local_authsvc: LocalAuthsvcFactory) -> None:
    authsvc = await local_authsvc()
    signin_cookie_query = await authsvc.authorize(await authsvc.start_sign_in())
    saved_cookie = authsvc.browser.cookies["__Host-reqstly_signin"]
    assert (await authsvc.callback(signin_cookie_query)).status_code == 302
    # The same callback again, with the same sign-in cookie.
    authsvc.browser.cookies["__Host-reqstly_signin"] = saved_cookie
    replay = await authsvc.callback(signin_cookie_query)
    assert replay.status_code == 400
    assert replay.json()["error"] == "sign_in_expired"


async def test_a_callback_from_another_browser_is_refused(
    local_authsvc: LocalAuthsvcFactory,
) -> None:
    authsvc = await local_authsvc()
    query = await authsvc.authorize(await authsvc.start_sign_in())
    # No sign-in cookie (the attacker's browser), then a cookie for another sign-in.
    del authsvc.browser.cookies["__Host-reqstly_signin"]
    assert (await authsvc.callback(query)).status_code == 400
    await authsvc.start_sign_in()
    refused = await authsvc.callback(query)
    assert refused.status_code == 400
    assert refused.json()["error"] == "sign_in_expired"


async def test_a_wrong_pkce_verifier_is_refused(local_authsvc: LocalAuthsvcFactory) -> None:
    authsvc = await local_authsvc()
    authorization_url = await authsvc.start_sign_in()
    # An attacker's code, obtained with their own challenge, injected into our flow.
    parts = urlsplit(authorization_url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query["code_challenge"] = "A" * 43
    tampered = f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"
    response = await authsvc.callback(await authsvc.authorize(tampered))
    assert response.status_code == 400
    assert response.json()["error"] == "sign_in_failed"
    assert authsvc.entra.token_errors == ["invalid_grant"]


async def test_a_provider_error_is_a_failed_sign_in(local_authsvc: LocalAuthsvcFactory) -> None:
    authsvc = await local_authsvc()
    state = parse_qs(urlsplit(await authsvc.start_sign_in()).query)["state"][0]
    response = await authsvc.callback(urlencode({"error": "access_denied", "state": state}))
    assert response.status_code == 400
    assert response.json()["error"] == "sign_in_failed"


async def test_a_browser_is_sent_back_to_the_sign_in_page_on_failure(
    local_authsvc: LocalAuthsvcFactory,
) -> None:
    authsvc = await local_authsvc()
    response = await authsvc.browser.get(
        f"{authsvc.url}/auth/callback/azure?code=x&state=y", headers={"Accept": "text/html"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/signin?reason=sign_in_expired"


async def test_multi_tenant_needs_the_allow_list(
    stack: LocalStack, local_authsvc: LocalAuthsvcFactory
) -> None:
    tenant_a, tenant_b, tenant_c = (str(uuid.uuid4()) for _ in range(3))
    authsvc = await local_authsvc(
        azure_tenant_id=tenant_a, azure_allowed_tenants=frozenset({tenant_a, tenant_b})
    )
    entra = authsvc.entra
    assert "/organizations/oauth2/v2.0/authorize?" in await authsvc.start_sign_in()

    entra.tenant_id = tenant_c
    refused = await authsvc.sign_in()
    assert refused.status_code == 403
    assert refused.json()["error"] == "sign_in_refused"

    # Two tenants, the same email, two different people.
    entra.email = "sam@shared.example"
    people = []
    for tenant in (tenant_a, tenant_b):
        entra.tenant_id, entra.object_id = tenant, str(uuid.uuid4())
        assert (await authsvc.sign_in()).status_code == 302
        people.append(person_by_identity(stack, tenant, entra.object_id))
    assert people[0] is not None
    assert people[1] is not None
    assert people[0][0] != people[1][0]
    assert people[0][1] == people[1][1] == "sam@shared.example"


async def test_roles_gate_and_map_rights(
    stack: LocalStack, local_authsvc: LocalAuthsvcFactory
) -> None:
    authsvc = await local_authsvc(
        azure_required_roles=frozenset({"Reqstly.User", "Reqstly.Admin"}),
        azure_role_map={
            "Reqstly.Admin": __import__("authsvc.settings").settings.RoleRight("admin"),
            "Reqstly.Agent.IT": __import__("authsvc.settings").settings.RoleRight("agent", "IT"),
        },
    )
    entra = authsvc.entra
    entra.roles = []
    refused = await authsvc.sign_in()
    assert refused.status_code == 403
    assert refused.json()["error"] == "sign_in_refused"

    entra.roles = ["Reqstly.User", "Reqstly.Agent.IT", "Reqstly.Admin"]
    assert (await authsvc.sign_in()).status_code == 302
    with stack.connect() as conn:
        row = conn.execute(
            "select u.is_admin, array(select category from app.team_members tm where tm.user_id = u.id)"
            " from app.users u where object_id = %s",
            (entra.object_id,),
        ).fetchone()
    assert row == (True, ["IT"])

    # Roles taken away in Entra are taken away at the next sign-in.
    entra.roles = ["Reqstly.User"]
    assert (await authsvc.sign_in()).status_code == 302
    with stack.connect() as conn:
        row = conn.execute(
            "select u.is_admin, array(select category from app.team_members tm where tm.user_id = u.id)"
            " from app.users u where object_id = %s",
            (entra.object_id,),
        ).fetchone()
    assert row == (False, [])


async def test_rate_limit_engages_and_recovers(local_authsvc: LocalAuthsvcFactory) -> None:
    authsvc = await local_authsvc(rate_limit_per_address=3, rate_limit_window_seconds=2)
    address = {"X-Forwarded-For": f"198.51.100.{uuid.uuid4().int % 250 + 1}"}
    url = f"{authsvc.url}/auth/login/azure"
    # Until the first refusal: at most the limit in one window (a window may
    # end during the burst, so up to twice that in all).
    allowed = 0
    while (limited := await authsvc.browser.get(url, headers=address)).status_code == 302:
        allowed += 1
        assert allowed <= 6
    assert allowed >= 3
    assert limited.status_code == 429
    assert limited.json()["error"] == "rate_limited"
    assert 1 <= int(limited.headers["Retry-After"]) <= 2
    # Another address is not affected.
    other = {"X-Forwarded-For": "203.0.113.9"}
    assert (await authsvc.browser.get(url, headers=other)).status_code == 302

    async def lifted() -> bool:
        return (await authsvc.browser.get(url, headers=address)).status_code == 302

    # The limit lifts by itself when the window ends (polled, within 2 windows).
    await poll(lifted, within=5)


async def test_rate_limit_per_account(local_authsvc: LocalAuthsvcFactory) -> None:
    authsvc = await local_authsvc(rate_limit_per_account=2, rate_limit_window_seconds=30)
    results = [(await authsvc.sign_in()).status_code for _ in range(3)]
    assert results == [302, 302, 429]
