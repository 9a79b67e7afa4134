# The front door: Caddy with caddy/Caddyfile and its snippets (caddy/*.caddy)
# and the SPA build (the reqstly-web image, stack/web.Dockerfile) baked in.
# A folder of snippets cannot be one Swarm config, and baking lets CADDY_TAG
# (a hash of these inputs, scripts/image-tags.sh) change only when they do:
# Caddy holds host ports, so it restarts stop-first (ADR 0002).
# Build from the repository root:
#   docker build -f stack/caddy.Dockerfile --build-arg WEB_IMAGE=$REGISTRY/reqstly-web:$TAG .

ARG WEB_IMAGE
ARG CADDY_IMAGE=caddy:2.11.7-alpine
FROM ${WEB_IMAGE} AS web

FROM ${CADDY_IMAGE}
COPY caddy/Caddyfile /etc/caddy/Caddyfile
COPY caddy/*.caddy /etc/caddy/
COPY --from=web /srv/web /srv/web
EXPOSE 80 443 443/udp
# Health check (stack file): wget of the admin endpoint's /metrics on
# 127.0.0.1:2019 — busybox wget of the Alpine base.
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
