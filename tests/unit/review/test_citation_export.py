import csv
import io
import json
import os
from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.crypto import CaseKey, KeyDestroyed, from_proto, open_with, seal, to_proto
from alpr_common.events import cases_pb2, decisions_pb2
from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.timeutil import to_timestamp
from services.review.citation_export import PlatesShredded, as_csv, as_json, citation_rows, plate_opener

T0 = datetime(2026, 2, 1, 10, 0, tzinfo=timezone.utc)
KEYS = {case_id: CaseKey(case_id, os.urandom(32)) for case_id in ("k0", "k1", "k2")}


def citation(cid, case_id, at, plate="ABC123"):
    return decisions_pb2.Citation(citation_id=cid, case_id=case_id, zone_id="z",
                                  sealed_plate=to_proto(seal(KEYS[case_id], plate.encode(), cid.encode())),
                                  kind=cases_pb2.OVERSTAY, officer="lee", issued_at=to_timestamp(at),
                                  violation_at=to_timestamp(at - timedelta(hours=1)),
                                  location=GeoPoint(latitude=45.5, longitude=-73.6), evidence_keys=["a.jpg", "b.jpg"])


def rejected(case_id, at):
    return decisions_pb2.Decision(case_id=case_id, outcome=decisions_pb2.REJECTED, decided_at=to_timestamp(at))


def opener(shredded=()):
    """Opens like the key store would, with some case keys destroyed."""
    def open_plate(c):
        if c.case_id in shredded:
            raise KeyDestroyed(f"case:{c.case_id}")
        return open_with(KEYS[c.case_id], from_proto(c.sealed_plate), c.citation_id.encode()).decode()
    return open_plate


CITATIONS = [citation("c2", "k2", T0 + timedelta(hours=2), "XYZ789"), citation("c1", "k1", T0),
             citation("c0", "k0", T0 - timedelta(days=1))]


def test_citations_since_a_time_in_issue_order_with_a_reversed_one_void_and_plates_opened():
    rows = citation_rows(CITATIONS, [rejected("k2", T0 + timedelta(hours=3)), rejected("k1", T0 - timedelta(hours=1))],
                         T0, opener())
    assert [(r["citation_id"], r["status"], r["plate_text"]) for r in rows] == [("c1", "issued", "ABC123"), ("c2", "void", "XYZ789")]
    assert rows[0] | {"kind": "OVERSTAY", "issued_at": T0.isoformat(), "evidence_keys": ["a.jpg", "b.jpg"],
                      "latitude": 45.5} == rows[0]


def test_an_issued_citation_whose_plate_was_shredded_refuses_the_export_and_is_named():
    with pytest.raises(PlatesShredded, match="export refused.*c1: key case:k1 has been destroyed.*--since") as refused:
        citation_rows(CITATIONS, [], T0, opener(shredded={"k1"}))
    assert refused.value.citation_ids == ["c1"]
    assert [r["citation_id"] for r in citation_rows(CITATIONS, [], T0 + timedelta(hours=1), opener({"k1"}))] == ["c2"]


def test_a_void_citation_whose_plate_was_shredded_is_still_exported_without_it():
    rows = citation_rows(CITATIONS, [rejected("k2", T0 + timedelta(hours=3))], T0, opener(shredded={"k2"}))
    assert [(r["citation_id"], r["status"], r["plate_text"]) for r in rows] == [("c1", "issued", "ABC123"), ("c2", "void", "")]


def test_a_citation_from_before_plates_were_sealed_keeps_its_plate_without_asking_for_a_key():
    old = decisions_pb2.Citation(citation_id="old", case_id="k9", plate_text="OLD111", issued_at=to_timestamp(T0))
    assert citation_rows([old], [], T0, plate_opener(keystore=None))[0]["plate_text"] == "OLD111"


def test_csv_and_json_carry_the_same_citations():
    rows = citation_rows(CITATIONS, [], T0, opener())
    parsed = list(csv.DictReader(io.StringIO(as_csv(rows))))
    assert [r["citation_id"] for r in parsed] == ["c1", "c2"]
    assert parsed[0]["evidence_keys"] == "a.jpg;b.jpg" and parsed[0]["status"] == "issued"
    assert parsed[1]["plate_text"] == "XYZ789"
    assert json.loads(as_json(rows)) == {"citations": rows}
