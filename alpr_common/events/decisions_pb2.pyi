import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from alpr_common.events import common_pb2 as _common_pb2
from alpr_common.events import cases_pb2 as _cases_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Outcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OUTCOME_UNSPECIFIED: _ClassVar[Outcome]
    CONFIRMED: _ClassVar[Outcome]
    REJECTED: _ClassVar[Outcome]

class Disposition(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DISPOSITION_UNSPECIFIED: _ClassVar[Disposition]
    PAID: _ClassVar[Disposition]
    DISMISSED: _ClassVar[Disposition]
    VOIDED: _ClassVar[Disposition]
    UPHELD: _ClassVar[Disposition]
OUTCOME_UNSPECIFIED: Outcome
CONFIRMED: Outcome
REJECTED: Outcome
DISPOSITION_UNSPECIFIED: Disposition
PAID: Disposition
DISMISSED: Disposition
VOIDED: Disposition
UPHELD: Disposition

class Decision(_message.Message):
    __slots__ = ("decision_id", "case_id", "outcome", "corrected_plate", "reason", "officer", "decided_at", "zone_id", "kind", "sealed_corrected_plate")
    DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CORRECTED_PLATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    OFFICER_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SEALED_CORRECTED_PLATE_FIELD_NUMBER: _ClassVar[int]
    decision_id: str
    case_id: str
    outcome: Outcome
    corrected_plate: str
    reason: str
    officer: str
    decided_at: _timestamp_pb2.Timestamp
    zone_id: str
    kind: _cases_pb2.ViolationKind
    sealed_corrected_plate: _common_pb2.SealedValue
    def __init__(self, decision_id: _Optional[str] = ..., case_id: _Optional[str] = ..., outcome: _Optional[_Union[Outcome, str]] = ..., corrected_plate: _Optional[str] = ..., reason: _Optional[str] = ..., officer: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., zone_id: _Optional[str] = ..., kind: _Optional[_Union[_cases_pb2.ViolationKind, str]] = ..., sealed_corrected_plate: _Optional[_Union[_common_pb2.SealedValue, _Mapping]] = ...) -> None: ...

class Citation(_message.Message):
    __slots__ = ("citation_id", "case_id", "plate_text", "zone_id", "kind", "officer", "issued_at", "violation_at", "location", "evidence_keys", "sealed_plate")
    CITATION_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    PLATE_TEXT_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OFFICER_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    VIOLATION_AT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_KEYS_FIELD_NUMBER: _ClassVar[int]
    SEALED_PLATE_FIELD_NUMBER: _ClassVar[int]
    citation_id: str
    case_id: str
    plate_text: str
    zone_id: str
    kind: _cases_pb2.ViolationKind
    officer: str
    issued_at: _timestamp_pb2.Timestamp
    violation_at: _timestamp_pb2.Timestamp
    location: _common_pb2.GeoPoint
    evidence_keys: _containers.RepeatedScalarFieldContainer[str]
    sealed_plate: _common_pb2.SealedValue
    def __init__(self, citation_id: _Optional[str] = ..., case_id: _Optional[str] = ..., plate_text: _Optional[str] = ..., zone_id: _Optional[str] = ..., kind: _Optional[_Union[_cases_pb2.ViolationKind, str]] = ..., officer: _Optional[str] = ..., issued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., violation_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., evidence_keys: _Optional[_Iterable[str]] = ..., sealed_plate: _Optional[_Union[_common_pb2.SealedValue, _Mapping]] = ...) -> None: ...

class CitationClosed(_message.Message):
    __slots__ = ("citation_id", "case_id", "closed_at", "disposition", "source")
    CITATION_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    citation_id: str
    case_id: str
    closed_at: _timestamp_pb2.Timestamp
    disposition: Disposition
    source: str
    def __init__(self, citation_id: _Optional[str] = ..., case_id: _Optional[str] = ..., closed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., disposition: _Optional[_Union[Disposition, str]] = ..., source: _Optional[str] = ...) -> None: ...
