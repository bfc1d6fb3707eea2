"""Citations for the city's citation system: read alpr.citations.v1, write CSV or JSON, or POST to a webhook.

A citation whose case later got a REJECTED decision (a supervisor's reversal) is exported as `void`.
Each cited plate is opened from its sealed value (the case key, bound to the citation id); the export is
refused when a citation still in force can no longer be opened (its case key was shredded).
"""
import csv
import io
import json
from datetime import datetime
from typing import Callable

import httpx

from alpr_common.crypto import KeyDestroyed, KeyStore, UnknownKey, from_proto, open_sealed
from alpr_common.events import cases_pb2, decisions_pb2
from alpr_common.timeutil import from_timestamp
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import CITATIONS, DECISIONS

FIELDS = ("citation_id", "case_id", "plate_text", "zone_id", "kind", "officer", "issued_at", "violation_at",
          "latitude", "longitude", "evidence_keys", "status")


class ExportError(Exception):
    pass


class PlatesShredded(ExportError):
    """Citations in force whose plates no longer open: exporting them without a plate would mislead."""

    def __init__(self, problems: dict[str, str]):
        self.citation_ids = sorted(problems)
        super().__init__(
            f"export refused: the plate of {len(problems)} citation(s) can no longer be opened: "
            + "; ".join(f"{cid}: {why}" for cid, why in sorted(problems.items()))
            + ". Their case keys were destroyed under the retention schedule (crypto-shredded) or are not in this "
              "key store (DATABASE_URL); export a later period with --since.")


def plate_opener(keystore: KeyStore) -> Callable[[decisions_pb2.Citation], str]:
    def open_plate(c: decisions_pb2.Citation) -> str:
        if not c.sealed_plate.key_id:
            return c.plate_text  # a citation from before plates were sealed
        return open_sealed(keystore, from_proto(c.sealed_plate), c.citation_id.encode()).decode()
    return open_plate


def citation_row(c: decisions_pb2.Citation, plate_text: str, voided_at: datetime | None = None) -> dict:
    issued = from_timestamp(c.issued_at)
    return {"citation_id": c.citation_id, "case_id": c.case_id, "plate_text": plate_text, "zone_id": c.zone_id,
            "kind": cases_pb2.ViolationKind.Name(c.kind), "officer": c.officer, "issued_at": issued.isoformat(),
            "violation_at": from_timestamp(c.violation_at).isoformat(), "latitude": c.location.latitude,
            "longitude": c.location.longitude, "evidence_keys": list(c.evidence_keys),
            "status": "void" if voided_at and voided_at >= issued else "issued"}


def rejections_by_case(decisions: list[decisions_pb2.Decision]) -> dict[str, datetime]:
    """The latest REJECTED decision of each case: it voids a citation issued before it."""
    latest: dict[str, datetime] = {}
    for d in decisions:
        if d.outcome == decisions_pb2.REJECTED:
            at = from_timestamp(d.decided_at)
            latest[d.case_id] = max(at, latest.get(d.case_id, at))
    return latest


def citation_rows(citations: list[decisions_pb2.Citation], decisions: list[decisions_pb2.Decision], since: datetime,
                  open_plate: Callable[[decisions_pb2.Citation], str]) -> list[dict]:
    """Rows with their plates opened; a void citation whose plate is gone keeps an empty one (PlatesShredded)."""
    voided, rows, problems = rejections_by_case(decisions), [], {}
    for c in (c for c in citations if from_timestamp(c.issued_at) >= since):
        row = citation_row(c, "", voided.get(c.case_id))
        try:
            row["plate_text"] = open_plate(c)
        except (KeyDestroyed, UnknownKey) as exc:
            if row["status"] != "void":
                problems[c.citation_id] = str(exc)
        rows.append(row)
    if problems:
        raise PlatesShredded(problems)
    return sorted(rows, key=lambda r: (r["issued_at"], r["citation_id"]))


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({**r, "evidence_keys": ";".join(r["evidence_keys"])} for r in rows)
    return out.getvalue()


def as_json(rows: list[dict]) -> str:
    return json.dumps({"citations": rows}, indent=2)


def read_citations(bootstrap: str, since: datetime, keystore: KeyStore) -> list[dict]:
    citations = [decisions_pb2.Citation.FromString(m.value()) for m in read_to_end(bootstrap, CITATIONS.name)]
    decisions = [decisions_pb2.Decision.FromString(m.value()) for m in read_to_end(bootstrap, DECISIONS.name)]
    return citation_rows(citations, decisions, since, plate_opener(keystore))


def post_to_webhook(url: str, rows: list[dict], timeout_s: float = 30.0) -> int:
    """POST `{"citations": [...]}`; raises ExportError unless the receiver answers 2xx."""
    try:
        response = httpx.post(url, json={"citations": rows}, timeout=timeout_s)
    except httpx.HTTPError as exc:
        raise ExportError(f"webhook {url} unreachable: {exc}") from None
    if not response.is_success:
        raise ExportError(f"webhook {url} answered {response.status_code}: {response.text[:200]}")
    return response.status_code
