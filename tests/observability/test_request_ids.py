"""Request ids: every log line written while a request is handled carries the same id as the response."""
import io
import json
import logging

from fastapi import FastAPI
from fastapi.testclient import TestClient

from alpr_common.logs import JsonFormatter, RequestIdMiddleware

log = logging.getLogger("tests.request_ids")


def app_logging_to(stream: io.StringIO) -> FastAPI:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("review"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    app = FastAPI()
    app.add_middleware(RequestIdMiddleware)

    @app.get("/cases")
    def cases():
        log.info("listing cases")
        return []

    return app


def test_a_new_request_id_is_logged_and_returned():
    stream = io.StringIO()
    response = TestClient(app_logging_to(stream)).get("/cases")
    entry = json.loads(stream.getvalue().splitlines()[-1])
    assert entry["message"] == "listing cases" and entry["service"] == "review"
    assert len(response.headers["X-Request-Id"]) == 32 and entry["request_id"] == response.headers["X-Request-Id"]


def test_the_callers_request_id_is_kept_and_a_malformed_one_replaced():
    stream = io.StringIO()
    client = TestClient(app_logging_to(stream))
    assert client.get("/cases", headers={"X-Request-Id": "upload-42"}).headers["X-Request-Id"] == "upload-42"
    assert json.loads(stream.getvalue().splitlines()[-1])["request_id"] == "upload-42"
    assert client.get("/cases", headers={"X-Request-Id": "x" * 200}).headers["X-Request-Id"] != "x" * 200
