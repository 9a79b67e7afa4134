"""A failing migration stops the deploy before new code starts; the old
replicas keep serving."""

from __future__ import annotations

from tests.swarm.conftest import record
from tests.swarm.drills import api_load
from tests.swarm.swarm import Swarm


def test_a_failing_migration_stops_the_deploy_before_new_code(swarm: Swarm) -> None:
    releases = swarm.images.releases
    before = swarm.image_tag("postgrest")
    headers = swarm.sign_in("swarm-bad-migration")
    with api_load(swarm, headers) as load:
        result, seconds = swarm.deploy(releases.bad_migration)
    output = result.stdout + result.stderr
    record(
        f"failing migration: deploy.sh stopped after {seconds:.0f}s; load {load.result.summary()}"
    )
    assert result.returncode != 0, output
    assert "the migration job failed: nothing else was changed" in result.stderr, output
    assert "division by zero" in output, output  # the migration's own error, in the job's log
    assert "running: docker stack deploy" not in result.stdout, output
    assert swarm.image_tag("postgrest") == before
    assert swarm.image_tag("authsvc") == before
    assert load.result.failed == 0, load.result.failures[:5]
    assert (
        swarm.psql("select count(*) from _yoyo_migration where migration_id = '9999_fails'") == "0"
    )
