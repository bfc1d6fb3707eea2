"""Rendered street scenes with one parked car and a plate, for tests and the benchmark.

The plate is drawn with OpenCV's Hershey fonts, dark characters on a light plate, as the demo
frames are. Nothing here is used to read real plates.
"""
import random

import cv2
import numpy as np

PLATE_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ23456789"  # no I, O, Q, 0, 1
FONTS = (cv2.FONT_HERSHEY_SIMPLEX, cv2.FONT_HERSHEY_DUPLEX)


def random_plate_text(rng: random.Random, length: int | None = None) -> str:
    return "".join(rng.choice(PLATE_ALPHABET) for _ in range(length or rng.choice((6, 7))))


def draw_plate(image: np.ndarray, text: str, x: int, y: int, width: int, font: int) -> tuple[int, int, int, int]:
    """Draw a light plate with dark text at (x, y), about width pixels wide; returns its box."""
    height = int(width * 0.42)
    cv2.rectangle(image, (x, y), (x + width, y + height), (235, 235, 230), -1)
    cv2.rectangle(image, (x, y), (x + width, y + height), (40, 40, 40), 2)
    scale = cv2.getFontScaleFromHeight(font, int(height * 0.5), 2)
    (tw, th), _ = cv2.getTextSize(text, font, scale, 2)
    scale *= min(1.0, (width * 0.88) / tw)
    (tw, th), _ = cv2.getTextSize(text, font, scale, 2)
    origin = (x + (width - tw) // 2, y + (height + th) // 2)
    cv2.putText(image, text, origin, font, scale, (20, 20, 20), 2, cv2.LINE_AA)
    return x, y, width, height


def draw_split_plate(image: np.ndarray, left: str, right: str, x: int, y: int, width: int) -> tuple[int, int, int, int]:
    """A plate whose registration is printed in two groups with a round emblem between them (as on
    Louisiana's or Arkansas's plates), about width pixels wide; returns its box."""
    height = int(width * 0.5)
    cv2.rectangle(image, (x, y), (x + width, y + height), (235, 235, 230), -1)
    font = cv2.FONT_HERSHEY_SIMPLEX
    scale = cv2.getFontScaleFromHeight(font, int(height * 0.45), 2)
    (lw, char_height), _ = cv2.getTextSize(left, font, scale, 2)
    (rw, _), _ = cv2.getTextSize(right, font, scale, 2)
    shrink = min(1.0, width * 0.85 / (lw + rw + 1.5 * char_height))  # the groups and the emblem fit
    scale, lw, rw, char_height = scale * shrink, int(lw * shrink), int(rw * shrink), int(char_height * shrink)
    emblem = char_height // 2
    baseline = y + (height + char_height) // 2
    start = x + (width - lw - rw - 3 * emblem) // 2
    cv2.putText(image, left, (start, baseline), font, scale, (20, 20, 20), 2, cv2.LINE_AA)
    cv2.circle(image, (start + lw + 3 * emblem // 2, baseline - char_height // 2), emblem, (40, 90, 160), -1)
    cv2.putText(image, right, (start + lw + 3 * emblem, baseline), font, scale, (20, 20, 20), 2, cv2.LINE_AA)
    return x, y, width, height


def parked_car_scene(text: str, seed: int = 0, size: tuple[int, int] = (960, 540)) -> np.ndarray:
    """A BGR frame: asphalt, a kerb, a car seen from behind and its plate with `text`."""
    rng = random.Random(seed)
    width, height = size
    image = np.full((height, width, 3), 90, np.uint8)
    image[: height // 3] = (150, 140, 120)
    noise = np.random.default_rng(seed).normal(0, 6, image.shape)
    image = np.clip(image + noise, 0, 255).astype(np.uint8)
    car_w, car_h = rng.randint(420, 520), rng.randint(230, 280)
    cx, cy = width // 2 + rng.randint(-120, 120), height // 2 + rng.randint(-20, 40)
    color = tuple(rng.randint(30, 200) for _ in range(3))
    cv2.rectangle(image, (cx - car_w // 2, cy - car_h // 2), (cx + car_w // 2, cy + car_h // 2), color, -1)
    cv2.rectangle(image, (cx - car_w // 3, cy - car_h // 2 + 15), (cx + car_w // 3, cy - car_h // 8), (60, 50, 40), -1)
    for wx in (cx - car_w // 2 + 60, cx + car_w // 2 - 60):
        cv2.circle(image, (wx, cy + car_h // 2), 38, (25, 25, 25), -1)
    plate_w = rng.randint(140, 200)
    draw_plate(image, text, cx - plate_w // 2, cy + car_h // 8, plate_w, rng.choice(FONTS))
    return image
