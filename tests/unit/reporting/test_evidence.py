import base64
from datetime import datetime, timedelta, timezone
from io import BytesIO

import pytest
from PIL import Image

from alpr_common.events.cases_pb2 import OVERSTAY, Case, Sighting
from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.events.decisions_pb2 import Citation
from services.reporting.evidence import evidence_pdf, evidence_sheet

FIRST = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def photo(colour, fmt):
    out = BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, fmt)
    return out.getvalue()


IMAGES = [photo("red", "JPEG"), photo("blue", "PNG")]
CASE = Case(case_id="c-1", plate_text="ZQX7781", zone_id="z-1", zone_name="Main St 2h", kind=OVERSTAY,
            rule_summary="2 hours, Mon-Sat 08:00-18:00, 5 minutes grace",
            sightings=[Sighting(captured_at=FIRST, location=GeoPoint(latitude=40.01, longitude=-73.99), confidence=0.97),
                       Sighting(captured_at=FIRST + timedelta(hours=2, minutes=30),
                                location=GeoPoint(latitude=40.01, longitude=-73.99), confidence=0.91)])
CITATION = Citation(citation_id="ct-9", case_id="c-1", plate_text="ZQX7781", officer="officer-7",
                    issued_at=FIRST + timedelta(hours=3))


def test_the_sheet_shows_both_photos_times_place_rule_confidence_and_officer():
    html = evidence_sheet(CITATION, CASE, IMAGES)
    for text in ("ct-9", "ZQX7781", "Main St 2h", "2 hours, Mon-Sat 08:00-18:00", "officer-7", "2026-11-20 09:00:00 UTC",
                 "2026-11-20 11:30:00 UTC", "40.01000, -73.99000", "97%", "91%"):
        assert text in html
    assert base64.b64encode(IMAGES[0]).decode() in html and "data:image/png;base64," in html


def test_the_pdf_is_a_pdf_with_both_photos():
    pdf = evidence_pdf(CITATION, CASE, IMAGES)
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Subtype /Image") == 2


def test_a_photo_missing_for_a_sighting_is_refused():
    with pytest.raises(ValueError, match="2 sightings but 1 photos"):
        evidence_sheet(CITATION, CASE, IMAGES[:1])
