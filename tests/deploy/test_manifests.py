"""deploy/k8s/: every manifest valid against the Kubernetes schemas (kubernetes-validate, strict:
no unknown fields), and the ingress hashing on the same query key the page sends."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
VERSION = kubernetes_validate.latest_version()


def documents() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            found.append((f"{path.name}:{doc['kind']}", doc))
    return found


@pytest.mark.parametrize(("name", "doc"), documents(), ids=[n for n, _ in documents()])
def test_each_manifest_is_valid(name: str, doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, VERSION, strict=True)


def test_the_validator_refuses_a_broken_manifest() -> None:
    deployment = next(doc for name, doc in documents() if name == "reactive.yaml:Deployment")
    broken = copy.deepcopy(deployment)
    broken["spec"]["replicas"] = "four"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSION, strict=True)
    broken = copy.deepcopy(deployment)
    broken["spec"]["template"]["spec"]["containers"][0]["commands"] = ["typo"]
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSION, strict=True)


def test_the_ingress_hashes_on_the_pages_routing_key() -> None:
    ingress = next(doc for name, doc in documents() if name.endswith(":Ingress"))
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/upstream-hash-by"] == "$arg_session"
    route = Path(__file__).resolve().parents[2] / "client" / "src" / "transport" / "route.ts"
    assert "session=${encodeURIComponent(key)}" in route.read_text()  # what the page sends
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
