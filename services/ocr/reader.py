"""PlateReader: plates in a batch of frames, detection and recognition each in one batched call (and a
second recognizer for the text the first was unsure of, a closer look at plates found small, a
second scale for tight crops, and a wider reading of each plate's line)."""
import copy
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from services.ocr.closer_look import (CLOSER_SIDE, UNSURE_FLOOR, cut_off_by_box, in_frame, in_window, look_window,
                                      on_its_line, read_in_full, same_plate, worth_a_closer_look)
from services.ocr.ctc import Decoded
from services.ocr.db_postprocess import Region
from services.ocr.detection import DETECTION_SIDE, FULL_RESOLUTION_ABOVE, TextDetector, detection_scale
from services.ocr.engines import open_engine
from services.ocr.geometry import Box, bounding_box, crop_quad, side_lengths, union_box
from services.ocr.heap import give_back_large_arrays
from services.ocr.ink import without_artwork
from services.ocr.line_text import join_line
from services.ocr.models import character_list, locate_models
from services.ocr.panel import background_rows, background_spills, needs_a_panel
from services.ocr.plate_layout import (as_wide_as_its_plate, in_a_paragraph, plate_box, registration_texts,
                                       registrations_of_one_plate, text_lines, words_kept)
from services.ocr.plate_text import PlateText, as_plate, plate_confidence
from services.ocr.recognition import TextRecognizer
from services.ocr.round_glyph import ROUND, spell_round_glyphs
from services.ocr.second_opinion import kept_reading, needs_second_reading
from services.ocr.settings import OcrSettings
from services.ocr.stacked import without_stacked_pairs
from services.ocr.tight_crops import CROP_SIDE, is_tight_crop
from services.ocr.wider_reading import band_of, has_room, may_lack_characters, widened

MIN_TEXT_HEIGHT = 8  # pixels; smaller regions cannot be read
# Frames per detection call: a GPU gains from large batches; on CPU, batched convolutions over
# whole frames measured about 30% slower per frame than one frame at a time, and the engine runs
# the frames' calls side by side instead.
DETECTION_BATCH = {True: 16, False: 1}


@dataclass(frozen=True)
class PlateResult:
    text: str
    confidence: float  # product of char_confidences and marks_clear
    char_confidences: list[float]
    box: Box  # the plate's x, y, width, height in the frame's pixels
    marks_clear: float = 1.0  # the chance that no unsure mark dropped from the text was a character


def most_confident_first(plates: list[PlateResult]) -> list[PlateResult]:
    """The plates of one image, most confident first: the order of the reader's steps."""
    return sorted(plates, key=lambda r: r.confidence, reverse=True)


def worth_reading(region: Region) -> bool:
    """Text tall enough to read, and at least half as wide as it is high: a group of two
    characters of a registration printed in groups ("DP <flag> 7160") is about square."""
    width, height = side_lengths(region.corners)
    return width >= height / 2 and height >= MIN_TEXT_HEIGHT


def without_drawings(crop: np.ndarray, decoded: Decoded) -> Decoded:
    """The text read in a crop less what is drawn on the plate, not printed as its registration: state
    artwork in another ink (ink.py) and a stacked pair of small letters at an end (stacked.py)."""
    return without_stacked_pairs(crop, without_artwork(crop, decoded))


def candidates_of_frame(parts: list[tuple[Decoded, Box]]) -> list[tuple[PlateText, Box]]:
    """Plate-like texts of one frame from the texts read in its regions: a line of text read in
    several regions is one candidate where its parts together look like a plate, else each part
    is, if it is at least as wide as it is high; none that is a line of a paragraph (a sign's, a
    banner's: plate_layout.in_a_paragraph)."""
    boxes, lengths = [box for _, box in parts], [words_length(d.text) for d, _ in parts]
    return [(plate, box) for plate, box in plate_like_texts(parts) if not in_a_paragraph(box, boxes, lengths)]


def words_length(text: str) -> int:
    """The letters and digits of a text read, less its round glyphs: a grille's rings read as "oOSO" are no words."""
    return sum(c.isalnum() and c.upper() not in ROUND for c in text)


def plate_like_texts(parts: list[tuple[Decoded, Box]]) -> list[tuple[PlateText, Box]]:
    """The plate-like texts among the texts read in a frame's regions (candidates_of_frame)."""
    candidates = []
    for line in text_lines([box for _, box in parts]):
        pieces = [parts[k] for k in line]
        joined = join_line(pieces) if len(pieces) > 1 else None
        whole = as_plate(joined.text, joined.char_confidences) if joined else None
        if whole is not None:
            candidates.append((whole, union_box([box for _, box in pieces])))
            continue
        for decoded, box in pieces:
            plate = as_plate(decoded.text, decoded.char_confidences) if box[2] >= box[3] else None
            if plate is not None:
                candidates.append((plate, box))
    return candidates


def plates_of_frame(candidates: list[tuple[PlateText, Box]], min_confidence: float,
                    unsure_floor: float | None = None) -> list[PlateResult]:
    """The confident registrations among a frame's candidates; with unsure_floor, also those with a
    digit at least that confident (to be looked at closer). Small text on the plate of a taller
    text (a sticker's month, a slogan) gives way to it even when the taller text itself could not
    be read with confidence: it is still not a registration (unless it is spread too wide for one:
    plate_layout.SPARSE)."""
    own_plate = registration_texts([box for _, box in candidates], [len(p.text) for p, _ in candidates])
    registrations = [c for c, own in zip(candidates, own_plate) if own]
    floor = min_confidence if unsure_floor is None else unsure_floor
    confident = [(p, box) for p, box in registrations
                 if p.confidence >= min_confidence or (p.has_digit and p.confidence >= floor)]
    keep = words_kept([p.has_digit for p, _ in confident], [box for _, box in confident])
    results = [PlateResult(spell_round_glyphs(p.text), p.confidence, p.char_confidences, box, p.marks_clear)
               for (p, box), k in zip(confident, keep) if k]
    return most_confident_first(results)


def preferred(second: PlateResult, first: PlateResult) -> bool:
    """Whether a second reading of a plate replaces the first: where it is more confident, unless its
    box cut off characters the first read surely (closer_look.cut_off_by_box)."""
    return second.confidence > first.confidence and not cut_off_by_box(first.text, first.char_confidences, first.box,
                                                                         second.text, second.box)


def more_confident_plates(first: list[PlateResult], second: list[PlateResult]) -> list[PlateResult]:
    """The plates of two readings of one image, most confident first: of a plate in both, the more
    confident reading (unless its box cut off some of the other: preferred), in the first reading's box."""
    plates = list(first)
    for plate in second:
        k = same_plate(plate.box, [p.box for p in plates])
        if k is None:
            plates.append(plate)
        elif preferred(plate, plates[k]):
            plates[k] = replace(plate, box=plates[k].box)
    return most_confident_first(plates)


def on_a_plate(image: np.ndarray, plate: PlateResult) -> bool:
    """Whether a plate read in `image` may be one: a registration with digits, or a text of letters or
    a short one whose background ends about it as a plate's does, not a car's paint around a badge (panel.py)."""
    return not needs_a_panel(plate.text) or not background_spills(image, plate.box)


def largest_first(plates: list[PlateResult]) -> list[PlateResult]:
    """The plates of one image in the order the reader reports them: the largest box of characters
    first, the nearest car's, which a photo of a car is of; a further car's plate, a sign or a badge
    after it, however surely read (a car park's "G1", a shop's "19208"). Of the 697 US plates read
    exactly in the scenes they were pasted into at a scene plate's width (MODEL_CARD.md), 696 came
    first so, 677 most confident first. Ordered by the plates' boxes instead, a short text widened to
    a plate's width (plate_layout.as_wide_as_its_plate) came before more of the US plates pasted in at
    their plates' size: 691 of them came first, against 694 so (693 before any was widened)."""
    return sorted(plates, key=lambda r: r.box[2] * r.box[3], reverse=True)


def plate_around(image: np.ndarray, plate: PlateResult) -> Box:
    """The box of the plate around a registration read in `image`: as far as its background runs above
    and below (plate_layout.plate_box) and, for a short one, as wide as a plate (as_wide_as_its_plate)."""
    height, width = image.shape[:2]
    characters = as_wide_as_its_plate(plate.box, len(plate.text), width)
    return plate_box(characters, height, width, background_rows(image, plate.box))


def reported(image: np.ndarray, plates: list[PlateResult]) -> list[PlateResult]:
    """The plates read in `image` that may be ones (on_a_plate), largest first, each in its plate's box
    (plate_around)."""
    may_be = [r for r in plates if on_a_plate(image, r)]
    return [replace(r, box=plate_around(image, r)) for r in largest_first(may_be)]


class PlateReader:
    def __init__(self, model_dir: Path | None = None, min_confidence: float = 0.5,
                 detection_side: int = DETECTION_SIDE, full_resolution_above: int = FULL_RESOLUTION_ABOVE,
                 second_reading: bool = True, closer_look: bool = True):
        give_back_large_arrays()  # for the whole process: a frame's arrays do not stay with it (heap.py)
        files = locate_models(model_dir)
        self.model_version = files.version
        self.min_confidence = min_confidence
        engine = open_engine(files.detection, many_calls=True)

        def detector_at(side: int, full_resolution_above: int = 0) -> TextDetector:
            """The one detection model, at one scale."""
            return TextDetector(engine, side=side, max_batch=DETECTION_BATCH[engine.on_gpu],
                                full_resolution_above=full_resolution_above)
        self.detector = detector_at(detection_side, full_resolution_above)
        self.closer_detector = detector_at(CLOSER_SIDE) if closer_look else None  # windows around plates (closer_look.py)
        self.crop_detector = detector_at(CROP_SIDE)  # tight crops (tight_crops.py)
        recognizer = open_engine(files.recognition)
        self.recognizer = TextRecognizer(recognizer, character_list(recognizer))
        self.second_recognizer: TextRecognizer | None = None
        if second_reading:
            second = open_engine(files.second_recognition)
            self.second_recognizer = TextRecognizer(second, character_list(second))

    @classmethod
    def from_settings(cls, settings: OcrSettings, min_confidence: float | None = None) -> "PlateReader":
        """The reader the settings describe; min_confidence, where given, instead of theirs."""
        return cls(settings.model_dir, settings.min_confidence if min_confidence is None else min_confidence,
                   full_resolution_above=settings.full_resolution_above_px, second_reading=settings.second_reading,
                   closer_look=settings.closer_look)

    def leaving_out(self, second_reading: bool = False, closer_look: bool = False) -> "PlateReader":
        """The same reader, sharing its loaded models, without the steps named True (for the bench)."""
        lighter = copy.copy(self)
        if second_reading:
            lighter.second_recognizer = None
        if closer_look:
            lighter.closer_detector = None
        return lighter

    def read_batch(self, images: list[np.ndarray]) -> list[list[PlateResult]]:
        """Plates per image (BGR uint8 arrays), largest first; [] where none was found."""
        if self.closer_detector is None:
            found = self.plates_found(images, self.detector)
        else:
            closer = self.looked_closer(images, self.plates_found(images, self.detector, UNSURE_FLOOR))
            found = [[r for r in plates if r.confidence >= self.min_confidence] for plates in closer]
        crops = [i for i, image in enumerate(images) if is_tight_crop(*image.shape[:2])]
        for i, plates in zip(crops, self.plates_found([images[i] for i in crops], self.crop_detector)):
            both = more_confident_plates(found[i], plates)
            found[i] = [p for p, keep in zip(both, registrations_of_one_plate([p.box for p in both])) if keep]
        return [reported(image, plates) for image, plates in zip(images, self.read_wider(images, found))]

    def plates_found(self, images: list[np.ndarray], detector: TextDetector, unsure_floor: float | None = None,
                     lines: list[Box] | None = None) -> list[list[PlateResult]]:
        """Plates per image, each boxed by its registration's text (and unsure ones: plates_of_frame);
        with lines, only the text on the line of each image's box is read (closer_look.on_its_line)."""
        boxed = [[(r, bounding_box(r.corners, *image.shape[:2])) for r in found if worth_reading(r)]
                 for image, found in zip(images, detector.detect(images))]
        if lines is not None:
            boxed = [[(r, box) for r, box in regions if on_its_line(box, line)] for regions, line in zip(boxed, lines)]
        owners = [(i, region, box) for i, regions in enumerate(boxed) for region, box in regions]
        crops = [crop_quad(images[i], region.corners) for i, region, _ in owners]
        texts = [without_drawings(c, d) for c, d in zip(crops, self.read_texts(crops))]
        parts: list[list[tuple[Decoded, Box]]] = [[] for _ in images]
        for (i, _, box), decoded in zip(owners, texts):
            parts[i].append((decoded, box))
        return [plates_of_frame(candidates_of_frame(p), self.min_confidence, unsure_floor) for p in parts]

    def looked_closer(self, images: list[np.ndarray], found: list[list[PlateResult]]) -> list[list[PlateResult]]:
        """found, each plate the first pass saw small and did not read in full (closer_look.read_in_full)
        read again in a window around it, the windows of all frames detected together (closer_look.py);
        a plate keeps its first box, and its first reading where the window shows no confident plate
        there or cut some of it off."""
        looks = []  # (frame, plate, window)
        for i, (image, plates) in enumerate(zip(images, found)):
            h, w = image.shape[:2]
            first_scale = detection_scale(h, w, self.detector.side, self.detector.full_resolution_above)
            windows = [(k, look_window(plate.box, h, w)) for k, plate in enumerate(plates)
                       if not read_in_full(plate.text, plate.confidence)]
            looks += [(i, k, window) for k, window in windows if worth_a_closer_look(window, first_scale)]
        crops = [images[i][y: y + h, x: x + w] for i, _, (x, y, w, h) in looks]
        lines = [in_window(found[i][k].box, window) for i, k, window in looks]
        closer = [list(plates) for plates in found]
        for (i, k, window), seen in zip(looks, self.plates_found(crops, self.closer_detector, lines=lines)):
            first = found[i][k]
            boxes = [in_frame(p.box, window) for p in seen]
            match = same_plate(first.box, boxes)
            if match is not None and not cut_off_by_box(first.text, first.char_confidences, first.box,
                                                            seen[match].text, boxes[match]):
                closer[i][k] = replace(seen[match], box=first.box)
        return [most_confident_first(plates) for plates in closer]

    def read_wider(self, images: list[np.ndarray], found: list[list[PlateResult]]) -> list[list[PlateResult]]:
        """found, each plate that may lack characters with those its line, read wider on either side,
        adds at its ends, the bands of all frames read together (wider_reading.py)."""
        bands = [(i, k, plate.box, band_of(images[i], plate.box)) for i, plates in enumerate(found)
                 for k, plate in enumerate(plates) if may_lack_characters(plate.text)]
        looks = [(i, k, band) for i, k, box, band in bands if has_room(box, band)]
        crops = [images[i][y: y + h, x: x + w] for i, _, (x, y, w, h) in looks]
        texts = [without_drawings(c, d) for c, d in zip(crops, self.recognizer.recognize(crops))]
        wider = [list(plates) for plates in found]
        for (i, k, band), decoded in zip(looks, texts):
            first = found[i][k]
            grown = widened(first.text, first.char_confidences, first.box, decoded, band)
            if grown is not None:
                text, confidences, box = grown
                wider[i][k] = replace(first, text=text, char_confidences=confidences, box=box,
                                      confidence=plate_confidence(confidences, first.marks_clear))
        return [most_confident_first(plates) for plates in wider]

    def read_texts(self, crops: list[np.ndarray]) -> list[Decoded]:
        """Each crop's text; registration-like text read less than surely is read again by the second
        recognizer, and one of the two readings kept (second_opinion.py)."""
        texts = self.recognizer.recognize(crops)
        if self.second_recognizer is None:
            return texts
        unsure = [k for k, text in enumerate(texts) if needs_second_reading(text, self.min_confidence)]
        for k, again in zip(unsure, self.second_recognizer.recognize([crops[k] for k in unsure])):
            texts[k] = kept_reading(texts[k], again, self.min_confidence)
        return texts
