from services.ocr.plate_layout import on_the_plate_of, registration_texts

REGISTRATION = (60, 50, 200, 60)  # x, y, w, h of a plate's characters


def test_a_sticker_or_a_year_on_the_plate_gives_way_to_the_registration():
    sticker, year, slogan = (10, 10, 30, 20), (250, 120, 60, 18), (90, 115, 140, 16)
    assert registration_texts([sticker, REGISTRATION, year, slogan]) == [False, True, False, False]


def test_plates_of_two_cars_are_both_kept():
    far_car = (900, 400, 80, 25)
    assert not on_the_plate_of(far_car, REGISTRATION)
    assert registration_texts([REGISTRATION, far_car]) == [True, True]


def test_texts_of_similar_height_side_by_side_are_all_kept():
    letters, digits = (40, 50, 90, 60), (150, 52, 110, 56)  # one registration split in two regions
    assert registration_texts([letters, digits]) == [True, True]


def test_one_text_alone_is_kept():
    assert registration_texts([REGISTRATION]) == [True]
    assert registration_texts([]) == []
