"""The CLI's start-up: the collector is paused while models load (obclip.startup)."""

from __future__ import annotations

import gc

import pytest

from obclip.startup import collector_paused


@pytest.fixture(autouse=True)
def _thaw():
    yield
    gc.unfreeze()  # the test process keeps its collector as it was
    gc.enable()


def test_collector_paused_inside_and_restored_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # re-entrant: the inner block leaves the collector to the outer one
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # what the block loaded is frozen


def test_collector_restored_after_an_error():
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("load failed")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
