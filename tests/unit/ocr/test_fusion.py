import random

import pytest
from hypothesis import given, settings, strategies as st

from services.ocr.alignment import alignment, edit_distance
from services.ocr.fusion import Read, fuse, sightings

PLATE = st.text(alphabet="ABCDEFGHJKLMNPRSTUVWXYZ0123456789", min_size=2, max_size=8)
CONFIDENCE = st.floats(min_value=0.01, max_value=1.0)


def read(text: str, conf: float | list[float] = 0.9, at: float = 0.0, camera: str = "rear", device: str = "car-1") -> Read:
    confidences = conf if isinstance(conf, list) else [conf] * len(text)
    return Read(device, camera, at, text, tuple(confidences))


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


def test_a_dropped_stacked_character_is_restored_by_alignment():
    fused = fuse([read("6A5730A", 0.7), read("6A573A", 0.9, at=1), read("6A5730A", 0.7, at=2)])
    assert fused.text == "6A5730A" and fused.fused_from == 3
    assert alignment("6A5730A", "6A573A") == [0, 1, 2, 3, 4, None, 5]


def test_sightings_are_split_by_camera_time_gap_and_plate():
    reads = [read("ABC123", at=0), read("ABC128", at=1.5), read("ABC123", at=3.0),  # one car, three frames
             read("ABC123", at=1, camera="side"),                                   # another camera
             read("XYZ987", at=1),                                                  # the next car
             read("ABC123", at=60)]                                                 # seen again later
    groups = sightings(reads, window_s=2.0)
    assert sorted([(g[0].camera, g[0].text, [r.captured_at for r in g]) for g in groups]) == [
        ("rear", "ABC123", [0, 1.5, 3.0]), ("rear", "ABC123", [60]), ("rear", "XYZ987", [1]),
        ("side", "ABC123", [1])]
    assert [fuse(g).text for g in groups if len(g) == 3] == ["ABC123"]


def test_sightings_of_shuffled_reads_are_the_same():
    reads = [read(t, at=i * 0.5) for i, t in enumerate(["KLM456", "KLM458", "QRS111", "KLM456"])]
    shuffled = random.Random(3).sample(reads, len(reads))
    assert sightings(shuffled, 1.0) == sightings(reads, 1.0)
