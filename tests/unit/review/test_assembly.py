import pytest
from click.testing import CliRunner

from services.review import views
from services.review.app import PROTECTED
from services.review.cli import review
from services.review.deps import declares_permission
from services.review.middleware import audit_outcome


def test_every_protected_route_declares_which_roles_may_use_it():
    assert len(views.router.routes) == 5
    assert [len(r.routes) for r in PROTECTED] == [5, 4, 2, 4]
    assert all(declares_permission(route) for router in PROTECTED for route in router.routes)


@pytest.mark.parametrize("status, outcome", [(200, "allowed"), (401, "denied"), (403, "denied"), (404, "not_found"),
                                             (410, "not_found"), (409, "invalid"), (422, "invalid"), (503, "failed")])
def test_audit_outcome_follows_the_response_status(status, outcome):
    assert audit_outcome(status) == outcome


def test_serve_refuses_to_start_without_a_broker(monkeypatch):
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    result = CliRunner().invoke(review, ["serve"])
    assert result.exit_code == 1
    assert "KAFKA_BOOTSTRAP_SERVERS is not set" in result.output
