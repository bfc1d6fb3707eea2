"""The CPU engine (OpenVINO) on the real ONNX files, against ONNX Runtime's CPU provider."""
import numpy as np
import onnxruntime
import pytest

from alpr_common.errors import ConfigError
from services.ocr.engines import MAX_SPECIALISED, SPECIALISE_AFTER, CpuEngine, open_engine
from services.ocr.models import character_list, locate_models


@pytest.fixture(scope="module")
def files():
    return locate_models()


def onnxruntime_outputs(path, inputs: list[np.ndarray]) -> list[np.ndarray]:
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    return [session.run(None, {name: x})[0] for x in inputs]


def test_the_cpu_engine_computes_what_onnx_runtime_computes(files):
    rng = np.random.default_rng(7)
    frames = [rng.uniform(-1, 1, (1, 3, 96, 160)).astype(np.float32) for _ in range(3)]
    crops = [rng.uniform(-1, 1, (n, 3, 48, 320)).astype(np.float32) for n in (1, 5)]
    for path, inputs, many_calls in ((files.detection, frames, True), (files.recognition, crops, False),
                                     (files.second_recognition, crops, False)):
        ours = CpuEngine(path, many_calls).run(inputs)
        theirs = onnxruntime_outputs(path, inputs)
        assert [o.shape for o in ours] == [t.shape for t in theirs]
        for o, t in zip(ours, theirs):
            assert np.abs(o - t).max() < 1e-3


def test_without_a_gpu_models_run_on_the_cpu_engine(files):
    if "CUDAExecutionProvider" in onnxruntime.get_available_providers():
        pytest.skip("this machine has a GPU for ONNX Runtime")
    engine = open_engine(files.detection)
    assert isinstance(engine, CpuEngine) and not engine.on_gpu


def test_the_alphabet_comes_from_the_recognition_models_metadata(files):
    alphabet = character_list(CpuEngine(files.recognition))
    assert alphabet[0] == "<blank>" and alphabet[-1] == " "
    assert {"A", "Z", "0", "9"} <= set(alphabet)
    assert len(alphabet) == 6625  # the recognizer's classes


def test_a_recognition_model_without_a_dictionary_is_a_clear_error(files):
    detector = CpuEngine(files.detection)
    assert detector.metadata("character") is None
    with pytest.raises(ConfigError, match="no character dictionary"):
        character_list(detector)


def test_the_first_shape_called_often_gets_a_model_of_its_own_that_computes_the_same(files):
    rng = np.random.default_rng(11)
    frame = rng.uniform(-1, 1, (1, 3, 96, 160)).astype(np.float32)
    engine = CpuEngine(files.detection, many_calls=True)
    general = engine.run([frame])[0]
    engine.run([frame] * (SPECIALISE_AFTER - 1))
    assert list(engine.specialised) == [frame.shape]
    assert np.abs(engine.run([frame])[0] - general).max() < 1e-4
    others = [rng.uniform(-1, 1, (1, 3, 32 * k, 64)).astype(np.float32) for k in (1, 2, 3)]
    engine.run([x for x in others for _ in range(SPECIALISE_AFTER)])
    assert len(engine.specialised) == MAX_SPECIALISED


def test_a_large_shape_or_a_model_of_one_call_at_a_time_gets_none(files):
    detector = CpuEngine(files.detection, many_calls=True)
    detector.run([np.zeros((1, 3, 1120, 1088), np.float32)] * SPECIALISE_AFTER)  # over MAX_SPECIALISED_VALUES
    recognizer = CpuEngine(files.recognition)
    recognizer.run([np.zeros((2, 3, 48, 160), np.float32)] * SPECIALISE_AFTER)
    assert detector.specialised == {} and recognizer.specialised == {}


def test_a_call_too_large_for_a_model_of_its_own_drops_the_one_compiled_and_ends_specialising(files):
    engine = CpuEngine(files.detection, many_calls=True)
    frame = np.zeros((1, 3, 96, 160), np.float32)
    engine.run([frame] * SPECIALISE_AFTER)
    assert list(engine.specialised) == [frame.shape]
    large = np.zeros((1, 3, 1120, 1088), np.float32)  # over MAX_SPECIALISED_VALUES: a wide frame's tile
    expected = engine.run([large])[0]
    assert engine.specialised == {}
    small = np.zeros((1, 3, 64, 96), np.float32)
    assert np.abs(engine.run([frame, large] * SPECIALISE_AFTER + [small] * SPECIALISE_AFTER)[1] - expected).max() < 1e-4
    assert engine.specialised == {}


def test_an_input_that_fails_to_be_made_fails_the_run_and_leaves_the_engine_usable(files):
    engine = CpuEngine(files.detection, many_calls=True)
    frame = np.zeros((1, 3, 64, 96), np.float32)

    def inputs():
        yield frame
        raise ValueError("a frame that cannot be read")
    with pytest.raises(ValueError, match="cannot be read"):
        engine.run(inputs())
    assert [o.shape[-2:] for o in engine.run([frame, frame])] == [(64, 96), (64, 96)]
