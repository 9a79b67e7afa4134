# syntax=docker/dockerfile:1.7
# The SPA: a node:20 stage runs `npm ci && npm run build` in web/, and a
# file-only Caddy serves the static build on :8080 behind the front door.
# Build from the repository root: docker build -f stack/web.Dockerfile .

FROM node:20.19.5-bookworm-slim AS build
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM caddy:2.11.7-alpine
# Runs as an unprivileged user on an unprivileged port; Caddy keeps nothing.
ENV XDG_CONFIG_HOME=/tmp/caddy-config XDG_DATA_HOME=/tmp/caddy-data
COPY stack/web/Caddyfile /etc/caddy/Caddyfile
COPY --from=build /web/dist /srv
USER 65534:65534
EXPOSE 8080
# Health check (stack file): wget …/healthz — busybox wget of the Alpine base.
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
