"""Shared fixtures: tiny random pairs built in-process (no download), loaded once per session."""

from __future__ import annotations

import os
import tempfile

import pytest
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# the device's group store (prompts/store.py) goes to a throwaway folder, never the user's cache
os.environ["OBCLIP_CACHE_DIR"] = tempfile.mkdtemp(prefix="obclip-test-cache-")
torch.set_num_threads(int(os.environ.get("OBCLIP_TEST_THREADS", min(2, os.cpu_count() or 1))))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under `pytest -n 2 --dist loadgroup` (scripts/test.sh) a module's tests stay on one worker, so its module
    fixtures (servers, pairs) start once; the modules marked `serial` run in a phase of their own."""
    for item in items:
        item.add_marker(pytest.mark.xdist_group(item.module.__name__ if item.module else item.nodeid))


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
