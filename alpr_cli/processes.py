"""Child processes of `alpr up` and the demo: started with an environment, logged to files, stopped together."""
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx


@dataclass
class Child:
    name: str
    process: subprocess.Popen
    log_path: Path
    infrastructure: bool = False  # stopped after everything that uses it


@dataclass
class ProcessGroup:
    log_dir: Path
    children: list[Child] = field(default_factory=list)

    def start(self, name: str, args: list[str], env: dict[str, str], infrastructure: bool = False) -> Child:
        """Run `alpr ARGS...` as a child with its output in LOG_DIR/NAME.log."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log_path = self.log_dir / f"{name}.log"
        log = log_path.open("ab")
        process = subprocess.Popen([sys.executable, "-m", "alpr_cli", *args], env={**os.environ, **env},
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        child = Child(name, process, log_path, infrastructure)
        self.children.append(child)
        return child

    def check_alive(self) -> None:
        for child in self.children:
            if child.process.poll() is not None:
                tail = child.log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{child.name} exited with code {child.process.returncode}; end of its log:\n{tail}")

    def wait_ready(self, url: str, timeout_s: float = 90.0) -> None:
        """Poll an HTTP readiness endpoint until it answers 200, failing early if a child died."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"{url} not ready after {timeout_s:.0f}s")

    def stop(self, timeout_s: float = 15.0) -> None:
        """Services first, then the infrastructure they use; a child that does not stop in time is killed."""
        self._stop([c for c in self.children if not c.infrastructure], timeout_s)
        self._stop([c for c in self.children if c.infrastructure], timeout_s)
        self.children.clear()

    @staticmethod
    def _stop(children: list[Child], timeout_s: float) -> None:
        for child in children:
            if child.process.poll() is None:
                child.process.terminate()
        deadline = time.monotonic() + timeout_s
        for child in children:
            try:
                child.process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.process.kill()
