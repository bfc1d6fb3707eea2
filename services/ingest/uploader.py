"""`alpr upload`: push a folder of frames to ingest, with retries, backoff and an offline queue."""
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx
from tqdm import tqdm

from services.ingest.frame_folder import FrameFile, Ledger, frame_files
from services.ingest.retry import RetryPolicy

RETRYABLE_STATUSES = {429, 502, 503, 504}


@dataclass(frozen=True)
class FileError:
    file: str
    status: int | None
    error: str
    detail: str


@dataclass(frozen=True)
class Result:
    outcome: str  # accepted | duplicate | rejected | failed
    error: FileError | None = None
    stop: bool = False  # nothing after this can succeed now (server unreachable, token refused)


@dataclass
class UploadSummary:
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    failed: int = 0
    already_uploaded: int = 0
    errors: list[FileError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.rejected == 0 and self.failed == 0

    def add(self, result: Result) -> None:
        attribute = {"accepted": "accepted", "duplicate": "duplicates"}.get(result.outcome, result.outcome)
        setattr(self, attribute, getattr(self, attribute) + 1)
        if result.error:
            self.errors.append(result.error)


def upload_folder(folder: Path, url: str, token: str, *, progress: bool = True, retry: RetryPolicy = RetryPolicy(),
                  timeout_s: float = 30.0, sleep: Callable[[float], None] = time.sleep) -> UploadSummary:
    """Upload every frame the ledger does not list yet; a re-run after a failure sends only the rest."""
    ledger, summary = Ledger(Path(folder)), UploadSummary()
    files = frame_files(Path(folder))
    pending = ledger.pending(files)
    summary.already_uploaded = len(files) - len(pending)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(headers=headers, timeout=timeout_s) as client:
        for index, file in enumerate(tqdm(pending, unit="frame", disable=not progress)):
            result = upload_one(client, frames_endpoint(url), file, retry, sleep)
            summary.add(result)
            if result.outcome in ("accepted", "duplicate"):
                ledger.record(file)
            if result.stop:
                give_up(summary, pending[index + 1:], result.error)
                break
    return summary


def frames_endpoint(url: str) -> str:
    base = url.rstrip("/")
    return base if base.endswith("/v1/frames") else f"{base}/v1/frames"


def give_up(summary: UploadSummary, rest: list[FrameFile], cause: FileError | None) -> None:
    reason = cause.detail if cause else "stopped"
    for file in rest:
        summary.add(Result("failed", FileError(file.name, None, "not_sent", f"not sent this run: {reason}")))


def upload_one(client: httpx.Client, endpoint: str, file: FrameFile, retry: RetryPolicy,
               sleep: Callable[[float], None]) -> Result:
    if not file.sidecar.exists():
        return Result("rejected", FileError(file.name, None, "missing_sidecar", f"no metadata file {file.sidecar.name}"))
    files = {"image": (file.name, file.image.read_bytes(), file.content_type)}
    data = {"metadata": file.sidecar.read_text()}
    for attempt in range(retry.max_attempts):
        last_attempt = attempt + 1 == retry.max_attempts
        try:
            response = client.post(endpoint, files=files, data=data)
        except httpx.TransportError as exc:
            if last_attempt:
                return Result("failed", FileError(file.name, None, "connection_error", f"{endpoint}: {exc!r}"), stop=True)
            sleep(retry.delay(attempt))
            continue
        if response.status_code not in RETRYABLE_STATUSES or last_attempt:
            return result_of(file, response)
        sleep(retry.delay(attempt, response.headers.get("Retry-After")))
    raise AssertionError("unreachable: the last attempt always returns")


def result_of(file: FrameFile, response: httpx.Response) -> Result:
    status = response.status_code
    if status == 202:
        return Result("accepted")
    if status == 200:
        return Result("duplicate")
    error, detail = error_body(response)
    outcome = "rejected" if 400 <= status < 500 and status != 429 else "failed"
    stop = status == 401 or status in RETRYABLE_STATUSES
    return Result(outcome, FileError(file.name, status, error, detail), stop=stop)


def error_body(response: httpx.Response) -> tuple[str, str]:
    try:
        body = response.json()
        return str(body.get("error", f"http_{response.status_code}")), str(body.get("detail", ""))
    except (ValueError, AttributeError):
        return f"http_{response.status_code}", response.text[:200]
