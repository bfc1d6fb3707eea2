"""`alpr audit`: replay, verify and prove the audit topic; the access review (for auditors and the privacy officer)."""
import csv
import dataclasses
import json
import sys
from datetime import datetime
from pathlib import Path

import click
from google.protobuf.json_format import MessageToDict
from tqdm import tqdm

from alpr_cli.settings import CliSettings
from alpr_common import audit_bench
from alpr_common.audit_access import AccessRow, access_review, parse_month
from alpr_common.audit_chain import verify_chains
from alpr_common.audit_keys import AuditSettings, read_registry, registered_key
from alpr_common.audit_proofs import NotProvable, check_proof, prove_event
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.timeutil import from_timestamp
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import AUDIT

FIELDS = ["at", "writer_id", "sequence", "actor", "actor_kind", "role", "action", "resource", "purpose", "outcome", "request_id"]
topic_option = click.option("--topic", default=AUDIT.name, show_default=True, help="The topic to read (e.g. a copy under audit).")
progress_option = click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
registry_option = click.option("--registry", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                               help="Key registry (JSON lines); default ALPR_AUDIT_KEY_REGISTRY or $ALPR_DATA_DIR/audit-keys.jsonl.")


@click.group()
def audit():
    """Read and verify the audit topic (alpr.audit.v1) from its beginning."""


def _events(progress: bool, topic: str = AUDIT.name):
    bootstrap = CliSettings().require_kafka()
    for msg in tqdm(read_to_end(bootstrap, topic), desc="audit events", unit=" ev", disable=not progress, file=sys.stderr):
        yield f"{msg.partition()}/{msg.offset()}", AuditEvent.FromString(msg.value())


def _registry(path: Path | None) -> dict[str, bytes] | None:
    path = path or AuditSettings().registry_path()
    if not path.exists():
        click.echo(f"keys: no registry at {path}; each writer is held to the key of its first checkpoint (trust on first use)", err=True)
        return None
    return read_registry(path)


@audit.command()
@click.option("--since", type=click.DateTime(), help="Only events at or after this time (UTC).")
@click.option("--until", type=click.DateTime(), help="Only events before this time (UTC).")
@click.option("--actor", help="Only events by this actor.")
@click.option("--action", help="Only this action, e.g. case.view.")
@click.option("--resource", help="Only events about this resource, e.g. a case id.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@progress_option
@topic_option
def replay(since, until, actor, action, resource, fmt, progress, topic):
    """Write the audit events that match the filters to stdout, as JSON lines or CSV."""
    writer = csv.DictWriter(sys.stdout, FIELDS, extrasaction="ignore") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for _, event in _events(progress, topic):
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
@registry_option
@click.option("--strict", is_flag=True, help="Also fail when events follow a writer's last checkpoint.")
@progress_option
@topic_option
def verify(registry, strict, progress, topic):
    """Replay the audit topic from the beginning and report removed, altered, reordered or forged events."""
    result = verify_chains(_events(progress, topic), _registry(registry))
    for p in result.problems:
        click.echo(f"{p.position} writer={p.writer_id} sequence={p.sequence}: {p.problem}")
    for p in result.unsealed:
        click.echo(f"warning: {p.position} writer={p.writer_id} sequence={p.sequence}: {p.problem} "
                   "(not signed: the writer is running, stopped without close(), or its tail was removed)")
    click.echo(f"{result.checked} audit events checked ({result.checkpoints} checkpoints), "
               f"{len(result.problems)} problem(s) found, {len(result.unsealed)} writer(s) with unsealed events.")
    if result.problems or (strict and result.unsealed):
        raise SystemExit(1)


@audit.command()
@click.argument("event_id")
@registry_option
@progress_option
@topic_option
def prove(event_id, registry, progress, topic):
    """Print the inclusion proof of EVENT_ID in its writer's latest signed checkpoint, as JSON."""
    keys = _registry(registry)
    try:
        proof = prove_event(_events(progress, topic), event_id)
    except NotProvable as exc:
        raise click.ClickException(str(exc)) from exc
    problems = check_proof(proof, registered_key(keys, proof.writer_id) if keys is not None else None)
    click.echo(json.dumps({**proof.as_dict(), "verified": not problems, "problems": problems}, indent=2))
    if problems:
        raise SystemExit(1)


@audit.command("access-review")
@click.option("--month", required=True, help="The month to review, as YYYY-MM (UTC).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
@progress_option
@topic_option
def access_review_command(month, fmt, progress, topic):
    """Who accessed what in a month: events and distinct resources per actor, role, action and outcome."""
    try:
        parse_month(month)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--month") from exc
    rows = [dataclasses.asdict(r) for r in access_review((e for _, e in _events(progress, topic)), month)]
    names = [f.name for f in dataclasses.fields(AccessRow)]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, names)
        writer.writeheader()
        writer.writerows(rows)
    else:
        click.echo(f"Access review {month}: {sum(r['events'] for r in rows)} accesses by {len({r['actor'] for r in rows})} actor(s)")
        for row in [dict(zip(names, names)), *rows]:
            click.echo("  ".join(f"{row[n]!s:<14}" for n in names).rstrip())


@audit.command()
@click.option("--events", "accesses", default=200_000, show_default=True, help="Access events to generate.")
@click.option("--writers", default=8, show_default=True)
@click.option("--every", default=100, show_default=True, help="Checkpoint every N events.")
def bench(accesses, writers, every):
    """Events per second `verify` checks (median of 3), next to SHA-256 of each message alone."""
    raw, registry = audit_bench.generated_topic(accesses, writers, every)
    verify_rate = audit_bench.median_rate(lambda: audit_bench.verify_run(raw, registry))
    hash_rate = audit_bench.median_rate(lambda: audit_bench.hashing_run(raw))
    click.echo(f"{len(raw)} audit events ({len(raw) - accesses} signed checkpoints), {writers} writers, median of 3 runs")
    click.echo(f"verify (parse, chain, Merkle, Ed25519): {verify_rate:>12,.0f} events/s")
    click.echo(f"baseline (SHA-256 of each message):     {hash_rate:>12,.0f} events/s  ({hash_rate / verify_rate:.1f}x verify)")
