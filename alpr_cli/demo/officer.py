"""The scripted officer: opens every case's evidence, confirms the real ones, rejects the rest."""
from dataclasses import dataclass, field

import httpx


@dataclass(frozen=True, order=True)
class CaseKey:
    plate: str
    zone_id: str
    kind: str


@dataclass
class ReviewTally:
    confirmed: int = 0
    rejected: int = 0
    citations: int = 0
    cited_case_ids: list[str] = field(default_factory=list)


class ReviewClient:
    def __init__(self, base_url: str, token: str):
        self.http = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30)

    def open_cases(self) -> list[dict]:
        response = self.http.get("/v1/cases", params={"status": "open"})
        response.raise_for_status()
        return response.json()["cases"]

    def look_at_evidence(self, case_id: str) -> None:
        detail = self.http.get(f"/v1/cases/{case_id}")
        detail.raise_for_status()
        for sighting in detail.json()["sightings"]:
            self.http.get(f"/v1/cases/{case_id}/evidence/{sighting['n']}").raise_for_status()

    def evidence_readable(self, case_id: str) -> bool:
        """The officer still sees the plate and every photo of the case (after its epoch was shredded)."""
        detail = self.http.get(f"/v1/cases/{case_id}")
        if detail.status_code != 200 or not detail.json()["plate_text"]:
            return False
        photos = [self.http.get(f"/v1/cases/{case_id}/evidence/{s['n']}") for s in detail.json()["sightings"]]
        return all(p.status_code == 200 and p.content[:2] in (b"\xff\xd8", b"\x89P") for p in photos)

    def decide(self, case_id: str, outcome: str, reason: str | None = None) -> dict:
        body = {"outcome": outcome, **({"reason": reason} if reason else {})}
        response = self.http.post(f"/v1/cases/{case_id}/decision", json=body)
        response.raise_for_status()
        return response.json()


def case_key(case: dict) -> CaseKey:
    return CaseKey(case["plate_text"], case["zone_id"], case["kind"])


def review_all(client: ReviewClient, expected: set[CaseKey], reject_one_as: str = "valid_permit") -> ReviewTally:
    """Confirm expected cases except one (rejected as if the officer saw a permit on the dashboard);
    reject unexpected ones as misreads."""
    tally = ReviewTally()
    cases = sorted(client.open_cases(), key=lambda c: c["plate_text"])
    spared = next((c["case_id"] for c in cases if case_key(c) in expected), None)
    for case in cases:
        client.look_at_evidence(case["case_id"])
        if case_key(case) not in expected:
            client.decide(case["case_id"], "reject", "misread")
            tally.rejected += 1
        elif case["case_id"] == spared:
            client.decide(case["case_id"], "reject", reject_one_as)
            tally.rejected += 1
        else:
            result = client.decide(case["case_id"], "confirm")
            tally.confirmed += 1
            if result.get("citation_id"):
                tally.citations += 1
                tally.cited_case_ids.append(case["case_id"])
    return tally
