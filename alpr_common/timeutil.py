"""Conversions between protobuf Timestamps and timezone-aware datetimes."""
from datetime import datetime, timezone

from google.protobuf.timestamp_pb2 import Timestamp


def to_timestamp(at: datetime) -> Timestamp:
    if at.tzinfo is None:
        raise ValueError("naive datetime: times must carry a timezone")
    ts = Timestamp()
    ts.FromDatetime(at.astimezone(timezone.utc))
    return ts


def from_timestamp(ts: Timestamp) -> datetime:
    return ts.ToDatetime(tzinfo=timezone.utc)
