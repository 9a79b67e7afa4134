"""Memory (RSS, and PSS for PostgreSQL's shared buffers) and CPU of each process of the stack."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

MB = 1024 * 1024


@dataclass(frozen=True)
class Watched:
    """A process group: a root PID and, optionally, its children (PostgreSQL's backends)."""

    name: str
    pid: int
    children: bool = False

    def processes(self) -> list[psutil.Process]:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return []
        return [root, *root.children(recursive=True)] if self.children else [root]


def _pss_file_kb(pid: int) -> int:
    """Pss_File of /proc/<pid>/smaps_rollup in kB (0 where the kernel does not say)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss_File:"):
                return int(line.split()[1])
    return 0


def postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().splitlines()[0])


@dataclass
class Sample:
    at: float
    label: str
    rss_mb: dict[str, float]
    pss_mb: dict[str, float]
    processes: dict[str, int]
    # The file-backed part of PSS: program text and libraries paged in (Caddy's
    # 50 MB binary), which the kernel can drop and read again under pressure.
    pss_file_mb: dict[str, float] = field(default_factory=dict)


@dataclass
class ResourceWatch:
    groups: list[Watched]
    samples: list[Sample] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def sample(self, label: str) -> Sample:
        rss: dict[str, float] = {}
        pss: dict[str, float] = {}
        counts: dict[str, int] = {}
        pss_file: dict[str, float] = {}
        for group in self.groups:
            total_rss = total_pss = total_file_kb = 0
            alive = 0
            for process in group.processes():
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                    info = process.memory_full_info()
                    total_rss += info.rss
                    total_pss += getattr(info, "pss", info.rss)
                    total_file_kb += _pss_file_kb(process.pid)
                    alive += 1
            rss[group.name] = round(total_rss / MB, 1)
            pss[group.name] = round(total_pss / MB, 1)
            pss_file[group.name] = round(total_file_kb / 1024, 1)
            counts[group.name] = alive
        sample = Sample(
            round(time.monotonic() - self.started, 1), label, rss, pss, counts, pss_file
        )
        self.samples.append(sample)
        return sample

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) used so far by each group's live processes."""
        result: dict[str, float] = {}
        for group in self.groups:
            total = 0.0
            for process in group.processes():
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                    times = process.cpu_times()
                    total += times.user + times.system
                    if group.children:
                        total += times.children_user + times.children_system
            result[group.name] = total
        return result

    async def sample_every(self, interval: float, label: str, until: float) -> None:
        while time.monotonic() < until:
            await asyncio.sleep(min(interval, max(0.0, until - time.monotonic())))
            await asyncio.to_thread(self.sample, label)


def cpu_share(before: dict[str, float], after: dict[str, float], seconds: float) -> dict[str, Any]:
    """Percent of one core each group used between two cpu_seconds() readings."""
    return {
        name: round((after.get(name, 0.0) - before.get(name, 0.0)) / seconds * 100, 1)
        for name in after
    }


def machine() -> dict[str, Any]:
    load1, load5, load15 = os.getloadavg()
    return {
        "cpus": psutil.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "load_average": [round(load1, 2), round(load5, 2), round(load15, 2)],
    }


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"
