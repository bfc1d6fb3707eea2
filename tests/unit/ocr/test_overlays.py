import pytest

from services.ocr.overlays import is_date_or_time
from services.ocr.plate_text import as_plate


@pytest.mark.parametrize("stamp", ["2026-12-02 13:45:12", "13:45:12", "13:45", "1:45 PM", "01:45:12 p.m.",
                                   "02.12.2026", "12/02/2026", "12/02/26", "2026/12/02", "12-02-2026, 13:45",
                                   " 2026-12-02 ", "２０２６-１２-０２"])
def test_dates_and_times_a_camera_stamps_are_recognised(stamp):
    assert is_date_or_time(stamp)
    assert as_plate(stamp, [0.99] * len(stamp)) is None


@pytest.mark.parametrize("plate", ["ABC-1234", "12-34", "123-456", "7FDMS6", "134512", "1234.56", "M-AB 1234",
                                   "B 33333", "02122026", "12.34"])
def test_plates_with_dashes_dots_or_many_digits_are_no_date_or_time(plate):
    assert not is_date_or_time(plate)
