import csv
import io
import json
from datetime import datetime, timedelta, timezone

from alpr_common.events import cases_pb2, decisions_pb2
from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.timeutil import to_timestamp
from services.review.citation_export import as_csv, as_json, citation_rows

T0 = datetime(2026, 2, 1, 10, 0, tzinfo=timezone.utc)


def citation(cid, case_id, at):
    return decisions_pb2.Citation(citation_id=cid, case_id=case_id, plate_text="ABC123", zone_id="z",
                                  kind=cases_pb2.OVERSTAY, officer="lee", issued_at=to_timestamp(at),
                                  violation_at=to_timestamp(at - timedelta(hours=1)),
                                  location=GeoPoint(latitude=45.5, longitude=-73.6), evidence_keys=["a.jpg", "b.jpg"])


def rejected(case_id, at):
    return decisions_pb2.Decision(case_id=case_id, outcome=decisions_pb2.REJECTED, decided_at=to_timestamp(at))


CITATIONS = [citation("c2", "k2", T0 + timedelta(hours=2)), citation("c1", "k1", T0), citation("c0", "k0", T0 - timedelta(days=1))]


def test_citations_since_a_time_in_issue_order_with_a_reversed_one_void():
    rows = citation_rows(CITATIONS, [rejected("k2", T0 + timedelta(hours=3)), rejected("k1", T0 - timedelta(hours=1))], T0)
    assert [(r["citation_id"], r["status"]) for r in rows] == [("c1", "issued"), ("c2", "void")]
    assert rows[0] | {"plate_text": "ABC123", "kind": "OVERSTAY", "issued_at": T0.isoformat(),
                      "evidence_keys": ["a.jpg", "b.jpg"], "latitude": 45.5} == rows[0]


def test_csv_and_json_carry_the_same_citations():
    rows = citation_rows(CITATIONS, [], T0)
    parsed = list(csv.DictReader(io.StringIO(as_csv(rows))))
    assert [r["citation_id"] for r in parsed] == ["c1", "c2"]
    assert parsed[0]["evidence_keys"] == "a.jpg;b.jpg" and parsed[0]["status"] == "issued"
    assert json.loads(as_json(rows)) == {"citations": rows}
