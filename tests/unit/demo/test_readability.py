"""The demo's plates can be read by an off-the-shelf OCR (RapidOCR): a few seconds, six plates."""
import pytest

pytest.importorskip("rapidocr_onnxruntime")

from alpr_cli.demo.readability import read_rate  # noqa: E402


@pytest.mark.timeout(120)
def test_rendered_plates_are_read_exactly():
    rate, misses = read_rate(6, seed=3)
    assert rate >= 5 / 6, misses
