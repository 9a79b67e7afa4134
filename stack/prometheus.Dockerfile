# Prometheus with the alert and recording rules baked in: rules/ is a
# folder, which a Swarm config cannot hold. prometheus.yml itself stays a
# config (stack file). Build from the repository root.
ARG PROMETHEUS_IMAGE=prom/prometheus:v3.5.0
FROM ${PROMETHEUS_IMAGE}
COPY monitoring/prometheus/rules/ /etc/prometheus/rules/
# Health check (stack file): wget …/-/ready — busybox of the base image.
