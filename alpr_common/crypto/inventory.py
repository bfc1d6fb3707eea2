"""What the key store holds, for retention, operators and `alpr keys`; never key material."""
from dataclasses import dataclass
from datetime import datetime

from alpr_common.crypto.errors import SealBroken
from alpr_common.crypto.keys import wrap_context
from alpr_common.crypto.master import MasterKey
from alpr_common.db import connect

LIVE_ROWS = """SELECT 'epoch-hmac' AS kind, epoch_id AS ident, wrapped_hmac_key AS wrapped FROM keys.epochs WHERE destroyed_at IS NULL
               UNION ALL SELECT 'epoch-data', epoch_id, wrapped_data_key FROM keys.epochs WHERE destroyed_at IS NULL
               UNION ALL SELECT 'case-data', case_id, wrapped_data_key FROM keys.case_keys WHERE destroyed_at IS NULL"""


@dataclass(frozen=True)
class EpochRecord:
    epoch_id: str
    starts_at: datetime
    ends_at: datetime
    created_at: datetime
    destroyed_at: datetime | None
    master_key_id: str


class KeyInventory:
    url: str
    master: MasterKey

    def epochs(self) -> list[EpochRecord]:
        return self._epoch_records("TRUE")

    def destroyed_epochs(self) -> list[EpochRecord]:
        return self._epoch_records("destroyed_at IS NOT NULL")

    def epochs_due(self, now: datetime) -> list[EpochRecord]:
        """Live epochs whose window has ended by `now`: retention destroys these."""
        return self._epoch_records("destroyed_at IS NULL AND ends_at <= %s", (now,))

    def unreadable_keys(self) -> list[str]:
        """Live keys this master key cannot unwrap (empty when all is well)."""
        with connect(self.url) as conn:
            rows = conn.execute(LIVE_ROWS).fetchall()
        return [f"{r['kind']}:{r['ident']}" for r in rows if not self._unwraps(r)]

    def _unwraps(self, row: dict) -> bool:
        try:
            self.master.unwrap(bytes(row["wrapped"]), wrap_context(row["kind"], row["ident"]))
            return True
        except SealBroken:
            return False

    def _epoch_records(self, where: str, params: tuple = ()) -> list[EpochRecord]:
        sql = ("SELECT epoch_id, starts_at, ends_at, created_at, destroyed_at, master_key_id FROM keys.epochs "
               f"WHERE {where} ORDER BY starts_at, epoch_id")
        with connect(self.url) as conn:
            return [EpochRecord(**row) for row in conn.execute(sql, params).fetchall()]
