"""End-to-end tests: Debian's Chromium through Playwright against the real stack.

`python -m tests.e2e.measure_web` runs outside pytest, whose `pythonpath`
setting is what makes `scripts/` (the `devstack` package) importable; do the
same here so both ways of running find it.
"""

import sys
from pathlib import Path

_SCRIPTS = str(Path(__file__).resolve().parents[2] / "scripts")
if _SCRIPTS not in sys.path:
    sys.path.append(_SCRIPTS)
