import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from alpr_common.events import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PlateRead(_message.Message):
    __slots__ = ("read_id", "frame_id", "device_id", "captured_at", "location", "camera", "object_key", "plate_text", "confidence", "char_confidences", "box", "model_version", "plate_token", "sealed_plate", "overlap_plate_token", "image_key_id", "sighting_id", "fused_from")
    READ_ID_FIELD_NUMBER: _ClassVar[int]
    FRAME_ID_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    CAPTURED_AT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    CAMERA_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    PLATE_TEXT_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    CHAR_CONFIDENCES_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    MODEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    PLATE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SEALED_PLATE_FIELD_NUMBER: _ClassVar[int]
    OVERLAP_PLATE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    IMAGE_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    SIGHTING_ID_FIELD_NUMBER: _ClassVar[int]
    FUSED_FROM_FIELD_NUMBER: _ClassVar[int]
    read_id: str
    frame_id: str
    device_id: str
    captured_at: _timestamp_pb2.Timestamp
    location: _common_pb2.GeoPoint
    camera: str
    object_key: str
    plate_text: str
    confidence: float
    char_confidences: _containers.RepeatedScalarFieldContainer[float]
    box: _common_pb2.Box
    model_version: str
    plate_token: bytes
    sealed_plate: _common_pb2.SealedValue
    overlap_plate_token: bytes
    image_key_id: str
    sighting_id: str
    fused_from: int
    def __init__(self, read_id: _Optional[str] = ..., frame_id: _Optional[str] = ..., device_id: _Optional[str] = ..., captured_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., camera: _Optional[str] = ..., object_key: _Optional[str] = ..., plate_text: _Optional[str] = ..., confidence: _Optional[float] = ..., char_confidences: _Optional[_Iterable[float]] = ..., box: _Optional[_Union[_common_pb2.Box, _Mapping]] = ..., model_version: _Optional[str] = ..., plate_token: _Optional[bytes] = ..., sealed_plate: _Optional[_Union[_common_pb2.SealedValue, _Mapping]] = ..., overlap_plate_token: _Optional[bytes] = ..., image_key_id: _Optional[str] = ..., sighting_id: _Optional[str] = ..., fused_from: _Optional[int] = ...) -> None: ...

class FrameRead(_message.Message):
    __slots__ = ("frame_id", "device_id", "captured_at", "plates_found", "object_key", "model_version")
    FRAME_ID_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    CAPTURED_AT_FIELD_NUMBER: _ClassVar[int]
    PLATES_FOUND_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    MODEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    frame_id: str
    device_id: str
    captured_at: _timestamp_pb2.Timestamp
    plates_found: int
    object_key: str
    model_version: str
    def __init__(self, frame_id: _Optional[str] = ..., device_id: _Optional[str] = ..., captured_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., plates_found: _Optional[int] = ..., object_key: _Optional[str] = ..., model_version: _Optional[str] = ...) -> None: ...

class TokenedRead(_message.Message):
    __slots__ = ("read", "token", "epoch_id", "may_open_case")
    READ_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    EPOCH_ID_FIELD_NUMBER: _ClassVar[int]
    MAY_OPEN_CASE_FIELD_NUMBER: _ClassVar[int]
    read: PlateRead
    token: bytes
    epoch_id: str
    may_open_case: bool
    def __init__(self, read: _Optional[_Union[PlateRead, _Mapping]] = ..., token: _Optional[bytes] = ..., epoch_id: _Optional[str] = ..., may_open_case: _Optional[bool] = ...) -> None: ...
