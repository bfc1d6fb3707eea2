from services.ocr.closer_look import (cut_off_by_box, in_frame, in_window, look_window, on_its_line, read_in_full,
                                      same_plate, worth_a_closer_look)
from services.ocr.detection import detection_side

PLATE = (600, 400, 90, 20)  # x, y, w, h of a small plate's characters in a 1280x720 frame


def test_the_window_reaches_one_and_a_half_plate_heights_beside_the_plate_and_one_above_and_below():
    assert look_window(PLATE, 720, 1280) == (570, 380, 150, 60)


def test_the_window_stops_at_the_frame_edges():
    assert look_window((5, 700, 90, 20), 720, 1280) == (0, 680, 125, 40)
    assert look_window((1200, 2, 80, 20), 720, 1280) == (1170, 0, 110, 42)


def test_a_small_plate_in_a_shrunk_frame_is_looked_at_again():
    first_scale = detection_side(720, 1280) / 1280  # 960 / 1280
    window = look_window(PLATE, 720, 1280)
    assert worth_a_closer_look(window, first_scale)


def test_a_tight_crop_or_a_plate_close_to_the_camera_is_not():
    crop_scale = detection_side(60, 200) / 200  # a 200 px crop is enlarged to 960 px at first
    assert not worth_a_closer_look(look_window((10, 10, 180, 40), 60, 200), crop_scale)
    frame_scale = detection_side(720, 1280) / 1280
    assert not worth_a_closer_look(look_window((300, 300, 400, 110), 720, 1280), frame_scale)
    assert not worth_a_closer_look((0, 0, 0, 0), frame_scale)


def test_a_plate_read_in_full_is_not_looked_at_again():
    assert read_in_full("BSE5579", 0.99)
    assert read_in_full("7ABC1234", 0.9)


def test_a_shorter_or_unsure_reading_is():
    assert not read_in_full("RK755A", 0.999)  # "RK755AJ", its last character left out
    assert not read_in_full("JQS5683", 0.89)


def test_a_box_found_in_the_window_is_moved_to_the_frame():
    assert in_frame((30, 20, 90, 21), (570, 380, 150, 60)) == (600, 400, 90, 21)


def test_the_plate_found_again_is_the_one_overlapping_the_first_most():
    beside, same, tighter = (760, 400, 90, 20), (598, 401, 92, 19), (610, 402, 70, 16)
    assert same_plate(PLATE, [beside, tighter, same]) == 2
    assert same_plate(PLATE, [tighter]) == 0


def test_no_plate_found_again_where_nothing_overlaps_enough():
    assert same_plate(PLATE, []) is None
    assert same_plate(PLATE, [(760, 400, 90, 20), (660, 405, 60, 20)]) is None  # overlaps 0.18


def test_a_box_of_the_frame_is_moved_into_the_window_and_back():
    window = (300, 180, 200, 100)
    assert in_window((345, 210, 90, 30), window) == (45, 30, 90, 30)
    assert in_frame(in_window((345, 210, 90, 30), window), window) == (345, 210, 90, 30)


def test_only_the_text_on_the_plates_line_is_read_again():
    plate = (45, 30, 90, 30)  # rows 30 to 60 of the window
    assert on_its_line((40, 28, 60, 34), plate)       # the registration, found a little taller
    assert on_its_line((110, 32, 30, 26), plate)      # a group of it the first pass left out
    assert not on_its_line((50, 5, 80, 14), plate)    # the state's name above
    assert not on_its_line((50, 64, 80, 12), plate)   # the slogan below


FIRST_BOX = (498, 712, 174, 66)  # "GZG 347" as the first pass boxed it


def test_a_character_the_windows_box_cut_off_keeps_the_first_reading():
    # the window's box ends before the last "7": the window read "GZG34"
    assert cut_off_by_box("GZG347", [0.99] * 6, FIRST_BOX, "GZG34", (498, 712, 160, 66))
    assert cut_off_by_box("LM025BD", [0.98] * 7, FIRST_BOX, "M025BD", (520, 712, 152, 66))


def test_a_character_lost_inside_the_windows_box_was_rejected_by_the_closer_reading():
    assert not cut_off_by_box("GZG347", [0.99] * 6, FIRST_BOX, "GZG34", (495, 712, 180, 66))


def test_an_unsure_character_at_the_edge_is_not_kept():
    # the plate's edge read as an "N" before the registration
    assert not cut_off_by_box("N46914", [0.85, 0.99, 0.99, 0.99, 0.99, 0.99], FIRST_BOX, "46914",
                                 (530, 712, 142, 66))


def test_the_box_must_fall_short_at_the_end_that_lost_characters():
    assert not cut_off_by_box("GZG347", [0.99] * 6, FIRST_BOX, "ZG347", (498, 712, 160, 66))


def test_a_reading_other_than_the_first_less_its_ends_is_the_windows_to_keep():
    assert not cut_off_by_box("GZG347", [0.99] * 6, FIRST_BOX, "GZC34", (498, 712, 160, 66))
    assert not cut_off_by_box("GZG347", [0.99] * 6, FIRST_BOX, "GZG347", (498, 712, 160, 66))


def test_o_and_0_count_as_one_glyph():
    # "KMB0RAK" less its "K" spells its round glyph anew: "MBORAK"
    assert cut_off_by_box("KMB0RAK", [0.95] * 7, FIRST_BOX, "MBORAK", (510, 712, 162, 66))
