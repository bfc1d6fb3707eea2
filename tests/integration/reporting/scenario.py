"""A year of events in two census tracts, with unique ids and a year no other test uses."""
import json
import random
import uuid
from datetime import datetime, timedelta, timezone

from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.cases_pb2 import OVERSTAY, Case, Sighting
from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.events.decisions_pb2 import CONFIRMED, REJECTED, Citation, Decision
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.topics import AUDIT, CASES, CITATIONS, DECISIONS, READS, RETENTION

IN_A = GeoPoint(latitude=40.01, longitude=-73.99)
IN_B = GeoPoint(latitude=40.01, longitude=-73.89)
NOWHERE = GeoPoint(latitude=45.0, longitude=-70.0)
PLATES = ("ZQX7781", "KLM4402", "PRV9917")


def tracts_file(path):
    def square(tract_id, name, west):
        ring = [[west, 40.0], [west + 0.05, 40.0], [west + 0.05, 40.05], [west, 40.05], [west, 40.0]]
        return {"type": "Feature", "id": tract_id, "properties": {"name": name},
                "geometry": {"type": "Polygon", "coordinates": [ring]}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        square("36061000100", "Tract One", -74.0), square("36061000200", "Tract Two", -73.9)]}))
    return path


class YearOfEvents:
    def __init__(self):
        self.year = random.randint(2300, 2900)
        self.u = uuid.uuid4().hex[:8]
        self.ids: list[str] = []

    def at(self, month, day=1, hour=12):
        return datetime(self.year, month, day, hour, tzinfo=timezone.utc)

    def id(self, kind):
        self.ids.append(f"{kind}-{self.u}-{len(self.ids)}")
        return self.ids[-1]

    def read(self, where, at):
        return READS.name, PLATES[0], PlateRead(read_id=self.id("read"), plate_text=PLATES[0], location=where, captured_at=at)

    def events(self):
        out = [self.read(IN_A, self.at(3)), self.read(IN_A, self.at(4)), self.read(IN_A, self.at(5)),
               self.read(IN_B, self.at(6)), self.read(NOWHERE, self.at(7)),
               self.read(IN_A, self.at(1, 1, 0) - timedelta(seconds=1)),  # the year before
               self.read(IN_A, self.at(12, 31, 23) + timedelta(hours=1))]  # the year after
        cases = [(IN_A, CONFIRMED, ""), (IN_A, REJECTED, "misread"), (IN_B, REJECTED, "misread"), (IN_B, REJECTED, "moved")]
        for n, (where, outcome, reason) in enumerate(cases):
            case_id = self.id("case")
            sighting = Sighting(frame_id="f", object_key="k", captured_at=self.at(8, n + 1), location=where, plate_text=PLATES[1])
            out.append((CASES.name, case_id, Case(case_id=case_id, plate_text=PLATES[1], zone_id=f"zone-{self.u}",
                                                  kind=OVERSTAY, opened_at=self.at(8, n + 1), sightings=[sighting])))
            out.append((DECISIONS.name, case_id, Decision(decision_id=self.id("decision"), case_id=case_id, outcome=outcome,
                                                          reason=reason, corrected_plate=PLATES[2], decided_at=self.at(9, n + 1),
                                                          zone_id=f"zone-{self.u}", kind=OVERSTAY)))
            if outcome == CONFIRMED:
                out.append((CITATIONS.name, case_id, Citation(citation_id=self.id("citation"), case_id=case_id, plate_text=PLATES[1],
                                                              violation_at=self.at(8, n + 1), issued_at=self.at(9, n + 1),
                                                              location=where, zone_id=f"zone-{self.u}")))
        lived = (timedelta(hours=24, minutes=2), timedelta(hours=30), timedelta(days=4))  # the second is overdue
        for rule, age in zip(("non_violation_frames", "non_violation_frames", "rejected_case_evidence"), lived):
            out.append((RETENTION.name, "k", RetentionRecord(record_id=self.id("record"), item_kind="frame_image", item_id="k",
                                                             rule=rule, destroyed_at=self.at(10), item_time=self.at(10) - age)))
        for actor, role, outcome in (("officer-jane", "officer", "allowed"), ("officer-jane", "officer", "allowed"),
                                     ("officer-ravi", "officer", "denied"), ("anonymous", "", "denied")):
            out.append((AUDIT.name, "w", AuditEvent(event_id=self.id("audit"), writer_id="w", at=self.at(11), actor=actor,
                                                    actor_kind="person", role=role, action="get_case", outcome=outcome)))
        return out
