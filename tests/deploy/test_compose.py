"""docker-compose.yml: the whole production shape, health-checked, scraped by the committed Prometheus config."""
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {"ingest", "ocr", "rules", "review", "retention", "reporting"}
ONE_SHOT = {"migrate", "topics"}


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def test_every_part_of_the_stack_is_there():
    assert set(compose()) == SERVICES | ONE_SHOT | {"kafka", "postgres", "minio", "prometheus", "grafana"}
    assert compose()["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"  # KRaft, no ZooKeeper


def test_every_long_running_container_has_a_health_check():
    for name, service in compose().items():
        if name not in ONE_SHOT:
            assert service["healthcheck"]["test"], name


def test_prometheus_scrapes_every_service_where_compose_serves_its_metrics():
    services = compose()
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    targets = {job["job_name"]: job["static_configs"][0]["targets"][0] for job in config["scrape_configs"]}
    assert set(targets) >= SERVICES
    for name in SERVICES:
        host, port = targets[name].split(":")
        env = services[name]["environment"]
        served = {"ingest": "8080", "review": "8081"}.get(name) or env[f"{name.upper()}_METRICS_PORT"]
        assert host == name and port == served, name
        assert port in " ".join(services[name]["healthcheck"]["test"])
