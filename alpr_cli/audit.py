"""`alpr audit`: replay and verify the audit topic (for auditors and the privacy officer)."""
import csv
import json
import sys
from datetime import datetime

import click
from google.protobuf.json_format import MessageToDict
from tqdm import tqdm

from alpr_cli.settings import CliSettings
from alpr_common.audit_chain import verify_chains
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.timeutil import from_timestamp
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import AUDIT

FIELDS = ["at", "writer_id", "sequence", "actor", "actor_kind", "role", "action", "resource", "purpose", "outcome", "request_id"]


@click.group()
def audit():
    """Read and verify the audit topic (alpr.audit.v1) from its beginning."""


def _events(progress: bool):
    bootstrap = CliSettings().require_kafka()
    for msg in tqdm(read_to_end(bootstrap, AUDIT.name), desc="audit events", unit=" ev", disable=not progress, file=sys.stderr):
        yield f"{msg.partition()}/{msg.offset()}", AuditEvent.FromString(msg.value())


@audit.command()
@click.option("--since", type=click.DateTime(), help="Only events at or after this time (UTC).")
@click.option("--until", type=click.DateTime(), help="Only events before this time (UTC).")
@click.option("--actor", help="Only events by this actor.")
@click.option("--action", help="Only this action, e.g. case.view.")
@click.option("--resource", help="Only events about this resource, e.g. a case id.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def replay(since, until, actor, action, resource, fmt, progress):
    """Write the audit events that match the filters to stdout, as JSON lines or CSV."""
    writer = csv.DictWriter(sys.stdout, FIELDS, extrasaction="ignore") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for _, event in _events(progress):
        row = _row(event)
        if _matches(row, since, until, actor, action, resource):
            writer.writerow(row) if writer else click.echo(json.dumps(row))


def _row(event: AuditEvent) -> dict:
    row = MessageToDict(event, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)
    row["at"] = from_timestamp(event.at).isoformat()
    row["sequence"] = event.sequence
    return row


def _matches(row: dict, since: datetime | None, until: datetime | None, actor, action, resource) -> bool:
    at = datetime.fromisoformat(row["at"]).replace(tzinfo=None)
    return ((since is None or at >= since) and (until is None or at < until)
            and (actor is None or row["actor"] == actor) and (action is None or row["action"] == action)
            and (resource is None or row["resource"] == resource))


@audit.command()
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def verify(progress):
    """Replay the audit topic from the beginning and report removed, altered or reordered events."""
    count, problems = verify_chains(_events(progress))
    for p in problems:
        click.echo(f"{p.position} writer={p.writer_id} sequence={p.sequence}: {p.problem}")
    click.echo(f"{count} audit events checked, {len(problems)} problem(s) found.")
    if problems:
        raise SystemExit(1)
