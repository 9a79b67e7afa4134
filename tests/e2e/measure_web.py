"""How heavy and how quick the SPA is: printed, not asserted by time.

* Initial JS: the entry chunk of web/dist/index.html plus every chunk it
  imports statically (from Vite's manifest when the build writes one, else
  from the `modulepreload` links and the chunks' own `import … from`), each
  gzipped as `gzip -c` does. Lazy chunks (the admin screens) are listed apart.
  Size is deterministic, so the 150 KB budget is the one assertion
  (tests/e2e/test_web_budget.py).
* First contentful paint of the requests screen (`/`, My requests) in
  Chromium, signed in, over a few cold loads (a new context each: empty
  cache) and warm reloads, with the spread; plus when the list of requests
  itself appeared. Times depend on the machine and its load, so they are
  reported only.

    .venv/bin/python -m tests.e2e.measure_web [--repeats N]

starts its own local stack on free ports and stops it by PID afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import re
import statistics
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Page, async_playwright, expect

from devstack.paths import ROOT
from devstack.stack import LocalStack, stack_of_its_own
from tests.e2e.browser import DESKTOP, launch_chromium, new_context, open_signed_in

DIST = ROOT / "web" / "dist"
BUDGET_BYTES = 150 * 1024
# `import{a as b}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"` — not `import("./x.js")`.
_STATIC_IMPORT = re.compile(
    r"""(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}/[^"']+\.js)["']"""
)
# When the list of requests appears, recorded by the page itself (no polling delay).
_LIST_WATCH = """
new MutationObserver((_, observer) => {
  if (document.querySelector('ul[aria-label="Requests"] li')) {
    performance.mark('requests-list-visible');
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


@dataclass(frozen=True)
class Asset:
    path: str  # relative to web/dist
    raw_bytes: int
    gzip_bytes: int


class _EntryLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.preloads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("type") == "module" and found.get("src"):
            self.scripts.append(str(found["src"]))
        if tag == "link" and found.get("rel") == "modulepreload" and found.get("href"):
            self.preloads.append(str(found["href"]))


def _asset(dist: Path, relative: str) -> Asset:
    data = (dist / relative).read_bytes()
    return Asset(relative, len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


def _from_manifest(manifest: dict[str, Any]) -> list[str]:
    entries = [key for key, chunk in manifest.items() if chunk.get("isEntry")]
    seen: list[str] = []
    pending = list(entries)
    while pending:
        key = pending.pop()
        chunk = manifest[key]
        if chunk["file"] in seen:
            continue
        seen.append(chunk["file"])
        pending.extend(chunk.get("imports", []))
    return seen


def _from_html_and_imports(dist: Path) -> list[str]:
    links = _EntryLinks()
    links.feed((dist / "index.html").read_text())
    pending = [src.lstrip("/") for src in links.scripts + links.preloads]
    seen: list[str] = []
    while pending:
        relative = pending.pop()
        if relative in seen:
            continue
        seen.append(relative)
        source = (dist / relative).read_text(errors="replace")
        folder = Path(relative).parent
        for imported in _STATIC_IMPORT.findall(source):
            pending.append(os.path.normpath(folder / imported))
    return seen


def initial_js(dist: Path = DIST) -> list[Asset]:
    """The JS a first visit downloads before the app can run."""
    if not (dist / "index.html").exists():
        raise RuntimeError(f"{dist}/index.html is missing: build the SPA (cd web && npm run build)")
    manifest = dist / ".vite" / "manifest.json"
    files = (
        _from_manifest(json.loads(manifest.read_text()))
        if manifest.exists()
        else _from_html_and_imports(dist)
    )
    return [_asset(dist, relative) for relative in files]


def lazy_js(dist: Path = DIST) -> list[Asset]:
    """Every other JS chunk: loaded only when a screen needs it."""
    initial = {asset.path for asset in initial_js(dist)}
    return [
        _asset(dist, str(path.relative_to(dist)))
        for path in sorted((dist / "assets").glob("*.js"))
        if str(path.relative_to(dist)) not in initial
    ]


@dataclass(frozen=True)
class Paint:
    first_contentful_paint_ms: float
    requests_list_ms: float | None
    dom_content_loaded_ms: float


async def _one_load(page: Page, url: str, *, reload: bool) -> Paint:
    if reload:
        await page.reload()
    else:
        await page.goto(url)
    await expect(page.get_by_role("list", name="Requests")).to_be_visible()
    timings: dict[str, Any] = await page.evaluate(
        """() => {
             const fcp = performance.getEntriesByName('first-contentful-paint')[0];
             const list = performance.getEntriesByName('requests-list-visible')[0];
             const nav = performance.getEntriesByType('navigation')[0];
             return {fcp: fcp ? fcp.startTime : null, list: list ? list.startTime : null,
                     dcl: nav ? nav.domContentLoadedEventEnd : null};
           }"""
    )
    assert timings["fcp"] is not None, "Chromium reported no first-contentful-paint"
    return Paint(
        first_contentful_paint_ms=float(timings["fcp"]),
        requests_list_ms=None if timings["list"] is None else float(timings["list"]),
        dom_content_loaded_ms=float(timings["dcl"] or 0.0),
    )


async def measure_paints(
    browser: Browser, stack: LocalStack, repeats: int = 5
) -> dict[str, list[Paint]]:
    """Alice's requests screen: `repeats` cold loads (a new context, empty
    cache, same signed-in cookies) and `repeats` warm reloads."""
    signed_in, page = await open_signed_in(browser, stack, "alice", viewport=DESKTOP)
    try:
        await expect(page.get_by_role("list", name="Requests")).to_be_visible()
        cookies = await signed_in.storage_state()
    finally:
        await signed_in.close()
    url = f"{stack.origin}/"
    series: dict[str, list[Paint]] = {"cold": [], "warm": []}
    for _ in range(repeats):
        context = await new_context(browser, viewport=DESKTOP, storage_state=cookies)
        try:
            await context.add_init_script(_LIST_WATCH)
            page = await context.new_page()
            series["cold"].append(await _one_load(page, url, reload=False))
        finally:
            await context.close()
    context = await new_context(browser, viewport=DESKTOP, storage_state=cookies)
    try:
        await context.add_init_script(_LIST_WATCH)
        page = await context.new_page()
        await _one_load(page, url, reload=False)
        for _ in range(repeats):
            series["warm"].append(await _one_load(page, url, reload=True))
    finally:
        await context.close()
    return series


def _spread(values: list[float]) -> str:
    if not values:
        return "not measured"
    median = statistics.median(values)
    low, high = min(values), max(values)
    deviation = statistics.stdev(values) if len(values) > 1 else 0.0
    return (
        f"median {median:6.1f} ms  min {low:6.1f}  max {high:6.1f}  "
        f"spread {high - low:6.1f}  sd {deviation:5.1f}  (n={len(values)})"
    )


def size_report(dist: Path = DIST) -> str:
    initial = initial_js(dist)
    total = sum(asset.gzip_bytes for asset in initial)
    lines = ["Initial JS (entry chunk + its static imports), gzip level 6:"]
    lines += [
        f"  {asset.path:<40} {asset.raw_bytes / 1024:8.1f} KB raw {asset.gzip_bytes / 1024:7.1f} KB gzip"
        for asset in initial
    ]
    lines.append(
        f"  {'total':<40} {'':>15} {total / 1024:7.1f} KB gzip"
        f"  (budget {BUDGET_BYTES / 1024:.0f} KB, {100 * total / BUDGET_BYTES:.0f} % used)"
    )
    lazy = lazy_js(dist)
    if lazy:
        lines.append("Lazy chunks (not in the first download):")
        lines += [
            f"  {asset.path:<40} {asset.raw_bytes / 1024:8.1f} KB raw {asset.gzip_bytes / 1024:7.1f} KB gzip"
            for asset in lazy
        ]
    return "\n".join(lines)


def paint_report(series: dict[str, list[Paint]]) -> str:
    lines = ["Requests screen (/ as Alice) in Chromium, desktop 1280×800:"]
    for kind, paints in series.items():
        label = "cold (new context)" if kind == "cold" else "warm (reload)"
        lines.append(
            f"  first contentful paint, {label:<19} {_spread([p.first_contentful_paint_ms for p in paints])}"
        )
        lists = [p.requests_list_ms for p in paints if p.requests_list_ms is not None]
        lines.append(f"  requests list shown,    {label:<19} {_spread(lists)}")
        lines.append(
            f"  DOMContentLoaded,       {label:<19} {_spread([p.dom_content_loaded_ms for p in paints])}"
        )
    return "\n".join(lines)


async def _measure(stack: LocalStack, repeats: int) -> dict[str, list[Paint]]:
    async with async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            return await measure_paints(browser, stack, repeats)
        finally:
            await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="loads per series (default 5)")
    args = parser.parse_args()
    print(size_report(), flush=True)
    with stack_of_its_own("measure-web") as stack:
        print(
            f"Local stack at {stack.origin}; measuring {args.repeats} loads per series…", flush=True
        )
        series = asyncio.run(_measure(stack, args.repeats))
    print(paint_report(series))


if __name__ == "__main__":
    main()
