"""Per-person notification settings and the signed unsubscribe token."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

import psycopg
import pytest

from tests.db.helpers import as_person
from tests.people import People, create_team


@pytest.fixture
def people(db: psycopg.Connection) -> People:
    """alice, ivan (IT), hana (HR), olga (ADMIN, OPS), admin: new in this test's transaction."""
    return create_team(db)


def settings_of(db: psycopg.Connection, person: object) -> dict[str, tuple[bool, str]]:
    rows = as_person(db, person, "select kind, enabled, delivery from api.notification_settings")  # type: ignore[arg-type]
    return {str(kind): (bool(enabled), str(delivery)) for kind, enabled, delivery in rows}


def test_requesters_see_their_kinds_agents_see_theirs_too(
    db: psycopg.Connection, people: People
) -> None:
    assert settings_of(db, people["alice"]) == {
        "reply": (True, "immediate"),
        "status": (True, "immediate"),
        "filed_for_you": (True, "immediate"),
    }
    ivan = settings_of(db, people["ivan"])
    assert ivan["assigned"] == (True, "immediate")
    assert ivan["new_in_category"] == (False, "immediate")


def test_a_choice_is_stored_per_person(db: psycopg.Connection, people: People) -> None:
    as_person(
        db, people["alice"], "select api.set_notification_preference('status', true, 'digest')"
    )
    as_person(db, people["alice"], "select api.set_notification_preference('reply', false)")
    assert settings_of(db, people["alice"])["status"] == (True, "digest")
    assert settings_of(db, people["alice"])["reply"] == (False, "immediate")
    assert settings_of(db, people["ivan"]).get("reply") == (True, "immediate")
    # Nobody reads or changes another person's rows.
    assert as_person(
        db,
        people["ivan"],
        "select count(*) from app.notification_preferences where user_id = %s",
        (people["alice"].id,),
    ) == [(0,)]
    updated = as_person(
        db,
        people["ivan"],
        "update app.notification_preferences set enabled = true where user_id = %s returning 1",
        (people["alice"].id,),
    )
    assert updated == []


@pytest.mark.parametrize(
    ("kind", "delivery", "detail"),
    [
        ("assigned", "immediate", "kind"),
        ("bogus", "immediate", "kind"),
        ("reply", "hourly", "delivery"),
    ],
)
def test_refusals_name_the_field(
    db: psycopg.Connection, people: People, kind: str, delivery: str, detail: str
) -> None:
    with pytest.raises(psycopg.errors.InvalidParameterValue) as error, db.transaction():
        as_person(
            db,
            people["alice"],
            "select api.set_notification_preference(%s, true, %s)",
            (kind, delivery),
        )
    assert error.value.diag.message_detail == detail


def test_hmac_matches_rfc_2104(db: psycopg.Connection) -> None:
    for key in (os.urandom(32), os.urandom(100), b""):
        message = os.urandom(50)
        row = db.execute("select app.hmac_sha256(%s, %s)", (key, message)).fetchone()
        assert row == (hmac.new(key, message, hashlib.sha256).digest(),)


def token_for(db: psycopg.Connection, person_id: str, kind: str) -> str:
    row = db.execute("select app.unsubscribe_token(%s, %s)", (person_id, kind)).fetchone()
    assert row is not None
    return str(row[0])


def test_the_token_is_an_hmac_of_person_kind_and_purpose(
    db: psycopg.Connection, people: People
) -> None:
    key = db.execute("select hmac_key from app.notification_secret").fetchone()
    assert key is not None
    alice = people["alice"].id
    signature = hmac.new(
        bytes(key[0]), f"reqstly-unsubscribe-v1:{alice}:reply".encode(), hashlib.sha256
    ).digest()
    expected = f"{alice}.reply." + base64.urlsafe_b64encode(signature).decode().rstrip("=")
    assert token_for(db, alice, "reply") == expected


def test_unsubscribing_turns_that_kind_off_for_that_person_only(
    db: psycopg.Connection, people: People
) -> None:
    token = token_for(db, people["alice"].id, "reply")
    assert db.execute("select auth.unsubscribe(%s, false)", (token,)).fetchone() == (
        "Someone replied to your request",
    )
    assert settings_of(db, people["alice"])["reply"] == (True, "immediate")  # only checked
    db.execute("select auth.unsubscribe(%s)", (token,))
    assert settings_of(db, people["alice"])["reply"] == (False, "immediate")
    assert settings_of(db, people["alice"])["status"] == (True, "immediate")
    db.execute("select auth.unsubscribe(%s)", (token,))  # a second click is fine


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t.replace(".reply.", ".status."),  # another kind, same signature
        lambda t: "1ba00000-0000-4000-8000-000000000002" + t[36:],  # another person
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature changed
        lambda t: t + ".extra",
        lambda t: "",
        lambda t: "not-a-uuid.reply.abc",
    ],
)
def test_a_tampered_token_is_refused(
    db: psycopg.Connection, people: People, tamper: object
) -> None:
    token = token_for(db, people["alice"].id, "reply")
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="not valid"), db.transaction():
        db.execute("select auth.unsubscribe(%s)", (tamper(token),))  # type: ignore[operator]


def test_a_new_key_invalidates_old_links(db: psycopg.Connection, people: People) -> None:
    token = token_for(db, people["alice"].id, "reply")
    db.execute("update app.notification_secret set hmac_key = sha256('rotated'::bytea)")
    with pytest.raises(psycopg.errors.InvalidParameterValue), db.transaction():
        db.execute("select auth.unsubscribe(%s)", (token,))


def test_only_authsvc_may_unsubscribe_and_nobody_reads_the_key(db: psycopg.Connection) -> None:
    for role in ("web_user", "web_anon", "notifier", "monitoring", "reqstly_admin"):
        assert db.execute(
            "select has_function_privilege(%s, 'auth.unsubscribe(text, boolean)', 'EXECUTE')",
            (role,),
        ).fetchone() == (False,), role
        assert db.execute(
            "select has_table_privilege(%s, 'app.notification_secret', 'SELECT')", (role,)
        ).fetchone() == (False,), role
