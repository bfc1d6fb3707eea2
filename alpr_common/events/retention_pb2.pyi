import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RetentionRecord(_message.Message):
    __slots__ = ("record_id", "item_kind", "item_id", "rule", "reason", "destroyed_at", "item_time")
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    ITEM_KIND_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DESTROYED_AT_FIELD_NUMBER: _ClassVar[int]
    ITEM_TIME_FIELD_NUMBER: _ClassVar[int]
    record_id: str
    item_kind: str
    item_id: str
    rule: str
    reason: str
    destroyed_at: _timestamp_pb2.Timestamp
    item_time: _timestamp_pb2.Timestamp
    def __init__(self, record_id: _Optional[str] = ..., item_kind: _Optional[str] = ..., item_id: _Optional[str] = ..., rule: _Optional[str] = ..., reason: _Optional[str] = ..., destroyed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., item_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
