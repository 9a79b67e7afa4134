"""Self-healing: a killed task is replaced by Swarm while Caddy moves its
traffic to the survivor — 0 failed requests under a bounded load."""

from __future__ import annotations

import time

from tests.swarm.conftest import record
from tests.swarm.drills import api_load
from tests.swarm.load import Load
from tests.swarm.swarm import Swarm


def _kill_one_and_wait(swarm: Swarm, service: str) -> float:
    victim = swarm.containers(service, healthy=True)[0]
    killed = time.monotonic()
    swarm.engine.docker("kill", victim)
    swarm.engine.wait(
        f"a new {service} task replaced {victim[:12]}",
        lambda: (
            victim not in swarm.containers(service, healthy=True)
            and len(swarm.containers(service, healthy=True)) >= 2
        ),
        timeout=180,
        interval=1,
    )
    return time.monotonic() - killed


def test_a_killed_postgrest_task_is_replaced_with_no_failed_reads(swarm: Swarm) -> None:
    headers = swarm.sign_in("swarm-healing-reader")
    with api_load(swarm, headers) as load:
        time.sleep(3)
        replaced_after = _kill_one_and_wait(swarm, "postgrest")
        time.sleep(3)
    record(
        f"self-healing, PostgREST task killed: replaced in {replaced_after:.0f}s; "
        f"load {load.result.summary()}"
    )
    assert load.result.failed == 0, load.result.failures[:5]
    assert load.result.requests > 50


def test_a_killed_authsvc_task_is_replaced_with_no_failed_session_checks(swarm: Swarm) -> None:
    people = [swarm.sign_in(f"swarm-healing-{n}") for n in range(3)]
    loads = [
        Load(client=swarm.client, read_paths=["/auth/session"], headers=h, readers=1)
        for h in people
    ]
    for load in loads:
        load.__enter__()
    try:
        time.sleep(3)
        replaced_after = _kill_one_and_wait(swarm, "authsvc")
        time.sleep(3)
    finally:
        for load in loads:
            load.__exit__(None, None, None)
    failures = [f for load in loads for f in load.result.failures]
    requests = sum(load.result.requests for load in loads)
    record(
        f"self-healing, authsvc task killed: replaced in {replaced_after:.0f}s; "
        f"{requests} session checks by 3 signed-in people, {len(failures)} failed"
    )
    assert failures == [], failures[:5]
