"""The dashboards kept as code in deploy/grafana/dashboards, and the PromQL in them."""
import json
import re
from dataclasses import dataclass
from pathlib import Path

DASHBOARDS = Path(__file__).resolve().parents[2] / "deploy" / "grafana" / "dashboards"
METRIC_NAME = re.compile(r"\b(?:alpr|ingest|review)_[a-z0-9_]+\b|\bup\b")


@dataclass(frozen=True)
class Query:
    dashboard: str
    panel: str
    expr: str

    def promql(self, rate_interval: str) -> str:
        """What Grafana sends: its $__rate_interval replaced by a window of several scrapes."""
        return self.expr.replace("$__rate_interval", rate_interval)

    def metric_names(self) -> set[str]:
        return set(METRIC_NAME.findall(self.expr))


def load_dashboards() -> dict[str, dict]:
    return {path.name: json.loads(path.read_text()) for path in sorted(DASHBOARDS.glob("*.json"))}


def all_queries() -> list[Query]:
    return [Query(name, panel["title"], target["expr"])
            for name, board in load_dashboards().items()
            for panel in board["panels"] for target in panel["targets"]]
