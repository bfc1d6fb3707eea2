"""A real Prometheus (Debian's /usr/bin/prometheus) scraping local targets, and its HTTP query API."""
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import yaml

PROMETHEUS = Path("/usr/bin/prometheus")
REPO_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "prometheus" / "prometheus.yml"


def local_config(targets: dict[str, str], scrape_interval: str = "1s") -> dict:
    """The repository's prometheus.yml with each service job pointed at a local address."""
    config = yaml.safe_load(REPO_CONFIG.read_text())
    config["global"]["scrape_interval"] = config["global"]["evaluation_interval"] = scrape_interval
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    missing = set(targets) - set(jobs)
    assert not missing, f"deploy/prometheus/prometheus.yml has no job for {sorted(missing)}"
    for name, address in targets.items():
        jobs[name]["static_configs"] = [{"targets": [address]}]
    config["scrape_configs"] = [jobs[name] for name in targets]
    return config


@dataclass
class Prometheus:
    url: str
    process: subprocess.Popen

    def query_range(self, expr: str, start: float, end: float, step: str = "5s") -> list[dict]:
        """Raises AssertionError with Prometheus's own message when the query is not valid."""
        answer = httpx.get(f"{self.url}/api/v1/query_range", params={"query": expr, "start": start, "end": end, "step": step},
                           timeout=30).json()
        assert answer["status"] == "success", f"{expr!r}: {answer.get('errorType')}: {answer.get('error')}"
        return answer["data"]["result"]

    def metric_names(self) -> set[str]:
        return set(httpx.get(f"{self.url}/api/v1/label/__name__/values", timeout=30).json()["data"])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_prometheus(work_dir: Path, port: int, targets: dict[str, str]) -> Prometheus:
    work_dir.mkdir(parents=True, exist_ok=True)
    config_path = work_dir / "prometheus.yml"
    config_path.write_text(yaml.safe_dump(local_config(targets)))
    log = (work_dir / "prometheus.log").open("ab")
    process = subprocess.Popen([str(PROMETHEUS), f"--config.file={config_path}", f"--storage.tsdb.path={work_dir / 'tsdb'}",
                                f"--web.listen-address=127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    server = Prometheus(f"http://127.0.0.1:{port}", process)
    _wait_ready(server, work_dir / "prometheus.log")
    return server


def _wait_ready(server: Prometheus, log_path: Path, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"prometheus exited: {log_path.read_text()[-2000:]}")
        try:
            if httpx.get(f"{server.url}/-/ready", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"prometheus not ready after {timeout_s}s")
