"""Managing passkeys through Caddy and PostgREST: /rest/my_passkeys for the
owner and for someone else, and the passkey metrics of authsvc."""

from __future__ import annotations

from typing import Any

import httpx

from devstack.stack import LocalStack
from tests.authsvc.browser import Browser
from tests.authsvc.conftest import LocalAuthsvcFactory, NewBrowser
from tests.authsvc.passkey_flow import (
    new_person,
    passkey_sign_in,
    register,
    with_a_passkey_in_process,
)

JSON_WRITE = {"Content-Type": "application/json", "Prefer": "return=representation"}


async def rest(
    stack: LocalStack, browser: Browser, method: str, query: str = "", json: Any = None
) -> httpx.Response:
    headers = {**browser.cookie_header(), "Origin": stack.origin}
    if json is not None:
        headers.update(JSON_WRITE)
    return await browser.client.request(
        method, f"{stack.origin}/rest/my_passkeys{query}", headers=headers, json=json
    )


async def test_the_owner_lists_renames_and_removes_and_nobody_else_can(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    owner = await new_person(stack, new_browser)
    added = await register(stack, owner, name="Laptop")
    someone = await new_person(stack, new_browser)

    listed = await rest(stack, owner.browser, "GET")
    assert listed.status_code == 200
    (row,) = listed.json()
    assert set(row) == {"id", "name", "created_at", "last_used_at", "backed_up"}
    assert (row["id"], row["name"], row["last_used_at"], row["backed_up"]) == (
        added["id"],
        "Laptop",
        None,
        False,
    )
    by_id = f"?id=eq.{row['id']}"

    # Someone else: nothing to see, rename or remove (0 rows, not an error).
    assert (await rest(stack, someone.browser, "GET")).json() == []
    assert (await rest(stack, someone.browser, "GET", by_id)).json() == []
    renamed = await rest(stack, someone.browser, "PATCH", by_id, {"name": "Mine now"})
    assert renamed.status_code == 200
    assert renamed.json() == []
    removed = await rest(stack, someone.browser, "DELETE", by_id)
    assert removed.status_code == 204
    assert [r["name"] for r in (await rest(stack, owner.browser, "GET")).json()] == ["Laptop"]

    # The owner renames (only the name is writable) …
    renamed = await rest(stack, owner.browser, "PATCH", by_id, {"name": "Work laptop"})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()[0]["name"] == "Work laptop"
    sneaky = await rest(stack, owner.browser, "PATCH", by_id, {"backed_up": True})
    assert sneaky.status_code == 403
    bad = await rest(stack, owner.browser, "PATCH", by_id, {"name": ""})
    assert bad.status_code == 400
    assert bad.json()["message"] == "Give the passkey a name."
    assert bad.json()["details"] == "name"

    # … and removes it.
    removed = await rest(stack, owner.browser, "DELETE", by_id)
    assert removed.status_code == 204
    assert (await rest(stack, owner.browser, "GET")).json() == []


async def test_removing_a_passkey_ends_the_other_sessions_not_this_one(
    stack: LocalStack, new_browser: NewBrowser
) -> None:
    person = await new_person(stack, new_browser)
    await register(stack, person)
    # The person is also signed in with the passkey on another device.
    elsewhere = new_browser()
    assert (await passkey_sign_in(stack, elsewhere, person.authenticator)).status_code == 200
    assert (await elsewhere.get(f"{stack.origin}/rest/me")).status_code == 200

    (row,) = (await rest(stack, person.browser, "GET")).json()
    removed = await rest(stack, person.browser, "DELETE", f"?id=eq.{row['id']}")
    assert removed.status_code == 204

    assert (await elsewhere.get(f"{stack.origin}/rest/me")).status_code == 401
    assert (await elsewhere.post(f"{stack.origin}/auth/refresh")).status_code == 401
    assert (await person.browser.get(f"{stack.origin}/rest/me")).status_code == 200
    assert (await person.browser.post(f"{stack.origin}/auth/refresh")).status_code == 200


async def test_passkey_sign_ins_are_counted_by_result(local_authsvc: LocalAuthsvcFactory) -> None:
    authsvc = await local_authsvc()
    authenticator = await with_a_passkey_in_process(authsvc)
    browser = authsvc.browser
    for user_verified, expected in ((True, 200), (False, 400)):
        options = (await browser.post(f"{authsvc.url}/auth/passkey/login/options")).json()
        response = await browser.post(
            f"{authsvc.url}/auth/passkey/login/verify",
            json={"credential": authenticator.get(options, user_verified=user_verified)},
        )
        assert response.status_code == expected, response.text
    text = (
        await browser.client.get(f"http://127.0.0.1:{authsvc.settings.metrics_port}/metrics")
    ).text
    for line in [
        'authsvc_sign_ins_total{method="passkey",result="success"} 1.0',
        'authsvc_sign_ins_total{method="passkey",result="failure"} 1.0',
        'authsvc_passkey_registrations_total{result="success"} 1.0',
        'route="/auth/passkey/login/verify"',
    ]:
        assert line in text, line
