"""Browser tests: Playwright for Python driving Debian's chromium against a real uvicorn server.

The server runs the review app with the real database, broker, a local-folder store and a master key of the
test's own; cases are admitted as case intake admits them (sealed under their epoch, moved onto the case key),
with real JPEG evidence drawn by OpenCV.
"""
import base64
import socket
import threading
import time
from datetime import timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest
import uvicorn

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.clock import FixedClock
from alpr_common.crypto import KeyStore, LocalMasterKey
from alpr_common.db import connect
from alpr_common.storage import open_store
from services.review.admission import STORED, Adapters, admit
from services.review.app import create_app
from services.review.intake import case_from_event
from services.review.users import add_user, set_password
from tests.integration.review.conftest import review_settings
from tests.integration.review.support import NOW, case_event, new_master_key

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "browser test passphrase"

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): apt-get install -y chromium",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


def street_photo(plate: str, box: tuple[int, int, int, int], shade: int) -> bytes:
    """A 640x400 JPEG: a street, a car, and a plate where the reader's box says it is."""
    image = np.full((400, 640, 3), (90, 95, 100), np.uint8)
    cv2.rectangle(image, (0, 300), (640, 400), (60, 60, 60), -1)
    cv2.rectangle(image, (140, 150), (500, 330), (40, 40, 150 + shade), -1)
    cv2.rectangle(image, (190, 100), (450, 170), (70, 70, 120 + shade), -1)
    x, y, w, h = box
    cv2.rectangle(image, (x, y), (x + w, y + h), (240, 240, 240), -1)
    cv2.putText(image, plate, (x + 8, y + h - 10), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (20, 20, 20), 2)
    return cv2.imencode(".jpg", image)[1].tobytes()


def seed_case(url: str, adapters: Adapters, plate: str, opened_minutes_ago: int) -> str:
    photos = tuple(street_photo(plate, (250, 250, 140, 40), 40 * n) for n in range(2))
    event = case_event(adapters.store, adapters.keystore, plate=plate, photos=photos,
                       opened_at=NOW - timedelta(minutes=opened_minutes_ago))
    for s in event.sightings:
        s.box.x, s.box.y, s.box.width, s.box.height = 250, 250, 140, 40
    with connect(url, autocommit=True) as conn:
        assert admit(adapters, conn, case_from_event(event)) == STORED
    return event.case_id


@pytest.fixture
def site(database_url, kafka_bootstrap, tmp_path, monkeypatch):
    """A running review server with two open cases and users `lee` (officer) and `val` (vendor)."""
    master = new_master_key()
    monkeypatch.setenv("ALPR_MASTER_KEY", master)
    settings = review_settings(database_url, kafka_bootstrap, tmp_path, consume=False)
    keystore = KeyStore(database_url, LocalMasterKey(base64.b64decode(master)))
    audit = AuditTrail("review-test", kafka.producer(kafka_bootstrap, "review-test"))
    adapters = Adapters(keystore, open_store(settings.resolved_storage_url()), audit, FixedClock(NOW))
    for name, role in (("lee", "officer"), ("val", "vendor")):
        add_user(database_url, name, role)
        set_password(database_url, name, PASSWORD)
    cases = [seed_case(database_url, adapters, "KMR4471", 90), seed_case(database_url, adapters, "TQ58ZX", 30)]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", cases, database_url
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
