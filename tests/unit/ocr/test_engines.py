"""The CPU engine (OpenVINO) on the real ONNX files, against ONNX Runtime's CPU provider."""
import numpy as np
import onnxruntime
import pytest

from alpr_common.errors import ConfigError
from services.ocr.engines import CpuEngine, open_engine
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
