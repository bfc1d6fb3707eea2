from click.testing import CliRunner
from fastapi.testclient import TestClient

from services.review.app import create_app
from services.review.cli import review as review_cli
from tests.integration.review.conftest import review_settings


def test_add_user_prints_a_token_once_that_signs_in(database_url, kafka_bootstrap, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    added = runner.invoke(review_cli, ["add-user", "dana", "--role", "auditor"])
    assert added.exit_code == 0, added.output
    token = added.stdout.strip().splitlines()[-1]

    again = runner.invoke(review_cli, ["add-user", "dana", "--role", "officer"])
    assert again.exit_code == 1 and "already exists" in again.output
    listed = runner.invoke(review_cli, ["list-users"])
    assert listed.output.split() == ["dana", "auditor", "active"]
    assert token not in listed.output

    settings = review_settings(database_url, kafka_bootstrap, tmp_path, consume=False)
    with TestClient(create_app(settings)) as client:
        assert client.get("/v1/cases", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert runner.invoke(review_cli, ["disable-user", "dana"]).exit_code == 0
        assert client.get("/v1/cases", headers={"Authorization": f"Bearer {token}"}).status_code == 401
