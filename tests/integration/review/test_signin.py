from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient

from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.topics import AUDIT
from services.review.app import create_app
from services.review.identity import SESSION_COOKIE
from services.review.users import disable_user, set_password
from tests.integration.review.conftest import review_settings
from tests.integration.review.support import read_topic
from tests.unit.review.test_sessions import AUDIENCE, ISSUER, id_token, jwks_file

PASSWORD = "a long enough passphrase"


def test_a_password_sign_in_gives_a_bearer_token_and_a_cookie_that_end_when_the_user_is_disabled(review, database_url):
    set_password(database_url, "officer", PASSWORD)
    wrong = review.client.post("/v1/session", json={"name": "officer", "password": "not it at all"})
    assert (wrong.status_code, wrong.json()["error"]) == (401, "not_authenticated")
    assert SESSION_COOKIE not in wrong.cookies

    signed_in = review.client.post("/v1/session", json={"name": "officer", "password": PASSWORD})
    assert signed_in.status_code == 200
    body = signed_in.json()
    assert (body["name"], body["role"], body["token_type"]) == ("officer", "officer", "bearer")
    cookie = signed_in.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    bearer = {"Authorization": f"Bearer {body['token']}"}
    assert review.client.get("/v1/cases", headers=bearer).status_code == 200

    review.client.cookies.set(SESSION_COOKIE, body["token"])
    case_id = review.new_case()
    assert review.client.get(f"/v1/cases/{case_id}").status_code == 200  # the cookie alone signs in
    no_header = review.client.post(f"/v1/cases/{case_id}/decision", json={"outcome": "reject", "reason": "moved"})
    assert no_header.status_code == 401 and "X-Requested-With" in no_header.json()["detail"]  # CSRF guard
    decided = review.client.post(f"/v1/cases/{case_id}/decision", json={"outcome": "reject", "reason": "moved"},
                                 headers={"X-Requested-With": "alpr-review"})
    assert decided.json()["status"] == "rejected"

    disable_user(database_url, "officer")
    assert review.client.get("/v1/cases", headers=bearer).status_code == 401
    assert review.client.get("/v1/cases").status_code == 401
    review.client.cookies.clear()

    ids = {wrong.headers["X-Request-Id"]: ("anonymous", "denied"), signed_in.headers["X-Request-Id"]: ("officer", "allowed")}
    events = read_topic(review.bootstrap, AUDIT.name, AuditEvent, lambda e: e.request_id in ids, want=2)
    assert {e.request_id: (e.actor, e.outcome) for e in events} == ids
    assert {(e.action, e.resource) for e in events} == {("session.create", "session")}


def test_the_sign_in_form_redirects_with_a_cookie_or_shows_the_form_again(review, database_url):
    set_password(database_url, "auditor", PASSWORD)
    failed = review.client.post("/v1/session", data={"name": "auditor", "password": "wrong password!", "next": "/x"})
    assert failed.status_code == 401 and "Unknown name or wrong password" in failed.text
    ok = review.client.post("/v1/session", data={"name": "auditor", "password": PASSWORD, "next": "//evil.example/"},
                            follow_redirects=False)
    assert (ok.status_code, ok.headers["location"]) == (303, "/")  # never redirected off the site
    assert SESSION_COOKIE in ok.cookies
    review.client.cookies.clear()


def test_tokens_from_the_openid_connect_issuer_sign_in_with_the_role_in_their_claim(database_url, kafka_bootstrap, tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    settings = review_settings(database_url, kafka_bootstrap, tmp_path, consume=False, oidc_issuer=ISSUER,
                               oidc_audience=AUDIENCE, oidc_jwks_path=jwks_file(tmp_path, key))
    with TestClient(create_app(settings)) as client:
        def get(path, token):
            return client.get(path, headers={"Authorization": f"Bearer {token}"})
        assert get("/v1/cases", id_token(key)).status_code == 200
        assert get("/v1/decisions/by-officer", id_token(key)).status_code == 403
        assert get("/v1/decisions/by-officer", id_token(key, roles=["auditor"])).status_code == 200
        refused = get("/v1/cases", id_token(key, roles=["employee"]))
        assert refused.status_code == 403 and "role ''" in refused.json()["detail"]
        forged = get("/v1/cases", id_token(rsa.generate_private_key(public_exponent=65537, key_size=2048)))
        assert forged.status_code == 401
        assert get("/v1/cases", id_token(key, aud="another-client")).status_code == 401


def test_a_half_configured_issuer_refuses_to_start(database_url, kafka_bootstrap, tmp_path):
    settings = review_settings(database_url, kafka_bootstrap, tmp_path, consume=False, oidc_issuer=ISSUER)
    try:
        create_app(settings)
    except Exception as exc:
        assert "REVIEW_OIDC_AUDIENCE" in str(exc)
    else:
        raise AssertionError("started without an audience")
