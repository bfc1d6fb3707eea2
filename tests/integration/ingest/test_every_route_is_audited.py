"""Every upload attempt leaves an audit event with its request id, accepted or refused; the only
other routes are the probes and metrics, which touch no data."""
import pytest

from tests.support.route_audit import api_routes, audit_events_for, call_every_route

pytestmark = pytest.mark.integration
PUBLIC_WITHOUT_DATA = {"/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


@pytest.mark.parametrize("token", ["device", "unknown", None])
def test_every_ingest_route_but_the_probes_is_audited_for_anyone(client, device, kafka_bootstrap, token):
    routes = [r for r in api_routes(client.app) if r.path not in PUBLIC_WITHOUT_DATA]
    assert {r.path for r in routes} == {"/v1/frames"}
    bearer = {"device": device[1], "unknown": "not-a-token"}.get(token)
    calls = call_every_route(client, routes, {"Authorization": f"Bearer {bearer}"} if bearer else {})
    events = audit_events_for(kafka_bootstrap, set(calls))
    assert sorted(calls) == sorted(events), f"no audit event for: {[calls[r] for r in calls if r not in events]}"
    for event in events.values():
        assert event.action == "frame.upload" and event.outcome in ("denied", "invalid")
        assert event.actor == (device[0] if token == "device" else "anonymous")
