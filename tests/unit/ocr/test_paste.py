import numpy as np

from services.ocr.evaluation.labels import Label
from services.ocr.evaluation.mosaic import Scene
from services.ocr.evaluation.paste import pasted


def scene_with_plate(box: tuple[int, int, int, int]) -> Scene:
    image = np.full((200, 400, 3), 200, np.uint8)
    x, y, w, h = box
    image[y: y + h, x: x + w: 4] = 0  # the scene's own plate's strokes
    return Scene(image, [Label("s.jpg", "AB123", box=box)])


def test_a_crop_is_pasted_at_the_given_width_centred_on_the_blurred_plate():
    scene = scene_with_plate((100, 100, 80, 20))
    crop = np.full((10, 40, 3), 30, np.uint8)
    image, box = pasted(scene, crop, 60)
    assert box == (110, 102, 60, 15)  # the crop's aspect ratio kept
    assert (image[102:117, 110:170] == 30).all()
    assert image[100:120, 100:110].min() > 100  # the scene's plate beside the crop is blurred out
    assert scene.image[100, 100].tolist() == [0, 0, 0]  # and the scene itself left as it was


def test_a_crop_pasted_over_a_plate_at_the_frame_edge_stays_inside_the_frame():
    image, box = pasted(scene_with_plate((380, 190, 20, 10)), np.full((10, 40, 3), 30, np.uint8), 60)
    assert box == (340, 185, 60, 15)
    assert (image[185:200, 340:400] == 30).all()
