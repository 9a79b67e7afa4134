# syntax=docker/dockerfile:1.7
# Grafana with its provisioning and dashboards baked in (folders, which
# Swarm configs cannot hold). Outside /var/lib/grafana, which is a volume
# and would hide anything baked there. Build from the repository root.
FROM grafana/grafana:12.1.1
COPY monitoring/grafana/provisioning/ /etc/grafana/provisioning/
COPY monitoring/grafana/dashboards/ /etc/grafana/dashboards/
# Health check (stack file): wget …/api/health — busybox of the Alpine base.
