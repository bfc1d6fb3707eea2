"""A motorist's evidence sheet for one citation, as HTML and as PDF, for the notice and for appeals.

Reporting keeps no plate and no photo, so this module only formats what the caller hands it: the
review service (which holds the decrypted case for an authorised officer) calls `evidence_sheet`
or `evidence_pdf` with the citation, its case and the case's photos, in the order of its sightings.
"""
import base64
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from alpr_common.events.cases_pb2 import Case, ViolationKind
from alpr_common.events.decisions_pb2 import Citation
from alpr_common.timeutil import from_timestamp

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Observation:
    captured_at: str
    place: str
    confidence: str
    image: bytes
    content_type: str


@dataclass(frozen=True)
class Sheet:
    citation_id: str
    plate: str
    violation: str
    zone: str
    rule: str
    issued_at: str
    officer: str
    observations: list[Observation]


def sheet(citation: Citation, case: Case, images: list[bytes]) -> Sheet:
    """The sheet's content; images[i] is the photo of case.sightings[i]."""
    if len(images) != len(case.sightings):
        raise ValueError(f"{len(case.sightings)} sightings but {len(images)} photos")
    rule = case.rule_summary or f"limit {case.limit_minutes} min, grace {case.grace_minutes} min"
    return Sheet(citation.citation_id, citation.plate_text or case.plate_text, ViolationKind.Name(case.kind).lower(),
                 case.zone_name or case.zone_id, rule, _time(citation, "issued_at"), citation.officer or "(not recorded)",
                 [_observation(s, image) for s, image in zip(case.sightings, images)])


def _observation(sighting, image: bytes) -> Observation:
    place = f"{sighting.location.latitude:.5f}, {sighting.location.longitude:.5f}" if sighting.HasField("location") else "-"
    return Observation(_time(sighting, "captured_at"), place, f"{100 * sighting.confidence:.0f}%", image, _content_type(image))


def _time(event, field: str) -> str:
    return from_timestamp(getattr(event, field)).strftime("%Y-%m-%d %H:%M:%S UTC") if event.HasField(field) else "-"


def _content_type(image: bytes) -> str:
    return "image/png" if image.startswith(b"\x89PNG") else "image/jpeg"


def evidence_sheet(citation: Citation, case_detail: Case, images: list[bytes]) -> str:
    """The sheet as one self-contained HTML page (photos inline)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["data_uri"] = lambda o: f"data:{o.content_type};base64,{base64.b64encode(o.image).decode()}"
    return env.get_template("evidence_sheet.html").render(s=sheet(citation, case_detail, images))


def evidence_pdf(citation: Citation, case_detail: Case, images: list[bytes]) -> bytes:
    """The same sheet as a PDF (fpdf2: pure Python, no browser or system library)."""
    from fpdf import FPDF

    s = sheet(citation, case_detail, images)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, f"Parking citation {s.citation_id}: evidence", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for label, value in (("Plate", s.plate), ("Violation", s.violation), ("Zone", s.zone), ("Rule", s.rule),
                         ("Issued", s.issued_at), ("Reviewing officer", s.officer)):
        pdf.cell(45, 7, label)
        pdf.multi_cell(0, 7, value, new_x="LMARGIN", new_y="NEXT")
    for n, o in enumerate(s.observations, 1):
        pdf.ln(3)
        pdf.cell(0, 7, f"Photo {n}: {o.captured_at} at {o.place}, read confidence {o.confidence}", new_x="LMARGIN", new_y="NEXT")
        pdf.image(BytesIO(o.image), w=90)
    return bytes(pdf.output())
