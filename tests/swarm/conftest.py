"""The Swarm suite: one real single-node Swarm and one deployment of the
production stack, shared by the drills, which run in file order
(test_10_… to test_80_…). Everything is torn down by PID at the end, also
when a test fails. Figures (deploy time, failed requests per drill) are
printed at the end of the run."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator

import pytest

from devstack.paths import DATA
from tests.swarm.engine import Engine
from tests.swarm.images import LocalImages
from tests.swarm.swarm import Swarm, scaled_to_zero

FIGURES: list[str] = []


def record(line: str) -> None:
    """A figure for the summary at the end of the run."""
    FIGURES.append(line)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("Swarm drills (tests/swarm)")
        for line in FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture(scope="package")
def swarm() -> Iterator[Swarm]:
    engine = Engine()
    try:
        started = time.monotonic()
        engine.start()
        images = LocalImages(engine)
        images.ensure()
        for what, seconds in images.timings.items():
            record(f"images: {what} in {seconds:.0f}s")
        record(f"engine and images ready in {time.monotonic() - started:.0f}s")
        record(f"scaled to 0 (no binary here, see README): {', '.join(scaled_to_zero())}")
        deployment = Swarm(engine, images)
        deployment.prepare()
        yield deployment
    finally:
        # What the scripts said, kept for a look after the run (the engine's
        # folder goes with it).
        log = engine.root / "scripts.log"
        if log.exists():
            shutil.copy2(log, DATA / "swarm-last-run-scripts.log")
        engine.stop()
