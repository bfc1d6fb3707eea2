"""`alpr upload` against a live ingest server (uvicorn on a free port)."""
import json

import pytest
from click.testing import CliRunner

from services.ingest.app import create_app
from services.ingest.cli import upload
from services.ingest.retry import RetryPolicy
from services.ingest.uploader import upload_folder
from tests.integration.ingest.live_server import live_server
from tests.integration.ingest.support import frame_rows, frames_on_topic, metadata, settings
from tests.support.components import free_port
from tests.unit.ingest.sample_images import GIF, jpeg, png

pytestmark = pytest.mark.integration


@pytest.fixture
def server_url(database_url, kafka_bootstrap, tmp_path):
    with live_server(create_app(settings(database_url, kafka_bootstrap, tmp_path / "server"))) as url:
        yield url


def write_frame(folder, name: str, image: bytes, meta) -> None:
    (folder / name).write_bytes(image)
    (folder / name).with_suffix(".json").write_text(json.dumps(meta))


@pytest.fixture
def frame_folder(tmp_path, device):
    folder = tmp_path / "frames"
    folder.mkdir()
    for i in range(3):
        write_frame(folder, f"f{i}.jpg" if i % 2 else f"f{i}.png", (jpeg if i % 2 else png)(seed=i), metadata(device[0]))
    return folder


def test_a_folder_is_uploaded_once_and_a_second_run_sends_nothing(server_url, device, frame_folder, database_url, kafka_bootstrap):
    first = upload_folder(frame_folder, server_url, device[1], progress=False)
    second = upload_folder(frame_folder, server_url, device[1], progress=False)
    assert (first.accepted, first.duplicates, first.rejected, first.failed, first.errors) == (3, 0, 0, 0, [])
    assert (second.accepted, second.duplicates, second.already_uploaded, second.ok) == (0, 0, 3, True)
    sent = {json.loads(p.read_text())["frame_id"] for p in frame_folder.glob("*.json")}
    assert {r["frame_id"] for r in frame_rows(database_url, device[0])} == sent
    assert sorted(e.frame_id for e in frames_on_topic(kafka_bootstrap, sent)) == sorted(sent)
    assert sorted((frame_folder / ".uploaded").read_text().split()) == ["f0.png", "f1.jpg", "f2.png"]


def test_a_bad_file_is_reported_with_the_servers_detail_and_the_rest_still_uploads(server_url, device, frame_folder):
    write_frame(frame_folder, "a_bad.png", GIF, metadata(device[0]))
    (frame_folder / "b_orphan.jpg").write_bytes(jpeg())
    summary = upload_folder(frame_folder, server_url, device[1], progress=False)
    assert (summary.accepted, summary.rejected, summary.failed, summary.ok) == (3, 2, 0, False)
    by_file = {e.file: e for e in summary.errors}
    assert (by_file["a_bad.png"].status, by_file["a_bad.png"].error) == (415, "unsupported_image_type")
    assert by_file["a_bad.png"].detail.startswith("image:") and by_file["b_orphan.jpg"].error == "missing_sidecar"
    assert "a_bad.png" not in (frame_folder / ".uploaded").read_text()


def test_a_ledger_entry_already_on_the_server_counts_as_duplicate_when_the_ledger_was_lost(server_url, device, frame_folder):
    upload_folder(frame_folder, server_url, device[1], progress=False)
    (frame_folder / ".uploaded").unlink()
    again = upload_folder(frame_folder, server_url, device[1], progress=False)
    assert (again.accepted, again.duplicates, again.ok) == (0, 3, True)


def test_an_unreachable_server_fails_after_the_retries_and_keeps_everything_queued(frame_folder, device):
    waits = []
    summary = upload_folder(frame_folder, f"http://127.0.0.1:{free_port()}", device[1], progress=False,
                            retry=RetryPolicy(max_attempts=3, base_delay_s=0.1), sleep=waits.append)
    assert (summary.failed, summary.accepted, summary.ok) == (3, 0, False) and waits == [0.1, 0.2]
    assert [e.error for e in summary.errors] == ["connection_error", "not_sent", "not_sent"]
    assert not (frame_folder / ".uploaded").exists()


def test_the_command_exits_non_zero_and_names_the_file_that_was_rejected(server_url, device, frame_folder):
    write_frame(frame_folder, "zz.jpg", jpeg(), metadata(device[0], latitude=123.0))
    result = CliRunner().invoke(upload, [str(frame_folder), "--no-progress"],
                                env={"INGEST_URL": server_url, "INGEST_TOKEN": device[1]})
    assert result.exit_code == 1
    assert "zz.jpg: invalid_metadata (HTTP 422): latitude:" in result.output
    assert "accepted 3, duplicates 0, rejected 1, failed 0" in result.output


def test_a_wrong_token_stops_the_run_at_the_first_frame(server_url, frame_folder):
    summary = upload_folder(frame_folder, server_url, "wrong-token", progress=False)
    assert summary.rejected == 1 and summary.failed == 2 and summary.errors[0].status == 401
