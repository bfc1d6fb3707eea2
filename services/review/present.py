"""The JSON shapes of the API, built from the domain's types and the plates opened for the request."""
from dataclasses import asdict
from datetime import datetime, timezone

from services.review.models import Case, CaseSummary, DecisionRecord, Plates, ReversalRecord, Sighting
from services.review.sharing_rules import SharingRequest


def iso(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat()


def case_summary(case: CaseSummary, plate_text: str | None) -> dict:
    """plate_text is None once the case can no longer be read (expired, or its key shredded)."""
    return {"case_id": case.case_id, "plate_text": plate_text, "zone_id": case.zone_id,
            "zone_name": case.zone_name, "kind": case.kind, "opened_at": iso(case.opened_at),
            "status": case.status, "sighting_count": case.sighting_count, "assigned_to": case.assigned_to,
            "expired_reason": case.expired_reason}


def sighting(case_id: str, s: Sighting, plate_text: str) -> dict:
    return {"n": s.n, "frame_id": s.frame_id, "captured_at": iso(s.captured_at), "latitude": s.latitude,
            "longitude": s.longitude, "plate_text": plate_text, "confidence": round(s.confidence, 4),
            "box": list(s.box), "evidence_url": f"/v1/cases/{case_id}/evidence/{s.n}"}


def decision(d: DecisionRecord, corrected_plate: str | None) -> dict:
    return {"decision_id": d.decision_id, "outcome": d.outcome, "officer": d.officer,
            "decided_at": iso(d.decided_at), "reason": d.reason, "corrected_plate": corrected_plate,
            "note": d.note, "citation_id": d.citation_id}


def case_detail(case: Case, plates: Plates) -> dict:
    return {"case_id": case.case_id, "plate_text": plates.case, "zone_id": case.zone_id,
            "zone_name": case.zone_name, "kind": case.kind, "rule_summary": case.rule_summary,
            "limit_minutes": case.limit_minutes, "grace_minutes": case.grace_minutes,
            "opened_at": iso(case.opened_at), "status": case.status,
            "sightings": [sighting(case.case_id, s, plates.by_sighting[s.n]) for s in case.sightings],
            "decision": decision(case.decision, plates.corrected) if case.decision else None,
            "assigned_to": case.assigned_to, "reversal": reversal(case.reversal) if case.reversal else None}


def decision_result(case_id: str, status: str, d: DecisionRecord) -> dict:
    result = {"case_id": case_id, "status": status}
    return result | ({"citation_id": d.citation_id} if d.citation_id else {})


def reversal(r: ReversalRecord) -> dict:
    return {"decision_id": r.decision_id, "reverses": r.reverses, "outcome": r.outcome, "reason": r.reason,
            "supervisor": r.supervisor, "reversed_at": iso(r.reversed_at), "citation_id": r.citation_id}


def reversal_result(case_id: str, status: str, r: ReversalRecord) -> dict:
    result = {"case_id": case_id, "status": status, "decision_id": r.decision_id}
    return result | ({"citation_id": r.citation_id} if r.citation_id else {})


def officer_decision(row: dict, corrected_plate: str | None) -> dict:
    return {k: (iso(v) if isinstance(v, datetime) else v) for k, v in row.items()} | {"corrected_plate": corrected_plate}


def sharing_request(r: SharingRequest) -> dict:
    return {k: (iso(v) if isinstance(v, datetime) else list(v) if isinstance(v, tuple) else v)
            for k, v in asdict(r).items()}


def sharing_bundle(r: SharingRequest, cases: list[tuple[Case, Plates]]) -> dict:
    """What leaves the city: the request, the cases still retained (plates opened), and which were not."""
    return {"sharing_request": sharing_request(r), "cases": [case_detail(c, plates) for c, plates in cases],
            "unavailable": [{"case_id": c, "reason": "destroyed or crypto-shredded under the retention schedule, or no longer held"}
                            for c in r.unavailable_case_ids]}
