from dataclasses import replace
from datetime import datetime, timedelta, timezone
from io import BytesIO

import pytest
from PIL import Image

from services.review.domain import CaseNotCited
from services.review.evidence_sheet import render_html, render_pdf, sheet
from services.review.models import Case, DecisionRecord, Plates, Sighting

FIRST = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def photo(colour, fmt):
    out = BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, fmt)
    return out.getvalue()


def sighting(n, at, confidence):
    return Sighting(n, f"r{n}", f"f{n}", f"frames/d/f{n}.jpg", at, 40.01, -73.99, confidence, (1, 2, 3, 4), None)


IMAGES = [photo("red", "JPEG"), photo("blue", "PNG")]
PLATES = Plates("ZQX7781", {0: "ZQX7781", 1: "ZQX7781"})
CITED = Case("c-1", "z-1", "Main St 2h", "OVERSTAY", "2 hours, Mon-Sat 08:00-18:00, 5 minutes grace", 120, 5,
             FIRST, (sighting(0, FIRST, 0.97), sighting(1, FIRST + timedelta(hours=2, minutes=30), 0.91)),
             status="confirmed", decision=DecisionRecord("d-1", "confirm", "officer-7", FIRST + timedelta(hours=3),
                                                         citation_id="ct-9"))


def test_the_sheet_shows_both_photos_times_place_rule_confidence_and_officer():
    html = render_html(sheet(CITED, PLATES, IMAGES))
    for text in ("ct-9", "ZQX7781", "Main St 2h", "2 hours, Mon-Sat 08:00-18:00", "officer-7", "2026-11-20 09:00:00 UTC",
                 "2026-11-20 11:30:00 UTC", "40.01000, -73.99000", "97%", "91%", "data:image/png;base64,"):
        assert text in html


def test_a_corrected_plate_is_the_plate_on_the_sheet():
    assert sheet(CITED, replace(PLATES, corrected="ZQX7784"), IMAGES).plate == "ZQX7784"


def test_the_pdf_is_a_pdf_with_both_photos():
    pdf = render_pdf(sheet(CITED, PLATES, IMAGES))
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Subtype /Image") == 2


def test_a_case_without_citation_has_no_sheet():
    with pytest.raises(CaseNotCited, match="has no citation"):
        sheet(replace(CITED, status="open", decision=None), PLATES, IMAGES)


def test_a_photo_missing_for_a_sighting_is_refused():
    with pytest.raises(ValueError, match="2 sightings but 1 photos"):
        sheet(CITED, PLATES, IMAGES[:1])


def test_the_pdf_survives_text_outside_its_fonts():
    dashed = replace(CITED, rule_summary="2 h limit \u2013 Mon\u2013Sat 08:00\u201318:00 \u2603")
    assert render_pdf(sheet(dashed, PLATES, IMAGES)).startswith(b"%PDF-")
