"""Choices and bounds that several layers share (CLI, protocol, server, generation), defined once.

Torch-free, so that ``obclip --help`` and ``obclip candidates`` can build their parsers from it.
`DEFAULT_MAX_CANDIDATES` is the candidate budget: the largest N a prompt may become before the
transformation refuses it (``--max-candidates``), and the largest N a server accepts by default.
"""

from __future__ import annotations

DEFAULT_MAX_CANDIDATES = 64
SAMPLERS = ("dpm", "ddim", "lcm")  # every grid a request may name
# The longest grid: half of the 1,000 training timesteps every registered pair has. A finer grid repeats or runs
# past timesteps (at 999 or 1,000 steps DDIM and DPM-Solver++ index past the schedule or divide by zero).
MAX_STEPS = 500
DEVICE_SAMPLERS = ("dpm", "ddim")  # the ones a user picks; "lcm" is a consistency-distilled cloud model's own
# acceleration settings and their defaults live in obclip/config.py (`AccelConfig`)
CONTEXT_CHECKED = ("age", "ethnicity")  # the attributes the device's context check (obclip/device/context.py) reads
