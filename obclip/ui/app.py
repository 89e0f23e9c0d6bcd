"""`obclip ui`: the device side as a local web page: what the server will see, before anything is sent.

FastAPI serving one static page (`static/`), not Gradio: the project already runs FastAPI and uvicorn for
`obclip serve`, so the app adds no dependency, starts in the time the pair takes to load, works offline (Gradio
fetches fonts and, by default, reports analytics), and its few routes are ours to harden: the page is served on
127.0.0.1, answers only requests addressed to a loopback host name (a DNS-rebinding page elsewhere gets 400) and
POSTs only with the `X-Obclip-UI` header, which a cross-site form cannot send without a CORS preflight this app
never grants.

Routes:
    GET  /                          the page
    GET  /api/settings              the pair, its defaults, the modes, attributes, age scale and accel modes
    POST /api/preview               {prompt, mode, privacy...} -> the outbound view, or 422 {"error": {kind, message}}
    POST /api/jobs                  start a generation -> {"id"}
    GET  /api/jobs/{id}/events      its events as a server-sent event stream (`obclip.ui.jobs`)
    GET  /api/history               the images kept on this device (only with --history)
    GET  /api/history/{name}.png    one of them
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field, field_validator

from obclip.config import AccelConfig
from obclip.device.outbound import PrivacyOptions, outbound_view, protect
from obclip.options import DEFAULT_MAX_CANDIDATES
from obclip.ui.history import History
from obclip.ui.jobs import JobSpec, Runner

STATIC = Path(__file__).parent / "static"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
UI_HEADER = "x-obclip-ui"


class PrivacyBody(BaseModel):
    attributes: list[str] | None = None
    ages: list[str] | None = None
    max_candidates: int = Field(default=DEFAULT_MAX_CANDIDATES, ge=1, le=4096)
    context_check: bool = True

    @field_validator("ages")
    @classmethod
    def known_ages(cls, ages: list[str] | None) -> list[str] | None:
        from obclip.prompts.candidates import check_ages

        return None if ages is None else list(check_ages(ages))  # none ticked, or an unknown age: a clear 422

    def options(self) -> PrivacyOptions:
        ages = tuple(self.ages) if self.ages is not None else None
        attributes = tuple(self.attributes) if self.attributes is not None else None  # none ticked: protect none
        return PrivacyOptions(attributes=attributes, ages=ages, max_candidates=self.max_candidates,
                              context_check=self.context_check)  # fmt: skip


class PreviewBody(BaseModel):
    prompt: str = Field(max_length=2000)
    mode: str = "obclip"
    negative: str = Field(default="", max_length=2000)
    privacy: PrivacyBody = PrivacyBody()

    @field_validator("mode")
    @classmethod
    def known_mode(cls, mode: str) -> str:
        from obclip.plan import MODES

        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        return mode


class JobBody(PreviewBody):
    steps: int | None = Field(default=None, ge=1, le=1000)
    k: int | None = Field(default=None, ge=0, le=1000)
    seed: int = Field(default=0, ge=0, lt=2**63)
    accel: str = AccelConfig().mode
    server: str = Field(default="", max_length=500)
    api_key: str = Field(default="", max_length=500, repr=False)
    compare: bool = False


def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"kind": kind, "message": message}}, status_code=status)


def create_app(models, history: History | None = None, store=None) -> FastAPI:
    """The web app over a loaded pair; `history` keeps images on this device when given."""
    runner = Runner(models, store=store, on_result=history.save if history else None)
    app = FastAPI(title="ObCLIP device", docs_url=None, redoc_url=None, openapi_url=None)

    @app.middleware("http")
    async def local_only(request: Request, call_next):
        if request.url.hostname not in LOOPBACK_NAMES + request.app.state.extra_hosts:
            return _error(400, "host", "this app answers only on a loopback address")
        if request.method == "POST" and request.headers.get(UI_HEADER) != "1":
            return _error(403, "origin", f"POST needs the {UI_HEADER} header (sent by the page itself)")
        return await call_next(request)

    app.state.extra_hosts = ()

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())[1:])
        return _error(422, "settings", f"{where}: {first.get('msg', 'invalid')}")

    @app.get("/")
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-store"})

    @app.get("/static/{name}")
    async def static(name: str) -> Response:
        path = STATIC / name
        if "/" in name or not path.is_file():
            return _error(404, "missing", "no such file")
        return FileResponse(path, headers={"cache-control": "no-store"})

    @app.get("/api/settings")
    async def settings() -> dict[str, Any]:
        from obclip.config import ACCEL_MODES, AccelConfig
        from obclip.plan import MODES
        from obclip.prompts.candidates import DEFAULT_AGES
        from obclip.prompts.lexicon import default_lexicon

        spec = models.spec
        return {"pair": spec.name, "resolution": spec.resolution, "steps": spec.steps, "k": spec.k,
                "modes": list(MODES), "attributes": list(default_lexicon().values), "ages": list(DEFAULT_AGES),
                "accel_modes": list(ACCEL_MODES), "accel": AccelConfig().mode, "history": history is not None}  # fmt: skip

    @app.post("/api/preview")
    async def preview(body: PreviewBody) -> Response:
        from obclip.prompts import GroupStore

        def work() -> dict:
            options = body.privacy.options()
            if body.mode not in ("obclip", "vanilla-og"):
                return {"view": outbound_view(body.mode, body.prompt, None, body.negative or None)}
            group = protect(body.prompt, options, GroupStore(record=False) if store is not None else None)
            view = outbound_view(body.mode, body.prompt, group, body.negative or None)
            slots = [{"name": s.name, "value": s.value, "values": list(s.space)} for s in group.slots]
            return {"view": view, "real_index": group.real_index, "slots": slots, "note": group.note,
                    "kept": [{"text": t, "why": w} for t, w in group.kept], "cloud_prompt": group.cloud_prompt}  # fmt: skip

        return await _answer(work, body.prompt)

    @app.post("/api/jobs")
    async def start(body: JobBody) -> Response:
        def make() -> dict:
            spec = JobSpec(prompt=body.prompt, mode=body.mode, steps=body.steps, k=body.k, seed=body.seed,
                           accel=body.accel, privacy=body.privacy.options(), server=body.server.strip(),
                           api_key=body.api_key, compare=body.compare, negative=body.negative)  # fmt: skip
            return {"id": runner.submit(spec).id}

        return await _answer(make, body.prompt)

    @app.get("/api/jobs/{job_id}/events")
    async def events(job_id: str) -> Response:
        job = runner.jobs.get(job_id)
        if job is None:
            return _error(404, "missing", "no such job (finished jobs are kept for a while only)")

        async def stream():
            sent = 0
            while True:
                new, finished = job.since(sent)
                for event in new:
                    yield f"data: {json.dumps(event, ensure_ascii=False)}\n\n"
                sent += len(new)
                if finished and not new:
                    return
                await asyncio.sleep(0.1)

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"cache-control": "no-store"})

    @app.get("/api/history")
    async def history_list() -> dict[str, Any]:
        return {"enabled": history is not None, "entries": history.entries() if history else []}

    @app.get("/api/history/{name}.png")
    async def history_image(name: str) -> Response:
        path = history.image(name) if history else None
        if path is None:
            return _error(404, "missing", "no such image")
        return FileResponse(path)

    app.state.runner = runner
    return app


async def _answer(work, prompt: str) -> Response:
    """`work()` off the event loop; a refusal or a bad setting becomes a 422 whose message never quotes a
    decoy (the transformation's own messages) and a usage error a 422 with its reason."""
    from obclip.plan import PlanError
    from obclip.prompts.template import DetectionError

    if not prompt.strip():
        return _error(422, "settings", "the prompt is empty")
    try:
        return JSONResponse(await asyncio.to_thread(work))
    except DetectionError as exc:
        return _error(422, "refused", str(exc))
    except (PlanError, ValueError) as exc:
        return _error(422, "settings", str(exc))
