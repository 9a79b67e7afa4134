"""Give the login roles their passwords from Docker secrets, and their connection limits.

Run by the migration job after yoyo: the migrations create `authenticator`,
`authsvc`, `notifier` and `monitoring` without passwords (nothing secret lives in SQL),
and this sets each one from its secret file. It connects with the libpq
environment the entrypoint prepared (PGHOST, PGUSER, PGPASSWORD, ...).

The statement is sent with logging switched off for this session, so the
password never reaches the server log, and the server hashes it with
scram-sha-256.

Connection limits come from REQSTLY_ROLE_CONNECTION_LIMITS
("authenticator=30,authsvc=24,monitoring=4"): they are sized together with
max_connections and the pools in stack/docker-stack.yml, so they live
there, and local runs (a larger max_connections) have none.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import psycopg
from psycopg import sql

# role → environment variable naming the secret file, and how to read it.
PASSWORD_FILES: dict[str, str] = {
    "authenticator": "REQSTLY_AUTHENTICATOR_PASSWORD_FILE",
    "monitoring": "REQSTLY_MONITORING_PASSWORD_FILE",
}
URL_FILES: dict[str, str] = {
    "authsvc": "REQSTLY_AUTHSVC_DATABASE_URL_FILE",
    "notifier": "REQSTLY_NOTIFIER_DATABASE_URL_FILE",
}


def _read_secret(env_name: str) -> str:
    path = os.environ.get(env_name)
    if not path:
        raise SystemExit(f"set_role_passwords: {env_name} is not set")
    text = Path(path).read_text(encoding="utf-8").strip()
    if not text:
        raise SystemExit(f"set_role_passwords: the secret in {path} is empty")
    return text


def _password_from_url(*, role: str, url: str) -> str:
    """Return the password in a postgresql:// URL, checking it is for `role`."""
    parts = urlsplit(url)
    if parts.username != role or parts.password is None:
        raise SystemExit(
            f"set_role_passwords: the database URL secret for {role} must look like "
            f"postgresql://{role}:PASSWORD@host:5432/db"
        )
    return unquote(parts.password)


def wanted_passwords() -> dict[str, str]:
    """Read every secret; fail before touching the database if one is missing."""
    passwords = {role: _read_secret(env) for role, env in PASSWORD_FILES.items()}
    for role, env in URL_FILES.items():
        passwords[role] = _password_from_url(role=role, url=_read_secret(env))
    return passwords


def wanted_connection_limits(text: str) -> dict[str, int]:
    """Parse "role=N,role=N"; fail before touching the database on a bad item."""
    limits: dict[str, int] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        role, _, number = item.partition("=")
        if not role or not number.isdigit():
            raise SystemExit(
                f"set_role_passwords: {item!r} in REQSTLY_ROLE_CONNECTION_LIMITS is not ROLE=N"
            )
        limits[role] = int(number)
    return limits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dry-run", action="store_true", help="say what would be set")
    args = parser.parse_args(argv)

    passwords = wanted_passwords()
    limits = wanted_connection_limits(os.environ.get("REQSTLY_ROLE_CONNECTION_LIMITS", ""))
    if args.dry_run:
        for role in sorted(passwords):
            print(f"set_role_passwords: would set the password of role {role}")
        for role, limit in sorted(limits.items()):
            print(f"set_role_passwords: would limit role {role} to {limit} connections")
        return 0

    with psycopg.connect(autocommit=False) as conn:
        conn.execute("set local log_statement = 'none'")
        conn.execute("set local log_min_duration_statement = -1")
        conn.execute("set local password_encryption = 'scram-sha-256'")
        for role in sorted(passwords):
            exists = conn.execute(
                "select 1 from pg_catalog.pg_roles where rolname = %s", (role,)
            ).fetchone()
            if exists is None:
                raise SystemExit(f"set_role_passwords: role {role} does not exist (migrations?)")
            conn.execute(
                sql.SQL("alter role {} with login password {}").format(
                    sql.Identifier(role), sql.Literal(passwords[role])
                )
            )
            print(f"set_role_passwords: set the password of role {role}")
        for role, limit in sorted(limits.items()):
            conn.execute(
                sql.SQL("alter role {} connection limit {}").format(
                    sql.Identifier(role), sql.Literal(limit)
                )
            )
            print(f"set_role_passwords: role {role} may hold {limit} connections")
    return 0


if __name__ == "__main__":
    sys.exit(main())
