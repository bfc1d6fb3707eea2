"""A motorist's evidence sheet for one citation, as HTML and as PDF, for the notice and for appeals:
both photos, times, place, the zone's rule, the read's confidence and the reviewing officer's id."""
import base64
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from services.review.domain import CaseNotCited, image_type
from services.review.models import Case, Plates, Sighting

TEMPLATES = Path(__file__).resolve().parent / "templates"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S UTC"


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


def sheet(case: Case, plates: Plates, images: list[bytes]) -> Sheet:
    """The sheet's content for a cited case, from its opened plates; images[i] is the photo of case.sightings[i]."""
    check_cited(case)
    decision = case.decision
    if len(images) != len(case.sightings):
        raise ValueError(f"{len(case.sightings)} sightings but {len(images)} photos")
    rule = case.rule_summary or f"limit {case.limit_minutes} min, grace {case.grace_minutes} min"
    return Sheet(decision.citation_id, plates.corrected or plates.case, case.kind.lower(),
                 case.zone_name or case.zone_id, rule, decision.decided_at.strftime(TIME_FORMAT), decision.officer,
                 [_observation(s, image) for s, image in zip(case.sightings, images)])


def check_cited(case: Case) -> None:
    if case.decision is None or not case.decision.citation_id:
        raise CaseNotCited(f"case {case.case_id!r} has no citation, so it has no evidence sheet")


def _observation(sighting: Sighting, image: bytes) -> Observation:
    return Observation(sighting.captured_at.strftime(TIME_FORMAT), f"{sighting.latitude:.5f}, {sighting.longitude:.5f}",
                       f"{100 * sighting.confidence:.0f}%", image, image_type(image))


def render_html(s: Sheet) -> str:
    """One self-contained HTML page (photos inline), printable."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["data_uri"] = lambda o: f"data:{o.content_type};base64,{base64.b64encode(o.image).decode()}"
    return env.get_template("evidence_sheet.html").render(s=s)


def render_pdf(s: Sheet) -> bytes:
    """The same sheet as a PDF (fpdf2: pure Python, no browser or system library)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, f"Parking citation {s.citation_id}: evidence", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for label, value in (("Plate", s.plate), ("Violation", s.violation), ("Zone", s.zone), ("Rule", s.rule),
                         ("Issued", s.issued_at), ("Reviewing officer", s.officer)):
        pdf.cell(45, 7, label)
        pdf.multi_cell(0, 7, _latin1(value), new_x="LMARGIN", new_y="NEXT")
    for n, o in enumerate(s.observations, 1):
        pdf.ln(3)
        pdf.cell(0, 7, _latin1(f"Photo {n}: {o.captured_at} at {o.place}, read confidence {o.confidence}"),
                 new_x="LMARGIN", new_y="NEXT")
        pdf.image(BytesIO(o.image), w=90)
    return bytes(pdf.output())


def _latin1(text: str) -> str:
    """The PDF's built-in fonts cover Latin-1 only: dashes become '-', anything else '?'."""
    return text.replace("\u2013", "-").replace("\u2014", "-").encode("latin-1", "replace").decode("latin-1")
