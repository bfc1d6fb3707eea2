"""The whole pipeline, as a user runs it: `alpr demo` on a small scenario, in its own processes."""
import re

import pytest

pytestmark = pytest.mark.e2e


def figure(text: str, pattern: str) -> tuple[int, ...]:
    match = re.search(pattern, text)
    assert match, f"summary line {pattern!r} missing from:\n{text[-3000:]}"
    return tuple(int(g) for g in match.groups())


def test_demo_holds_its_stores_with_exactly_the_expected_cases(demo_run):
    run = demo_run
    assert run.returncode is None and "store kafka" in run.stdout, run.stdout[-3000:]
    expected, opened, matching = figure(run.stdout, r"cases\s+expected (\d+), opened (\d+), matching (\d+)")
    assert expected > 0 and expected == opened == matching
    assert "MISSING" not in run.stdout and "UNEXPECTED" not in run.stdout


def test_demo_reads_plates_cites_audits_destroys_and_reports(demo_run):
    run = demo_run
    (frames,) = figure(run.stdout, r"frames ingested\s+(\d+)")
    _, right, visible = figure(run.stdout, r"plates read\s+(\d+) reads; (\d+) of (\d+) visible")
    confirmed, rejected = figure(run.stdout, r"officer decisions\s+(\d+) confirmed, (\d+) rejected")
    (citations,) = figure(run.stdout, r"citations\s+(\d+)")
    (audit,) = figure(run.stdout, r"audit events\s+(\d+)")
    (destroyed,) = figure(run.stdout, r"items destroyed\s+(\d+)")
    assert frames > 0 and visible > 0 and right >= 0.9 * visible
    assert citations == confirmed > 0 and rejected >= 1
    assert audit >= frames
    (shredded, still_open, reads, readable, cited) = figure(
        run.stdout, r"crypto-shredding\s+keys of (\d+) epoch\(s\) destroyed; (\d+) of (\d+) reads on the topic still open; "
                    r"(\d+) of (\d+) cited cases fully readable")
    assert destroyed > shredded > 0 and still_open == 0 and reads > 0
    assert readable == cited == citations


def test_demo_writes_the_annual_report(demo_run):
    run = demo_run
    match = re.search(r"annual report\s+(\S+)", run.stdout)
    assert match and match.group(1).endswith(".html")
    html = open(match.group(1)).read()
    assert "<table" in html
