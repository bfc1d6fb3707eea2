"""The Frame event ingest produces for each accepted upload."""
from datetime import datetime

from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.events.frames_pb2 import Frame
from alpr_common.kafka import Outgoing
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import FRAMES
from services.ingest.validation import ValidatedFrame


def frame_event(frame: ValidatedFrame, received_at: datetime, image_key_id: str) -> Frame:
    m, image = frame.metadata, frame.image
    event = Frame(
        frame_id=m.frame_id, device_id=m.device_id, captured_at=to_timestamp(m.captured_at),
        location=GeoPoint(latitude=m.latitude, longitude=m.longitude), camera=m.camera or "",
        object_key=frame.object_key, content_type=image.content_type, width=image.width,
        height=image.height, sha256=image.sha256, received_at=to_timestamp(received_at), image_key_id=image_key_id,
    )
    if m.heading is not None:
        event.heading_deg = m.heading
    return event


def frame_message(frame: ValidatedFrame, received_at: datetime, image_key_id: str) -> Outgoing:
    """Keyed by device id, so one camera's frames stay in order."""
    event = frame_event(frame, received_at, image_key_id)
    return Outgoing(FRAMES.name, event.device_id.encode(), event.SerializeToString())
