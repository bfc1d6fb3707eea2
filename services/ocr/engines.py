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
import math
import threading
from collections import Counter
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


# OpenVINO runs a model compiled for one input shape faster than the same model compiled for any
# shape: the detector 11-14% faster (50 instead of 57 ms for a 960x544 frame, 11.5 instead of 13.4 ms
# for a 480x256 window, this project's AMD machine), the recognizers no faster. Each such model holds
# its own buffers: on 1280x720 frames the OCR service peaked 140 MB higher with one for the frames'
# shape, and one for a 1920x1088 shape (a 3840x2160 frame's) would take 600 MB. So one shape gets
# one, the first called SPECIALISE_AFTER times if not too large: a camera's frames. With a second,
# for the commonest closer-look window, 1280x720 frames ran no faster, and 3840x2160 frames peaked
# at 1975 MiB (1919 with one).
# Once a call larger than MAX_SPECIALISED_VALUES comes (a 1920x1080 frame, a 3840x2160 frame's tiles),
# the engine drops its model for one shape and makes none again: the general model then holds
# buffers for the large shape, and the two together took batches of eight 3840x2160 frames to
# 2151-2176 MiB, against 1941 without one (whose whole-frame pass at 960x544 had earned it), and 720
# then 3840 px frames to 2295 MiB, against 2134 (the rest was the heap's: heap.py) (2026-12-03, Xeon);
# 1920x1080 frames ran no slower without one.
SPECIALISE_AFTER = 4  # calls of one input shape before a model that runs many calls gets one for it
MAX_SPECIALISED = 1   # input shapes with a model of their own, per engine
MAX_SPECIALISED_VALUES = 3 * 1088 * 1088  # the most input values of a shape that gets one (an image of 1088x1088)
# OpenVINO keeps the kernels it prepared for each input shape a model for any shape was called with,
# up to 5,000 entries by default: reading images of many sizes (the 751 US plate crops, 8 to a batch,
# over 300 shapes) grew the process to 2275 MiB. Kept to RUNTIME_CACHE_ENTRIES, it peaked at 1580 MiB,
# 1280x720 frames at 1179-1208 instead of 1251-1283 and 3840x2160 frames at 1892 instead of 1948, in
# the same time (2026-12-03, Xeon; with none kept, 1412 MiB on the crops, 1280x720 frames 1-2% slower).
RUNTIME_CACHE_ENTRIES = 200


class CpuEngine:
    """OpenVINO on the CPU; with many_calls, the calls of one run go side by side, and the first input
    shape called SPECIALISE_AFTER times (a camera's frames) gets a model compiled for it alone, until
    a call too large for one comes."""
    on_gpu = False

    def __init__(self, path: Path, many_calls: bool = False):
        self.core = openvino.Core()
        self.model = self.core.read_model(str(path))
        self.many_calls = many_calls
        self.specialising = many_calls  # whether a shape may still get a model of its own
        self.general = self.compiled(self.model)
        self.specialised: dict[tuple[int, ...], openvino.AsyncInferQueue] = {}
        self.calls_of_shape: Counter[tuple[int, ...]] = Counter()
        self.slots = threading.BoundedSemaphore(len(self.general))  # calls running at once, over all models
        self.lock = threading.Lock()  # one run at a time owns the queues

    def compiled(self, model: openvino.Model) -> openvino.AsyncInferQueue:
        # f32: on CPUs with AMX (these machines) OpenVINO would compute in bfloat16, another 1.7 times
        # faster, but reading 6 fewer of the 751 US plate crops exactly and finding one EU plate less.
        # Per model (2026-12-03, Xeon with AMX, ms per call f32 -> bf16): the detector 55 -> 30 ms on
        # a 960x544 frame, but a plate reported on 50 instead of 44 of the 222 plate-free scenes and 2
        # fewer US-in-scenes plates read; the recognizer 87 -> 36 ms for 12 crops, but 2 fewer of the
        # EU/BR frames read; the PP-OCRv6 recognizer 141 -> 55 ms, but one US crop fewer ("ADT80S").
        # Keeping the detector's last layers in f32 (rt_info "precise") kept none of its accuracy.
        config = {"PERFORMANCE_HINT": "THROUGHPUT" if self.many_calls else "LATENCY", "INFERENCE_PRECISION_HINT": "f32",
                  "CPU_RUNTIME_CACHE_CAPACITY": RUNTIME_CACHE_ENTRIES}
        compiled = self.core.compile_model(model, "CPU", config)
        return openvino.AsyncInferQueue(compiled, compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))

    def queue_for(self, shape: tuple[int, ...]) -> openvino.AsyncInferQueue:
        """The queue of the model compiled for `shape`, compiling one once the shape has been called
        SPECIALISE_AFTER times (while MAX_SPECIALISED allows), else of the model for any shape; a
        shape over MAX_SPECIALISED_VALUES ends specialising and drops the models compiled so far
        (a run still using one keeps it until the run ends)."""
        if math.prod(shape) > MAX_SPECIALISED_VALUES:
            self.specialising = False
            self.specialised.clear()
        if shape in self.specialised:
            return self.specialised[shape]
        if not self.specialising or len(self.specialised) >= MAX_SPECIALISED:
            return self.general
        self.calls_of_shape[shape] += 1
        if self.calls_of_shape[shape] < SPECIALISE_AFTER:
            return self.general
        model = self.model.clone()
        model.reshape(list(shape))
        self.specialised[shape] = self.compiled(model)
        return self.specialised[shape]

    def run(self, inputs: Iterable[np.ndarray]) -> list[np.ndarray]:
        outputs: dict[int, np.ndarray] = {}
        used: list[openvino.AsyncInferQueue] = []

        def keep(request: openvino.InferRequest, index: int) -> None:
            try:
                outputs[index] = request.get_output_tensor(0).data.copy()
            finally:
                self.slots.release()  # a call's slot comes back whatever happens to its output

        with self.lock:
            try:
                for index, x in enumerate(inputs):
                    queue = self.queue_for(x.shape)
                    if queue not in used:
                        queue.set_callback(keep)
                        used.append(queue)
                    self.slots.acquire()
                    try:
                        queue.start_async({0: x}, index)
                    except BaseException:
                        self.slots.release()
                        raise
            finally:
                for queue in used:  # also where making an input failed: no call outlives its run
                    queue.wait_all()
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
