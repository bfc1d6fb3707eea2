"""Frames of the demo drive: a parked synthetic car, rear view, with a readable plate, or an empty street."""
import random

import cv2
import numpy as np

from alpr_cli.demo.scene import finish, street_background

FONT = cv2.FONT_HERSHEY_DUPLEX
STATE_NAME = "DEMO STATE"
CAR_COLOURS = [(40, 40, 160), (150, 60, 20), (200, 200, 200), (30, 30, 30), (60, 120, 60),
               (20, 140, 200), (110, 110, 110), (90, 40, 90), (170, 150, 120)]


def render_car_frame(plate: str, seed: int) -> bytes:
    """A JPEG of a parked car seen from behind, carrying `plate`; the same plate is the same car."""
    rng = random.Random(seed)
    img = street_background(rng)
    plate_center = draw_car(img, random.Random(plate), rng)
    draw_plate(img, plate, plate_center, rng)
    return encode_jpeg(finish(img, rng))


def render_empty_frame(seed: int) -> bytes:
    """A JPEG of the street with no car in view."""
    rng = random.Random(seed)
    return encode_jpeg(finish(street_background(rng), rng))


def encode_jpeg(img: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return data.tobytes()


def draw_car(img: np.ndarray, look: random.Random, rng: random.Random) -> tuple[int, int]:
    """Body, rear window, lights, bumper and wheels; the look is the car's own, the framing the shot's.

    Returns the plate centre.
    """
    cx, base = 480 + rng.randint(-90, 90), 470 + rng.randint(-15, 15)
    half, colour = look.randint(200, 240), look.choice(CAR_COLOURS)
    top, roof = base - 230, base - 330
    for side in (-1, 1):
        wheel_x = cx + side * (half - 10)
        cv2.rectangle(img, (wheel_x - 35, base - 10), (wheel_x + 35, base + 40), (20, 20, 20), -1)
    draw_cabin(img, cx, half, top, roof, colour)
    cv2.rectangle(img, (cx - half, top), (cx + half, base), colour, -1)
    for side in (-1, 1):
        x0 = cx + side * (half - 15)
        cv2.rectangle(img, (x0, top + 25), (x0 - side * 70, top + 70), (30, 30, 190), -1)
    cv2.rectangle(img, (cx - half - 5, base - 45), (cx + half + 5, base), (35, 35, 35), -1)
    return cx, base - 115


def draw_cabin(img: np.ndarray, cx: int, half: int, top: int, roof: int, colour: tuple) -> None:
    cabin = np.array([[cx - half + 30, top], [cx - half + 80, roof], [cx + half - 80, roof], [cx + half - 30, top]])
    cv2.fillPoly(img, [cabin], colour)
    window = np.array([[cx - half + 55, top - 8], [cx - half + 95, roof + 14],
                       [cx + half - 95, roof + 14], [cx + half - 55, top - 8]])
    cv2.fillPoly(img, [window], (70, 55, 45))


def draw_plate(img: np.ndarray, text: str, center: tuple[int, int], rng: random.Random) -> None:
    """A light plate about 180 px wide with dark condensed characters and a tiny state name."""
    width = rng.randint(170, 195)
    height = width // 2
    x0, y0 = center[0] - width // 2, center[1] - height // 2
    paper = rng.randint(228, 250)
    cv2.rectangle(img, (x0, y0), (x0 + width, y0 + height), (paper, paper, paper - rng.randint(0, 15)), -1)
    cv2.rectangle(img, (x0 + 3, y0 + 3), (x0 + width - 3, y0 + height - 3), (60, 40, 30), 2)
    (state_w, _), _ = cv2.getTextSize(STATE_NAME, cv2.FONT_HERSHEY_SIMPLEX, 0.38, 1)
    cv2.putText(img, STATE_NAME, (center[0] - state_w // 2, y0 + 16), cv2.FONT_HERSHEY_SIMPLEX,
                0.38, (120, 50, 20), 1, cv2.LINE_AA)
    glyphs = text_patch(text, int(width * 0.84), int(height * 0.52))
    ink(img, glyphs, (center[0] - glyphs.shape[1] // 2, y0 + int(height * 0.3)))


def ink(img: np.ndarray, coverage: np.ndarray, at: tuple[int, int]) -> None:
    """Blends near-black ink into `img` where `coverage` (0-255) says, top-left corner at `at`."""
    x, y = at
    region = img[y:y + coverage.shape[0], x:x + coverage.shape[1]]
    alpha = coverage[..., None].astype(np.float32) / 255.0
    region[:] = (region * (1 - alpha) + np.float32(25) * alpha).astype(np.uint8)


def text_patch(text: str, width: int, height: int) -> np.ndarray:
    """The characters as a coverage mask, stretched to plate proportions (tall, narrow)."""
    (text_w, text_h), baseline = cv2.getTextSize(text, FONT, 2.0, 5)
    canvas = np.zeros((text_h + baseline + 12, text_w + 12), dtype=np.uint8)
    cv2.putText(canvas, text, (6, text_h + 6), FONT, 2.0, 255, 5, cv2.LINE_AA)
    rows, cols = np.nonzero(canvas)
    tight = canvas[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
    return cv2.resize(tight, (width, height), interpolation=cv2.INTER_AREA)
