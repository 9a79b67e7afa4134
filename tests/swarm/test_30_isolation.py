"""Isolation: the database is only on the internal network, and secrets are
files, never values in a container's environment."""

from __future__ import annotations

import json

from tests.swarm.swarm import STACK, Swarm

# Speaks PostgreSQL's first message (SSLRequest): a PostgreSQL server answers
# one byte, N or S. A bare TCP connect proves nothing here: this machine's
# network gateway accepts any TCP connection (and answers in HTTP).
PROBE = """
import socket, sys
for host in sys.argv[1:]:
    try:
        with socket.create_connection((host, 5432), 3) as s:
            s.settimeout(3)
            s.sendall(bytes([0, 0, 0, 8, 4, 210, 22, 47]))
            answer = s.recv(1)
        print("POSTGRES" if answer in (b"N", b"S") else "not-postgres", host, answer)
    except OSError as error:
        print("unreachable", host, error)
"""


def _probe_from(swarm: Swarm, network: str, *hosts: str) -> str:
    name = f"probe-{network.removeprefix('reqstly_')}"
    try:
        swarm.engine.docker(
            "service", "create", "--name", name, "--network", network,
            "--restart-condition", "none", "--detach", swarm.images.base("python"),
            "python", "-c", PROBE, *hosts,
        )  # fmt: skip
        swarm.engine.wait(
            f"{name} finished",
            lambda: (
                "Complete"
                in swarm.engine.docker(
                    "service", "ps", name, "--format", "{{.CurrentState}}"
                ).stdout
            ),
            timeout=120,
        )
        return swarm.engine.docker("service", "logs", "--raw", name).stdout
    finally:
        swarm.engine.docker("service", "rm", name, check=False)


def test_a_container_on_the_public_network_cannot_reach_postgresql(swarm: Swarm) -> None:
    networks = json.loads(
        swarm.engine.docker(
            "inspect", "--format", "{{json .NetworkSettings.Networks}}",
            swarm.containers("postgres")[0],
        ).stdout
    )  # fmt: skip
    postgres_ip = networks["reqstly_internal"]["IPAddress"]
    # The probe can tell PostgreSQL when it reaches it: from the internal
    # network (where the app's services are) it does.
    inside = _probe_from(swarm, "reqstly_internal", "postgres", postgres_ip)
    assert inside.count("POSTGRES") == 2, inside
    # From the public network (Caddy's), by name and by address: never.
    outside = _probe_from(swarm, "reqstly_public", "postgres", "tasks.postgres", postgres_ip)
    assert "POSTGRES" not in outside, outside
    assert len(outside.splitlines()) == 3, outside  # every host was tried


def test_secrets_are_files_never_environment_values(swarm: Swarm) -> None:
    def secret_file(service: str, name: str) -> str:
        container = swarm.containers(service)[0]
        reader = ["/bin/busybox", "cat"] if service == "postgrest" else ["cat"]
        return swarm.engine.docker(
            "exec", container, *reader, f"/run/secrets/{name}"
        ).stdout.strip()

    values = {
        secret_file("postgrest", "reqstly_authenticator_password"),
        secret_file("postgres", "reqstly_postgres_password"),
        secret_file("authsvc", "reqstly_signing_key"),
    }
    assert all(values), "each secret is a readable file under /run/secrets"
    for service in ("postgrest", "authsvc", "postgres", "caddy", "oidc"):
        for container in swarm.containers(service):
            env = json.loads(
                swarm.engine.docker("inspect", "--format", "{{json .Config.Env}}", container).stdout
            )
            for item in env:
                name, _, value = item.partition("=")
                assert not any(secret in value for secret in values), f"{STACK}_{service}: {name}"
