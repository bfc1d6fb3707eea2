"""Every manifest, file by file and built per overlay, against the Kubernetes schemas (bundled by
the kubernetes-validate package, no download) or, for custom resources, crd_schemas.py."""
import jsonschema
import pytest

kubernetes_validate = pytest.importorskip("kubernetes_validate", reason="needs kubernetes-validate==1.37.0 (its bundled schemas)")

from tests.deploy.crd_schemas import CUSTOM_SCHEMAS
from tests.deploy.manifests import K8S, OVERLAYS, build, documents, resource_files

KUBERNETES_VERSION = "1.30.0"


def validate(doc: dict) -> None:
    custom = CUSTOM_SCHEMAS.get((doc["apiVersion"], doc["kind"]))
    if custom is not None:
        jsonschema.validate(doc, custom)
    else:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


@pytest.mark.parametrize("path", resource_files(), ids=lambda p: str(p.relative_to(K8S)))
def test_each_manifest_file_is_valid(path):
    docs = documents(path)
    assert docs, f"{path} holds no resource"
    for doc in docs:
        validate(doc)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_built_overlay_is_valid(overlay):
    docs = build(K8S / "overlays" / overlay)
    for doc in docs:
        validate(doc)
    assert {doc["metadata"].get("namespace") for doc in docs if doc["kind"] != "Namespace"} == {docs[0]["metadata"]["name"]}


def test_both_overlays_exist():
    assert set(OVERLAYS) == {"dev", "prod"}


def test_an_invalid_manifest_is_refused():
    """The validators are strict: a misspelt field fails rather than passing silently."""
    deployment = documents(K8S / "base" / "ingest.yaml")[0]
    deployment["spec"]["template"]["spec"]["containers"][0]["resource"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(deployment)
    topic = documents(K8S / "base" / "kafka-topics.yaml")[0]
    topic["spec"]["partitons"] = 4
    with pytest.raises(jsonschema.ValidationError):
        validate(topic)
