"""The ingest HTTP API: thin routes over validation and the accept use case."""
import time
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool

from alpr_common.clock import Clock
from alpr_common.logs import RequestIdMiddleware
from services.ingest.accept import ACCEPTED, DATABASE_ERRORS, Unavailable, accept_frame
from services.ingest.devices import authenticate
from services.ingest.health import readiness_problems
from services.ingest.http_errors import error_response, install_error_handlers
from services.ingest.metrics import IMAGE_BYTES, UPLOAD_SECONDS, UPLOADS, outcome_for_status
from services.ingest.rejection import FrameRejected
from services.ingest.settings import IngestSettings
from services.ingest.upload_audit import record_upload_attempt
from services.ingest.validation import validate_frame
from services.ingest.wiring import IngestState, build_state

UPLOAD_PATH = "/v1/frames"
MULTIPART_OVERHEAD = 1024 * 1024 + 64 * 1024  # the metadata part and the multipart framing
_bearer = HTTPBearer(auto_error=False, description="The device token from `alpr ingest add-device`.")


def state_of(request: Request) -> IngestState:
    return request.app.state.ingest


def authenticated_device(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str:
    if credentials is None:
        raise HTTPException(401, "Authorization: a device bearer token is required", {"WWW-Authenticate": "Bearer"})
    try:
        device = authenticate(state_of(request).adapters.database_url, credentials.credentials)
    except DATABASE_ERRORS as exc:
        raise Unavailable("database", str(exc)) from exc
    if device is None:
        raise HTTPException(401, "Authorization: unknown or disabled device token", {"WWW-Authenticate": "Bearer"})
    request.state.device = device
    return device


AuthenticatedDevice = Annotated[str, Depends(authenticated_device)]


def read_image(image: UploadFile, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes are read, so an oversized file is refused without filling memory."""
    if image.size is not None and image.size > max_bytes:
        raise FrameRejected("image_too_large", f"image: {image.size} bytes is over the limit of {max_bytes} bytes", 413)
    return image.file.read(max_bytes + 1)


def create_app(settings: IngestSettings, *, clock: Clock | None = None) -> FastAPI:
    """The ingest app on real adapters; raises ConfigError when KAFKA_BOOTSTRAP_SERVERS is missing."""
    state = build_state(settings, clock)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        state.adapters.audit.close()
        state.adapters.producer.flush(5)

    app = FastAPI(title="ALPR ingest", version="1", lifespan=lifespan,
                  description="Frame uploads from camera vehicles.")
    app.state.ingest = state
    install_error_handlers(app, settings.retry_after_s)
    install_upload_middleware(app, settings.max_image_bytes)
    app.add_middleware(RequestIdMiddleware)  # added last, so outermost: the id is bound for the upload audit
    add_routes(app)
    return app


def install_upload_middleware(app: FastAPI, max_image_bytes: int) -> None:
    @app.middleware("http")
    async def measure_uploads(request: Request, call_next):
        if request.url.path != UPLOAD_PATH or request.method != "POST":
            return await call_next(request)
        started = time.perf_counter()
        if int(request.headers.get("content-length") or 0) > max_image_bytes + MULTIPART_OVERHEAD:
            response = error_response(413, "image_too_large", f"image: the upload is over the limit of {max_image_bytes} bytes")
        else:
            response = await call_next(request)
        UPLOADS.labels(outcome_for_status(response.status_code)).inc()
        UPLOAD_SECONDS.observe(time.perf_counter() - started)
        await run_in_threadpool(record_upload_attempt, state_of(request).adapters.audit, request, response.status_code)
        return response


def add_routes(app: FastAPI) -> None:
    @app.post(UPLOAD_PATH, status_code=202, tags=["frames"])
    def upload_frame(request: Request, device: AuthenticatedDevice,
                     image: Annotated[UploadFile, File(description="The frame: a JPEG or PNG file.")],
                     metadata: Annotated[str, Form(description="JSON: frame_id, device_id, captured_at, latitude, longitude, heading, camera.")]):
        """Upload one frame; 202 once the broker has its event, 200 for a frame already accepted."""
        state = state_of(request)
        data = read_image(image, state.limits.image.max_bytes)
        frame = validate_frame(metadata, data, device_id=device, limits=state.limits, now=state.clock.now())
        request.state.frame_id, request.state.audit_details = frame.metadata.frame_id, {"object_key": frame.object_key}
        outcome = accept_frame(state.adapters, frame, state.clock.now())
        if outcome == ACCEPTED:
            IMAGE_BYTES.observe(len(data))
        return JSONResponse({"frame_id": frame.metadata.frame_id, "status": outcome},
                            status_code=202 if outcome == ACCEPTED else 200)

    @app.get("/healthz", tags=["ops"])
    def healthz():
        """Liveness (public): the process answers."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"])
    def readyz(request: Request):
        """Readiness: the database, the object store and the broker all answer."""
        problems = readiness_problems(state_of(request).adapters)
        if problems:
            detail = "; ".join(f"{name}: {reason}" for name, reason in problems.items())
            return error_response(503, "not_ready", detail, {"Retry-After": str(state_of(request).retry_after_s)})
        return {"status": "ready"}

    @app.get("/metrics", tags=["ops"])
    def metrics():
        """Prometheus metrics."""
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
