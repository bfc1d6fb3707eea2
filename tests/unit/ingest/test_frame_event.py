from datetime import datetime, timezone

from alpr_common.events.frames_pb2 import Frame
from alpr_common.timeutil import from_timestamp
from services.ingest.events import frame_message
from services.ingest.images import ImageLimits, check_image
from services.ingest.metadata import FrameMetadata
from services.ingest.validation import ValidatedFrame
from tests.unit.ingest.sample_images import png

RECEIVED = datetime(2024, 5, 1, 12, 0, 5, tzinfo=timezone.utc)


def frame(heading: float | None) -> ValidatedFrame:
    metadata = FrameMetadata("f-9", "cam-2", datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc), 47.5, 8.25, heading, None)
    return ValidatedFrame(metadata, check_image(png(100, 80), ImageLimits(10**6, 10**6)))


def test_the_frame_message_carries_everything_downstream_needs_keyed_by_device():
    message = frame_message(frame(heading=0.0), RECEIVED, "epoch:20240501T0000Z-24h")
    event = Frame.FromString(message.value)
    assert (message.topic, message.key) == ("alpr.frames.v1", b"cam-2")
    assert (event.frame_id, event.device_id, event.object_key) == ("f-9", "cam-2", "frames/cam-2/f-9.png")
    assert (event.content_type, event.width, event.height, len(event.sha256)) == ("image/png", 100, 80, 64)
    assert (event.location.latitude, event.location.longitude) == (47.5, 8.25)
    assert from_timestamp(event.received_at) == RECEIVED
    assert event.HasField("heading_deg") and event.heading_deg == 0.0
    assert event.image_key_id == "epoch:20240501T0000Z-24h"


def test_a_missing_heading_stays_absent_rather_than_zero():
    event = Frame.FromString(frame_message(frame(heading=None), RECEIVED, "epoch:20240501T0000Z-24h").value)
    assert not event.HasField("heading_deg") and event.camera == ""
