"""Shared fixtures: tiny random pairs built in-process (no download), loaded once per session."""

from __future__ import annotations

import os
import tempfile
import zlib

import pytest
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# the device's group store (prompts/store.py) goes to a throwaway folder, never the user's cache
os.environ["OBCLIP_CACHE_DIR"] = tempfile.mkdtemp(prefix="obclip-test-cache-")
torch.set_num_threads(int(os.environ.get("OBCLIP_TEST_THREADS", min(2, os.cpu_count() or 1))))


# modules of text-only tests, with no module fixture to start once: their tests are dealt into `SHARDS` groups, so
# that one large module (test_prompts.py: some 1,400 tests) does not hold one worker while the other waits (measured:
# CI 14 min 23 s with each module one group, session 34)
SPREAD = frozenset({"test_prompts", "test_reference", "test_cloud_wording"})
SHARDS = 4


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under `pytest -n 2 --dist loadgroup` (scripts/test.sh) a module's tests stay on one worker, so its module
    fixtures (servers, pairs) start once; the modules marked `serial` run in a phase of their own."""
    for item in items:
        name = item.module.__name__ if item.module else item.nodeid
        if name.rpartition(".")[2] in SPREAD:
            name = f"{name}:{zlib.crc32(item.nodeid.encode()) % SHARDS}"  # stable across runs and workers
        item.add_marker(pytest.mark.xdist_group(name))


@pytest.fixture(scope="session")
def tiny_sd():
    from obclip.models.pair import load_pair

    return load_pair("tiny-sd")


@pytest.fixture(scope="session")
def tiny_sdxl():
    from obclip.models.pair import load_pair

    return load_pair("tiny-sdxl")


@pytest.fixture(params=["tiny-sd", "tiny-sdxl"])
def tiny_pair(request):
    from obclip.models.pair import load_pair

    return load_pair(request.param)


@pytest.fixture(scope="session")
def tiny_lcm():
    from obclip.models.pair import load_pair

    return load_pair("tiny-lcm-sdxl")
