import cv2
import numpy as np
import psycopg
from fastapi.testclient import TestClient

from alpr_common.crypto import from_proto, open_sealed
from alpr_common.events import decisions_pb2
from alpr_common.timeutil import from_timestamp
from alpr_common.topics import CITATIONS, DECISIONS
from services.review.app import create_app
from tests.integration.review.conftest import review_settings
from tests.support.components import free_port
from tests.integration.review.support import NOW, all_of_topic, read_topic


def opened(review, sealed, bound_to: str) -> str:
    return open_sealed(review.keystore, from_proto(sealed), bound_to.encode()).decode()


def test_a_confirmation_publishes_a_decision_and_a_citation_with_the_plates_sealed(review):
    case_id = review.new_case(plate="ABC123", sightings=2)
    assert review.get(f"/v1/cases/{case_id}/evidence/1").status_code == 200

    response = review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm", "corrected_plate": "abc128"})
    assert response.status_code == 200
    body = response.json()
    assert body["case_id"] == case_id and body["status"] == "confirmed"

    (decision,) = read_topic(review.bootstrap, DECISIONS.name, decisions_pb2.Decision, lambda d: d.case_id == case_id)
    assert (decision.outcome, decision.corrected_plate, decision.officer) == (decisions_pb2.CONFIRMED, "", "officer")
    assert opened(review, decision.sealed_corrected_plate, decision.decision_id) == "ABC128"
    assert from_timestamp(decision.decided_at) == NOW  # the service clock, not the wall clock
    (citation,) = read_topic(review.bootstrap, CITATIONS.name, decisions_pb2.Citation, lambda c: c.case_id == case_id)
    assert citation.citation_id == body["citation_id"]
    assert (citation.plate_text, citation.zone_id, citation.officer) == ("", "z-elm", "officer")
    assert citation.sealed_plate.key_id == f"case:{case_id}"
    assert opened(review, citation.sealed_plate, citation.citation_id) == "ABC128"
    assert b"ABC12" not in decision.SerializeToString() + citation.SerializeToString()
    assert from_timestamp(citation.violation_at) == NOW  # the later of the two sightings
    assert (citation.location.latitude, citation.location.longitude) == (45.501, -73.6)
    assert list(citation.evidence_keys) == [f"cases/{case_id}/{case_id}-0", f"cases/{case_id}/{case_id}-1"]

    case = review.get(f"/v1/cases/{case_id}").json()
    assert case["status"] == "confirmed"
    assert case["decision"] | {"outcome": "confirm", "officer": "officer", "corrected_plate": "ABC128",
                               "citation_id": body["citation_id"], "decided_at": NOW.isoformat()} == case["decision"]
    assert case_id in [c["case_id"] for c in review.get("/v1/cases?status=confirmed", role="auditor").json()["cases"]]


def test_a_rejection_publishes_a_decision_and_no_citation(review):
    case_id = review.new_case()
    response = review.post(f"/v1/cases/{case_id}/decision", role="supervisor",
                           json={"outcome": "reject", "reason": "valid_permit", "note": "permit on dashboard"})
    assert response.json() == {"case_id": case_id, "status": "rejected"}

    (decision,) = read_topic(review.bootstrap, DECISIONS.name, decisions_pb2.Decision, lambda d: d.case_id == case_id)
    assert (decision.outcome, decision.reason, decision.officer) == (decisions_pb2.REJECTED, "valid_permit", "supervisor")
    assert all_of_topic(review.bootstrap, CITATIONS.name, decisions_pb2.Citation, lambda c: c.case_id == case_id) == []
    case = review.get(f"/v1/cases/{case_id}").json()
    assert (case["status"], case["decision"]["reason"], case["decision"]["note"]) == ("rejected", "valid_permit", "permit on dashboard")
    assert case_id not in [c["case_id"] for c in review.get("/v1/cases?limit=500").json()["cases"]]


def test_a_case_is_decided_once(review):
    case_id = review.new_case()
    first = review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "reject", "reason": "moved"})
    assert first.status_code == 200
    second = review.post(f"/v1/cases/{case_id}/decision", role="supervisor", json={"outcome": "reject", "reason": "other"})
    assert second.status_code == 409
    assert second.json() == {"error": "case_already_decided", "detail": "this case is already rejected; only open cases can be decided"}
    decisions = all_of_topic(review.bootstrap, DECISIONS.name, decisions_pb2.Decision, lambda d: d.case_id == case_id)
    assert [d.reason for d in decisions] == ["moved"]


def test_no_one_confirms_without_having_opened_the_evidence(review):
    case_id = review.new_case()
    assert review.get(f"/v1/cases/{case_id}/evidence/0", role="supervisor").status_code == 200  # someone else looked

    refused = review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm"})
    assert refused.status_code == 409
    assert refused.json()["error"] == "evidence_not_viewed"
    assert "open at least one evidence image" in refused.json()["detail"]
    assert review.get(f"/v1/cases/{case_id}").json()["status"] == "open"

    assert review.get(f"/v1/cases/{case_id}/evidence/0").status_code == 200
    assert review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm"}).json()["status"] == "confirmed"


def test_invalid_decisions_are_refused_with_the_reason(review):
    case_id = review.new_case()
    review.get(f"/v1/cases/{case_id}/evidence/0")
    cases = {
        "no reason": ({"outcome": "reject"}, "invalid_decision", "needs a reason"),
        "unknown reason": ({"outcome": "reject", "reason": "felt like it"}, "invalid_decision", "needs a reason"),
        "bad plate": ({"outcome": "confirm", "corrected_plate": "AB-12"}, "invalid_decision", "2 to 8 letters"),
        "long plate": ({"outcome": "confirm", "corrected_plate": "ABCDE12345"}, "invalid_decision", "2 to 8 letters"),
        "bad outcome": ({"outcome": "approve"}, "invalid_request", "body.outcome"),
        "no body": (None, "invalid_request", "body"),
    }
    for name, (body, error, detail) in cases.items():
        response = review.post(f"/v1/cases/{case_id}/decision", json=body)
        assert response.status_code == 422, name
        assert response.json()["error"] == error, name
        assert detail in response.json()["detail"], name
    assert review.get(f"/v1/cases/{case_id}").json()["status"] == "open"


def test_when_the_broker_does_not_acknowledge_the_case_stays_open(review, database_url, tmp_path):
    case_id = review.new_case()
    down = review_settings(database_url, f"127.0.0.1:{free_port()}", tmp_path / "down", consume=False)
    with TestClient(create_app(down)) as client:
        response = client.post(f"/v1/cases/{case_id}/decision", headers=review.auth("officer"),
                               json={"outcome": "reject", "reason": "moved"})
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert response.json()["error"] == "broker_unavailable"
    assert review.get(f"/v1/cases/{case_id}").json()["status"] == "open"
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM review.decisions WHERE case_id = %s", (case_id,)).fetchone()[0] == 0


def test_a_cited_case_has_an_evidence_sheet_in_html_and_pdf(review):
    photos = tuple(cv2.imencode(".png", np.full((48, 64, 3), 90 * n, np.uint8))[1].tobytes() for n in range(2))
    case_id = review.new_case(plate="ABC123", sightings=2, photos=photos)  # real photos this time: the PDF decodes them
    assert review.get(f"/v1/cases/{case_id}/evidence-sheet").json()["error"] == "case_not_cited"
    review.get(f"/v1/cases/{case_id}/evidence/0")
    citation_id = review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm"}).json()["citation_id"]

    html = review.get(f"/v1/cases/{case_id}/evidence-sheet")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert citation_id in html.text and "ABC123" in html.text and html.text.count("data:image/") == 2
    pdf = review.get(f"/v1/cases/{case_id}/evidence-sheet?format=pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert review.get(f"/v1/cases/{case_id}/evidence-sheet", role="vendor").status_code == 403
