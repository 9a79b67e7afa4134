"""The production stack file, read as Swarm would read it (docs/ARCHITECTURE.md, "Deployment and monitoring")."""

from __future__ import annotations

import re
from typing import Any

import pytest

from devstack.caddy import GO_RUNTIME
from devstack.postgrest import RTS_OPTIONS
from tests.stack.stackfile import (
    STACK_ENV,
    STACK_FILE,
    dockerfile,
    final_stage,
    from_images,
    memory_bytes,
    own_image_name,
    raw_services,
    render,
    rendered,
    services,
)

# Programs each pinned third-party image ships, for the health checks that
# name them. A stack file happily names a program an image lacks
# (docker stack config cannot know), so this table is the check.
IMAGE_PROGRAMS: dict[str, set[str]] = {
    # docker-library/postgres 18/bookworm/Dockerfile installs postgresql-18,
    # whose bin directory (pg_isready, psql, pg_dump…) is on the image's PATH.
    "postgres:18.6": {"pg_isready", "psql", "pg_dump", "pg_restore", "bash"},
    # prometheus/prometheus, alertmanager, node_exporter and
    # prometheus-community/postgres_exporter Dockerfiles all build
    # FROM quay.io/prometheus/busybox-linux-amd64: busybox sh and wget.
    "prom/prometheus:v3.5.0": {"sh", "wget"},
    "prom/alertmanager:v0.28.1": {"sh", "wget"},
    "prom/node-exporter:v1.9.1": {"sh", "wget"},
    "quay.io/prometheuscommunity/postgres-exporter:v0.17.1": {"sh", "wget"},
    # grafana/loki cmd/loki/Dockerfile: FROM gcr.io/distroless/static:debug,
    # whose busybox (/busybox, on PATH) has sh and wget.
    "grafana/loki:3.5.3": {"sh", "wget"},
    # grafana/alloy Dockerfile: FROM ubuntu:noble (bash; curl is not promised).
    "grafana/alloy:v1.10.1": {"bash", "sh", "head", "grep", "printf"},
    # google/cadvisor deploy/Dockerfile: FROM alpine, `apk add … wget`; its own
    # HEALTHCHECK uses wget.
    "gcr.io/cadvisor/cadvisor:v0.52.1": {"sh", "wget"},
    # Grafana's default image is Alpine-based (docs: "Run Grafana Docker
    # image", Alpine variant): busybox sh and wget.
    "grafana/grafana:12.1.1": {"sh", "wget"},
    # The official caddy image's -alpine variants are FROM alpine (busybox).
    "caddy:2.11.7-alpine": {"sh", "wget", "caddy"},
    # docker-library/python: Debian slim with python on PATH.
    "python:3.11.13-slim-bookworm": {"python", "python3", "bash", "sh"},
    # PostgREST's x86-64 image is one static binary built with Nix
    # (nix/tools/docker/default.nix): no shell, no HTTP client.
    "postgrest/postgrest:v12.2.12": {"/bin/postgrest"},
    "scratch": set(),
}

# Every service docs/ARCHITECTURE.md ("Deployment and monitoring") names, with the SPA served by the caddy image.
EXPECTED_SERVICES = {
    "caddy",
    "postgrest",
    "authsvc",
    "notifier",
    "postgres",
    "migrate",
    "prometheus",
    "alertmanager",
    "loki",
    "alloy",
    "grafana",
    "postgres-exporter",
    "node-exporter",
    "cadvisor",
}
SECRET_NAME = re.compile(r"(PASSWORD|SECRET|KEY|TOKEN)$")
FILE_SETTING = re.compile(r"_?_FILE$")
MAX_MEMORY = int(3.5 * 1024**3)


def replicas(service: dict[str, Any]) -> int:
    deploy = service.get("deploy", {})
    if deploy.get("mode") == "global":
        return 1  # one node
    return int(deploy.get("replicas", 1))


def is_job(service: dict[str, Any]) -> bool:
    return str(service.get("deploy", {}).get("mode", "")).endswith("job")


def has_named_volume(service: dict[str, Any]) -> bool:
    return any(v.get("type") == "volume" for v in service.get("volumes", []))


def test_docker_stack_config_accepts_the_file() -> None:
    result = render()
    assert result.returncode == 0, result.stderr


def test_docker_stack_config_fails_without_a_required_setting() -> None:
    env = dict(STACK_ENV)
    del env["TAG"]
    result = render(env)
    # Otherwise Swarm would be asked for "reqstly-authsvc:" — no such image.
    assert result.returncode != 0
    assert "required variable TAG is missing" in result.stderr


def test_every_service_of_the_design_is_there() -> None:
    assert set(services()) == EXPECTED_SERVICES


def test_database_is_only_on_the_internal_network() -> None:
    assert services()["postgres"]["networks"] == {"internal": None}
    networks = rendered()["networks"]
    assert networks["internal"]["name"] == "reqstly_internal"
    assert {n["name"] for n in networks.values()} == {
        "reqstly_public",
        "reqstly_internal",
        "reqstly_monitoring",
    }


def test_authsvc_reaches_the_outside_and_the_database() -> None:
    assert set(services()["authsvc"]["networks"]) >= {"public", "internal"}


@pytest.mark.parametrize("name", sorted(EXPECTED_SERVICES))
def test_service_has_health_check_memory_limit_and_pinned_image(name: str) -> None:
    service = services()[name]
    test = service.get("healthcheck", {}).get("test")
    assert test, f"{name} has no health check"
    assert test[0] in {"CMD", "CMD-SHELL"}, f"{name}: health check {test}"
    assert not service["healthcheck"].get("disable"), f"{name} disables its health check"
    limits = service.get("deploy", {}).get("resources", {}).get("limits", {})
    assert "memory" in limits, f"{name} has no memory limit"
    assert "cpus" in limits, f"{name} has no CPU limit"
    assert "restart_policy" in service.get("deploy", {}), f"{name} has no restart policy"
    logging = service.get("logging", {})
    assert logging.get("driver") == "json-file"
    assert {"max-size", "max-file"} <= set(logging.get("options", {}))

    image = raw_services()[name]["image"]
    if own_image_name(image) is None:
        assert re.fullmatch(r"[\w./-]+:v?\d+\.\d+(\.\d+)?(-[\w.]+)?", image), (
            f"{name}: {image} is not pinned to a version (tag with at least major.minor)"
        )
    assert not image.endswith(":latest")


def test_own_images_use_immutable_tag_variables() -> None:
    for name, service in raw_services().items():
        own = own_image_name(service["image"])
        if own is not None:
            tag_variable = service["image"].rsplit(":${", 1)[1].split(":", 1)[0].rstrip("}")
            assert tag_variable in {"TAG", "MIGRATE_TAG", "CADDY_TAG"}, name
            assert dockerfile(own).is_file(), f"no stack/{own}.Dockerfile for {name}"


def test_memory_limits_fit_the_vps_with_headroom() -> None:
    """Every replica, plus the one extra task each start-first update runs
    while old and new overlap (deploys update services side by side)."""
    steady = sum(
        memory_bytes(s["deploy"]["resources"]["limits"]["memory"]) * replicas(s)
        for s in services().values()
    )
    surplus = sum(
        memory_bytes(s["deploy"]["resources"]["limits"]["memory"])
        for s in services().values()
        if s["deploy"].get("update_config", {}).get("order") == "start-first"
    )
    total = steady + surplus
    assert total <= MAX_MEMORY, f"memory limits add up to {total / 1024**2:.0f} MiB during a deploy"
    reserved_cpus = sum(
        float(s["deploy"]["resources"].get("reservations", {}).get("cpus", 0)) * replicas(s)
        for s in services().values()
    )
    assert reserved_cpus <= 2.0


def test_no_secret_values_in_environment_blocks() -> None:
    for name, service in raw_services().items():
        for key, value in (service.get("environment") or {}).items():
            text = str(value)
            assert not re.search(r"://[^/@:\s]+:[^@/\s]+@", text), f"{name}.{key} holds a password"
            if FILE_SETTING.search(key):
                continue
            if SECRET_NAME.search(key):
                # PostgREST's own file syntax: "@/path" reads the value from a file.
                assert text.startswith("@/run/secrets/"), (
                    f"{name}.{key} must come from a Docker secret (*_FILE or @/run/secrets/…)"
                )


def test_every_file_setting_names_a_secret_mounted_in_that_service() -> None:
    declared = set(rendered()["secrets"])
    for name, service in services().items():
        mounted = {
            s["source"] if isinstance(s, dict) else s for s in service.get("secrets", [])
        } & declared
        for key, value in (service.get("environment") or {}).items():
            text = str(value)
            if FILE_SETTING.search(key) or text.startswith("@/run/secrets/"):
                match = re.fullmatch(r"@?/run/secrets/([\w.-]+)", text)
                assert match, f"{name}.{key} = {text} is not a Docker secret path"
                secret = match.group(1)
                assert secret in mounted, f"{name}.{key}: secret {secret} not mounted"


def test_secrets_and_configs_carry_a_version_in_their_name() -> None:
    for key, secret in rendered()["secrets"].items():
        assert secret.get("external") is True, key
        assert re.fullmatch(rf"{key}_v\d+", secret["name"]), secret["name"]
    for key, config in rendered()["configs"].items():
        assert config["name"].endswith(STACK_ENV["REQSTLY_CONFIG_VERSION"]), key


def test_health_check_programs_exist_in_their_images() -> None:
    for name, service in raw_services().items():
        test = service["healthcheck"]["test"]
        program = test[1] if test[0] == "CMD" else test[1].split()[0]
        image = service["image"]
        own = own_image_name(image)
        if own is None:
            assert image in IMAGE_PROGRAMS, f"{image} missing from IMAGE_PROGRAMS"
            assert program in IMAGE_PROGRAMS[image], f"{name}: {image} has no {program}"
            continue
        base, stage = final_stage(dockerfile(own))
        copied = any(
            re.match(r"(COPY|ADD)\b.*\s" + re.escape(program) + r"$", line) for line in stage
        )
        assert base in IMAGE_PROGRAMS, f"stack/{own}.Dockerfile builds on {base}: add it above"
        assert copied or program in IMAGE_PROGRAMS[base], (
            f"{name}: health check runs {program}, which stack/{own}.Dockerfile neither copies "
            f"nor inherits from {base}"
        )


def test_dockerfiles_pin_their_base_images() -> None:
    for path in sorted(dockerfile("x").parent.glob("*.Dockerfile")):
        for image in from_images(path):
            assert image == "scratch" or re.search(r":v?\d+\.\d+", image), f"{path.name}: {image}"
            assert not image.endswith(":latest"), f"{path.name}: {image}"


def test_postgres_stops_first_with_a_grace_period() -> None:
    postgres = services()["postgres"]
    assert postgres["deploy"]["update_config"]["order"] == "stop-first"
    grace = postgres["stop_grace_period"]
    match = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", grace)
    assert match, grace
    seconds = int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    assert 60 <= seconds <= 120
    assert postgres["image"] == "postgres:18.6"
    assert any(v.get("type") == "volume" for v in postgres["volumes"])


def test_stateless_services_start_first_and_roll_back() -> None:
    stateless = [
        name
        for name, s in services().items()
        if not is_job(s) and not has_named_volume(s) and name != "postgres"
    ]
    assert {"postgrest", "authsvc"} <= set(stateless)
    for name in stateless:
        update = services()[name]["deploy"]["update_config"]
        assert update["order"] == "start-first", name
        assert update["failure_action"] == "rollback", name


def test_services_with_a_volume_never_run_twice_on_it() -> None:
    for name, service in services().items():
        if has_named_volume(service) and not is_job(service):
            update = service["deploy"]["update_config"]
            assert update["order"] == "stop-first", name
            assert update["failure_action"] in {"rollback", "pause"}, name


def test_caddy_publishes_80_and_443_in_host_mode() -> None:
    ports = services()["caddy"]["ports"]
    published = {(p["published"], p["protocol"]) for p in ports}
    assert {(80, "tcp"), (443, "tcp")} <= published
    assert all(p["mode"] == "host" for p in ports)
    # Only the front door publishes anything.
    assert [n for n, s in services().items() if s.get("ports")] == ["caddy"]


def test_caddy_gets_the_settings_its_caddyfile_reads() -> None:
    env = services()["caddy"]["environment"]
    assert env["REQSTLY_ORIGIN"] == f"https://{STACK_ENV['REQSTLY_DOMAIN']}"
    for key in ("REQSTLY_DOMAIN", "REQSTLY_ACME_EMAIL", "REQSTLY_GRAFANA_HOST", "REQSTLY_WEB_ROOT"):
        assert env.get(key), key


def test_runtime_settings_are_the_ones_the_local_stack_measures() -> None:
    """Caddy's Go and PostgREST's GHC runtime settings (ADR 0021, 0023): the
    bench and the tests run the processes as production does."""
    assert services()["postgrest"]["environment"]["GHCRTS"] == RTS_OPTIONS
    caddy = services()["caddy"]["environment"]
    assert {key: caddy.get(key) for key in GO_RUNTIME} == GO_RUNTIME


def test_caddy_reaches_every_replica_of_postgrest_and_authsvc() -> None:
    """Each task by Swarm's tasks.<service> DNS, not one virtual IP (the
    ports are the ones the services listen on)."""
    caddyfile = (STACK_FILE.parent.parent / "caddy" / "Caddyfile").read_text()
    assert "dynamic a tasks.postgrest 3000" in caddyfile
    assert "dynamic a tasks.authsvc 8000" in caddyfile
    assert services()["postgrest"]["environment"]["PGRST_SERVER_PORT"] == "3000"


def _health_command(name: str) -> str:
    return " ".join(services()[name]["healthcheck"]["test"])


def test_api_health_checks_judge_the_process_not_the_database() -> None:
    # PostgREST: ready once (before it gets traffic), then only /live.
    assert "3001/live" in _health_command("postgrest")
    # authsvc: /auth/livez answers without the database.
    assert "/auth/livez" in _health_command("authsvc")
    assert "/auth/healthz" not in _health_command("authsvc")


def test_connection_pools_fit_max_connections_during_a_start_first_update() -> None:
    """Every client at its worst: a start-first update runs one task more."""
    postgres = services()["postgres"]["command"]
    max_connections = int(
        next(a.split("=")[1] for a in postgres if a.startswith("max_connections="))
    )
    limits = dict(
        item.split("=")
        for item in services()["migrate"]["environment"]["REQSTLY_ROLE_CONNECTION_LIMITS"].split(
            ","
        )
    )
    worst = {
        "authenticator": int(services()["postgrest"]["environment"]["PGRST_DB_POOL"])
        * (replicas(services()["postgrest"]) + 1),
        "authsvc": int(services()["authsvc"]["environment"]["REQSTLY_DB_POOL_MAX"])
        * (replicas(services()["authsvc"]) + 1),
        # The notifier holds two connections: its work and its LISTEN.
        "notifier": 2 * (replicas(services()["notifier"]) + 1),
    }
    for role, wanted in worst.items():
        assert wanted <= int(limits[role]), f"{role} may want {wanted} > its limit {limits[role]}"
    superuser_reserved = 3  # PostgreSQL's default superuser_reserved_connections
    superuser_budget = 10  # the migration job, backups, an admin's psql
    total = sum(int(v) for v in limits.values()) + superuser_reserved + superuser_budget
    assert total <= max_connections, f"{total} > max_connections={max_connections}"


def test_postgrest_and_authsvc_settings() -> None:
    pgrst = services()["postgrest"]["environment"]
    assert pgrst["PGRST_DB_SCHEMAS"] == "api"
    assert pgrst["PGRST_DB_ANON_ROLE"] == "web_anon"
    assert pgrst["PGRST_JWT_AUD"] == "reqstly"
    assert pgrst["PGRST_DB_PRE_REQUEST"] == "api.pre_request"
    assert pgrst["PGRST_JWT_SECRET"] == "@/run/secrets/reqstly_jwks"
    assert pgrst["PGRST_SERVER_CORS_ALLOWED_ORIGINS"] == "https://reqstly.example.com"
    assert pgrst["PGRST_ADMIN_SERVER_PORT"] == "3001"
    assert "PGRST_DB_URI" not in pgrst  # built from the secret by the entrypoint
    auth = services()["authsvc"]["environment"]
    assert auth["REQSTLY_PUBLIC_ORIGIN"] == "https://reqstly.example.com"
    assert auth["REQSTLY_JWT_AUDIENCE"] == "reqstly"
    assert auth["REQSTLY_METRICS_PORT"] == "9100"
    for key in (
        "REQSTLY_DATABASE_URL_FILE",
        "REQSTLY_SIGNING_KEY_FILE",
        "REQSTLY_AZURE_CLIENT_SECRET_FILE",
        "REQSTLY_AZURE_TENANT_ID",
        "REQSTLY_AZURE_CLIENT_ID",
        "REQSTLY_SESSION_IDLE_MINUTES",
        "REQSTLY_SESSION_ABSOLUTE_HOURS",
        "REQSTLY_WEBAUTHN_RP_ID",
        "REQSTLY_AZURE_ALLOWED_TENANTS",
    ):
        assert key in auth, key


def test_migration_job_runs_once_per_deploy() -> None:
    migrate = services()["migrate"]
    assert migrate["deploy"]["mode"] == "replicated-job"
    assert migrate["networks"] == {"internal": None}
    assert ":${MIGRATE_TAG" in raw_services()["migrate"]["image"]


def test_config_files_exist_where_the_stack_file_points() -> None:
    missing = [c["file"] for c in rendered()["configs"].values() if not _exists(c["file"])]
    assert not missing, f"configs point at missing files: {missing}"


def _exists(path: str) -> bool:
    from pathlib import Path

    return Path(path).is_file()


def test_env_example_lists_every_setting_and_no_secret() -> None:
    from tests.stack.stackfile import ROOT, STACK_FILE

    used = set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)", STACK_FILE.read_text()))
    computed = {"TAG", "MIGRATE_TAG", "CADDY_TAG", "REQSTLY_CONFIG_VERSION"}
    example = (ROOT / "stack" / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_][A-Z0-9_]*)=", example, re.M))
    assert used - computed <= listed, f"missing from stack/.env.example: {used - computed - listed}"
    for name in listed:
        assert not SECRET_NAME.search(name), f"{name} looks like a secret: use a Docker secret"
