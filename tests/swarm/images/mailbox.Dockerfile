# The stand-in for the SMTP relay as a Swarm service (tests/swarm only): the
# same aiosmtpd mailbox `make run` uses (scripts/devstack/mailbox.py, mounted
# read-only by the drill's override), from the prepared wheels.
ARG PYTHON_IMAGE
FROM ${PYTHON_IMAGE}
RUN python -m venv /opt/venv && /opt/venv/bin/pip install aiosmtpd
ENV PYTHONPATH=/opt/scripts
ENTRYPOINT ["/opt/venv/bin/python", "-m", "devstack.mailbox"]
