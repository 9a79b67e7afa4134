"""The seed loaded and every audit chain verifies."""

import psycopg


def test_seed_has_requests_in_every_status(db: psycopg.Connection) -> None:
    rows: dict[str, int] = dict(
        db.execute("select status, count(*) from app.requests group by status").fetchall()
    )
    assert set(rows) == {"open", "in_progress", "resolved", "cancelled"}
    assert sum(rows.values()) >= 40  # other tests may commit their own


def test_every_seeded_chain_verifies(db: psycopg.Connection) -> None:
    bad = db.execute(
        "select r.key, v.reason from app.requests r, api.verify_audit(r.id) v where not v.ok"
    ).fetchall()
    assert bad == []
