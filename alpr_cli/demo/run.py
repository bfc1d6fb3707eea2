"""`alpr demo`: the whole pipeline on the built-in scenario, through the real topics, then a summary."""
import functools
import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from alpr_cli.demo import summary as tally
from alpr_cli.demo.accounts import create_demo_accounts
from alpr_cli.demo.officer import CaseKey, ReviewClient, case_key, review_all
from alpr_cli.demo.scenario import Scenario, build_scenario, demo_base_time
from alpr_cli.demo.waiting import caught_up, wait_until
from alpr_cli.stack import Stack, StackOptions, free_port
from alpr_common.service_runtime import stop_on_signals
from alpr_common.clock import FileClock
from alpr_common.crypto import open_keystore
from alpr_common.topics import CASES, DECISIONS, FRAME_READS, FRAMES, READS, RULES_SIGHTINGS
from services.ingest.uploader import upload_folder
from services.reporting.report import write_annual_report

CITY_TZ = ZoneInfo("America/New_York")
PIPELINE_TIMEOUT_S = 240
PUBLIC_SUPPRESSION_THRESHOLD = 10
RETENTION_SWEEP_S = 1.0
NON_VIOLATION_WINDOW = timedelta(hours=24)  # services/retention/retention.toml: non_violation_frames


def yesterday_morning() -> datetime:
    """The drive starts yesterday morning, city time: recent enough for ingest, in enforced hours."""
    return demo_base_time(datetime.now(CITY_TZ).date() - timedelta(days=1))


@click.command()
@click.option("--data-dir", type=click.Path(path_type=Path), default=Path(".alpr/demo"), show_default=True,
              help="Working folder; emptied at the start of every run.")
@click.option("--seed", default=7, show_default=True, help="Seed of the synthetic city and drive.")
@click.option("--cars", default=24, show_default=True, help="Parked cars in the scenario.")
@click.option("--keep-running", is_flag=True,
              help="After the summary, keep every store up and print where each lies (broker, database, "
                   "objects, rules state, logs) so outside tools can search them; Ctrl-C stops.")
def demo(data_dir: Path, seed: int, cars: int, keep_running: bool):
    """Run ingest -> ocr -> rules -> review -> retention -> reporting on a synthetic enforcement drive.

    Builds a small city and a drive that passes the same streets twice, starts every service on
    the embedded default, uploads the frames, lets a scripted officer review the cases, moves the
    simulated clock past the retention window, writes the annual report and prints a summary.
    Exits non-zero when the cases opened differ from the cases the scenario expects.
    """
    started = time.monotonic()
    shutil.rmtree(data_dir, ignore_errors=True)
    clock = FileClock(data_dir / "clock")
    base = yesterday_morning()
    clock.set(base)
    click.echo("Building the demo city and rendering the drive's frames...")
    scenario = build_scenario(data_dir / "scenario", base_time=base, seed=seed, cars=cars)
    options = StackOptions(data_dir, scenario.zones_path, scenario.tracts_path, clock=f"file:{clock.path}",
                           ingest_port=free_port(), review_port=free_port(), transparency_port=free_port(),
                           retention_sweep_s=RETENTION_SWEEP_S,
                           seed_database=lambda url: create_demo_accounts(url, scenario.permits_path, scenario.device_id))
    click.echo("Starting the development broker, PostgreSQL and the six services...")
    with Stack(options) as stack:
        result = run_scenario(stack, scenario, clock)
        result.seconds = time.monotonic() - started
        click.echo("\n".join(["", "Demo summary", "------------", *result.lines()]))
        if keep_running:
            hold_for_inspection(stack, scenario)
    if not result.cases_as_expected:
        raise SystemExit(1)


def hold_for_inspection(stack: Stack, scenario: Scenario) -> None:
    """Print where every store lies, one `store NAME VALUE` line each, and wait for Ctrl-C."""
    data_dir = stack.options.data_dir.resolve()
    stores = {"kafka": stack.bootstrap, "database": stack.database_url, "objects": stack.storage_url,
              "rules-state": data_dir / "rules", "logs": data_dir / "logs", "reports": data_dir / "report",
              "truth": scenario.root / "truth.json", "review-api": stack.review_url,
              "officer-token": stack.seeded.officer_token}
    click.echo("\nEvery store stays up for inspection (the truth file is the scenario, not a store):")
    click.echo("\n".join(f"store {name} {value}" for name, value in stores.items()))
    click.echo("Press Ctrl-C to stop.", nl=True)
    stop = stop_on_signals()
    while not stop.wait(1.0):
        stack.processes.check_alive()


def run_scenario(stack: Stack, scenario: Scenario, clock: FileClock) -> tally.DemoSummary:
    result = tally.DemoSummary(cases_expected=len(scenario.expected_cases))
    accounts = stack.seeded
    for pass_dir, (_, pass_end) in zip(scenario.pass_dirs, scenario.pass_times):
        clock.set(pass_end)
        click.echo(f"Uploading {pass_dir.name}...")
        uploaded = upload_folder(pass_dir, stack.ingest_url, accounts.device_token)
        result.frames_ingested += uploaded.accepted
    wait_for_pipeline(stack, result.frames_ingested)
    keystore = open_keystore(stack.database_url, stack.options.data_dir, cache_ttl_s=0)
    reads = tally.our_reads(stack.bootstrap, scenario.frame_truth)
    result.reads, result.plates_visible, result.plates_read_right = tally.score_reads(keystore, reads, scenario.frame_truth)
    result.sightings, result.reads_fused = tally.count_sightings(reads)
    officer = review_cases(stack, scenario, accounts.officer_token, result)
    wait_until(caught_up(stack.bootstrap, "retention", [FRAMES.name, FRAME_READS.name, CASES.name, DECISIONS.name]),
               "retention to take in every event", PIPELINE_TIMEOUT_S, stack.processes.check_alive)
    click.echo("Moving the simulated clock through the 24-hour window, then four days on; retention destroys what is due...")
    walk_clock(clock, scenario.pass_times[0][0] + NON_VIOLATION_WINDOW, scenario.pass_times[-1][1] + NON_VIOLATION_WINDOW)
    clock.set(scenario.pass_times[-1][1] + timedelta(days=4))
    wait_for_destruction(stack, result)
    tally.count_outputs(stack.bootstrap, result)
    result.reads_still_readable = tally.still_readable(stack.bootstrap, keystore, scenario.frame_truth)
    result.cited_cases_readable = sum(officer.evidence_readable(case_id) for case_id in result.cited_case_ids)
    wait_until(caught_up(stack.bootstrap, "reporting", [READS.name, CASES.name, DECISIONS.name]),
               "reporting to catch up", PIPELINE_TIMEOUT_S, stack.processes.check_alive)
    year, report_dir = scenario.pass_times[0][0].year, stack.options.data_dir / "report"
    report = functools.partial(write_annual_report, stack.database_url, year, report_dir, scenario.tracts_path,
                               timezone=CITY_TZ.key)
    result.report_path = report()
    result.public_report_path = report(threshold=PUBLIC_SUPPRESSION_THRESHOLD)
    return result


def wait_for_pipeline(stack: Stack, frames: int) -> None:
    click.echo(f"Waiting for OCR to read {frames} frames and rules to open cases...")
    check = stack.processes.check_alive
    wait_until(caught_up(stack.bootstrap, "ocr", [FRAMES.name]), "OCR to read every frame", PIPELINE_TIMEOUT_S, check)
    wait_until(caught_up(stack.bootstrap, "rules", [READS.name, RULES_SIGHTINGS.name]), "rules to process every read", PIPELINE_TIMEOUT_S, check)
    wait_until(caught_up(stack.bootstrap, "review", [CASES.name]), "review to take in every case", PIPELINE_TIMEOUT_S, check)


def review_cases(stack: Stack, scenario: Scenario, officer_token: str, result: tally.DemoSummary) -> ReviewClient:
    expected = {CaseKey(c.plate, c.zone_id, c.kind) for c in scenario.expected_cases}
    client = ReviewClient(stack.review_url, officer_token)
    opened = {case_key(c) for c in client.open_cases()}
    result.cases_opened, result.cases_matching = len(opened), len(opened & expected)
    result.missing_cases, result.unexpected_cases = sorted(expected - opened), sorted(opened - expected)
    click.echo(f"The officer reviews {len(opened)} cases...")
    decisions = review_all(client, expected)
    result.confirmed, result.rejected = decisions.confirmed, decisions.rejected
    result.cited_case_ids = decisions.cited_case_ids
    result.cited_cases = len(decisions.cited_case_ids)
    return client


def walk_clock(clock: FileClock, start: datetime, end: datetime, step: timedelta = timedelta(minutes=30)) -> None:
    """Move the clock in steps, each held longer than a retention sweep, so items die when they fall due."""
    at = start
    while at <= end + step:
        clock.set(at)
        time.sleep(RETENTION_SWEEP_S * 1.5)
        at += step


def wait_for_destruction(stack: Stack, result: tally.DemoSummary) -> None:
    """Every frame that is not evidence of a citation is due once the clock passed every window (the
    epochs' keys go with the windows, so by then their reads and photos are noise anyway)."""
    due = result.frames_ingested - len(tally.cited_frames(stack.bootstrap))
    wait_until(lambda: tally.frames_destroyed(stack.bootstrap) >= due,
               f"retention to destroy {due} frames", PIPELINE_TIMEOUT_S, stack.processes.check_alive, interval_s=1.0)
