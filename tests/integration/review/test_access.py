from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.storage.layout import case_evidence_key
from alpr_common.topics import AUDIT
from services.review.users import disable_user
from tests.integration.review.support import image_of, read_topic


def routes(case_id: str) -> list[tuple[str, str]]:
    return [("GET", "/v1/cases"), ("GET", f"/v1/cases/{case_id}"), ("GET", f"/v1/cases/{case_id}/evidence/0"),
            ("POST", f"/v1/cases/{case_id}/decision")]


def call(review, method: str, path: str, headers: dict):
    return review.client.request(method, path, headers=headers, json={"outcome": "reject", "reason": "other"})


def test_every_data_route_needs_a_valid_token(review, database_url):
    case_id = review.new_case()
    disable_user(database_url, "supervisor")
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic b2ZmaWNlcjp4"},
                    review.auth("supervisor")):
        for method, path in routes(case_id):
            response = call(review, method, path, headers)
            assert response.status_code == 401, (method, path, headers)
            assert response.json()["error"] == "not_authenticated"
            assert response.headers["WWW-Authenticate"] == "Bearer"
    assert review.get(f"/v1/cases/{case_id}", role="officer").json()["status"] == "open"


def test_each_role_may_only_what_it_is_for(review):
    case_id = review.new_case()
    allowed = {"officer": {0, 1, 2}, "auditor": {0, 1}, "vendor": set(), "admin": set()}  # route indexes
    for role, may in allowed.items():
        for i, (method, path) in enumerate(routes(case_id)[:3]):
            response = call(review, method, path, review.auth(role))
            assert response.status_code == (200 if i in may else 403), (role, path)
            if i not in may:
                assert response.json()["error"] == "forbidden" and role in response.json()["detail"]
    for role in ("auditor", "vendor", "admin"):
        assert call(review, *routes(case_id)[3], review.auth(role)).status_code == 403
    assert review.get(f"/v1/cases/{case_id}").json()["status"] == "open"


def test_unknown_cases_and_sightings_are_404(review):
    case_id = review.new_case(sightings=2)
    for method, path in routes("no-such-case")[1:]:
        response = call(review, method, path, review.auth("officer"))
        assert response.status_code == 404
        assert response.json() == {"error": "case_not_found", "detail": "no case 'no-such-case'"}
    missing = review.get(f"/v1/cases/{case_id}/evidence/2")
    assert (missing.status_code, missing.json()["error"]) == (404, "evidence_not_found")
    bad_status = review.get("/v1/cases?status=closed")
    assert (bad_status.status_code, bad_status.json()["error"]) == (422, "invalid_request")
    assert "query.status" in bad_status.json()["detail"]


def test_evidence_destroyed_by_retention_is_410_and_the_rest_still_serves(review):
    case_id = review.new_case(sightings=2)
    review.store.delete(case_evidence_key(case_id, f"{case_id}-0"))  # review's sealed copy
    gone = review.get(f"/v1/cases/{case_id}/evidence/0")
    assert gone.status_code == 410
    assert gone.json()["error"] == "evidence_destroyed" and "retention" in gone.json()["detail"]
    kept = review.get(f"/v1/cases/{case_id}/evidence/1")
    assert kept.status_code == 200
    assert kept.headers["content-type"] == "image/png" and kept.headers["Cache-Control"] == "no-store, private"
    assert kept.content == image_of(f"frames/dev-1/{case_id}-1.png")  # opened from the sealed copy


def test_allowed_and_denied_requests_are_audited_with_their_request_id(review):
    case_id = review.new_case()
    requests = {
        "listed": review.get("/v1/cases"),
        "anonymous": review.get(f"/v1/cases/{case_id}", role=None),
        "vendor": review.get(f"/v1/cases/{case_id}", role="vendor"),
        "evidence": review.get(f"/v1/cases/{case_id}/evidence/0", role="supervisor"),
        "unknown": review.get("/v1/cases/no-such-case", role="auditor"),
        "decided": review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "reject", "reason": "moved"}),
    }
    ids = {name: r.headers["X-Request-Id"] for name, r in requests.items()}
    events = read_topic(review.bootstrap, AUDIT.name, AuditEvent, lambda e: e.request_id in ids.values(), want=len(ids))
    by_request = {e.request_id: (e.actor, e.role, e.action, e.resource, e.outcome) for e in events}
    assert by_request == {
        ids["listed"]: ("officer", "officer", "case.list", "cases", "allowed"),
        ids["anonymous"]: ("anonymous", "", "case.view", case_id, "denied"),
        ids["vendor"]: ("vendor", "vendor", "case.view", case_id, "denied"),
        ids["evidence"]: ("supervisor", "supervisor", "evidence.view", case_id, "allowed"),
        ids["unknown"]: ("auditor", "auditor", "case.view", "no-such-case", "not_found"),
        ids["decided"]: ("officer", "officer", "case.decide", case_id, "allowed"),
    }
    evidence = next(e for e in events if e.request_id == ids["evidence"])
    assert dict(evidence.details) == {"n": "0", "status": "200"}
    assert len({e.writer_id for e in events}) == 1
    first = min(e.sequence for e in events)
    assert sorted(e.sequence for e in events) == list(range(first, first + len(ids)))  # one gapless chain
