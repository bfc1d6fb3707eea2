import re

import psycopg

from tests.browser.conftest import PASSWORD

pytestmark = __import__("pytest").mark.integration


def sign_in(page, base: str, name: str) -> None:
    page.goto(f"{base}/")
    assert page.url.startswith(f"{base}/signin?next=/")  # no session: sent to sign in first
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def status_of(url: str, case_id: str) -> str:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT status FROM review.cases WHERE case_id = %s", (case_id,)).fetchone()[0]


def test_an_officer_signs_in_opens_the_oldest_case_and_confirms_it_after_seeing_the_evidence(site, page):
    base, (oldest, newer), db = site
    sign_in(page, base, "lee")
    page.wait_for_url(f"{base}/")
    plates = page.locator("[data-queue] a.plate")
    assert [t for t in plates.all_inner_texts() if t in ("KMR4471", "TQ58ZX")] == ["KMR4471", "TQ58ZX"]  # oldest first

    page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/cases/{oldest}")
    assert page.locator("h1").inner_text().startswith("KMR4471")
    assert "3 h 00 min" in page.locator("[data-elapsed]").inner_text()
    page.keyboard.press("c")  # confirming before opening the evidence is refused by the API
    page.wait_for_function("document.getElementById('outcome').textContent.length > 0")
    assert "open at least one evidence image" in page.locator("#outcome").inner_text()

    page.keyboard.press("e")
    page.wait_for_function("document.querySelectorAll('figure.sighting img').length === 2 && "
                           "[...document.querySelectorAll('figure.sighting img')].every(i => i.complete && i.naturalWidth > 0)")
    page.screenshot(path="/tmp/review-case-page.png", full_page=True)
    page.keyboard.press("c")
    page.wait_for_function("document.getElementById('outcome').textContent.startsWith('Confirmed')")
    assert re.match(r"Confirmed: citation [0-9a-f-]{36}$", page.locator("#outcome").inner_text())
    assert status_of(db, oldest) == "confirmed"
    page.wait_for_url(f"{base}/cases/{newer}")  # on to the next case in the queue


def test_an_officer_rejects_a_case_with_a_reason_from_the_keyboard(site, page):
    base, (_, newer), db = site
    sign_in(page, base, "lee")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/cases/{newer}")
    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.id") == "reject-reason"
    page.get_by_label("Reason to reject").select_option("moved")
    page.get_by_label("Note (optional)").fill("gone on second pass")
    page.get_by_role("button", name="Reject (r)").click()
    page.wait_for_function("document.getElementById('outcome').textContent === 'Rejected.'")
    assert status_of(db, newer) == "rejected"


def test_a_user_without_a_reviewing_role_is_refused(site, page):
    base, (oldest, _), db = site
    sign_in(page, base, "val")
    page.wait_for_url(f"{base}/")
    assert page.get_by_role("heading", name="Not allowed").is_visible()
    assert "role 'vendor' may not read cases" in page.get_by_role("alert").inner_text()
    response = page.goto(f"{base}/cases/{oldest}")
    assert response.status == 403
    assert status_of(db, oldest) == "open"
