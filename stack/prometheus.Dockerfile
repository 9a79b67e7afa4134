# syntax=docker/dockerfile:1.7
# Prometheus with the alert and recording rules baked in: rules/ is a
# folder, which a Swarm config cannot hold. prometheus.yml itself stays a
# config (stack file). Build from the repository root.
FROM prom/prometheus:v3.5.0
COPY monitoring/prometheus/rules/ /etc/prometheus/rules/
# Health check (stack file): wget …/-/ready — busybox of the base image.
