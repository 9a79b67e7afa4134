# Alertmanager with monitoring/alertmanager/ baked in: the config is a
# template plus receivers/ (a folder), rendered at start by render-config.sh
# (POSIX sh: runs on the busybox of the base image). Build from the repo root.
ARG ALERTMANAGER_IMAGE=prom/alertmanager:v0.28.1
FROM ${ALERTMANAGER_IMAGE}
COPY monitoring/alertmanager/ /etc/alertmanager/reqstly/
ENTRYPOINT ["/bin/sh", "/etc/alertmanager/reqstly/render-config.sh", "--"]
CMD ["--storage.path=/alertmanager"]
# Health check (stack file): wget …/-/ready — busybox of the base image.
