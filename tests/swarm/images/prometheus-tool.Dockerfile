# Local stand-in for the Prometheus project's images (tests/swarm only,
# ADR 0009): prom/prometheus, prom/alertmanager, prom/node-exporter and
# postgres-exporter, each one of Debian's builds of the tool (the versions
# tests/monitoring runs) on the Debian base, laid out as the official image
# is: the binary on PATH under its own name, Debian's /usr/share/prometheus
# (Alertmanager's default templates), /prometheus and /alertmanager owned by
# nobody, busybox wget for the stack's health checks.
ARG BASE
FROM ${BASE}
ARG TOOL
ARG NAME
COPY ${TOOL} /bin/tool
COPY prometheus-share/ /usr/share/prometheus/
RUN ln -s /bin/tool /bin/${NAME} \
 && ln -s /bin/busybox /usr/local/bin/wget \
 && mkdir -p /prometheus /alertmanager /etc/prometheus \
 && chown nobody:nogroup /prometheus /alertmanager
USER nobody
ENTRYPOINT ["/bin/tool"]
