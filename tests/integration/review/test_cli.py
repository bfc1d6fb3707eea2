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


def test_add_user_with_a_password_prompts_or_generates_one_that_signs_in(database_url, kafka_bootstrap, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    generated = runner.invoke(review_cli, ["add-user", "erin", "--role", "officer", "--password"], input="\n\n")
    assert generated.exit_code == 0, generated.output
    password, token = generated.stdout.strip().splitlines()[-2:]
    typed = runner.invoke(review_cli, ["add-user", "fay", "--role", "supervisor", "--password"],
                          input="fay's own passphrase\nfay's own passphrase\n")
    assert typed.exit_code == 0 and "fay's own passphrase" not in typed.stdout
    short = runner.invoke(review_cli, ["set-password", "fay"], input="short\nshort\n")
    assert short.exit_code == 1 and "at least 12 characters" in short.output

    settings = review_settings(database_url, kafka_bootstrap, tmp_path, consume=False)
    with TestClient(create_app(settings)) as client:
        for name, secret, role in (("erin", password, "officer"), ("fay", "fay's own passphrase", "supervisor")):
            answer = client.post("/v1/session", json={"name": name, "password": secret})
            assert answer.status_code == 200 and answer.json()["role"] == role
        assert client.post("/v1/session", json={"name": "erin", "password": token}).status_code == 401
