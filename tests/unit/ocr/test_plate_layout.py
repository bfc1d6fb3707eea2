from services.ocr.plate_layout import (BELOW, LEADING, LINE_SIZE, MAX_GAP, PLATE_BORDER, UNDER, as_wide_as_its_plate,
                                       far_below, in_a_paragraph, next_line_of, on_the_plate_of, plate_box,
                                       registration_texts, registrations_of_one_plate, same_line, text_lines,
                                       words_kept)

REGISTRATION = (60, 50, 200, 60)  # x, y, w, h of a plate's characters


def test_a_sticker_or_a_year_on_the_plate_gives_way_to_the_registration():
    sticker, year, slogan = (10, 10, 30, 20), (250, 120, 60, 18), (90, 115, 140, 16)
    assert registration_texts([sticker, REGISTRATION, year, slogan], [2, 7, 2, 14]) == [False, True, False, False]


def test_a_row_of_shapes_read_as_a_few_characters_is_no_plate_for_the_registration_below_it():
    windows = (61, 45, 741, 193)  # a building's windows behind a car, read as "VH" (the demo's drive)
    registration = (472, 337, 157, 62)  # "DTP749" on the car's plate below them
    assert on_the_plate_of(registration, windows) and windows[3] >= 1.5 * registration[3]
    assert registration_texts([windows, registration], [2, 6]) == [True, True]
    assert registration_texts([windows, registration], [7, 6]) == [True, False]  # as dense as a registration


def test_on_a_tight_crop_a_sticker_in_a_far_corner_gives_way_to_the_registration():
    registration, corner_sticker = (77, 20, 111, 52), (15, 78, 14, 10)  # New Hampshire's "1859C" and a "12"
    assert not on_the_plate_of(corner_sticker, registration)  # too far for a frame's rule
    assert registrations_of_one_plate([corner_sticker, registration]) == [False, True]


def test_on_a_tight_crop_groups_of_about_one_height_are_all_kept():
    assert registrations_of_one_plate([(10, 40, 100, 80), (130, 45, 90, 60)]) == [True, True]
    assert registrations_of_one_plate([]) == []


def test_plates_of_two_cars_are_both_kept():
    far_car = (900, 400, 80, 25)
    assert not on_the_plate_of(far_car, REGISTRATION)
    assert registration_texts([REGISTRATION, far_car], [7, 6]) == [True, True]


def test_texts_of_similar_height_side_by_side_are_all_kept():
    letters, digits = (40, 50, 90, 60), (150, 52, 110, 56)  # one registration split in two regions
    assert registration_texts([letters, digits], [3, 4]) == [True, True]


def test_one_text_alone_is_kept():
    assert registration_texts([REGISTRATION], [7]) == [True]
    assert registration_texts([], []) == []


LEFT_GROUP = (100, 50, 90, 40)  # "PKX" of "PKX <emblem> 512": x, y, w, h


def beside(box, gap, height=None, dy=0):
    """A box of `height` (default box's) whose left edge lies `gap` pixels right of box."""
    x, y, w, h = box
    return x + w + gap, y + dy, 70, height or h


def test_a_group_after_an_emblem_one_character_high_continues_the_line():
    assert same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=40))


def test_overlapping_or_touching_groups_continue_the_line():
    assert same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=-10))
    assert same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=0))
    assert same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=-38))  # "Z38" and "7RY" sharing a character's width


def test_a_region_inside_another_does_not_continue_its_line():
    x, y, w, h = LEFT_GROUP
    assert not same_line(LEFT_GROUP, (x + 20, y, w - 20, h))


def test_the_plate_of_the_next_car_is_another_line():
    assert not same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=MAX_GAP * 40 + 1))
    assert not same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=25 * 40))


def test_a_smaller_text_beside_the_registration_is_another_line():
    assert not same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=10, height=20, dy=10))


def test_a_text_above_or_below_is_another_line():
    assert not same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=10, dy=-25))
    assert not same_line(LEFT_GROUP, beside(LEFT_GROUP, gap=10, dy=25))


def test_a_box_left_of_another_does_not_continue_it():
    right = beside(LEFT_GROUP, gap=20)
    assert not same_line(right, LEFT_GROUP)


def test_text_lines_group_boxes_left_to_right_and_keep_every_box():
    middle = beside(LEFT_GROUP, gap=30)
    last = beside(middle, gap=30)
    sticker = (20, 200, 40, 15)
    far_plate = (900, 50, 150, 40)
    boxes = [last, sticker, LEFT_GROUP, far_plate, middle]
    lines = text_lines(boxes)
    assert sorted(lines) == sorted([[2, 4, 0], [1], [3]])
    assert sorted(i for line in lines for i in line) == list(range(len(boxes)))
    assert text_lines([]) == []


def test_the_plate_box_borders_the_characters_on_every_side():
    x, y, w, h = plate_box((100, 200, 180, 40), 720, 1280)
    border = PLATE_BORDER * 40
    assert (x, y, w, h) == (100 - border, 200 - border, 180 + 2 * border, 40 + 2 * border)


def test_the_plate_box_reaches_as_far_up_and_down_as_the_plates_background_and_never_less_than_its_border():
    assert plate_box((100, 200, 180, 40), 720, 1280, (180, 250)) == (94, 180, 192, 70)
    assert plate_box((100, 200, 180, 40), 720, 1280, (199, 241)) == plate_box((100, 200, 180, 40), 720, 1280)


def test_a_short_registration_is_boxed_as_wide_as_the_plate_it_is_centred_on():
    assert as_wide_as_its_plate((100, 200, 60, 40), 4, 1280) == (70, 200, 120, 40)  # "7684": 3 text heights
    assert as_wide_as_its_plate((100, 200, 60, 40), 5, 1280) == (70, 200, 120, 40)


def test_a_long_registration_or_one_as_wide_as_a_plate_keeps_its_box():
    assert as_wide_as_its_plate((100, 200, 100, 40), 6, 1280) == (100, 200, 100, 40)
    assert as_wide_as_its_plate((100, 200, 150, 40), 4, 1280) == (100, 200, 150, 40)


def test_a_small_short_registration_keeps_its_box():
    assert as_wide_as_its_plate((100, 200, 60, 30), 4, 1280) == (100, 200, 60, 30)  # mostly the detector's margin


def test_a_short_registrations_plate_stays_inside_the_image():
    assert as_wide_as_its_plate((5, 200, 60, 40), 4, 1280) == (0, 200, 120, 40)
    assert as_wide_as_its_plate((1250, 200, 30, 40), 4, 1280) == (1160, 200, 120, 40)
    assert as_wide_as_its_plate((10, 0, 50, 40), 3, 100) == (0, 0, 100, 40)


def test_the_plate_box_stays_inside_the_image():
    assert plate_box((0, 2, 100, 40), 44, 90) == (0, 0, 90, 44)


def test_letters_only_words_give_way_to_texts_with_digits_of_about_their_height():
    boxes = [(0, 0, 60, 20), (100, 0, 90, 30), (300, 0, 30, 20)]  # TOYOTA, ABC123, XYZ
    assert words_kept([False, True, False], boxes) == [False, True, False]


def test_a_vanity_plate_is_kept_beside_a_much_smaller_trim_badge():
    squaw, badge = (500, 600, 160, 70), (200, 400, 80, 30)  # 70 px letters, a 30 px "LX14"
    assert words_kept([False, True], [squaw, badge]) == [True, True]


def test_a_vanity_plate_far_below_another_cars_plate_is_kept():
    other_car, vanity = (400, 100, 90, 30), (380, 400, 100, 30)  # "ABC123" further up the frame, "CTHULHU"
    assert words_kept([True, False], [other_car, vanity]) == [True, True]


def test_a_badge_beside_or_a_little_below_the_plate_still_gives_way():
    plate = (400, 300, 90, 30)
    beside, lower = (520, 310, 60, 20), (300, 330, 80, 20)  # a dealer's name on the bumper, a little lower
    assert words_kept([True, False, False], [plate, beside, lower]) == [True, False, False]


def test_far_below_is_measured_in_the_registrations_text_heights():
    registration = (0, 100, 90, 30)  # its middle at y = 115
    just_within = (0, round(115 + BELOW * 30 - 10), 50, 20)
    assert not far_below(just_within, registration)
    assert far_below((0, just_within[1] + 1, 50, 20), registration)
    assert not far_below((0, 0, 50, 20), registration)  # above it: a badge on the boot lid


def test_a_letters_only_plate_is_kept_when_alone():
    assert words_kept([False], [(0, 0, 100, 40)]) == [True]
    assert words_kept([], []) == []


def test_a_line_of_the_same_size_set_close_under_a_text_is_its_next_line():
    estamos = (200, 100, 130, 40)
    assert next_line_of(estamos, (205, 150, 125, 40))  # "ABERTOS", 10 px (a quarter of a line) below
    assert next_line_of((205, 150, 125, 40), estamos)  # and the other way round
    assert next_line_of(estamos, (205, 100 + 40 + round(LEADING * 40), 125, 40))
    assert not next_line_of(estamos, (205, 100 + 40 + round(LEADING * 40) + 1, 125, 40))  # a line further down


def test_a_right_aligned_line_over_a_centred_one_is_its_next_line():
    exit_number, north = (655, 125, 117, 31), (598, 157, 94, 30)  # a road sign's "EXIT 79B" over "NORTH"
    assert next_line_of(exit_number, north)
    shared = round(UNDER * north[2])  # 28 px of the narrower's 94
    assert next_line_of(exit_number, (exit_number[0] + shared + 1 - north[2], 157, 94, 30))
    assert not next_line_of(exit_number, (exit_number[0] + shared - 1 - north[2], 157, 94, 30))


def test_a_plates_state_name_and_the_plates_own_pieces_are_not_a_next_line():
    registration = (200, 100, 180, 60)
    assert not next_line_of(registration, (220, 60, 140, 30))  # the state's name above: half its height
    assert not next_line_of(registration, (220, 60, 140, round(60 / LINE_SIZE) - 1))
    assert not next_line_of(registration, (300, 102, 80, 60))  # a group of its own line
    assert not next_line_of(registration, (450, 170, 140, 60))  # beside it, lower: not under it


def test_a_paragraphs_other_line_needs_a_word_of_three_characters():
    text, below = (200, 100, 130, 40), (205, 150, 125, 40)
    assert in_a_paragraph(text, [text, below], [7, 7])
    assert not in_a_paragraph(text, [text, below], [7, 2])  # two characters: a mark, a stray blob
    assert not in_a_paragraph(text, [], [])
