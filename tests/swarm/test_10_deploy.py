"""Deploy from nothing: deploy.sh brings every service to healthy."""

from __future__ import annotations

from tests.swarm.conftest import record
from tests.swarm.swarm import Swarm, scaled_to_zero


def test_first_deploy_converges_and_every_service_is_healthy(swarm: Swarm) -> None:
    result, seconds = swarm.deploy(swarm.images.releases.first)
    assert result.returncode == 0, result.stdout + result.stderr
    record(f"first deploy (deploy.sh start → every service healthy): {seconds:.0f}s")
    services = swarm.engine.docker(
        "service", "ls", "--format", "{{.Name}}|{{.Mode}}|{{.Replicas}}"
    ).stdout.splitlines()
    running = {}
    for line in services:
        name, mode, replicas = line.split("|")
        running[name.removeprefix("reqstly_")] = (mode, replicas)
    for name, (mode, replicas) in running.items():
        if mode.endswith("job") or name in scaled_to_zero():
            continue
        have, want = replicas.split()[0].split("/")
        assert have == want != "0", f"{name}: {replicas}"
        assert len(swarm.containers(name, healthy=True)) >= int(want), name
    assert (swarm.state_dir / "deployed-tag").read_text().strip() == swarm.images.releases.first
    assert swarm.image_tag("postgrest") == swarm.images.releases.first
