import numpy as np

from services.ocr.evaluation.labels import Label
from services.ocr.evaluation.mosaic import Scene, label_line, mosaic, without_plates


def test_scenes_are_laid_out_row_by_row_each_shrunk_to_its_cell_with_its_plates_box():
    scenes = [Scene(np.full((400, 800, 3), k * 40, np.uint8), [Label(f"s{k}.jpg", f"AB{k}123", box=(100, 200, 80, 20))])
              for k in range(3)]
    frame, labels = mosaic(scenes, grid=2, width=800, height=400, name="m.jpg")
    assert frame.shape == (400, 800, 3)
    assert [(label.file, label.text, label.box) for label in labels] == [
        ("m.jpg", "AB0123", (50, 100, 40, 10)),      # top left, at half size
        ("m.jpg", "AB1123", (450, 100, 40, 10)),     # top right
        ("m.jpg", "AB2123", (50, 300, 40, 10))]      # bottom left
    assert frame[300, 600].tolist() == [100, 100, 100]  # the fourth cell is background
    assert frame[250, 100].tolist() == [80, 80, 80]


def test_only_grid_by_grid_scenes_fit_in_a_frame_and_a_scene_without_plates_adds_no_label():
    scenes = [Scene(np.zeros((10, 10, 3), np.uint8), []) for _ in range(5)]
    frame, labels = mosaic(scenes, grid=2, width=100, height=100, name="m.jpg")
    assert labels == [] and frame.shape == (100, 100, 3)


def test_a_label_line_is_in_the_scene_label_format():
    assert label_line(Label("m.jpg", "AB123", box=(1, 2, 3, 4))) == "m.jpg\t1\t2\t3\t4\tAB123"


def test_hidden_plates_are_blurred_out_with_a_margin_and_the_scene_keeps_no_label():
    image = np.full((200, 400, 3), 200, np.uint8)
    image[100:120, 100:180:4] = 0  # a plate's strokes
    image[10:20, 300:380:4] = 0    # a sign far from it
    image[92:95, 92:96] = 0        # a bolt half a plate height (10 px) from the box
    image[80:84, 92:96] = 0        # a mark beyond that
    scene = Scene(image, [Label("s.jpg", "AB123", box=(100, 100, 80, 20))])
    hidden = without_plates(scene)
    assert hidden.labels == [] and scene.labels  # the original scene is left as it was
    strokes = hidden.image[100:120, 100:180]
    assert strokes.min() > 100 and strokes.max() - strokes.min() < 30  # no stroke survives
    assert hidden.image[92:95, 92:96].min() > 100  # the margin is blurred too
    assert np.array_equal(hidden.image[80:84, 92:96], image[80:84, 92:96])
    assert np.array_equal(hidden.image[10:20, 300:380], image[10:20, 300:380])
    assert np.array_equal(hidden.image[140:, :], image[140:, :])
