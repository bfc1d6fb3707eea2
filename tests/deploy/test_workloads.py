"""Every workload of every overlay: probes, resource limits, security contexts and a network policy;
OCR asks for a GPU (except on dev) and scales on its consumer lag."""
import pytest

from alpr_common.topics import FRAMES
from tests.deploy.manifests import K8S, OVERLAYS, build, pod_labels, pod_spec, workloads

SERVICES = {"ingest", "ocr", "rules", "review", "retention", "reporting"}


@pytest.fixture(scope="module", params=OVERLAYS)
def built(request) -> tuple[str, list[dict]]:
    return request.param, build(K8S / "overlays" / request.param)


def by_kind(docs: list[dict], kind: str) -> list[dict]:
    return [doc for doc in docs if doc["kind"] == kind]


def test_every_service_and_store_is_deployed(built):
    _, docs = built
    assert {w["metadata"]["name"] for w in workloads(docs)} >= SERVICES | {"postgres", "minio", "alpr-migrate"}


def test_every_container_has_limits_and_a_locked_down_security_context(built):
    _, docs = built
    for workload in workloads(docs):
        spec = pod_spec(workload)
        assert spec["securityContext"]["runAsNonRoot"] is True, workload["metadata"]["name"]
        assert spec["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
        for container in spec["containers"]:
            limits, requests = container["resources"]["limits"], container["resources"]["requests"]
            assert {"cpu", "memory"} <= set(limits) and {"cpu", "memory"} <= set(requests), container["name"]
            context = container["securityContext"]
            assert context["allowPrivilegeEscalation"] is False and context["readOnlyRootFilesystem"] is True
            assert context["capabilities"]["drop"] == ["ALL"]


def test_every_long_running_container_has_probes(built):
    _, docs = built
    for workload in workloads(docs):
        if workload["kind"] == "Job":
            continue  # runs to completion; Kubernetes restarts it on failure
        for container in pod_spec(workload)["containers"]:
            assert "readinessProbe" in container and "livenessProbe" in container, workload["metadata"]["name"]


def selects(selector: dict, labels: dict[str, str]) -> bool:
    if any(labels.get(key) != value for key, value in selector.get("matchLabels", {}).items()):
        return False
    for expression in selector.get("matchExpressions", []):
        present = labels.get(expression["key"])
        if expression["operator"] == "In" and present not in expression["values"]:
            return False
    return True


def test_every_workload_is_denied_by_default_and_allowed_by_a_policy_of_its_own(built):
    _, docs = built
    policies = by_kind(docs, "NetworkPolicy")
    deny = [p for p in policies if p["spec"]["podSelector"] == {} and set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"}
            and "ingress" not in p["spec"] and "egress" not in p["spec"]]
    assert deny, "a default-deny policy for the namespace"
    for workload in workloads(docs):
        labels = pod_labels(workload)
        own = [p for p in policies if p["spec"]["podSelector"] and selects(p["spec"]["podSelector"], labels)]
        assert own, f"no network policy selects {workload['metadata']['name']}"


def test_ocr_requests_a_gpu_except_on_dev(built):
    overlay, docs = built
    (ocr,) = [w for w in workloads(docs) if w["metadata"]["name"] == "ocr"]
    limits = pod_spec(ocr)["containers"][0]["resources"]["limits"]
    assert ("nvidia.com/gpu" in limits) == (overlay != "dev")


def test_ocr_scales_on_its_consumer_lag_on_the_frames_topic(built):
    _, docs = built
    (scaled,) = by_kind(docs, "ScaledObject")
    assert scaled["spec"]["scaleTargetRef"]["name"] == "ocr"
    (trigger,) = scaled["spec"]["triggers"]
    assert trigger["type"] == "kafka"
    assert trigger["metadata"]["consumerGroup"] == "ocr" and trigger["metadata"]["topic"] == FRAMES.name
    namespace = scaled["metadata"]["namespace"]
    assert trigger["metadata"]["bootstrapServers"] == f"alpr-kafka-bootstrap.{namespace}.svc:9092"
    assert scaled["spec"]["maxReplicaCount"] <= FRAMES.partitions
