# The OIDC stand-in for Azure AD as a Swarm service (tests/swarm only): the
# same oidc-provider-mock `make run` uses, from the prepared wheels.
ARG PYTHON_IMAGE
FROM ${PYTHON_IMAGE}
RUN python -m venv /opt/venv && /opt/venv/bin/pip install oidc-provider-mock
ENTRYPOINT ["/opt/venv/bin/oidc-provider-mock"]
