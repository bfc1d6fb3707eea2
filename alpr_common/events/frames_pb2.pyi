import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from alpr_common.events import common_pb2 as _common_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Frame(_message.Message):
    __slots__ = ("frame_id", "device_id", "captured_at", "location", "heading_deg", "camera", "object_key", "content_type", "width", "height", "sha256", "received_at", "image_key_id")
    FRAME_ID_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    CAPTURED_AT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    HEADING_DEG_FIELD_NUMBER: _ClassVar[int]
    CAMERA_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    IMAGE_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    frame_id: str
    device_id: str
    captured_at: _timestamp_pb2.Timestamp
    location: _common_pb2.GeoPoint
    heading_deg: float
    camera: str
    object_key: str
    content_type: str
    width: int
    height: int
    sha256: str
    received_at: _timestamp_pb2.Timestamp
    image_key_id: str
    def __init__(self, frame_id: _Optional[str] = ..., device_id: _Optional[str] = ..., captured_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., heading_deg: _Optional[float] = ..., camera: _Optional[str] = ..., object_key: _Optional[str] = ..., content_type: _Optional[str] = ..., width: _Optional[int] = ..., height: _Optional[int] = ..., sha256: _Optional[str] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., image_key_id: _Optional[str] = ...) -> None: ...
