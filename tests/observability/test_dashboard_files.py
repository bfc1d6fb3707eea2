"""The dashboards and provisioning files agree with each other (no Prometheus needed)."""
from pathlib import Path

import yaml

from tests.observability.dashboards import DASHBOARDS, all_queries, load_dashboards

PROVISIONING = Path(__file__).resolve().parents[2] / "deploy" / "grafana" / "provisioning"


def datasource_uid() -> str:
    (source,) = yaml.safe_load((PROVISIONING / "datasources" / "prometheus.yml").read_text())["datasources"]
    return source["uid"]


def test_the_four_dashboards_exist_with_unique_uids():
    boards = load_dashboards()
    assert set(boards) == {"pipeline-overview.json", "ocr.json", "review.json", "privacy-retention.json"}
    uids = [board["uid"] for board in boards.values()]
    assert len(set(uids)) == len(uids)


def test_every_panel_uses_the_provisioned_datasource():
    uid = datasource_uid()
    for name, board in load_dashboards().items():
        for panel in board["panels"]:
            assert panel["targets"], f"{name}: panel {panel['title']!r} has no query"
            assert {panel["datasource"]["uid"], *(t["datasource"]["uid"] for t in panel["targets"])} == {uid}, name


def test_the_dashboard_provider_loads_the_dashboards_folder():
    (provider,) = yaml.safe_load((PROVISIONING / "dashboards" / "alpr.yml").read_text())["providers"]
    compose = yaml.safe_load((DASHBOARDS.parents[2] / "docker-compose.yml").read_text())
    mounts = compose["services"]["grafana"]["volumes"]
    assert f"./deploy/grafana/dashboards:{provider['options']['path']}:ro" in mounts
    assert "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro" in mounts


def test_rates_use_grafanas_rate_interval():
    for query in all_queries():
        if "rate(" in query.expr or "increase(" in query.expr:
            assert "[$__rate_interval]" in query.expr, f"{query.dashboard} / {query.panel}: {query.expr}"
