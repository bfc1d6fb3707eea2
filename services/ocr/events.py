"""The events the OCR service emits for a frame it has read (pure)."""
import uuid

from alpr_common.events.common_pb2 import Box
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead, PlateRead
from alpr_common.kafka import Outgoing
from alpr_common.plates import canonical_plate
from alpr_common.topics import FRAME_READS, READS
from services.ocr.reader import PlateResult

READ_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:alpr:ocr:read")


def read_id(frame_id: str, box: tuple[int, int, int, int]) -> str:
    """The same frame and box always give the same id, so a replayed batch repeats its ids."""
    return str(uuid.uuid5(READ_ID_NAMESPACE, f"{frame_id}/{','.join(map(str, box))}"))


def plate_read(frame: Frame, plate: PlateResult, model_version: str) -> PlateRead:
    x, y, w, h = plate.box
    return PlateRead(
        read_id=read_id(frame.frame_id, plate.box), frame_id=frame.frame_id, device_id=frame.device_id,
        captured_at=frame.captured_at, location=frame.location, camera=frame.camera,
        object_key=frame.object_key, plate_text=plate.text, confidence=plate.confidence,
        char_confidences=plate.char_confidences, box=Box(x=x, y=y, width=w, height=h),
        model_version=model_version,
    )


def frame_outputs(frame: Frame, plates: list[PlateResult], model_version: str) -> list[Outgoing]:
    """One PlateRead per plate (keyed by its canonical text, so look-alike misreads meet) and one FrameRead."""
    reads = [plate_read(frame, p, model_version) for p in plates]
    done = FrameRead(frame_id=frame.frame_id, device_id=frame.device_id, captured_at=frame.captured_at,
                     plates_found=len(plates), object_key=frame.object_key, model_version=model_version)
    return [*(Outgoing(READS.name, canonical_plate(r.plate_text).encode(), r.SerializeToString()) for r in reads),
            Outgoing(FRAME_READS.name, frame.device_id.encode(), done.SerializeToString())]
