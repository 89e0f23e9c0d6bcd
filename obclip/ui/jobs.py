"""One generation at a time, off the web server's event loop, with its progress as a list of events.

A `Job` is what the page asked for (`JobSpec`, validated on construction) plus the events it has produced so
far: "sent" (the candidates that left the device, in the order sent), "progress" (a side's step of its total),
"result" (the image and its costs, as a PNG data URL), then "done"; or "error" with a kind the page shows in one
line ("refused": the prompt cannot be hidden as written; "server": the remote cloud is down, busy or answered
wrong; "settings"). The web app streams the events to the page (`obclip.ui.app`). Jobs run on one worker thread:
two CPU generations at once would each take twice as long and hold two sets of activations.
"""

from __future__ import annotations

import base64
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from obclip.config import AccelConfig
from obclip.device.outbound import PrivacyOptions, checked_remote, outbound_view, protect
from obclip.plan import MODES

MAX_JOBS_KEPT = 16  # finished jobs whose events the page can still read


@dataclass(frozen=True)
class JobSpec:
    """One generation as the page asked for it.

    Attributes:
        prompt (`str`): the user's prompt (stays on the device but as one candidate among N in obclip mode).
        mode (`str`): one of `obclip.plan.MODES`.
        steps, k (`int`, optional): the pair's defaults if None.
        seed (`int`): seed of the shared initial noise.
        accel (`str`): the server's acceleration mode (`obclip.config.ACCEL_MODES`), the policy's defaults otherwise.
        privacy (`PrivacyOptions`): how the prompt is transformed.
        server (`str`): a remote cloud's URL; the in-process engine if empty.
        api_key (`str`): its bearer key (never logged or stored).
        compare (`bool`): also draw Hybrid SD (no privacy) and the device alone, both on this device.
        negative (`str`): a negative prompt (its person words stay on the device).
    """

    prompt: str
    mode: str = "obclip"
    steps: int | None = None
    k: int | None = None
    seed: int = 0
    accel: str = AccelConfig().mode
    privacy: PrivacyOptions = field(default_factory=PrivacyOptions)
    server: str = ""
    api_key: str = field(default="", repr=False)
    compare: bool = False
    negative: str = ""

    def __post_init__(self) -> None:
        from obclip.config import ACCEL_MODES

        if not self.prompt.strip():
            raise ValueError("the prompt is empty")
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {self.mode!r}")
        if self.accel not in ACCEL_MODES:
            raise ValueError(f"accel must be one of {', '.join(ACCEL_MODES)}, got {self.accel!r}")
        if not 0 <= self.seed < 2**63:
            raise ValueError(f"seed must lie in [0, 2**63), got {self.seed}")


@dataclass
class Job:
    """A generation's events, appended by the worker and read by the page's stream."""

    spec: JobSpec
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    events: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def emit(self, event: str, /, **data: Any) -> None:
        with self.lock:
            self.events.append({"event": event, **data})
            self.finished = self.finished or event in ("done", "error")

    def since(self, start: int) -> tuple[list[dict[str, Any]], bool]:
        """Events from index `start` on, and whether the job has finished."""
        with self.lock:
            return self.events[start:], self.finished


def png_data_url(result) -> str:
    return "data:image/png;base64," + base64.b64encode(result.png()).decode()


class Runner:
    """Runs jobs one at a time on a loaded pair; keeps the last `MAX_JOBS_KEPT` jobs for their streams.

    Args:
        models (`ModelPair`): the loaded pair (the device's, and the in-process cloud's).
        store (`GroupStore`, optional): the device's sticky store, as `obclip generate` uses it.
        on_result (`Callable`, optional): called with (spec, result) after each image, e.g. the history.
    """

    def __init__(self, models, store=None, on_result: Callable | None = None) -> None:
        self.models, self.store, self.on_result = models, store, on_result
        self.jobs: dict[str, Job] = {}
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="obclip-ui")

    def submit(self, spec: JobSpec) -> Job:
        job = Job(spec)
        self.jobs[job.id] = job
        for old in list(self.jobs)[:-MAX_JOBS_KEPT]:
            if self.jobs[old].finished:
                del self.jobs[old]
        self.pool.submit(self._run, job)
        return job

    def _run(self, job: Job) -> None:
        from obclip.client import CloudError
        from obclip.plan import PlanError
        from obclip.prompts.template import DetectionError
        from obclip.protocol import ProtocolError

        try:
            self._generate(job)
        except DetectionError as exc:
            job.emit("error", kind="refused", message=str(exc))
        except (CloudError, ProtocolError) as exc:
            job.emit("error", kind="server", message=f"{exc}; nothing was generated")
        except (PlanError, ValueError) as exc:
            job.emit("error", kind="settings", message=str(exc))
        except Exception as exc:  # the page must hear of it; the prompt is not in the message
            job.emit("error", kind="internal", message=f"internal error ({type(exc).__name__}); see the console")
            raise

    def _generate(self, job: Job) -> None:
        from obclip.generate import generate
        from obclip.plan import split_plan

        spec, models = job.spec, self.models
        plan = split_plan(models.spec, mode=spec.mode, steps=spec.steps, k=spec.k)
        group = protect(spec.prompt, spec.privacy, self.store) if plan.mode in ("obclip", "vanilla-og") else None
        job.emit("sent", view=outbound_view(plan.mode, spec.prompt, group, spec.negative or None),
                 real_index=None if group is None else group.real_index,
                 server=spec.server or "in-process engine")  # fmt: skip
        cloud = None
        if spec.server and plan.uses_cloud:
            cloud = checked_remote(spec.server, models, group, api_key=spec.api_key or None, retry_for=10.0)
        totals, done = plan.progress_totals(), dict.fromkeys(("server", "device"), 0)

        def on_step(side: str, i: int) -> None:  # i is the step's index on the grid; the page counts steps run
            done[side] += 1
            job.emit("progress", side=side, step=done[side], total=totals.get(side, 0))

        started = time.perf_counter()
        result = generate(spec.prompt, plan=plan, pair=models, seed=spec.seed, group=group, cloud=cloud,
                          accel=AccelConfig(mode=spec.accel), on_step=on_step, negative=spec.negative or None)  # fmt: skip
        job.emit("result", image=png_data_url(result), seconds=round(time.perf_counter() - started, 2),
                 **result.summary())  # fmt: skip
        if self.on_result is not None:
            job.emit("saved", name=self.on_result(spec, result))
        if spec.compare:
            self._compare(job, plan.steps)
        job.emit("done")

    def _compare(self, job: Job, steps: int) -> None:
        """Hybrid SD (the prompt as written, no privacy) and the device alone, same seed, both on this device:
        nothing more is sent to a remote server."""
        from obclip.generate import generate

        spec = job.spec
        for mode, label in (("hybrid", "Hybrid SD, no privacy (on this device)"), ("device", "device model alone")):
            if mode == spec.mode:
                continue
            result = generate(spec.prompt, mode, self.models, steps=steps, k=spec.k, seed=spec.seed,
                              negative=spec.negative or None)  # fmt: skip
            job.emit("compare", mode=mode, label=label, image=png_data_url(result))
