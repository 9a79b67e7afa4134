# Grafana with its provisioning and dashboards baked in (folders, which
# Swarm configs cannot hold). The dashboards go where
# monitoring/grafana/provisioning/dashboards/dashboards.yml looks for them
# (/var/lib/grafana/dashboards); Grafana's own data moves to
# /var/lib/grafana-data, the volume, so the volume never hides (or keeps stale
# copies of) the baked dashboards. Build from the repository root.
ARG GRAFANA_IMAGE=grafana/grafana:12.1.1
FROM ${GRAFANA_IMAGE}
USER root
RUN mkdir -p /var/lib/grafana-data && chown 472:0 /var/lib/grafana-data && chmod 0770 /var/lib/grafana-data
COPY monitoring/grafana/provisioning/ /etc/grafana/provisioning/
COPY monitoring/grafana/dashboards/ /var/lib/grafana/dashboards/
USER 472
ENV GF_PATHS_DATA=/var/lib/grafana-data
# Health check (stack file): wget …/api/health — busybox of the Alpine base.
