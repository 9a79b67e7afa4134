"""A rolling update of PostgREST and authsvc by deploy.sh under a bounded
mixed load: 0 failed requests, and every acknowledged create is there."""

from __future__ import annotations

from tests.swarm.conftest import record
from tests.swarm.drills import api_load, every_create_is_there
from tests.swarm.load import Load
from tests.swarm.swarm import Swarm


def test_rolling_update_under_load_fails_no_request_and_loses_no_create(swarm: Swarm) -> None:
    second = swarm.images.releases.second
    headers = swarm.sign_in("swarm-rolling")
    sessions = swarm.sign_in("swarm-rolling-sessions")
    with (
        api_load(swarm, headers, writers=1) as load,
        Load(client=swarm.client, read_paths=["/auth/session"], headers=sessions) as auth_load,
    ):
        result, seconds = swarm.deploy(second)
    assert result.returncode == 0, result.stdout + result.stderr
    record(f"rolling update to the second release (deploy.sh): {seconds:.0f}s")
    record(f"  API load during it: {load.result.summary()}")
    record(f"  /auth/session load during it: {auth_load.result.summary()}")
    assert swarm.image_tag("postgrest") == second
    assert swarm.image_tag("authsvc") == second
    assert load.result.failed == 0, load.result.failures[:5]
    assert auth_load.result.failed == 0, auth_load.result.failures[:5]
    assert load.result.created, "the writer filed requests during the update"
    every_create_is_there(swarm, headers, load.result)
    assert "pre-deploy backup" in result.stdout or "backing the database up" in result.stdout
