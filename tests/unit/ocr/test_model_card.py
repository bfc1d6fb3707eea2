"""The model card names the exact files the OCR service loads: same checksums, same version string."""
import hashlib
import re
from pathlib import Path

from services.ocr.models import locate_models

CARD = Path(__file__).resolve().parents[3] / "services" / "ocr" / "MODEL_CARD.md"


def card_checksums() -> dict[str, str]:
    return dict(re.findall(r"\| `([\w.-]+\.onnx)` \|[^|]*\|[^|]*\| `([0-9a-f]{64})` \|", CARD.read_text()))


def test_the_card_lists_the_checksum_of_every_model_file_the_service_loads():
    files = locate_models()
    expected = card_checksums()
    assert set(expected) == {path.name for path in files.all}
    for path in files.all:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == expected[path.name], path.name


def test_the_card_states_the_version_string_reads_carry():
    assert f"**`{locate_models().version}`**" in CARD.read_text()
