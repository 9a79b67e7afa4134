"""Isolation: the database is only on the internal network, and secrets are
files, never values in a container's environment."""

from __future__ import annotations

import json

from tests.swarm.swarm import STACK, Swarm


def test_a_container_on_the_public_network_cannot_reach_postgresql(swarm: Swarm) -> None:
    # An attacker who owns a public-facing container (Caddy's network) tries
    # the database by name and by address.
    networks = json.loads(
        swarm.engine.docker(
            "inspect",
            "--format",
            "{{json .NetworkSettings.Networks}}",
            swarm.containers("postgres")[0],
        ).stdout
    )
    postgres_ip = networks["reqstly_internal"]["IPAddress"]
    image = swarm.images.base("python")
    probe = (
        "import socket,sys\n"
        "for host in sys.argv[1:]:\n"
        "    try:\n"
        "        socket.create_connection((host, 5432), 3).close(); print('OPEN', host)\n"
        "    except OSError as e:\n"
        "        print('refused', host, e)\n"
    )
    try:
        # reqstly_public is not attachable (as in production): a service on it.
        swarm.engine.docker(
            "service", "create", "--name", "probe", "--network", "reqstly_public",
            "--restart-condition", "none", "--detach", image,
            "python", "-c", probe, "postgres", "tasks.postgres", postgres_ip,
        )  # fmt: skip
        swarm.engine.wait(
            "the probe finished",
            lambda: (
                "Complete"
                in swarm.engine.docker(
                    "service", "ps", "probe", "--format", "{{.CurrentState}}"
                ).stdout
            ),
            timeout=120,
        )
        output = swarm.engine.docker("service", "logs", "--raw", "probe").stdout
    finally:
        swarm.engine.docker("service", "rm", "probe", check=False)
    assert "refused" in output, output
    assert "OPEN" not in output, output


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
