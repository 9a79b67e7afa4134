# syntax=docker/dockerfile:1.7
# The front door: Caddy with caddy/Caddyfile and its snippets (caddy/*.caddy)
# baked in. A folder of snippets cannot be one Swarm config, and baking them
# lets CADDY_TAG (a hash of these inputs, scripts/image-tags.sh) change only
# when they do: Caddy holds host ports, so it restarts stop-first (ADR 0002).
# Build from the repository root: docker build -f stack/caddy.Dockerfile .

FROM caddy:2.11.7-alpine
COPY caddy/Caddyfile /etc/caddy/Caddyfile
COPY caddy/*.caddy /etc/caddy/
EXPOSE 80 443 443/udp
# Health check (stack file): wget of the admin API on 127.0.0.1:2019 —
# busybox wget of the Alpine base.
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
