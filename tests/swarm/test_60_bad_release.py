"""A bad release (its PostgREST never passes its health check): Swarm rolls
it back by itself, deploy.sh exits non-zero naming the service and why,
the old version serves on with 0 failed requests; rollback.sh then returns
to the release before."""

from __future__ import annotations

from tests.swarm.conftest import record
from tests.swarm.drills import api_load
from tests.swarm.swarm import Swarm


def test_swarm_rolls_a_bad_release_back_and_deploy_says_why(swarm: Swarm) -> None:
    releases = swarm.images.releases
    headers = swarm.sign_in("swarm-bad-release")
    with api_load(swarm, headers) as load:
        result, seconds = swarm.deploy(releases.bad)
    output = result.stdout + result.stderr
    record(f"bad release: deploy.sh failed after {seconds:.0f}s; load {load.result.summary()}")
    assert result.returncode != 0, output
    assert "reqstly_postgrest" in result.stderr, output
    assert "rollback" in result.stderr, output
    assert swarm.image_tag("postgrest") == releases.second
    assert load.result.failed == 0, load.result.failures[:5]
    assert (swarm.state_dir / "deployed-tag").read_text().strip() == releases.second


def test_rollback_returns_to_the_release_before(swarm: Swarm) -> None:
    releases = swarm.images.releases
    result = swarm.rollback()
    assert result.returncode == 0, result.stdout + result.stderr
    assert swarm.image_tag("postgrest") == releases.first
    assert swarm.image_tag("authsvc") == releases.first
    assert (swarm.state_dir / "deployed-tag").read_text().strip() == releases.first
