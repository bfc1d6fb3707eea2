// The officers' page: evidence on request, plate crops, decisions and keyboard shortcuts. No build step.
(function () {
  "use strict";
  const HEADERS = {"Content-Type": "application/json", "X-Requested-With": "alpr-review"};
  const caseEl = document.querySelector("[data-case-id]");
  const outcome = document.getElementById("outcome");

  function say(text, isError) {
    outcome.textContent = text;
    outcome.className = isError ? "error" : "ok";
  }

  function drawCrop(figure, img) {
    const [x, y, w, h] = figure.dataset.box.split(",").map(Number);
    const canvas = figure.querySelector("canvas.crop");
    if (!w || !h) return;
    canvas.height = Math.round(canvas.width * h / w);
    canvas.getContext("2d").drawImage(img, x, y, w, h, 0, 0, canvas.width, canvas.height);
  }

  function openEvidence() {
    if (outcome) say("", false);
    document.querySelectorAll("figure.sighting").forEach((figure) => {
      const slot = figure.querySelector(".photo-slot");
      if (slot.querySelector("img")) return;
      const img = new Image();
      img.alt = "Evidence photo of sighting " + (Number(figure.dataset.n) + 1);
      img.onload = () => { slot.replaceChildren(img); drawCrop(figure, img); };
      img.onerror = () => { slot.textContent = "This photo cannot be shown (destroyed or not allowed)."; };
      img.src = figure.dataset.src;
    });
  }

  async function decide(body) {
    const response = await fetch(`/v1/cases/${encodeURIComponent(caseEl.dataset.caseId)}/decision`,
                                 {method: "POST", headers: HEADERS, body: JSON.stringify(body), credentials: "same-origin"});
    const answer = await response.json();
    if (!response.ok) { say(answer.detail || "The decision was not accepted.", true); return; }
    say(answer.status === "confirmed" ? `Confirmed: citation ${answer.citation_id}` : "Rejected.", false);
    document.querySelectorAll(".decide button").forEach((b) => { b.disabled = true; });
    setTimeout(() => { window.location.assign(caseEl.dataset.nextUrl); }, 1200);
  }

  function confirmCase(event) {
    if (event) event.preventDefault();
    const plate = document.getElementById("corrected-plate").value.trim();
    decide(plate ? {outcome: "confirm", corrected_plate: plate} : {outcome: "confirm"});
  }

  function rejectCase(event) {
    event.preventDefault();
    const reason = document.getElementById("reject-reason").value;
    const note = document.getElementById("reject-note").value.trim();
    if (!reason) { say("Choose a reason to reject.", true); document.getElementById("reject-reason").focus(); return; }
    decide(note ? {outcome: "reject", reason, note} : {outcome: "reject", reason});
  }

  function moveInQueue(step) {
    const links = [...document.querySelectorAll("[data-queue] a.plate")];
    if (!links.length) return;
    const at = links.indexOf(document.activeElement);
    links[Math.min(links.length - 1, Math.max(0, at + step))].focus();
  }

  function follow(selector) {
    const link = document.querySelector(selector);
    if (link) window.location.assign(link.href);
  }

  const ON_CASE = {j: () => follow("[data-next]"), k: () => follow("[data-prev]"), e: openEvidence,
                   c: () => document.getElementById("confirm-form") && confirmCase(),
                   r: () => document.getElementById("reject-reason") && document.getElementById("reject-reason").focus()};
  const ON_QUEUE = {j: () => moveInQueue(1), k: () => moveInQueue(-1)};

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest("input, select, textarea")) return;
    const action = (caseEl ? ON_CASE : ON_QUEUE)[event.key];
    if (action) { event.preventDefault(); action(); }
  });
  const button = document.getElementById("open-evidence");
  if (button) button.addEventListener("click", openEvidence);
  const confirmForm = document.getElementById("confirm-form");
  if (confirmForm) confirmForm.addEventListener("submit", confirmCase);
  const rejectForm = document.getElementById("reject-form");
  if (rejectForm) rejectForm.addEventListener("submit", rejectCase);
})();
