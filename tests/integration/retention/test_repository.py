import threading
from datetime import datetime, timedelta, timezone

import pytest

from services.retention.inventory import CaseDecided, CaseOpened, FrameSeen
from services.retention.repository import InventoryRepository
from services.retention.schedule import CaseState, ItemState

pytestmark = pytest.mark.integration
T0 = datetime(2026, 4, 1, 10, 0, tzinfo=timezone.utc)
F1, F2, F3 = (FrameSeen(f"f-{i}", f"frames/d/f-{i}.jpg", T0) for i in (1, 2, 3))


def states(repo):
    return {item.item_id: (item.state, item.since) for item in repo.destroyable_frames()}


def test_replayed_and_reordered_events_leave_the_same_inventory(database_url):
    repo = InventoryRepository(database_url)
    rejected = CaseDecided("c-1", CaseState.REJECTED, T0 + timedelta(hours=2))
    facts = [rejected, F1, CaseOpened("c-1", (F2,)), CaseOpened("c-2", (F3,)),
             FrameSeen(F1.frame_id, F1.object_key, F1.captured_at, ocr_done=True)]
    repo.apply(facts)
    first = states(repo)
    repo.apply(facts)
    assert states(repo) == first
    assert first == {F1.object_key: (ItemState.UNUSED, None), F2.object_key: (ItemState.REJECTED, rejected.decided_at)}
    assert repo.counts() == {"live": 3, "destroyed": 0}


def test_the_latest_decision_wins_and_a_confirmed_case_holds_its_frames(database_url):
    repo = InventoryRepository(database_url)
    later = CaseDecided("c-1", CaseState.CONFIRMED, T0 + timedelta(hours=3))
    earlier = CaseDecided("c-1", CaseState.REJECTED, T0 + timedelta(hours=1))
    repo.apply([CaseOpened("c-1", (F1,)), later, earlier])
    assert states(repo) == {}


def test_destroyed_frames_leave_the_inventory_once(database_url):
    repo = InventoryRepository(database_url)
    repo.apply([F1, F2])
    repo.mark_destroyed([(F1.object_key, "non_violation_frames")], T0 + timedelta(days=1))
    repo.mark_destroyed([(F1.object_key, "non_violation_frames")], T0 + timedelta(days=2))
    assert list(states(repo)) == [F2.object_key]
    assert repo.counts() == {"live": 1, "destroyed": 1}


def test_a_claim_skips_frames_a_case_took_and_blocks_a_case_arriving_meanwhile(database_url):
    repo = InventoryRepository(database_url)
    repo.apply([F1, F2, CaseOpened("c-1", (F2,))])
    arrived = threading.Event()

    def case_arrives():
        repo.apply([CaseOpened("c-2", (F1,))])
        arrived.set()

    with repo.claim([F1.object_key, F2.object_key]) as claim:
        assert claim.keys == {F1.object_key}
        late_case = threading.Thread(target=case_arrives)
        late_case.start()
        assert not arrived.wait(0.5)
        claim.mark_destroyed([(F1.object_key, "non_violation_frames")], T0 + timedelta(days=1))
    late_case.join(5)
    assert arrived.is_set()
    assert repo.counts() == {"live": 1, "destroyed": 1}
