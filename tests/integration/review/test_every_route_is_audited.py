"""Every route of the review service that can touch data leaves an audit event, whoever calls it and
whatever the answer; the only routes exempt are the public ones listed here, which touch no data."""
import pytest

from services.review.middleware import PUBLIC
from tests.support.route_audit import api_routes, audit_events_for, call_every_route

pytestmark = pytest.mark.integration
PUBLIC_WITHOUT_DATA = {"/healthz", "/readyz", "/metrics", "/signin", "/signout",
                       "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def data_routes(app):
    return [r for r in api_routes(app) if PUBLIC not in r.tags and r.path not in PUBLIC_WITHOUT_DATA]


def test_only_the_listed_public_routes_go_unaudited(review):
    unaudited = {r.path for r in api_routes(review.client.app) if PUBLIC in r.tags or not r.tags}
    assert unaudited <= PUBLIC_WITHOUT_DATA
    assert len(data_routes(review.client.app)) >= 15


@pytest.mark.parametrize("role", ["officer", "vendor", None])
def test_every_data_route_called_by_anyone_leaves_an_audit_event_with_its_request_id(review, role):
    calls = call_every_route(review.client, data_routes(review.client.app), review.auth(role))
    events = audit_events_for(review.bootstrap, set(calls))
    missing = [calls[rid][0] for rid in calls if rid not in events]
    assert missing == [], f"no audit event for: {missing}"
    for request_id, (what, action) in calls.items():
        event = events[request_id]
        assert event.action == action and event.outcome and event.HasField("at") and event.purpose, what
        signing_in = action == "session.create"  # sign-in reads a name and password, never the bearer token
        assert event.actor == ("anonymous" if signing_in or role is None else role), what
        assert event.actor_kind == ("vendor" if role == "vendor" and not signing_in else "person"), what
