"""The street around the cars, and the camera's imperfections (tilt, light, blur, noise)."""
import random

import cv2
import numpy as np

WIDTH, HEIGHT = 960, 540
WALL_COLOURS = [(60, 70, 140), (150, 160, 170), (90, 110, 120), (120, 140, 170), (70, 80, 90)]


def street_background(rng: random.Random) -> np.ndarray:
    """Building wall with windows, a sidewalk, a curb and the road."""
    img = np.zeros((HEIGHT, WIDTH, 3), dtype=np.uint8)
    sidewalk, road = 230 + rng.randint(-20, 20), 330 + rng.randint(-20, 20)
    img[:sidewalk] = rng.choice(WALL_COLOURS)
    start = rng.randint(-60, 0)
    for x in range(start, WIDTH, 150):
        cv2.rectangle(img, (x + 30, 40), (x + 110, sidewalk - 40), (50, 45, 40), -1)
        cv2.rectangle(img, (x + 36, 46), (x + 104, sidewalk - 46), (110, 95, 80), 2)
    img[sidewalk:road] = (170, 170, 165)
    img[road - 8:road] = (200, 200, 200)
    img[road:] = (75, 75, 78)
    return img


def finish(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """Perspective tilt, brightness change, slight blur and sensor noise, all from `rng`."""
    img = tilt(img, rng)
    gain = rng.uniform(0.8, 1.15)
    img = cv2.convertScaleAbs(img, alpha=gain, beta=rng.uniform(-10, 10))
    img = cv2.GaussianBlur(img, (3, 3), rng.uniform(0.4, 1.0))
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0, 4, img.shape)
    return np.clip(img.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def tilt(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """A small perspective warp: the camera is never quite square to the car."""
    corners = np.float32([[0, 0], [WIDTH, 0], [WIDTH, HEIGHT], [0, HEIGHT]])
    shift = np.float32([[rng.uniform(-25, 25), rng.uniform(-15, 15)] for _ in range(4)])
    matrix = cv2.getPerspectiveTransform(corners, corners + shift)
    return cv2.warpPerspective(img, matrix, (WIDTH, HEIGHT), borderMode=cv2.BORDER_REPLICATE)
