import os
from datetime import datetime, timezone

import pytest

from alpr_common.crypto import EpochSchedule, KeyStore, LocalMasterKey

T = datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def master():
    return LocalMasterKey(os.urandom(32))


@pytest.fixture
def keystore(database_url, master):
    return KeyStore(database_url, master, EpochSchedule(24, 6))
