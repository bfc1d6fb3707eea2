"""The real ONNX models on rendered frames like the demo's (a few images: CPU time is shared)."""
import re

import cv2
import numpy as np
import pytest

from services.ocr.detection import TextDetector, detection_batch
from services.ocr.geometry import iou
from services.ocr.reader import PlateReader, PlateResult, worth_reading
from services.ocr.second_opinion import text_confidence
from services.ocr.settings import OcrSettings
from services.ocr.synthetic import draw_plate, draw_split_plate, parked_car_scene

PLATES = ["ABC2345", "7FDMS6", "NUDVHA", "K9WX38P"]


@pytest.fixture(scope="module")
def reader():
    return PlateReader()


def as_jpeg(image: np.ndarray) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def test_rendered_plates_are_read_exactly_in_one_batch(reader):
    frames = [as_jpeg(parked_car_scene(text, seed=i)) for i, text in enumerate(PLATES)]
    results = reader.read_batch(frames)
    assert [[p.text for p in found] for found in results] == [[t] for t in PLATES]
    for text, (plate,) in zip(PLATES, results):
        assert len(plate.char_confidences) == len(text)
        assert plate.confidence == pytest.approx(np.prod(plate.char_confidences))
        assert plate.confidence > 0.9


def test_the_round_glyph_is_spelled_by_the_plates_layout_however_it_is_drawn(reader):
    # the letter O and the digit 0 drawn either way: O among the letters, 0 among the digits
    drawn = ["KOX5012", "K0X5O12"]
    frames = [as_jpeg(parked_car_scene(text, seed=i)) for i, text in enumerate(drawn)]
    assert [[p.text for p in found] for found in reader.read_batch(frames)] == [["KOX5012"], ["KOX5012"]]


def test_the_box_is_the_plates_around_its_characters(reader):
    frame = np.full((540, 960, 3), 120, np.uint8)
    plate_drawn = (400, 300, 180, 76)
    cv2.rectangle(frame, (400, 300), (580, 376), (235, 235, 230), -1)
    font, scale, origin = cv2.FONT_HERSHEY_DUPLEX, 1.2, (412, 352)
    cv2.putText(frame, "HT5582", origin, font, scale, (20, 20, 20), 2, cv2.LINE_AA)
    (width, height), _ = cv2.getTextSize("HT5582", font, scale, 2)
    (plate,) = reader.read_batch([frame])[0]
    assert plate.text == "HT5582"
    x, y, w, h = plate.box
    assert x <= origin[0] and y <= origin[1] - height and x + w >= origin[0] + width and y + h >= origin[1]
    assert iou(plate.box, plate_drawn) >= 0.5  # the detection criterion against a labelled plate


def test_a_registration_printed_in_two_groups_around_an_emblem_is_one_plate(reader):
    frame = np.full((540, 960, 3), 90, np.uint8)
    plate_box = draw_split_plate(frame, "PKX", "512", 380, 260, 240)
    groups = [r for r in reader.detector.detect([frame])[0] if worth_reading(r)]
    assert len(groups) == 2  # the detector finds the groups apart: what the reader must join
    (plate,) = reader.read_batch([frame])[0]
    assert plate.text == "PKX512"
    assert len(plate.char_confidences) == 6
    x, y, w, h = plate.box
    px, py, pw, ph = plate_box
    assert px <= x and x + w <= px + pw and py <= y and y + h <= py + ph
    assert w > pw / 2  # both groups, not one


def test_state_artwork_read_as_a_character_is_dropped(reader):
    """Georgia's peach between the groups reads as a letter: printed in another ink, it is dropped."""
    frame = np.full((540, 960, 3), 120, np.uint8)
    cv2.rectangle(frame, (380, 280), (620, 380), (235, 235, 230), -1)
    font, scale = cv2.FONT_HERSHEY_DUPLEX, 1.3
    for text, x, ink in (("BVN", 395, (90, 30, 20)), ("C", 478, (60, 140, 240)), ("0669", 510, (90, 30, 20))):
        cv2.putText(frame, text, (x, 348), font, scale, ink, 3, cv2.LINE_AA)
    raw = reader.recognizer.recognize([frame[300:360, 385:615]])[0]
    assert raw.text.replace(" ", "") == "BVNC0669"  # what the model reads
    (plate,) = reader.read_batch([as_jpeg(frame)])[0]
    assert plate.text == "BVN0669"
    assert len(plate.char_confidences) == 7


def test_a_stacked_pair_beside_the_registration_is_not_read_as_one_of_its_characters(reader):
    """Massachusetts prints the plate's type as two small letters one above the other ("B/R 72LY"):
    the model reads the pair as a character, and the reader drops it."""
    frame = np.full((540, 960, 3), 120, np.uint8)
    cv2.rectangle(frame, (360, 270), (640, 410), (235, 235, 230), -1)
    font, ink = cv2.FONT_HERSHEY_SIMPLEX, (40, 30, 150)

    def put(char: str, centre_x: int, top: int, height: int) -> None:
        scale = cv2.getFontScaleFromHeight(font, height, 3)
        (w, h), _ = cv2.getTextSize(char, font, scale, 3)
        cv2.putText(frame, char, (centre_x - w // 2, top + h), font, scale, ink, 3, cv2.LINE_AA)
    put("B", 405, 300, 36)
    put("R", 405, 346, 36)
    for k, char in enumerate("72LY"):
        put(char, 445 + 52 * k, 298, 88)
    assert reader.recognizer.recognize([frame[285:400, 380:635]])[0].text == "R72LY"  # what the model reads
    assert [p.text for p in reader.read_batch([as_jpeg(frame)])[0]] == ["72LY"]


def test_a_make_badge_beside_the_plate_is_not_reported(reader):
    frame = parked_car_scene("PJF863", seed=3)
    cv2.putText(frame, "TOYOTA", (80, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.4, (250, 250, 250), 3, cv2.LINE_AA)
    assert [p.text for p in reader.read_batch([frame])[0]] == ["PJF863"]


def test_the_date_and_time_a_camera_stamps_on_its_frames_are_not_plates(reader):
    frames = []
    for seed, stamps in enumerate([("13:45:12", "02.12.2026"), ("2026-12-02", "01:45 PM")]):
        frame = parked_car_scene("KTR4827", seed=seed, size=(1280, 720))
        for stamp, origin in zip(stamps, [(20, 40), (1000, 700)]):  # apart: each is a line of its own
            cv2.putText(frame, stamp, origin, cv2.FONT_HERSHEY_SIMPLEX, 0.9, (0, 0, 0), 5, cv2.LINE_AA)
            cv2.putText(frame, stamp, origin, cv2.FONT_HERSHEY_SIMPLEX, 0.9, (255, 255, 255), 2, cv2.LINE_AA)
        frames.append(as_jpeg(frame))
    assert [[p.text for p in found] for found in reader.read_batch(frames)] == [["KTR4827"], ["KTR4827"]]


def test_small_plates_in_a_wide_frame_are_found_at_its_own_resolution_and_large_ones_too(reader):
    # 4K frames: shrunk to 960 px, plates 80-100 px wide in them vanish
    small, large = np.full((2160, 3840, 3), 110, np.uint8), np.full((2160, 3840, 3), 110, np.uint8)
    draw_plate(small, "BKR4729", 300, 300, 100, cv2.FONT_HERSHEY_DUPLEX)
    draw_plate(small, "7XVT25", 2600, 1700, 80, cv2.FONT_HERSHEY_DUPLEX)
    draw_plate(large, "HZM8362", 700, 800, 2000, cv2.FONT_HERSHEY_DUPLEX)
    found = reader.read_batch([small, large])
    assert [sorted(p.text for p in plates) for plates in found] == [["7XVT25", "BKR4729"], ["HZM8362"]]


def plate_crop(text: str, contrast: float = 1.0) -> np.ndarray:
    crop = np.full((60, 200, 3), 120, np.uint8)
    draw_plate(crop, text, 5, 5, 190, cv2.FONT_HERSHEY_DUPLEX)
    return (crop * contrast + 120 * (1 - contrast)).astype(np.uint8)


def test_text_the_first_recognizer_is_unsure_of_is_read_again_by_the_second(reader):
    clear, faint = plate_crop("KTR4827"), plate_crop("7XVT25", contrast=0.12)
    first = reader.recognizer.recognize([clear, faint])
    assert text_confidence(first[0]) >= reader.min_confidence > text_confidence(first[1])
    texts = reader.read_texts([clear, faint])
    assert texts[0] == first[0]  # reportable: the first reading stays, but for a symbol (second_opinion.py)
    assert texts[1].text == "7XVT25" and text_confidence(texts[1]) > max(0.9, text_confidence(first[1]))


def test_the_second_reading_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("OCR_SECOND_READING", "false")
    reader = PlateReader.from_settings(OcrSettings())
    assert reader.second_recognizer is None
    faint = plate_crop("7XVT25", contrast=0.12)
    assert reader.read_texts([faint]) == reader.recognizer.recognize([faint])


def small_plate_frame(text: str, width: int, font: int, seed: int) -> np.ndarray:
    """A 1280x720 street frame with a plate `width` pixels wide: drawn at 300 px and shrunk, as a
    camera sees a plate far away."""
    plate = np.full((126, 300, 3), 120, np.uint8)
    draw_plate(plate, text, 0, 0, 300, font)
    small = cv2.resize(plate, (width, round(126 * width / 300)), interpolation=cv2.INTER_AREA)
    frame = parked_car_scene(" ", seed=seed, size=(1280, 720))
    frame[500: 500 + small.shape[0], 600: 600 + width] = small
    return as_jpeg(frame)


def test_a_plate_found_small_is_read_again_closer_and_keeps_its_first_box(reader):
    frame = small_plate_frame("PKT46J", 52, cv2.FONT_HERSHEY_DUPLEX, seed=33)
    (first,) = reader.leaving_out(closer_look=True).read_batch([frame])[0]
    assert first.text == "PKT463"  # the J at the plate's edge, 3 px wide in the shrunk frame
    (closer,) = reader.read_batch([frame])[0]
    assert closer.text == "PKT46J" and closer.box == first.box


def test_a_plate_seen_large_is_not_looked_at_again(reader, monkeypatch):
    looked_at = []
    detect = reader.closer_detector.detect
    monkeypatch.setattr(reader.closer_detector, "detect", lambda images: looked_at.append(len(images)) or detect(images))
    close_up = np.full((200, 400, 3), 120, np.uint8)  # a plate filling the photo
    draw_plate(close_up, "KTR4827", 20, 20, 360, cv2.FONT_HERSHEY_DUPLEX)
    small = small_plate_frame("PKT46J", 52, cv2.FONT_HERSHEY_DUPLEX, seed=33)
    assert [[p.text for p in found] for found in reader.read_batch([close_up, small])] == [["KTR4827"], ["PKT46J"]]
    assert looked_at == [1]  # one window, the small plate's


def test_a_small_plate_read_in_full_is_not_looked_at_again(reader, monkeypatch):
    looked_at = []
    detect = reader.closer_detector.detect
    monkeypatch.setattr(reader.closer_detector, "detect",
                        lambda images: looked_at.append(len(images)) or detect(images))
    frame = small_plate_frame("KTR4827", 90, cv2.FONT_HERSHEY_DUPLEX, seed=33)
    (plate,) = reader.read_batch([frame])[0]
    assert plate.text == "KTR4827" and plate.confidence >= 0.9
    assert looked_at == [0]  # seven characters read surely: no window to detect


def test_a_tight_crop_is_detected_at_a_second_scale_and_a_frame_is_not(reader, monkeypatch):
    detected = []
    detect = reader.crop_detector.detect
    monkeypatch.setattr(reader.crop_detector, "detect", lambda images: detected.append(
        [image.shape[:2] for image in images]) or detect(images))
    crop = np.full((150, 320, 3), 120, np.uint8)
    draw_plate(crop, "KTR4827", 10, 10, 300, cv2.FONT_HERSHEY_DUPLEX)
    frame = parked_car_scene("BKR4729", seed=3, size=(1280, 720))
    assert [[p.text for p in found] for found in reader.read_batch([frame, crop])] == [["BKR4729"], ["KTR4827"]]
    assert detected == [[(150, 320)]]


def plate_with_groups(groups: list[tuple[str, tuple[int, int, int]]]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """A 960x540 frame with one plate, its text printed in groups of the given inks side by side
    (a gap between them), and each group's left and right edge."""
    frame = np.full((540, 960, 3), 120, np.uint8)
    cv2.rectangle(frame, (260, 250), (700, 350), (235, 235, 230), -1)
    font, scale, x, spans = cv2.FONT_HERSHEY_DUPLEX, 1.6, 280, []
    for text, ink in groups:
        (width, _), _ = cv2.getTextSize(text, font, scale, 3)
        cv2.putText(frame, text, (x, 320), font, scale, ink, 3, cv2.LINE_AA)
        spans.append((x, x + width))
        x += width + 24
    return frame, spans


def test_a_character_the_first_box_left_out_is_read_in_the_wider_band_and_added(reader):
    ink = (90, 30, 20)
    frame, ((left, _), (_, short_of_j), (_, right)) = plate_with_groups([("094", ink), ("MW", ink), ("J", ink)])
    short = PlateResult("094MW", 0.98, [0.99, 0.99, 1.0, 0.99, 1.0], (left - 4, 284, short_of_j - left + 8, 44))
    (wider,) = reader.read_wider([frame], [[short]])[0]
    assert wider.text == "094MWJ"
    assert wider.char_confidences[:5] == short.char_confidences and wider.char_confidences[5] >= 0.9
    assert wider.confidence == pytest.approx(np.prod(wider.char_confidences))
    assert wider.box[0] == short.box[0] and wider.box[0] + wider.box[2] >= right - 10  # grown over the J


def test_artwork_beside_the_plates_text_is_not_added(reader):
    """Michigan's red "USA" beside a blue "SAMPL": another ink than the registration's."""
    frame, (_, (left, right)) = plate_with_groups([("USA", (40, 40, 210)), ("SAMPL", (150, 60, 20))])
    first = PlateResult("SAMPL", 0.98, [0.99, 0.99, 1.0, 0.99, 1.0], (left - 4, 284, right - left + 8, 44))
    raw = reader.recognizer.recognize([frame[284:328, 200:700]])[0]
    assert raw.text.replace(" ", "") == "USASAMPL"  # what the model reads in the band
    assert reader.read_wider([frame], [[first]]) == [[first]]


def test_a_plate_read_whole_is_not_read_again(reader, monkeypatch):
    ink = (90, 30, 20)
    frame, ((left, _), (_, right)) = plate_with_groups([("ABC", ink), ("1234", ink)])
    whole = PlateResult("ABC1234", 0.98, [0.99] * 6 + [0.98], (left - 4, 284, right - left + 8, 44))
    read = []
    recognize = reader.recognizer.recognize
    monkeypatch.setattr(reader.recognizer, "recognize", lambda crops: read.append(len(crops)) or recognize(crops))
    assert reader.read_wider([frame], [[whole]]) == [[whole]]
    assert read == [0]


def test_the_closer_look_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("OCR_CLOSER_LOOK", "false")
    assert PlateReader.from_settings(OcrSettings()).closer_detector is None


def test_blank_and_noise_frames_have_no_plates(reader):
    noise = np.random.default_rng(7).integers(0, 256, (540, 960, 3), dtype=np.uint8)
    blank = np.full((540, 960, 3), 200, np.uint8)
    assert reader.read_batch([noise, blank]) == [[], []]
    assert reader.read_batch([]) == []


def test_the_model_version_names_the_models_and_their_hash(reader):
    assert re.fullmatch(r"ppocrv4-det\+rec\+v6-rec@[0-9a-f]{12}", reader.model_version)


def test_batched_detection_of_frames_of_different_sizes_matches_one_at_a_time(reader):
    frames = [parked_car_scene("ABC2345", seed=1), parked_car_scene("WX59KD", seed=2, size=(800, 600))]
    one_by_one = TextDetector(reader.detector.engine, max_batch=1).detect(frames)
    batched = TextDetector(reader.detector.engine, max_batch=4).detect(frames)
    assert [len(found) for found in batched] == [len(found) for found in one_by_one]
    assert all(len(found) >= 1 for found in batched)
    for single, together in zip(one_by_one, batched):
        for a, b in zip(sorted(single, key=lambda r: r.score), sorted(together, key=lambda r: r.score)):
            assert np.abs(a.corners - b.corners).max() <= 3  # padding to the larger frame moves nothing


def test_the_calls_of_one_run_come_back_in_order_as_one_at_a_time(reader):
    frames = [parked_car_scene(text, seed=i) for i, text in enumerate(PLATES)]
    inputs = [detection_batch([frame])[0] for frame in frames]
    together = reader.detector.engine.run(inputs)
    assert len(together) == len(inputs)
    for x, out in zip(inputs, together):
        (alone,) = reader.detector.engine.run([x])
        assert out.shape == alone.shape == (1, 1, *x.shape[2:])
        assert np.abs(out - alone).max() < 1e-4
    assert np.abs(together[0] - together[1]).max() > 0.5  # different frames, different maps


def test_a_row_of_windows_is_not_a_plate(reader):
    frame = np.full((540, 960, 3), (40, 50, 140), np.uint8)
    for x in range(10, 960, 150):
        cv2.rectangle(frame, (x, 40), (x + 80, 190), (30, 25, 20), -1)
        cv2.rectangle(frame, (x + 6, 46), (x + 74, 184), (120, 100, 80), 2)
    assert reader.detector.detect([frame]) != [[]]  # the detector does see "text" there
    assert reader.read_batch([frame]) == [[]]


def test_two_telephone_numbers_on_a_sign_are_not_read_as_plates(reader):
    frame = np.full((540, 960, 3), (90, 110, 120), np.uint8)
    cv2.rectangle(frame, (300, 150), (660, 310), (235, 235, 235), -1)
    for k, line in enumerate(["0910 1790", "0910 1791"]):
        cv2.putText(frame, line, (320, 215 + k * 50), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (20, 20, 20), 4)
    assert len(reader.detector.detect([frame])[0]) >= 2  # both lines are found as text
    assert reader.read_batch([frame]) == [[]]


def test_plates_where_a_4k_frames_tiles_meet_are_read_once(reader):
    frame = np.full((2160, 3840, 3), 100, np.uint8)
    draw_plate(frame, "ABC2345", 1830, 1100, 200, cv2.FONT_HERSHEY_DUPLEX)  # whole in all four tiles
    draw_plate(frame, "7FDMS6", 2000, 500, 200, cv2.FONT_HERSHEY_DUPLEX)  # cut by the first tile's edge at x=2048
    (found,) = reader.read_batch([as_jpeg(frame)])
    assert sorted(p.text for p in found) == ["7FDMS6", "ABC2345"]


@pytest.mark.parametrize("height, width, plate_width, text", [
    (3024, 4032, 700, "5BBM299"),  # a phone's photo of a car's back, its plate in the middle
    (2160, 3840, 500, "7FDMS64"),  # a traffic camera's car close by
])
def test_a_plate_too_wide_for_any_tile_is_read_whole_where_the_tiles_meet(reader, height, width, plate_width, text):
    # wider than the tiles' overlap, across the seam of the left and right tiles: each read a piece
    # of it ("5BBM2", "DMS64") before the whole frame was also detected
    frame = np.full((height, width, 3), 100, np.uint8)
    x, y, w, _ = draw_plate(frame, text, width // 2 - plate_width // 2, height * 3 // 5, plate_width, cv2.FONT_HERSHEY_SIMPLEX)
    (found,) = reader.read_batch([as_jpeg(frame)])
    assert [p.text for p in found] == [text]
    assert found[0].box[0] < x + w / 4 and found[0].box[0] + found[0].box[2] > x + 3 * w / 4
