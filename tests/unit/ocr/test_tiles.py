from services.ocr.detection import MAX_SIDE, TextDetector, detection_scale, is_tiled
from services.ocr.tiles import LARGE_TEXT, OVERLAP, TILE_SIDE, Tile, found_once, tiles_of, wide_scale


FOUR_K_SCALE = wide_scale(2160, 3840)
FOUR_K_TILES = tiles_of(2160, 3840, FOUR_K_SCALE)


def test_a_4k_frame_is_seen_at_2880_px_in_four_overlapping_tiles():
    scale = wide_scale(2160, 3840)
    assert scale == 0.75 and detection_scale(2160, 3840) == 0.75
    tiles = tiles_of(2160, 3840, scale)
    assert tiles == [Tile(0, 0, 2048, 1208), Tile(1792, 0, 2048, 1208), Tile(0, 952, 2048, 1208),
                     Tile(1792, 952, 2048, 1208)]
    assert all(max(t.width, t.height) * scale <= TILE_SIDE + OVERLAP for t in tiles)  # a call no larger than a 1920 frame's


def test_tiles_cover_the_frame_and_neighbours_share_the_overlap():
    for height, width in [(2160, 3840), (1440, 2560), (4320, 7680), (1081, 1921)]:
        scale = wide_scale(height, width)
        tiles = tiles_of(height, width, scale)
        xs = sorted({(t.x, t.x + t.width) for t in tiles})
        assert xs[0][0] == 0 and xs[-1][1] == width
        assert all(right[0] <= left[1] - min(OVERLAP / scale, width) + 1 for left, right in zip(xs, xs[1:]))
        ys = sorted({(t.y, t.y + t.height) for t in tiles})
        assert ys[0][0] == 0 and ys[-1][1] == height


def test_only_frames_over_1920_px_are_tiled():
    assert is_tiled(2160, 3840) and is_tiled(1080, MAX_SIDE + 1)
    assert not is_tiled(1080, 1920) and not is_tiled(720, 1280)
    assert not is_tiled(2160, 3840, full_resolution_above=0)  # the closer look's windows and tight crops


def test_text_found_in_two_tiles_is_kept_once_and_a_piece_cut_by_a_tiles_edge_gives_way():
    whole, again, cut_off = (1830, 1100, 180, 80), (1831, 1101, 179, 79), (1990, 500, 58, 80)
    whole_of_cut = (1990, 500, 180, 80)
    left, right = FOUR_K_TILES[:2]
    assert found_once([whole, again, cut_off, whole_of_cut], [left, right, left, right],
                      FOUR_K_TILES, FOUR_K_SCALE) == [True, False, False, True]


def test_text_too_wide_for_any_tile_is_kept_from_the_whole_frame_and_the_tiles_pieces_of_it_give_way():
    left, right, _, _ = FOUR_K_TILES
    plate = (1500, 300, 900, 200)  # across the seam: whole in neither the left tile (to x=2048) nor the right (from 1792)
    left_piece, right_piece = (1500, 300, 548, 200), (1792, 300, 608, 200)
    sticker = (100, 100, 120, 40)  # small text the whole frame found too: the left tile saw it closer
    sticker_in_tile = (101, 101, 118, 38)
    assert found_once([plate, left_piece, right_piece, sticker, sticker_in_tile],
                      [None, left, right, None, left], FOUR_K_TILES, FOUR_K_SCALE) == [
        True, False, False, False, True]


def test_overlapping_texts_of_one_tile_are_all_kept():
    tile = FOUR_K_TILES[0]
    assert found_once([(10, 10, 100, 40), (20, 15, 60, 30)], [tile, tile],
                      FOUR_K_TILES, FOUR_K_SCALE) == [True, True]
    assert found_once([], [], FOUR_K_TILES, FOUR_K_SCALE) == []


def test_a_close_ups_text_too_large_for_a_tile_is_kept_from_the_whole_frame_and_the_tiles_boxes_of_it_give_way():
    left = FOUR_K_TILES[0]
    group = (200, 300, 1200, 800)  # a close-up's group of characters, whole in the left tile (to 2048 x 1208)
    piece, stroke = (300, 400, 300, 500), (900, 350, 200, 700)  # what the tile saw of them: pieces of characters
    boxed_wider = (150, 250, 1300, 900)  # or the group, boxed wider than the whole frame's region of it
    sticker, sticker_in_tile = (1600, 100, 120, 40), (1601, 101, 118, 38)  # the tile found this one whole
    assert group[3] * FOUR_K_SCALE > LARGE_TEXT
    assert found_once([group, piece, stroke, boxed_wider, sticker, sticker_in_tile],
                      [None, left, left, left, None, left], FOUR_K_TILES, FOUR_K_SCALE) == [
        True, False, False, False, False, True]


def test_a_frame_detected_at_its_own_resolution_is_one_tile_beside_the_whole_frame_at_960_px():
    detector = TextDetector(engine=None, side=960)
    assert detector.pieces(1080, 1920) == [(Tile(0, 0, 1920, 1080), 1920), (None, 960)]
    assert detector.pieces(720, 1280) == [(None, 960)]
    assert TextDetector(engine=None, side=480, full_resolution_above=0).pieces(1080, 1920) == [(None, 480)]
