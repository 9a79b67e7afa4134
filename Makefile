# The README's two commands are `make run` and `make test`; both set up
# everything they need from nothing (venv, npm packages, Debian packages).
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
PYTEST_ARGS ?=

.PHONY: help setup run test swarm-test lint web-build measure-web api-types bench schema-dump schema-check reset clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

.venv/.installed: pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install --quiet --upgrade pip
	.venv/bin/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

tests/e2e/node_modules/.installed: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	touch $@

.data/.system-packages: scripts/install-system-packages
	bash scripts/install-system-packages
	mkdir -p .data && touch $@

setup: .venv/.installed node_modules/.installed web/node_modules/.installed tests/e2e/node_modules/.installed .data/.system-packages ## install what is missing

web-build: setup ## build the SPA into web/dist (Caddy serves it)
	cd web && npm run --silent build

run: setup web-build ## start the whole system locally (Ctrl-C stops it)
	$(PY) scripts/dev run

reset: setup ## throw away local data and start over
	$(PY) scripts/dev reset

lint: setup ## ruff, mypy --strict, tsc, ESLint, Prettier
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy authsvc scripts/devstack tests
	.venv/bin/mypy scripts/dev
	.venv/bin/mypy scripts/bench
	cd web && npm run --silent typecheck && npm run --silent lint && npm run --silent format:check

test: setup lint web-build ## every test suite (db/schema.sql is checked by tests/db/test_schema_dump.py)
	cd web && npm run --silent test
	.venv/bin/pytest $(PYTEST_ARGS)

swarm-test: setup web-build ## only the Swarm drills (tests/swarm): a real engine, the production stack
	.venv/bin/pytest tests/swarm $(PYTEST_ARGS)

BENCH_ARGS ?=
bench: setup ## the benchmark (docs/perf/README.md) → docs/perf/ (15-min soak; BENCH_ARGS=--quick for ~1 min)
	$(PY) scripts/bench $(BENCH_ARGS)

measure-web: setup web-build ## print the SPA's initial JS size and first paint in Chromium
	$(PY) -m tests.e2e.measure_web

api-types: setup ## regenerate web/src/api/schema.gen.ts from PostgREST's OpenAPI (after an api change)
	$(PY) -m tests.e2e.api_types

schema-dump: setup ## regenerate db/schema.sql from the migrations
	$(PY) scripts/dev schema-dump > db/schema.sql

schema-check: setup ## fail if db/schema.sql is not what the migrations produce
	@$(PY) scripts/dev schema-dump > .data/schema.sql.new
	@diff -u db/schema.sql .data/schema.sql.new || { echo "db/schema.sql is stale: run 'make schema-dump' and commit it"; exit 1; }

clean: ## remove installed tooling (keeps .data)
	rm -rf .venv node_modules web/node_modules web/dist tests/e2e/node_modules
