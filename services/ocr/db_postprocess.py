"""From the detector's text-probability map to text regions (DB postprocess, pure).

Follows PaddleOCR's DBPostProcess: threshold, dilate, contours, minimum-area rectangles scored
by their mean probability, then each rectangle grown ("unclipped") back to the text's extent.
"""
from dataclasses import dataclass

import cv2
import numpy as np

from services.ocr.geometry import Scaling, expand_rect, order_corners, to_image_pixels


@dataclass(frozen=True)
class DbParams:
    threshold: float = 0.3      # pixel is text above this probability
    box_threshold: float = 0.5  # region kept when its mean probability is above this
    unclip_ratio: float = 1.6
    min_side: float = 3.0       # in model pixels
    max_candidates: int = 200


@dataclass(frozen=True)
class Region:
    corners: np.ndarray  # (4, 2) float32, tl tr br bl, original-image pixels
    score: float


def mean_score(probability: np.ndarray, corners: np.ndarray) -> float:
    """Mean probability inside the polygon (computed in its bounding window)."""
    h, w = probability.shape
    x0, y0 = np.clip(np.floor(corners.min(axis=0)).astype(int), 0, [w - 1, h - 1])
    x1, y1 = np.clip(np.ceil(corners.max(axis=0)).astype(int), 0, [w - 1, h - 1])
    mask = np.zeros((y1 - y0 + 1, x1 - x0 + 1), np.uint8)
    cv2.fillPoly(mask, [(corners - [x0, y0]).astype(np.int32)], 1)
    return float(cv2.mean(probability[y0:y1 + 1, x0:x1 + 1], mask)[0])


def regions_from_map(probability: np.ndarray, scaling: Scaling, params: DbParams = DbParams()) -> list[Region]:
    """Text regions of one image. probability: (H, W) map for that image, padding cut off."""
    bitmap = cv2.dilate((probability > params.threshold).astype(np.uint8), np.ones((2, 2), np.uint8))
    contours, _ = cv2.findContours(bitmap, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    regions = []
    for contour in contours[: params.max_candidates]:
        region = _region(contour, probability, scaling, params)
        if region is not None:
            regions.append(region)
    return regions


def _region(contour: np.ndarray, probability: np.ndarray, scaling: Scaling, params: DbParams) -> Region | None:
    rect = cv2.minAreaRect(contour)
    if min(rect[1]) < params.min_side:
        return None
    score = mean_score(probability, cv2.boxPoints(rect))
    if score < params.box_threshold:
        return None
    grown = expand_rect(rect, params.unclip_ratio)
    if min(grown[1]) < params.min_side + 2:
        return None
    corners = order_corners(cv2.boxPoints(grown))
    return Region(to_image_pixels(corners, scaling), score)
