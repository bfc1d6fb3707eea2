"""SQL for the ingest schema: devices and the frames already accepted."""
from datetime import datetime

import psycopg

from services.ingest.validation import ValidatedFrame


def insert_device(conn: psycopg.Connection, device_id: str, token_sha256: str) -> None:
    conn.execute("INSERT INTO ingest.devices (device_id, token_sha256) VALUES (%s, %s)", (device_id, token_sha256))


def set_device_disabled(conn: psycopg.Connection, device_id: str, disabled: bool) -> bool:
    cur = conn.execute("UPDATE ingest.devices SET disabled = %s WHERE device_id = %s", (disabled, device_id))
    return cur.rowcount == 1


def device_for_token(conn: psycopg.Connection, token_sha256: str) -> str | None:
    row = conn.execute("SELECT device_id FROM ingest.devices WHERE token_sha256 = %s AND NOT disabled",
                       (token_sha256,)).fetchone()
    return row["device_id"] if row else None


def all_devices(conn: psycopg.Connection) -> list[dict]:
    return conn.execute("SELECT device_id, created_at, disabled FROM ingest.devices ORDER BY device_id").fetchall()


def claim_frame(conn: psycopg.Connection, frame: ValidatedFrame, received_at: datetime) -> bool:
    """Insert the frame's row; False when this device already sent that frame id (waits for a concurrent claim)."""
    m, image = frame.metadata, frame.image
    cur = conn.execute(
        """INSERT INTO ingest.frames (device_id, frame_id, object_key, content_type, sha256, byte_size,
                                      width, height, captured_at, received_at)
           VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
           ON CONFLICT (device_id, frame_id) DO NOTHING""",
        (m.device_id, m.frame_id, frame.object_key, image.content_type, image.sha256, len(image.data),
         image.width, image.height, m.captured_at, received_at),
    )
    return cur.rowcount == 1


def accepted_sha256(conn: psycopg.Connection, device_id: str, frame_id: str) -> str | None:
    row = conn.execute("SELECT sha256 FROM ingest.frames WHERE device_id = %s AND frame_id = %s",
                       (device_id, frame_id)).fetchone()
    return row["sha256"] if row else None


def check_schema(conn: psycopg.Connection) -> None:
    """Raises psycopg.errors.UndefinedTable when the migrations have not been applied."""
    conn.execute("SELECT 1 FROM ingest.devices LIMIT 1").fetchall()
