"""Start the real components tests talk to: a Kafka-protocol broker, PostgreSQL, an S3 server."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager

import psycopg

from alpr_common.db import scratch_database

LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout_s}s")


@contextmanager
def development_broker():
    """A development broker in its own process; yields its bootstrap address."""
    proc = subprocess.Popen([sys.executable, "-m", "alpr_cli.main", "devbroker"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        bootstrap = proc.stdout.readline().strip()
        if not bootstrap:
            raise RuntimeError("the development broker did not start")
        yield bootstrap
    finally:
        proc.terminate()
        proc.wait(10)


def docker_available() -> bool:
    if not shutil.which("docker"):
        return False
    return subprocess.run(["docker", "info"], capture_output=True).returncode == 0


@contextmanager
def kafka_broker():
    """KAFKA_BOOTSTRAP_SERVERS if set, else a Kafka container where Docker runs, else the development broker."""
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        yield os.environ["KAFKA_BOOTSTRAP_SERVERS"]
    elif docker_available() and os.environ.get("ALPR_TEST_KAFKA") != "devbroker":
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer() as kafka:
            yield kafka.get_bootstrap_server()
    else:
        with development_broker() as bootstrap:
            yield bootstrap


def _admin_url() -> str | None:
    """DATABASE_URL if set, else the machine's PostgreSQL if it answers, else None (use embedded)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    try:
        psycopg.connect(LOCAL_POSTGRES, connect_timeout=2).close()
        return LOCAL_POSTGRES
    except psycopg.OperationalError:
        return None


@contextmanager
def postgres_server():
    """Yields an admin URL: DATABASE_URL, the machine's PostgreSQL, or an embedded pgserver."""
    url = None if os.environ.get("ALPR_TEST_POSTGRES") == "embedded" else _admin_url()
    if url:
        yield url
        return
    import pgserver

    with tempfile.TemporaryDirectory() as pgdata:
        server = pgserver.get_server(pgdata, cleanup_mode="stop")
        try:
            yield server.get_uri()
        finally:
            server.cleanup()


def fresh_database(admin_url: str):
    """A new, empty database on the server, dropped afterwards; yields its URL."""
    return scratch_database(admin_url, "alpr_test")


@contextmanager
def s3_server():
    """moto's S3 server on a free local port; yields (endpoint, access_key, secret_key)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-p", str(port), "-H", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield f"127.0.0.1:{port}", "test-access-key", "test-secret-key"
    finally:
        proc.terminate()
        proc.wait(10)
