"""The ingest app served by a real uvicorn in a thread, on a free local port."""
import threading
import time
from contextlib import contextmanager

import uvicorn

from tests.support.components import free_port


@contextmanager
def live_server(app):
    """Yields the base URL while uvicorn serves the app."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
