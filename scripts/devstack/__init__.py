"""The local stack: real PostgreSQL, PostgREST and Caddy as plain processes.

Used by `scripts/dev` (make run) and by the test suites, so both start the
system the same way.
"""
