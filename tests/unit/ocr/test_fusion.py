import random

import pytest
from hypothesis import given, settings, strategies as st

from services.ocr.alignment import alignment, edit_distance
from services.ocr.fusion import FusionLimits, Read, fuse, sightings
from services.ocr.round_glyph import spell_round_glyphs

# as the reader reports them: the round glyph spelled by the plate's layout
PLATE = st.text(alphabet="ABCDEFGHJKLMNOPRSTUVWXYZ0123456789", min_size=2, max_size=8).map(spell_round_glyphs)
CONFIDENCE = st.floats(min_value=0.01, max_value=1.0)


def read(text: str, conf: float | list[float] = 0.9, at: float = 0.0, camera: str = "rear", device: str = "car-1",
         frame: str | None = None, where: tuple[float, float] | None = None) -> Read:
    """A read in the frame taken at `at` (one frame per device, camera and time unless named)."""
    confidences = conf if isinstance(conf, list) else [conf] * len(text)
    return Read(device, camera, frame or f"{device}/{camera}/{at}", at, where, text, tuple(confidences))


def within(window_s: float, max_apart_m: float = 30.0) -> FusionLimits:
    return FusionLimits(window_s, max_apart_m)


@st.composite
def reads_of_a_plate(draw):
    text = draw(PLATE)
    count = draw(st.integers(1, 5))
    return [read(text, draw(st.lists(CONFIDENCE, min_size=len(text), max_size=len(text))), at=i) for i in range(count)]


@given(PLATE, st.data())
def test_one_read_fuses_to_itself(text, data):
    confidences = data.draw(st.lists(CONFIDENCE, min_size=len(text), max_size=len(text)))
    fused = fuse([read(text, confidences)])
    assert fused.text == text and fused.fused_from == 1
    assert fused.char_confidences == pytest.approx(confidences)


@given(reads_of_a_plate())
def test_agreeing_reads_keep_the_text_and_gain_confidence(reads):
    fused = fuse(reads)
    assert fused.text == reads[0].text and fused.fused_from == len(reads)
    for position, confidence in enumerate(fused.char_confidences):
        assert confidence >= max(r.char_confidences[position] for r in reads) - 1e-9
    assert fused.confidence >= max(r.confidence for r in reads) - 1e-9


@settings(max_examples=50)
@given(st.lists(st.tuples(PLATE, CONFIDENCE), min_size=1, max_size=5), st.randoms())
def test_the_order_of_the_reads_does_not_matter(texts, rng):
    reads = [read(t, c, at=i) for i, (t, c) in enumerate(texts)]
    shuffled = reads[:]
    rng.shuffle(shuffled)
    a, b = fuse(reads), fuse(shuffled)
    assert a.text == b.text and a.char_confidences == pytest.approx(b.char_confidences)


@given(PLATE, PLATE)
def test_edit_distance_is_symmetric_and_bounded(a, b):
    assert edit_distance(a, b) == edit_distance(b, a)
    assert abs(len(a) - len(b)) <= edit_distance(a, b) <= max(len(a), len(b))
    assert edit_distance(a, a) == 0 and alignment(a, a) == list(range(len(a)))


def test_a_confident_misread_character_is_outvoted_by_agreeing_frames():
    fused = fuse([read("ABC123", 0.8, at=0), read("A8C123", 0.95, at=1), read("ABC123", 0.8, at=2)])
    assert fused.text == "ABC123"
    assert fused.char_confidences[1] < fused.char_confidences[0]  # the disputed character is less sure
    assert fused.confidence > read("ABC123", 0.8).confidence


def test_the_letter_o_and_the_digit_0_vote_as_one_glyph_spelled_by_the_fused_layout():
    # the two partial reads spell the round glyph by their own layouts; together it outvotes a "D"
    # and stands among the letters of a plate with digits
    reads = [read("KOX51", 0.6, at=0), read("K0X", 0.6, at=1), read("KDX512", 0.9, at=2)]
    assert fuse(reads).text == "KOX512"


def test_a_dropped_stacked_character_is_restored_by_alignment():
    fused = fuse([read("6A5730A", 0.7), read("6A573A", 0.9, at=1), read("6A5730A", 0.7, at=2)])
    assert fused.text == "6A5730A" and fused.fused_from == 3
    assert alignment("6A5730A", "6A573A") == [0, 1, 2, 3, 4, None, 5]


def test_sightings_are_split_by_camera_time_gap_and_plate():
    reads = [read("ABC123", at=0), read("ABC128", at=1.5), read("ABC123", at=3.0),  # one car, three frames
             read("ABC123", at=1, camera="side"),                                   # another camera
             read("XYZ987", at=1),                                                  # the next car
             read("ABC123", at=60)]                                                 # seen again later
    groups = sightings(reads, within(2.0))
    assert sorted([(g[0].camera, g[0].text, [r.captured_at for r in g]) for g in groups]) == [
        ("rear", "ABC123", [0, 1.5, 3.0]), ("rear", "ABC123", [60]), ("rear", "XYZ987", [1]),
        ("side", "ABC123", [1])]
    assert [fuse(g).text for g in groups if len(g) == 3] == ["ABC123"]


def test_sightings_of_shuffled_reads_are_the_same():
    reads = [read(t, at=i * 0.5) for i, t in enumerate(["KLM456", "KLM458", "QRS111", "KLM456"])]
    shuffled = random.Random(3).sample(reads, len(reads))
    assert sightings(shuffled, within(1.0)) == sightings(reads, within(1.0))


def test_two_look_alike_plates_in_one_frame_are_two_sightings():
    reads = [read("ABC123", at=0, frame="f1"), read("ABC128", at=0, frame="f1"),   # two cars side by side
             read("ABC123", at=1, frame="f2"), read("ABC128", at=1, frame="f2")]
    groups = sightings(reads, within(2.0))
    assert sorted(sorted(r.frame_id + ":" + r.text for r in g) for g in groups) == [
        ["f1:ABC123", "f2:ABC123"], ["f1:ABC128", "f2:ABC128"]]


def test_frames_taken_too_far_apart_are_two_sightings():
    here, block_away = (40.7128, -74.0060), (40.7138, -74.0060)  # about 111 m north
    nearby = (40.71289, -74.0060)                                 # about 10 m north
    assert len(sightings([read("ABC123", at=0, where=here), read("ABC123", at=1, where=block_away)], within(2.0))) == 2
    assert len(sightings([read("ABC123", at=0, where=here), read("ABC123", at=1, where=nearby)], within(2.0))) == 1


def test_a_frame_without_a_location_is_judged_by_time_and_text_alone():
    assert len(sightings([read("ABC123", at=0, where=(40.7, -74.0)), read("ABC123", at=1)], within(2.0))) == 1


def test_the_doubt_of_a_dropped_mark_stays_with_a_lone_read_and_goes_with_a_read_without_marks():
    doubted = Read("car-1", "rear", "f1", 0.0, None, "AAAC", (0.99,) * 4, marks_clear=0.6)
    assert fuse([doubted]).confidence == pytest.approx(0.99 ** 4 * 0.6)
    clear = read("AAAC", 0.99, at=1.0)
    assert fuse([doubted, clear]).marks_clear == 1.0
