import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from click.testing import CliRunner

from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.topics import AUDIT
from services.review.cli import review as review_cli
from tests.integration.review.support import read_topic, set_clock_after_every_other_test


class Receiver(BaseHTTPRequestHandler):
    received: list = []
    status = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.headers["Content-Type"], json.loads(body)))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


def confirmed_case(review, plate: str) -> tuple[str, str]:
    case_id = review.new_case(plate=plate)
    review.get(f"/v1/cases/{case_id}/evidence/0")
    return case_id, review.post(f"/v1/cases/{case_id}/decision", json={"outcome": "confirm"}).json()["citation_id"]


def exporting(review, database_url, monkeypatch, tmp_path) -> str:
    """The CLI's environment, and a --since that only this test's citations (sealed under its keys) reach."""
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", review.bootstrap)
    monkeypatch.setenv("DATABASE_URL", database_url)
    return set_clock_after_every_other_test(tmp_path).strftime("%Y-%m-%dT%H:%M:%S+0000")


def test_citations_export_as_csv_and_json_and_to_a_webhook_and_each_export_is_audited(review, database_url,
                                                                                       monkeypatch, tmp_path):
    since = exporting(review, database_url, monkeypatch, tmp_path)
    case_id, citation_id = confirmed_case(review, "EXP777")
    runner = CliRunner()
    as_csv = runner.invoke(review_cli, ["export-citations", "--since", since, "--format", "csv", "--actor", "clerk-1"])
    assert as_csv.exit_code == 0, as_csv.output
    line = next(l for l in as_csv.stdout.splitlines() if l.startswith(citation_id))
    assert f"{citation_id},{case_id},EXP777,z-elm,OVERSTAY,officer," in line and line.endswith(",issued")
    as_json = json.loads(runner.invoke(review_cli, ["export-citations", "--since", since, "--format", "json"]).stdout)
    assert citation_id in [c["citation_id"] for c in as_json["citations"]]
    later = json.loads(runner.invoke(review_cli, ["export-citations", "--since", "2099-01-01", "--format", "json"]).stdout)
    assert citation_id not in [c["citation_id"] for c in later["citations"]]  # other tests' citations may be later

    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/citations"
    try:
        posted = runner.invoke(review_cli, ["export-citations", "--since", since, "--webhook", url, "--actor", "clerk-1"])
        assert posted.exit_code == 0, posted.output
        (content_type, body), = Receiver.received
        assert content_type == "application/json"
        assert [c for c in body["citations"] if c["citation_id"] == citation_id][0]["plate_text"] == "EXP777"
        Receiver.status = 500
        failed = runner.invoke(review_cli, ["export-citations", "--since", since, "--webhook", url])
        assert failed.exit_code == 1 and "answered 500" in failed.output
    finally:
        server.shutdown()

    exports = read_topic(review.bootstrap, AUDIT.name, AuditEvent,
                         lambda e: e.action == "citations.export" and e.actor == "clerk-1", want=2)
    assert sorted(e.details["destination"] for e in exports) == sorted(["stdout (csv)", url])
    assert all(int(e.details["count"]) >= 1 and e.outcome == "allowed" for e in exports)


def test_a_citation_whose_case_key_was_shredded_refuses_the_export_clearly_and_the_refusal_is_audited(
        review, database_url, monkeypatch, tmp_path):
    since = exporting(review, database_url, monkeypatch, tmp_path)
    case_id, citation_id = confirmed_case(review, "GON404")
    assert review.keystore.destroy_case_key(case_id, set_clock_after_every_other_test(tmp_path)) is True

    refused = CliRunner().invoke(review_cli, ["export-citations", "--since", since, "--actor", "clerk-2"])
    assert refused.exit_code == 1 and "GON404" not in refused.output
    assert "export refused" in refused.output and citation_id in refused.output
    assert f"key case:{case_id} has been destroyed" in refused.output and "--since" in refused.output
    (audit,) = read_topic(review.bootstrap, AUDIT.name, AuditEvent,
                          lambda e: e.action == "citations.export" and e.actor == "clerk-2")
    assert (audit.outcome, audit.details["refused"], audit.details["count"]) == ("not_found", citation_id, "0")
