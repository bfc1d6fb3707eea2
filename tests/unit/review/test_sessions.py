import json
from datetime import datetime, timedelta, timezone

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from services.review.passwords import WeakPassword, hash_password, password_matches
from services.review.sessions import InvalidToken, OidcVerifier, SessionSigner, issuer_of, role_from_claim

ISSUER, AUDIENCE = "https://id.city.example/realms/parking", "alpr-review"


def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def jwks_file(tmp_path, key, kid="k1"):
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key())) | {"kid": kid, "use": "sig", "alg": "RS256"}
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps({"keys": [jwk]}))
    return str(path)


def id_token(key, kid="k1", **claims):
    now = datetime.now(timezone.utc)
    base = {"iss": ISSUER, "aud": AUDIENCE, "sub": "u-17", "preferred_username": "officer.lee",
            "roles": ["employee", "officer"], "iat": now, "exp": now + timedelta(minutes=5)}
    return jwt.encode(base | claims, key, algorithm="RS256", headers={"kid": kid})


@pytest.fixture(scope="module")
def key():
    return rsa_key()


def test_an_issuers_token_names_the_user_and_their_review_role(tmp_path, key):
    verifier = OidcVerifier(ISSUER, AUDIENCE, jwks_path=jwks_file(tmp_path, key))
    user = verifier.user(id_token(key))
    assert (user.name, user.role) == ("officer.lee", "officer")
    assert verifier.user(id_token(key, preferred_username=None, roles="supervisor")).name == "u-17"


@pytest.mark.parametrize("claims, problem", [
    ({"aud": "another-app"}, "(?i)audience"), ({"iss": "https://evil.example"}, "(?i)issuer"),
    ({"exp": datetime.now(timezone.utc) - timedelta(minutes=1)}, "expired"), ({"sub": None}, "sub"),
])
def test_tokens_for_another_audience_issuer_or_time_are_refused(tmp_path, key, claims, problem):
    verifier = OidcVerifier(ISSUER, AUDIENCE, jwks_path=jwks_file(tmp_path, key))
    token = id_token(key, **{k: v for k, v in claims.items() if v is not None})
    if claims.get("sub", "") is None:
        token = jwt.encode({"iss": ISSUER, "aud": AUDIENCE, "exp": datetime.now(timezone.utc) + timedelta(minutes=5)},
                           key, algorithm="RS256", headers={"kid": "k1"})
    with pytest.raises(InvalidToken, match=problem):
        verifier.user(token)


def test_a_token_signed_by_another_key_or_unknown_kid_is_refused(tmp_path, key):
    verifier = OidcVerifier(ISSUER, AUDIENCE, jwks_path=jwks_file(tmp_path, key))
    with pytest.raises(InvalidToken, match="Signature"):
        verifier.user(id_token(rsa_key()))
    with pytest.raises(InvalidToken, match="no key 'k9'"):
        verifier.user(id_token(key, kid="k9"))
    forged = jwt.encode({"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "roles": "admin",
                         "exp": datetime.now(timezone.utc) + timedelta(minutes=5)}, "guessed-secret-of-at-least-32-bytes!", algorithm="HS256",
                        headers={"kid": "k1"})
    with pytest.raises(InvalidToken):  # no algorithm confusion: HMAC is never accepted from the issuer
        verifier.user(forged)


@pytest.mark.parametrize("claim, role", [("officer", "officer"), (["employee", "auditor"], "auditor"),
                                         (["supervisor", "officer"], "supervisor"), (["employee"], ""), (None, ""),
                                         ("root", "")])
def test_the_first_review_role_in_the_claim_counts_and_none_means_no_permission(claim, role):
    assert role_from_claim(claim) == role


def test_a_session_token_is_issued_for_a_name_and_only_our_secret_verifies_it():
    signer = SessionSigner("s" * 32, minutes=10)
    token, expires = signer.issue("alice")
    assert signer.subject(token) == "alice" and issuer_of(token) == "alpr-review"
    assert timedelta(minutes=9) < expires - datetime.now(timezone.utc) <= timedelta(minutes=10)
    with pytest.raises(InvalidToken, match="Signature"):
        SessionSigner("t" * 32, minutes=10).subject(token)
    with pytest.raises(InvalidToken, match="expired"):
        SessionSigner("s" * 32, minutes=-1).subject(SessionSigner("s" * 32, minutes=-1).issue("alice")[0])


def test_passwords_are_stored_as_argon2id_and_only_the_right_one_matches():
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$") and "correct" not in stored
    assert password_matches(stored, "correct horse battery")
    assert not password_matches(stored, "correct horse batterY")
    assert not password_matches(None, "correct horse battery")
    assert not password_matches("not-a-hash", "x")
    with pytest.raises(WeakPassword, match="12 characters"):
        hash_password("short")
