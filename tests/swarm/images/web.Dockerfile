# Local stand-in for the reqstly-web image (tests/swarm only, ADR 0009): the
# SPA `make web-build` built on the host, where stack/web.Dockerfile would
# run npm ci inside a node image (the npm registry is not reachable there).
FROM scratch
COPY web-dist/ /srv/web/
