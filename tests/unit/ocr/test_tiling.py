import numpy as np
import pytest

from services.ocr.db_postprocess import Region
from services.ocr.tiling import OVERLAP, Tile, merged, tiles


def box(x0: float, y0: float, x1: float, y1: float) -> Region:
    return Region(np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32), 0.9)


def extents(regions: list[Region]) -> list[tuple[float, ...]]:
    return sorted(tuple(float(v) for v in (*r.corners.min(axis=0), *r.corners.max(axis=0))) for r in regions)


@pytest.mark.parametrize("height, width", [(720, 1280), (1080, 1440), (540, 960)])
def test_frames_up_to_one_and_a_half_detection_sides_are_detected_whole(height, width):
    assert tiles(height, width, 960) == []


@pytest.mark.parametrize("height, width", [(1080, 1920), (2160, 3840), (3000, 4000), (1200, 1600)])
def test_tiles_cover_the_frame_and_overlap_by_a_quarter(height, width):
    layout = tiles(height, width, 960)
    covered = np.zeros((height, width), bool)
    for t in layout:
        assert t.x + t.width <= width and t.y + t.height <= height
        covered[t.y: t.y + t.height, t.x: t.x + t.width] = True
    assert covered.all()
    xs = sorted({t.x for t in layout})
    assert all(b - a <= (1 - OVERLAP) * 960 for a, b in zip(xs, xs[1:]))


FRAME = (1080, 1920)
LEFT, RIGHT = Tile(0, 0, 960, 960), Tile(480, 0, 960, 960)


def test_a_region_a_tile_cuts_is_dropped_and_its_neighbours_whole_copy_kept():
    cut = box(900, 100, 960, 130)                  # in LEFT's pixels: up to its right edge
    whole_in_right = box(420, 100, 540, 130)       # the same text in RIGHT's pixels
    assert extents(merged([], [(LEFT, [cut]), (RIGHT, [whole_in_right])], *FRAME)) == [(900, 100, 1020, 130)]


def test_a_text_found_in_two_overlapping_tiles_is_kept_once():
    in_left, in_right = box(600, 200, 700, 240), box(120, 200, 220, 240)
    assert extents(merged([], [(LEFT, [in_left]), (RIGHT, [in_right])], *FRAME)) == [(600, 200, 700, 240)]


def test_the_whole_frames_region_inside_a_tile_gives_way_to_the_tiles_finer_one():
    coarse, fine = box(96, 96, 206, 144), box(100, 100, 200, 140)
    assert extents(merged([coarse], [(LEFT, [fine])], *FRAME)) == [(100, 100, 200, 140)]


def test_a_text_larger_than_any_tile_holds_is_kept_whole_and_its_parts_in_tiles_dropped():
    large = box(300, 300, 1300, 500)
    part = box(310, 310, 700, 490)  # lies inside LEFT without touching its edges
    assert extents(merged([large], [(LEFT, [part]), (RIGHT, [])], *FRAME)) == [(300, 300, 1300, 500)]


def test_a_text_the_tiles_missed_is_kept_from_the_whole_frame():
    assert extents(merged([box(50, 50, 150, 80)], [(LEFT, []), (RIGHT, [])], *FRAME)) == [(50, 50, 150, 80)]
