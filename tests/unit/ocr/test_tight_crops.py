import pytest

from services.ocr.tight_crops import is_tight_crop


@pytest.mark.parametrize("height, width, tight", [(156, 320, True), (77, 156, True), (320, 200, True),
                                                  (166, 321, False), (720, 1280, False)])
def test_an_image_of_at_most_320_px_is_a_tight_crop(height, width, tight):
    assert is_tight_crop(height, width) is tight
