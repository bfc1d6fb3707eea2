"""The events the OCR service emits for a frame it has read (pure, given the epoch keys in memory).

A plate leaves this service only as tokens and a sealed value: the token under the newest epoch
containing the capture time (the one whose data key seals it), and inside an epoch overlap also
the token under the older one, so the rules can match sightings across the boundary. A read
fused with others of its sighting carries the sighting's plate (`observations.py`).
"""
import uuid

from alpr_common.crypto import EpochKeys, seal, to_proto, token
from alpr_common.events.common_pb2 import Box
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead, PlateRead
from alpr_common.kafka import Outgoing
from alpr_common.topics import FRAME_READS, READS
from services.ocr.observations import Observation

READ_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:alpr:ocr:read")


def read_id(frame_id: str, box: tuple[int, int, int, int]) -> str:
    """The same frame and box always give the same id, so a replayed batch repeats its ids."""
    return str(uuid.uuid5(READ_ID_NAMESPACE, f"{frame_id}/{','.join(map(str, box))}"))


def plate_read(frame: Frame, observation: Observation, model_version: str, epochs: list[EpochKeys]) -> PlateRead:
    """`epochs`: the live epochs containing the capture time, newest (the sealing one) first."""
    plate = observation.plate
    x, y, w, h = plate.box
    sealing, *older = epochs
    read = PlateRead(
        read_id=read_id(frame.frame_id, plate.box), frame_id=frame.frame_id, device_id=frame.device_id,
        captured_at=frame.captured_at, location=frame.location, camera=frame.camera,
        object_key=frame.object_key, confidence=plate.confidence, char_confidences=plate.char_confidences,
        box=Box(x=x, y=y, width=w, height=h), model_version=model_version, image_key_id=frame.image_key_id,
        plate_token=token(sealing, plate.text), overlap_plate_token=token(older[0], plate.text) if older else b"",
        sighting_id=read_id(*observation.first_read), fused_from=observation.fused_from,
    )
    read.sealed_plate.CopyFrom(to_proto(seal(sealing, plate.text.encode(), read.read_id.encode())))
    return read


def frame_outputs(frame: Frame, observations: list[Observation], model_version: str,
                  epochs: list[EpochKeys]) -> list[Outgoing]:
    """One PlateRead per plate (keyed by its token, so look-alike misreads meet within an epoch) and one FrameRead."""
    reads = [plate_read(frame, o, model_version, epochs) for o in observations]
    done = FrameRead(frame_id=frame.frame_id, device_id=frame.device_id, captured_at=frame.captured_at,
                     plates_found=len(observations), object_key=frame.object_key, model_version=model_version)
    return [*(Outgoing(READS.name, r.plate_token.hex().encode(), r.SerializeToString()) for r in reads),
            Outgoing(FRAME_READS.name, frame.device_id.encode(), done.SerializeToString())]
