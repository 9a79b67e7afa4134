"""The metric names the monitoring engineer relies on, on the metrics port."""

from __future__ import annotations

from tests.authsvc.conftest import LocalAuthsvcFactory


async def test_metrics_are_served_on_their_own_port(local_authsvc: LocalAuthsvcFactory) -> None:
    authsvc = await local_authsvc(active_sessions_refresh_seconds=0.1)
    assert (await authsvc.sign_in()).status_code == 302
    await authsvc.browser.post(f"{authsvc.url}/auth/logout")
    response = await authsvc.browser.client.get(
        f"http://127.0.0.1:{authsvc.settings.metrics_port}/metrics"
    )
    text = response.text
    for line in [
        "# TYPE authsvc_http_request_duration_seconds histogram",
        'authsvc_sign_ins_total{method="azure",result="success"} 1.0',
        'authsvc_sign_ins_total{method="passkey",result="rate_limited"} 0.0',
        "authsvc_sign_outs_total 1.0",
        "# TYPE authsvc_active_sessions gauge",
        'authsvc_active_sessions{method="azure"}',
        "# TYPE authsvc_rate_limited_total counter",
        'authsvc_db_pool_connections{state="size"}',
        'authsvc_db_pool_connections{state="available"}',
        'authsvc_db_pool_connections{state="waiting"}',
        'route="/auth/callback/azure"',
    ]:
        assert line in text, line
    # Not reachable through the app's own port.
    assert (await authsvc.browser.get(f"{authsvc.url}/metrics")).status_code == 404
