"""Settings of the review service: the common ones plus its own under the REVIEW_ prefix (see README)."""
from pydantic_settings import SettingsConfigDict

from alpr_common.config import CommonSettings
from alpr_common.errors import ConfigError

SERVICE = "review"


class ReviewSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="REVIEW_", extra="ignore", populate_by_name=True)

    host: str = "127.0.0.1"
    port: int = 8081
    consume: bool = True  # ingest cases from alpr.cases.v1 in the same process as the API
    group_id: str = SERVICE  # the consumer group; only tests and side-by-side replays change it
    key_cache_s: float = 30.0  # how long an unwrapped case key is reused: a key shredded elsewhere stops opening by then
    session_secret: str | None = None  # signs session tokens; unset: a random one per process
    session_minutes: int = 480  # one shift
    oidc_issuer: str | None = None  # production sign-in: JWTs from this OpenID Connect issuer
    oidc_audience: str | None = None
    oidc_jwks_path: str | None = None  # the issuer's keys as a JWKS file ...
    oidc_jwks_url: str | None = None  # ... or fetched from its jwks_uri
    oidc_role_claim: str = "roles"  # a string or a list; the first review role in it counts
    oidc_name_claim: str = "preferred_username"  # falls back to `sub`

    def require_oidc(self) -> None:
        """Raises ConfigError when OpenID Connect is half configured."""
        if not self.oidc_issuer:
            return
        if not self.oidc_audience:
            raise ConfigError("REVIEW_OIDC_ISSUER is set but REVIEW_OIDC_AUDIENCE is not: set the client id tokens are issued for")
        if bool(self.oidc_jwks_path) == bool(self.oidc_jwks_url):
            raise ConfigError("with REVIEW_OIDC_ISSUER set exactly one of REVIEW_OIDC_JWKS_PATH (a JWKS file) "
                              "or REVIEW_OIDC_JWKS_URL (the issuer's jwks_uri) must be set")
