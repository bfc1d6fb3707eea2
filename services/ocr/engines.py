"""What runs the ONNX models: ONNX Runtime's CUDA provider on a GPU, OpenVINO on a CPU.

Both read the same ONNX files. An engine runs inputs, each one model call, and returns each call's
first output; run_lazily makes each input while the engine runs the ones before it. OpenVINO is
tuned for throughput where a model is run many calls at a time (the detector: one call per frame,
side by side in its streams, one per core), else for the latency
of one call that uses every core (the recognizer: one call for up to 16 crops). On this project's
CPU machines (2 cores, 1280x720 frames) it ran the detector in 55-56 instead of 84-86 ms a frame
and the recognizer in 111-123 instead of 205-208 ms for 12 crops, compared with ONNX Runtime's CPU
provider in the same runs, with the same outputs to within 1e-3. Tuned for throughput, a single
recognizer call ran on one core and took 180-190 ms.
"""
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np
import onnxruntime
import openvino


class Engine(Protocol):
    on_gpu: bool

    def run(self, inputs: Iterable[np.ndarray]) -> list[np.ndarray]:
        """The first output of the model for each input, in order (inputs may be made lazily: an
        engine that runs calls side by side makes the next while it runs the ones before)."""

    def metadata(self, key: str) -> str | None:
        """A value of the ONNX file's metadata, or None."""


Item = TypeVar("Item")
Extra = TypeVar("Extra")


def run_lazily(engine: Engine, make: Callable[[Item], tuple[np.ndarray, Extra]],
               items: Iterable[Item]) -> list[tuple[np.ndarray, Extra]]:
    """engine.run over the input make(item) gives for each item, each made while the engine runs the
    ones before it; each output with what else make gave (a batch's scalings, its crops' widths)."""
    extras: list[Extra] = []

    def inputs() -> Iterator[np.ndarray]:
        for item in items:
            x, extra = make(item)
            extras.append(extra)
            yield x
    outputs = engine.run(inputs())
    return list(zip(outputs, extras))


class CudaEngine:
    """ONNX Runtime with the CUDA provider (from onnxruntime-gpu), one call after the other."""

    def __init__(self, path: Path):
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(path), sess_options=options,
                                                    providers=["CUDAExecutionProvider", "CPUExecutionProvider"])
        self.input_name = self.session.get_inputs()[0].name
        self.on_gpu = "CUDAExecutionProvider" in self.session.get_providers()

    def run(self, inputs: Iterable[np.ndarray]) -> list[np.ndarray]:
        return [self.session.run(None, {self.input_name: x})[0] for x in inputs]

    def metadata(self, key: str) -> str | None:
        return self.session.get_modelmeta().custom_metadata_map.get(key)


class CpuEngine:
    """OpenVINO on the CPU; with many_calls, the calls of one run go side by side."""
    on_gpu = False

    def __init__(self, path: Path, many_calls: bool = False):
        core = openvino.Core()
        self.model = core.read_model(str(path))
        # f32: on CPUs with AMX (these machines) OpenVINO would compute in bfloat16, another 1.7 times
        # faster, but reading 6 fewer of the 751 US plate crops exactly and finding one EU plate less.
        config = {"PERFORMANCE_HINT": "THROUGHPUT" if many_calls else "LATENCY", "INFERENCE_PRECISION_HINT": "f32"}
        self.compiled = core.compile_model(self.model, "CPU", config)
        streams = self.compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS")
        self.queue = openvino.AsyncInferQueue(self.compiled, streams)
        self.lock = threading.Lock()  # one run at a time owns the queue

    def run(self, inputs: Iterable[np.ndarray]) -> list[np.ndarray]:
        outputs: dict[int, np.ndarray] = {}

        def keep(request: openvino.InferRequest, index: int) -> None:
            outputs[index] = request.get_output_tensor(0).data.copy()

        with self.lock:
            self.queue.set_callback(keep)
            try:
                for index, x in enumerate(inputs):
                    self.queue.start_async({0: x}, index)
            finally:
                self.queue.wait_all()  # also where making an input failed: no call outlives its run
        return [outputs[index] for index in range(len(outputs))]

    def metadata(self, key: str) -> str | None:
        path = ["framework", key]
        return self.model.get_rt_info(path).astype(str) if self.model.has_rt_info(path) else None


def open_engine(path: Path, many_calls: bool = False) -> Engine:
    """The model at `path` on the GPU where onnxruntime-gpu finds one, else on the CPU (also where
    onnxruntime-gpu is installed but its CUDA provider cannot start).
    many_calls: the model is run many calls at a time (a batch's frames, one call each)."""
    if "CUDAExecutionProvider" in onnxruntime.get_available_providers():
        engine = CudaEngine(path)
        if engine.on_gpu:
            return engine
    return CpuEngine(path, many_calls)
