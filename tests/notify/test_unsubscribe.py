"""The unsubscribe link through the front door: no sign-in, GET changes nothing, POST turns the kind off."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import httpx
import pytest

from devstack.stack import LocalStack


@pytest.fixture
def person(stack: LocalStack) -> str:
    """A person of this test's own, so no other test's people change."""
    person_id = str(uuid.uuid4())
    with stack.connect() as conn:
        conn.execute(
            "insert into app.users (id, tenant_id, object_id, display_name, email) values (%s, %s, %s, 'Una Subscriber', %s)",
            (person_id, str(uuid.uuid4()), str(uuid.uuid4()), f"una-{person_id[:8]}@example.com"),
        )
    return person_id


def token(stack: LocalStack, person_id: str, kind: str) -> str:
    with stack.connect() as conn:
        row = conn.execute("select app.unsubscribe_token(%s, %s)", (person_id, kind)).fetchone()
    assert row is not None
    return str(row[0])


def enabled(stack: LocalStack, person_id: str, kind: str) -> bool:
    with stack.connect() as conn:
        row = conn.execute(
            "select app.notification_delivery(%s, %s) is not null", (person_id, kind)
        ).fetchone()
    assert row is not None
    return bool(row[0])


def test_the_link_asks_first_and_one_click_turns_the_kind_off(
    stack: LocalStack, person: str
) -> None:
    url = f"{stack.origin}/auth/unsubscribe?token={quote(token(stack, person, 'status'))}"
    with httpx.Client(timeout=10) as client:
        page = client.get(url)
        assert page.status_code == 200
        assert page.headers["Content-Type"].startswith("text/html")
        assert page.headers["Cache-Control"] == "no-store"
        assert "Your request changed status" in page.text and '<form method="post"' in page.text
        assert enabled(stack, person, "status")  # a mail scanner opening the link changes nothing

        # What a mail provider sends for List-Unsubscribe-Post (RFC 8058): no cookies, no Origin.
        done = client.post(url, data={"List-Unsubscribe": "One-Click"})
        assert done.status_code == 200 and "no longer get e-mails" in done.text
    assert not enabled(stack, person, "status")
    assert enabled(stack, person, "reply")  # one kind only


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_forged_or_mangled_link_is_refused(stack: LocalStack, person: str, method: str) -> None:
    good = token(stack, person, "reply")
    with httpx.Client(timeout=10) as client:
        for bad in (good.replace(".reply.", ".status."), good[:-3] + "xyz", "", "garbage"):
            response = client.request(
                method, f"{stack.origin}/auth/unsubscribe", params={"token": bad}
            )
            assert response.status_code == 400
            assert "not valid" in response.text
    assert enabled(stack, person, "reply") and enabled(stack, person, "status")
