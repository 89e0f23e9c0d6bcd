"""Start-up of the commands that load models: the cyclic garbage collector is paused while they import.

Importing torch, transformers and diffusers creates a few million long-lived objects (modules, functions,
classes, their dicts) and almost no garbage, yet every 700 allocations the collector runs, and each
generation-2 pass walks everything imported so far: measured on the README's `obclip generate` on a 2-core
machine, 1.0-1.2 s of its 2.7-2.9 s of imports were collector passes that freed nothing (`diffusers_classes`
2.7-2.9 s with the collector, 1.7-1.8 s without). Refcounting still frees everything that is not in a cycle
while the collector is paused; `gc.freeze()` then moves what was loaded into the permanent generation, so later
passes (during generation) do not walk the libraries again (re-enabled without it, the first passes would walk
the ~700k objects allocated while paused). The price: the cycles that became garbage while paused are never
freed (measured: 11.6k objects, ~8 MB, no tensors; collecting them first cost 0.37 s). Only the CLI does this,
a short-lived process that keeps what it loaded; library callers of `load_pair` keep their collector as it is.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pauses the cyclic garbage collector for the block, then freezes what the block loaded.

    Re-entrant: an inner block, or one entered with the collector already disabled, changes nothing.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # the objects loaded above live as long as the process: no later pass need walk them
        gc.enable()
