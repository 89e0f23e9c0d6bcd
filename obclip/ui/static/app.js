// The device page: preview what the server will see as the user types, then generate with streamed progress.
// Everything here talks to the local app only (obclip ui); the app talks to the server.
"use strict";

const $ = (id) => document.getElementById(id);
const HEADERS = { "content-type": "application/json", "x-obclip-ui": "1" };
let previewTimer = null;
let previewSeq = 0;

function show(id, text) {
  const el = $(id);
  el.hidden = !text;
  el.textContent = text || "";
}

function checked(containerId) {
  return [...$(containerId).querySelectorAll("input:checked")].map((b) => b.value);
}

function privacy() {
  return { attributes: checked("attributes"), ages: checked("ages"), context_check: $("context-check").checked,
    max_candidates: Number($("max-candidates").value) || 64 };
}

function body() {
  const num = (id) => ($(id).value === "" ? null : Number($(id).value));
  return {
    prompt: $("prompt").value, negative: $("negative").value, mode: $("mode").value, privacy: privacy(),
    k: num("k"), steps: num("steps"), seed: num("seed") ?? 0, accel: $("accel").value,
    server: $("server").value, api_key: $("api-key").value, compare: $("compare").checked,
  };
}

function boxes(containerId, values, name) {
  for (const v of values) {
    const label = document.createElement("label");
    label.className = "inline";
    label.innerHTML = `<input type="checkbox" name="${name}" checked> `;
    label.firstChild.value = v;
    label.append(v + " ");
    $(containerId).append(label);
  }
}

async function loadSettings() {
  const s = await (await fetch("/api/settings")).json();
  $("pair-line").textContent = `pair "${s.pair}", ${s.resolution} px, T=${s.steps}, k=${s.k}. ` +
    (s.pair === "default" ? "The embedded default pair draws 64-px portraits of a synthetic world: any prompt gives a face." : "");
  for (const m of s.modes) $("mode").add(new Option(m, m, m === "obclip", m === "obclip"));
  for (const m of s.accel_modes) $("accel").add(new Option(m, m, m === s.accel, m === s.accel));
  $("k").placeholder = s.k; $("steps").placeholder = s.steps;
  boxes("attributes", s.attributes, "attribute");
  boxes("ages", s.ages, "age");
  if (s.history) { $("history-section").hidden = false; loadHistory(); }
}

function renderView(data) {
  const view = data.view;
  show("refusal", "");
  show("warning", view.warning || view.note || "");
  const list = $("candidates");
  list.replaceChildren();
  view.candidates.forEach((c, i) => {
    const li = document.createElement("li");
    li.textContent = c;
    if (i === data.real_index) li.className = "real";
    list.append(li);
  });
  show("view-summary", view.n > 1
    ? `N = ${view.n} candidates, in the order they would be sent. ${view.guarantee}`
    : view.n === 1 ? (view.guarantee || "One prompt is sent.") : "Nothing is sent.");
  show("held", view.held_back_on_device && view.held_back_on_device.length
    ? "Held back on this device, never sent: " + view.held_back_on_device.map((h) => `“${h}”`).join(", ") : "");
  show("protected", view.attribute_types_revealed && view.n > 1
    ? "Protected attributes (their types are visible, not their values): " + view.attribute_types_revealed.join(", ") : "");
  show("kept", data.kept && data.kept.length
    ? "Sent as written, no person: " + data.kept.map((k) => `“${k.text}” (${k.why})`).join("; ") : "");
  show("negative-view", view.negative !== undefined ? `Negative prompt sent: “${view.negative}”` : "");
}

function renderRefusal(error) {
  $("candidates").replaceChildren();
  for (const id of ["held", "protected", "kept", "negative-view", "warning"]) show(id, "");
  show("view-summary", "Nothing will be sent.");
  show("refusal", `${error.kind === "refused" ? "Refused" : "Cannot preview"}: ${error.message}`);
}

async function preview() {
  const seq = ++previewSeq;
  if (!$("prompt").value.trim()) { show("view-summary", "Type a prompt: nothing is sent until you press Generate."); return; }
  const { prompt, negative, mode } = body();
  const resp = await fetch("/api/preview", { method: "POST", headers: HEADERS, body: JSON.stringify({ prompt, negative, mode, privacy: privacy() }) });
  const data = await resp.json();
  if (seq !== previewSeq) return; // a newer keystroke has its own preview
  if (resp.ok) renderView(data); else renderRefusal(data.error || { message: JSON.stringify(data.detail || data) });
}

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 300);
}

function setProgress(side, step, total) {
  $(`progress-${side}`).max = total || 1;
  $(`progress-${side}`).value = step;
  $(`progress-${side}-text`).textContent = `${step} / ${total}`;
}

async function generate() {
  show("error", "");
  $("result-figure").hidden = true;
  $("compare-images").replaceChildren();
  $("generate").disabled = true;
  $("progress").hidden = false;
  setProgress("server", 0, 0); setProgress("device", 0, 0);
  const resp = await fetch("/api/jobs", { method: "POST", headers: HEADERS, body: JSON.stringify(body()) });
  const data = await resp.json();
  if (!resp.ok) { finish(data.error || { message: JSON.stringify(data.detail) }); return; }
  const events = new EventSource(`/api/jobs/${data.id}/events`);
  events.onmessage = (msg) => {
    const ev = JSON.parse(msg.data);
    if (ev.event === "sent") {
      renderView({ view: ev.view, real_index: ev.real_index });
      $("progress-server-text").textContent = ev.view.n ? `sending ${ev.view.n} to ${ev.server}` : "nothing sent";
    } else if (ev.event === "progress") {
      setProgress(ev.side, ev.step, ev.total);
    } else if (ev.event === "result") {
      $("result").src = ev.image;
      $("result-stats").textContent = `${ev.mode}, N=${ev.n_candidates}, seed ${ev.seed}: server ` +
        `${(ev.server_flops / 1e9).toFixed(2)} GFLOPs, device ${(ev.device_flops / 1e9).toFixed(2)} GFLOPs, ${ev.seconds} s`;
      $("result-figure").hidden = false;
    } else if (ev.event === "compare") {
      const fig = document.createElement("figure");
      fig.innerHTML = "<img><figcaption></figcaption>";
      fig.querySelector("img").src = ev.image;
      fig.querySelector("img").alt = ev.label;
      fig.querySelector("figcaption").textContent = ev.label;
      fig.className = "compare";
      $("compare-images").append(fig);
    } else if (ev.event === "saved") {
      loadHistory();
    } else if (ev.event === "done" || ev.event === "error") {
      events.close();
      finish(ev.event === "error" ? ev : null);
    }
  };
  events.onerror = () => { events.close(); finish({ message: "lost the connection to this device's app" }); };
}

function finish(error) {
  $("generate").disabled = false;
  if (!error) return;
  if (error.kind === "refused") renderRefusal(error);
  show("error", error.kind === "refused" ? "" : `Not generated: ${error.message}`);
}

async function loadHistory() {
  const data = await (await fetch("/api/history")).json();
  const box = $("history");
  box.replaceChildren();
  for (const e of data.entries) {
    const fig = document.createElement("figure");
    fig.innerHTML = "<img><figcaption></figcaption>";
    fig.querySelector("img").src = `/api/history/${e.name}.png`;
    fig.querySelector("img").alt = e.prompt;
    fig.querySelector("figcaption").textContent = `${e.prompt} (${e.mode}, seed ${e.seed})`;
    box.append(fig);
  }
}

for (const id of ["prompt", "negative"]) $(id).addEventListener("input", schedulePreview);
for (const id of ["mode", "attributes", "ages", "context-check", "max-candidates"]) $(id).addEventListener("change", schedulePreview);
$("generate").addEventListener("click", generate);
loadSettings().then(schedulePreview);
