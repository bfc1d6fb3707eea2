import numpy as np
import pytest

from services.ocr.db_postprocess import regions_from_map
from services.ocr.detection import detection_batch, detection_side
from services.ocr.geometry import (Scaling, bounding_box, crop_quad, expand_rect, fit_to_side, order_corners,
                                   side_lengths, to_image_pixels, union_box)


def test_a_demo_frame_keeps_its_size_rounded_to_the_stride():
    s = fit_to_side(540, 960, 960)
    assert (s.height, s.width) == (544, 960)
    assert s.scale_x == 1.0 and s.scale_y == pytest.approx(544 / 540)


def test_a_large_frame_is_shrunk_to_the_longest_side():
    s = fit_to_side(1080, 1920, 960)
    assert (s.height, s.width) == (544, 960)


def test_a_small_crop_is_enlarged_to_the_longest_side():
    s = fit_to_side(160, 320, 960)
    assert (s.height, s.width) == (480, 960)
    assert s.scale_x == 3.0 and s.scale_y == 3.0


def test_model_points_map_back_to_image_pixels():
    s = fit_to_side(1080, 1920, 960)
    points = np.array([[480.0, 272.0]], np.float32)
    assert to_image_pixels(points, s)[0] == pytest.approx([960.0, 540.0])


def test_expand_rect_grows_every_side_by_the_same_distance():
    (_, (w, h), angle) = expand_rect(((50, 20), (100, 20), 0), 1.5)
    d = 100 * 20 * 1.5 / 240
    assert (w, h, angle) == pytest.approx((100 + 2 * d, 20 + 2 * d, 0))


def test_corners_are_ordered_clockwise_from_top_left():
    shuffled = np.array([[10, 30], [110, 5], [0, 0], [100, 35]], np.float32)
    assert order_corners(shuffled).tolist() == [[0, 0], [110, 5], [100, 35], [10, 30]]


def test_bounding_box_is_clipped_to_the_image():
    corners = np.array([[-5, 10], [50, 10], [50, 30.5], [-5, 30.5]], np.float32)
    assert bounding_box(corners, 25, 40) == (0, 10, 40, 15)


def test_union_box_contains_every_box_and_no_more():
    assert union_box([(10, 20, 30, 40)]) == (10, 20, 30, 40)
    assert union_box([(50, 22, 20, 30), (10, 20, 30, 40)]) == (10, 20, 60, 40)


def test_crop_quad_warps_a_tilted_region_upright():
    image = np.zeros((100, 200, 3), np.uint8)
    corners = np.array([[20, 30], [120, 40], [118, 60], [18, 50]], np.float32)
    crop = crop_quad(image, corners)
    assert crop.shape[:2] == (int(np.ceil(side_lengths(corners)[1])), int(np.ceil(side_lengths(corners)[0])))


def test_detection_batch_pads_frames_of_different_sizes_to_one_tensor():
    batch, scalings = detection_batch([np.zeros((540, 960, 3), np.uint8), np.zeros((480, 320, 3), np.uint8)])
    assert batch.shape == (2, 3, 960, 960)
    assert (scalings[1].height, scalings[1].width) == (960, 640)  # a portrait image, enlarged
    assert batch[0, :, 544:, :].max() == 0 and batch[0, :, :544, :].min() == -1.0
    assert batch[1, :, :, 640:].max() == 0 and batch[1, :, :, :640].min() == -1.0


@pytest.mark.parametrize("height, width, side", [(720, 1280, 960), (1080, 1440, 960), (160, 320, 960),
                                                 (1080, 1920, 1920), (1200, 1600, 1600)])
def test_frames_are_detected_at_960_px_and_large_ones_at_their_own_resolution_up_to_1920(height, width, side):
    assert detection_side(height, width) == side
    assert detection_side(height, width, full_resolution_above=0) == 960


def test_a_text_blob_in_the_probability_map_becomes_a_box_in_image_pixels():
    probability = np.zeros((272, 480), np.float32)
    probability[100:120, 200:300] = 0.9  # model pixels; the frame is twice as large
    regions = regions_from_map(probability, Scaling(0.5, 0.5, 272, 480))
    assert len(regions) == 1 and regions[0].score == pytest.approx(0.9, abs=0.1)
    x, y, w, h = bounding_box(regions[0].corners, 544, 960)
    assert 360 <= x <= 400 and 160 <= y <= 200  # the blob starts at (400, 200) in the frame, then grows
    assert 230 <= w <= 280 and 80 <= h <= 110  # 200 x 40 in the frame, grown by about 14 model pixels a side


def test_faint_blobs_are_not_regions():
    probability = np.zeros((64, 64), np.float32)
    probability[10:20, 10:40] = 0.35  # above the pixel threshold, below the box threshold
    assert regions_from_map(probability, Scaling(1, 1, 64, 64)) == []


def test_recognition_input_keeps_the_aspect_ratio_at_height_48():
    from services.ocr.recognition import recognition_batch
    batch, fractions = recognition_batch([np.zeros((30, 150, 3), np.uint8), np.zeros((20, 600, 3), np.uint8)])
    assert batch.shape == (2, 3, 48, 1440)
    assert batch[0, :, :, 240:].max() == 0  # 150 px wide at 30 high is 240 wide at 48 high, then padding
    assert fractions == [240 / 1440, 1.0]
