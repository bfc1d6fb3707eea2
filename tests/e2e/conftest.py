"""One run of `alpr demo --keep-running` for every end-to-end test: the summary, then its live stores."""
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

DEMO_TIMEOUT_S = 600


@dataclass
class DemoRun:
    returncode: int | None  # None while the demo holds its stores open
    stdout: str
    stores: dict[str, str]  # `store NAME VALUE` lines: kafka, database, objects, rules-state, logs, ...
    data_dir: Path


@pytest.fixture(scope="package")  # stopped once tests/e2e is done, not held through the rest of the session
def demo_run(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo")
    process = subprocess.Popen([sys.executable, "-m", "alpr_cli", "demo", "--cars", "14", "--keep-running",
                                "--data-dir", str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = read_until_held(process)
        stdout = "".join(lines)
        stores = dict(line.split(maxsplit=2)[1:] for line in lines if line.startswith("store "))
        yield DemoRun(process.poll(), stdout, {k: v.strip() for k, v in stores.items()}, data_dir)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()


def read_until_held(process: subprocess.Popen) -> list[str]:
    """Every line up to the demo saying it holds its stores (or to its exit, when it failed)."""
    lines, deadline = [], time.monotonic() + DEMO_TIMEOUT_S
    for line in process.stdout:
        lines.append(line)
        if line.startswith("Press Ctrl-C to stop.") or time.monotonic() > deadline:
            break
    return lines
