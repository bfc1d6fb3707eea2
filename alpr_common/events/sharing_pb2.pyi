import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LegalBasis(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LEGAL_BASIS_UNSPECIFIED: _ClassVar[LegalBasis]
    AGREEMENT: _ClassVar[LegalBasis]
    SUBPOENA: _ClassVar[LegalBasis]
    COURT_ORDER: _ClassVar[LegalBasis]
    STATUTE: _ClassVar[LegalBasis]
    OTHER_BASIS: _ClassVar[LegalBasis]

class SharingStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SHARING_STATUS_UNSPECIFIED: _ClassVar[SharingStatus]
    REQUESTED: _ClassVar[SharingStatus]
    APPROVED: _ClassVar[SharingStatus]
    DENIED: _ClassVar[SharingStatus]
    EXPORTED: _ClassVar[SharingStatus]
LEGAL_BASIS_UNSPECIFIED: LegalBasis
AGREEMENT: LegalBasis
SUBPOENA: LegalBasis
COURT_ORDER: LegalBasis
STATUTE: LegalBasis
OTHER_BASIS: LegalBasis
SHARING_STATUS_UNSPECIFIED: SharingStatus
REQUESTED: SharingStatus
APPROVED: SharingStatus
DENIED: SharingStatus
EXPORTED: SharingStatus

class SharingEvent(_message.Message):
    __slots__ = ("event_id", "request_id", "status", "case_ids", "legal_basis", "reference", "recipient", "requested_by", "decided_by", "exported_by", "at", "exported_case_ids", "unavailable_case_ids")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    LEGAL_BASIS_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    EXPORTED_BY_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    EXPORTED_CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    UNAVAILABLE_CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    request_id: str
    status: SharingStatus
    case_ids: _containers.RepeatedScalarFieldContainer[str]
    legal_basis: LegalBasis
    reference: str
    recipient: str
    requested_by: str
    decided_by: str
    exported_by: str
    at: _timestamp_pb2.Timestamp
    exported_case_ids: _containers.RepeatedScalarFieldContainer[str]
    unavailable_case_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, event_id: _Optional[str] = ..., request_id: _Optional[str] = ..., status: _Optional[_Union[SharingStatus, str]] = ..., case_ids: _Optional[_Iterable[str]] = ..., legal_basis: _Optional[_Union[LegalBasis, str]] = ..., reference: _Optional[str] = ..., recipient: _Optional[str] = ..., requested_by: _Optional[str] = ..., decided_by: _Optional[str] = ..., exported_by: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., exported_case_ids: _Optional[_Iterable[str]] = ..., unavailable_case_ids: _Optional[_Iterable[str]] = ...) -> None: ...
