"""`obclip ui` started for real on loopback (the embedded default pair), driven over HTTP and in headless Chromium.

The browser is Debian's chromium driven by Playwright for Python (`executable_path`, no browser download);
`scripts/setup.sh` installs both. Without the browser these tests skip, unless OBCLIP_REQUIRE_BROWSER=1
(`scripts/test.sh` sets it, so CI fails instead of skipping).
"""

from __future__ import annotations

import base64
import io
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.test_server import KEY, Server, _free_port

pytestmark = [pytest.mark.slow, pytest.mark.serial]  # a browser and two servers: alone on the machine
CHROMIUM = "/usr/bin/chromium"
# As root in a container, with the machine's closed network: no sandbox, no background connections.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
UI = {"x-obclip-ui": "1"}
PROMPT = "a portrait photo of a young asian woman wearing glasses in a garden"


class UiApp:
    """`obclip ui` in a subprocess on a free loopback port."""

    def __init__(self, tmp: Path, *extra: str, env: dict[str, str] | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.history = tmp / "history"
        self.log = tmp / f"ui-{self.port}.log"
        env = os.environ | {"HF_HUB_OFFLINE": "1", "OBCLIP_CACHE_DIR": str(tmp / "cache")} | (env or {})
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "obclip.cli", "ui", "--port", str(self.port), "--history", "--history-dir",
             str(self.history), *extra],
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/api/settings", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"obclip ui did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    started = UiApp(tmp_path_factory.mktemp("ui"))
    yield started
    started.stop()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("OBCLIP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing: scripts/setup.sh installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (scripts/setup.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _events(app: UiApp, body: dict) -> list[dict]:
    """Starts a job over the API and reads its whole event stream."""
    started = httpx.post(f"{app.url}/api/jobs", json=body, headers=UI, timeout=30)
    assert started.status_code == 200, started.text
    with httpx.stream("GET", f"{app.url}/api/jobs/{started.json()['id']}/events", timeout=300) as stream:
        return [json.loads(line[5:]) for line in stream.iter_lines() if line.startswith("data:")]


def _cli_candidates(prompt: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "obclip.cli", "candidates", "--json", "--no-store", prompt],
                         capture_output=True, text=True, timeout=120, env=os.environ | {"HF_HUB_OFFLINE": "1"})  # fmt: skip
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


# --- the app's API, over HTTP ---------------------------------------------------------------------------------


def test_only_this_device_and_the_page_itself_may_ask(app) -> None:
    assert httpx.get(f"{app.url}/api/settings", headers={"host": "attacker.example"}).status_code == 400
    no_header = httpx.post(f"{app.url}/api/preview", json={"prompt": PROMPT})
    assert no_header.status_code == 403 and "x-obclip-ui" in no_header.json()["error"]["message"]
    assert httpx.get(f"{app.url}/api/history/..%2F..%2Fetc%2Fpasswd.png").status_code == 404


def test_preview_is_the_set_obclip_candidates_would_send(app) -> None:
    view = httpx.post(f"{app.url}/api/preview", json={"prompt": PROMPT}, headers=UI, timeout=60).json()
    cli = _cli_candidates(PROMPT)
    assert sorted(view["view"]["candidates"]) == sorted(cli["candidates"])
    assert view["view"]["n"] == cli["n"] > 1
    assert view["view"]["candidates"][view["real_index"]] == cli["cloud_prompt"]
    assert {s["name"] for s in view["slots"]} == {a["name"] for a in cli["attributes"]}


def test_preview_per_mode_and_bad_settings(app) -> None:
    hybrid = httpx.post(f"{app.url}/api/preview", json={"prompt": PROMPT, "mode": "hybrid"}, headers=UI).json()
    assert hybrid["view"]["candidates"] == [PROMPT] and "as written" in hybrid["view"]["warning"]
    device = httpx.post(f"{app.url}/api/preview", json={"prompt": PROMPT, "mode": "device"}, headers=UI).json()
    assert device["view"]["n"] == 0
    bad = httpx.post(f"{app.url}/api/preview", json={"prompt": PROMPT, "mode": "telepathy"}, headers=UI)
    assert bad.status_code == 422 and "mode must be one of" in bad.json()["error"]["message"]
    no_ages = httpx.post(f"{app.url}/api/preview", json={"prompt": PROMPT, "privacy": {"ages": []}}, headers=UI)
    assert no_ages.status_code == 422 and no_ages.json()["error"]["kind"] == "settings"
    gender_only = httpx.post(f"{app.url}/api/preview", json={"prompt": PROMPT, "privacy": {"attributes": ["gender"]}},
                             headers=UI).json()  # fmt: skip
    assert gender_only["view"]["n"] == 2


def test_generation_streams_progress_and_keeps_history_private(app) -> None:
    events = _events(app, {"prompt": PROMPT, "seed": 3})
    kinds = [e["event"] for e in events]
    assert kinds[0] == "sent" and kinds[-1] == "done" and "result" in kinds, kinds
    server = [e for e in events if e["event"] == "progress" and e["side"] == "server"]
    device = [e for e in events if e["event"] == "progress" and e["side"] == "device"]
    assert [e["step"] for e in server] == list(range(1, server[0]["total"] + 1))
    assert [e["step"] for e in device] == list(range(1, device[0]["total"] + 1))
    result = next(e for e in events if e["event"] == "result")
    assert result["n_candidates"] == events[0]["view"]["n"] > 1
    png = base64.b64decode(result["image"].split(",", 1)[1])
    from PIL import Image

    assert Image.open(io.BytesIO(png)).size == (64, 64)
    name = next(e["name"] for e in events if e["event"] == "saved")
    for suffix in (".png", ".json"):
        assert stat.S_IMODE((app.history / f"{name}{suffix}").stat().st_mode) == 0o600
    assert stat.S_IMODE(app.history.stat().st_mode) == 0o700
    listed = httpx.get(f"{app.url}/api/history").json()["entries"]
    assert listed[0]["name"] == name and listed[0]["prompt"] == PROMPT
    assert httpx.get(f"{app.url}/api/history/{name}.png").content == (app.history / f"{name}.png").read_bytes()
    # same seed, same image: the page's generation equals the CLI's
    again = next(e for e in _events(app, {"prompt": PROMPT, "seed": 3}) if e["event"] == "result")
    assert again["image"] == result["image"]


# --- in a real browser ----------------------------------------------------------------------------------------


def test_browser_preview_generate_and_side_by_side(app, browser, tmp_path) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(app.url)
    page.fill("#prompt", PROMPT)
    page.wait_for_selector("#candidates li.real", timeout=60_000)
    n = page.locator("#candidates li").count()
    assert n == _cli_candidates(PROMPT)["n"]
    assert "1/" + str(n) in page.inner_text("#view-summary")
    assert "age" in page.inner_text("#protected")
    page.check("#compare")
    page.click("#generate")
    page.wait_for_selector("#result-figure:not([hidden])", timeout=180_000)
    assert page.locator("#result").get_attribute("src").startswith("data:image/png;base64,")
    assert f"N={n}" in page.inner_text("#result-stats")
    page.wait_for_selector("#compare-images figure >> nth=1", timeout=180_000)
    assert "no privacy" in page.inner_text("#compare-images")
    assert page.inner_text("#progress-device-text") == "15 / 15"
    page.wait_for_selector("#history figure", timeout=30_000)
    page.screenshot(path=str(tmp_path / "ui.png"), full_page=True)
    page.close()


def test_browser_refused_prompt_says_why_and_sends_nothing(app, browser) -> None:
    page = browser.new_page()
    page.goto(app.url)
    page.fill("#max-candidates", "1")  # 2 with the origin and the age held on the device: still over 1
    page.fill("#prompt", PROMPT)
    page.wait_for_selector("#refusal:not([hidden])", timeout=60_000)
    assert "over the budget of 1" in page.inner_text("#refusal")
    assert page.locator("#candidates li").count() == 0
    page.click("#generate")
    page.wait_for_selector("#refusal:not([hidden])", timeout=60_000)
    page.wait_for_function("!document.querySelector('#generate').disabled", timeout=60_000)
    assert page.locator("#result-figure").is_hidden()
    page.close()


def test_browser_server_down_is_one_line_and_nothing_is_generated(app, browser) -> None:
    page = browser.new_page()
    page.goto(app.url)
    page.fill("#server", f"http://127.0.0.1:{_free_port()}")
    page.fill("#prompt", PROMPT)
    page.wait_for_selector("#candidates li.real", timeout=60_000)
    page.click("#generate")
    page.wait_for_selector("#error:not([hidden])", timeout=120_000)
    text = page.inner_text("#error")
    assert "Not generated" in text and "nothing was generated" in text and "\n" not in text.strip()
    assert page.locator("#result-figure").is_hidden()
    page.close()


def test_browser_against_obclip_serve_equals_local(app, browser, tmp_path) -> None:
    """The same prompt and seed through a real `obclip serve` (key, loopback) give the local image."""
    server = Server(tmp_path, "--pair", "default")
    try:
        page = browser.new_page()
        page.goto(app.url)
        page.fill("#server", server.url)
        page.fill("#api-key", KEY)
        page.fill("#seed", "7")
        page.fill("#prompt", PROMPT)
        page.wait_for_selector("#candidates li.real", timeout=60_000)
        page.click("#generate")
        page.wait_for_selector("#result-figure:not([hidden])", timeout=180_000)
        remote = page.locator("#result").get_attribute("src")
        assert server.url in page.inner_text("#progress-server-text")
        page.close()
    finally:
        server.stop()
    local = next(e for e in _events(app, {"prompt": PROMPT, "seed": 7}) if e["event"] == "result")
    assert remote == local["image"]
    assert KEY not in app.log.read_text()


def test_ui_refuses_a_network_address_without_consent() -> None:
    out = subprocess.run([sys.executable, "-m", "obclip.cli", "ui", "--host", "0.0.0.0"], capture_output=True,
                         text=True, timeout=60)  # fmt: skip
    assert out.returncode == 2 and "--allow-network" in out.stderr
