import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from alpr_common.events import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ViolationKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VIOLATION_KIND_UNSPECIFIED: _ClassVar[ViolationKind]
    OVERSTAY: _ClassVar[ViolationKind]
    NO_PERMIT: _ClassVar[ViolationKind]
VIOLATION_KIND_UNSPECIFIED: ViolationKind
OVERSTAY: ViolationKind
NO_PERMIT: ViolationKind

class Sighting(_message.Message):
    __slots__ = ("read_id", "frame_id", "object_key", "captured_at", "location", "plate_text", "confidence", "box", "sealed_plate", "image_key_id")
    READ_ID_FIELD_NUMBER: _ClassVar[int]
    FRAME_ID_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    CAPTURED_AT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    PLATE_TEXT_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    SEALED_PLATE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    read_id: str
    frame_id: str
    object_key: str
    captured_at: _timestamp_pb2.Timestamp
    location: _common_pb2.GeoPoint
    plate_text: str
    confidence: float
    box: _common_pb2.Box
    sealed_plate: _common_pb2.SealedValue
    image_key_id: str
    def __init__(self, read_id: _Optional[str] = ..., frame_id: _Optional[str] = ..., object_key: _Optional[str] = ..., captured_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., plate_text: _Optional[str] = ..., confidence: _Optional[float] = ..., box: _Optional[_Union[_common_pb2.Box, _Mapping]] = ..., sealed_plate: _Optional[_Union[_common_pb2.SealedValue, _Mapping]] = ..., image_key_id: _Optional[str] = ...) -> None: ...

class Case(_message.Message):
    __slots__ = ("case_id", "plate_text", "zone_id", "zone_name", "kind", "sightings", "opened_at", "rule_summary", "limit_minutes", "grace_minutes", "plate_token")
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    PLATE_TEXT_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SIGHTINGS_FIELD_NUMBER: _ClassVar[int]
    OPENED_AT_FIELD_NUMBER: _ClassVar[int]
    RULE_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_MINUTES_FIELD_NUMBER: _ClassVar[int]
    GRACE_MINUTES_FIELD_NUMBER: _ClassVar[int]
    PLATE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    case_id: str
    plate_text: str
    zone_id: str
    zone_name: str
    kind: ViolationKind
    sightings: _containers.RepeatedCompositeFieldContainer[Sighting]
    opened_at: _timestamp_pb2.Timestamp
    rule_summary: str
    limit_minutes: int
    grace_minutes: int
    plate_token: bytes
    def __init__(self, case_id: _Optional[str] = ..., plate_text: _Optional[str] = ..., zone_id: _Optional[str] = ..., zone_name: _Optional[str] = ..., kind: _Optional[_Union[ViolationKind, str]] = ..., sightings: _Optional[_Iterable[_Union[Sighting, _Mapping]]] = ..., opened_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., rule_summary: _Optional[str] = ..., limit_minutes: _Optional[int] = ..., grace_minutes: _Optional[int] = ..., plate_token: _Optional[bytes] = ...) -> None: ...
