"""Box geometry: scaling between model input and image pixels, rectangles and crops (pure)."""
import math
from dataclasses import dataclass

import cv2
import numpy as np

STRIDE = 32  # the detection network needs sides that are multiples of this

Box = tuple[int, int, int, int]  # x, y, width, height in original-image pixels


@dataclass(frozen=True)
class Scaling:
    """How one image was resized for the detector: model pixels = image pixels * scale."""
    scale_x: float
    scale_y: float
    height: int  # resized size, before padding to the batch
    width: int


def fit_to_side(height: int, width: int, side: int) -> Scaling:
    """Resize so the longer side is `side`, shrinking large frames and enlarging small images (a
    tight plate crop) alike, so text reaches the detector at a similar scale; sides become multiples
    of STRIDE."""
    ratio = side / max(height, width)
    new_h = max(STRIDE, round(height * ratio / STRIDE) * STRIDE)
    new_w = max(STRIDE, round(width * ratio / STRIDE) * STRIDE)
    return Scaling(new_w / width, new_h / height, new_h, new_w)


def to_image_pixels(points: np.ndarray, scaling: Scaling) -> np.ndarray:
    return points / np.array([scaling.scale_x, scaling.scale_y], dtype=np.float32)


def expand_rect(rect: tuple, ratio: float) -> tuple:
    """Grow a rotated rectangle on every side by area * ratio / perimeter (DB's 'unclip')."""
    (cx, cy), (w, h), angle = rect
    if w <= 0 or h <= 0:
        return rect
    distance = (w * h) * ratio / (2 * (w + h))
    return (cx, cy), (w + 2 * distance, h + 2 * distance), angle


def order_corners(points: np.ndarray) -> np.ndarray:
    """Four corners as top-left, top-right, bottom-right, bottom-left (for tilts under 45 degrees)."""
    by_x = points[np.argsort(points[:, 0], kind="stable")]
    left, right = by_x[:2], by_x[2:]
    tl, bl = left[np.argsort(left[:, 1], kind="stable")]
    tr, br = right[np.argsort(right[:, 1], kind="stable")]
    return np.array([tl, tr, br, bl], dtype=np.float32)


def side_lengths(corners: np.ndarray) -> tuple[float, float]:
    """Width and height of an ordered quadrilateral (the longer of each pair of sides)."""
    tl, tr, br, bl = corners
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    return float(width), float(height)


def bounding_box(corners: np.ndarray, image_height: int, image_width: int) -> Box:
    """The axis-aligned box around the corners, clipped to the image."""
    x0, y0 = np.floor(corners.min(axis=0)).astype(int)
    x1, y1 = np.ceil(corners.max(axis=0)).astype(int)
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(image_width, x1), min(image_height, y1)
    return int(x0), int(y0), int(max(0, x1 - x0)), int(max(0, y1 - y0))


def crop_quad(image: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The quadrilateral warped upright to a rectangle of its own size."""
    width, height = side_lengths(corners)
    w, h = max(1, math.ceil(width)), max(1, math.ceil(height))
    target = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(image, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def union_box(boxes: list[Box]) -> Box:
    """The smallest box containing all the (at least one) boxes."""
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
    return x0, y0, x1 - x0, y1 - y0


def intersection(a: Box, b: Box) -> int:
    """The area two (x, y, width, height) boxes share."""
    iw = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    ih = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    return iw * ih


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two (x, y, width, height) boxes; 0 when either is empty."""
    shared = intersection(a, b)
    union = a[2] * a[3] + b[2] * b[3] - shared
    return shared / union if union > 0 else 0.0
