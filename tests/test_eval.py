"""The evaluation harness runs the same computation as a single request."""

from __future__ import annotations

import pytest
import torch

from obclip.eval.common import generate_batch, heldout_prompts, names_field
from obclip.generate import generate

PROMPTS = ["a portrait of a young woman", "an old man in a garden", "a smiling lady on a beach"]


@pytest.mark.parametrize("mode", ["cloud", "device", "hybrid", "vanilla-og"])
def test_batched_generation_equals_single_requests(tiny_sd, mode: str) -> None:
    batch = generate_batch(tiny_sd, PROMPTS, mode, steps=6, k=3, seeds=[4, 5, 6], chunk=2)
    for i, prompt in enumerate(PROMPTS):
        single = generate(prompt, mode, tiny_sd, steps=6, k=3, seed=4 + i).image
        assert (batch[i] - single).abs().max() < 1e-3


def test_client_first_differs_from_server_first(tiny_sd) -> None:
    a = generate_batch(tiny_sd, PROMPTS[:1], "hybrid", steps=6, k=2, seeds=[1])
    b = generate_batch(tiny_sd, PROMPTS[:1], "hybrid", steps=6, k=2, seeds=[1], client_first=True)
    assert not torch.allclose(a, b)


def test_heldout_prompts_name_every_field() -> None:
    prompts = heldout_prompts(50)
    for p in prompts:
        for word in (p.spec.age, p.spec.ethnicity, p.spec.clothing):
            assert word in p.prompt


def test_heldout_prompts_vary_their_phrasing() -> None:
    """Evaluation prompts come from every caption template, not one (a bug once made them all alike)."""
    prompts = heldout_prompts(60)
    openings = {" ".join(p.prompt.split()[:2]) for p in prompts}
    assert len(openings) >= 5, openings
    named = [names_field(p, "expression") for p in prompts]
    assert 0 < sum(named) < len(prompts)  # only some templates name the expression: scored on those only


def test_piece_cache_resumes_and_forgets_other_settings(tmp_path) -> None:
    from obclip.eval.resume import PieceCache

    cache = PieceCache(tmp_path, {"n": 8})
    assert cache.get("n2-ObCLIP k=10") is None
    stored = cache.put("n2-ObCLIP k=10", {"entry": {"fid": 1.5}, "images": torch.zeros(2, 3, 4, 4)})
    again = PieceCache(tmp_path, {"n": 8})
    piece = again.get("n2-ObCLIP k=10")
    assert piece["entry"] == {"fid": 1.5} and again.resumed == 1
    assert again.seconds == stored["seconds"] >= 0
    other = PieceCache(tmp_path, {"n": 96})
    assert other.get("n2-ObCLIP k=10") is None and not list(tmp_path.glob("*.tmp"))


@pytest.mark.slow
def test_bench_runs_end_to_end_on_a_tiny_pair_and_resumes(tmp_path) -> None:
    """The harness reads pairs from the registry: on a pair outside the synthetic world it reports
    cost and FID against its own Hybrid SD images, and the paper's FLOPs relations hold."""
    from obclip.eval.bench import run

    results = run(tmp_path, quick=True, repeats=1, pair_name="tiny-sd", prompts=3)
    for big_n in (2, 6):
        table = results["settings"][str(big_n)]
        hybrid, ob, og, cloud = (table[r] for r in ("Hybrid SD k=10", "ObCLIP k=10", "Vanilla OG", "cloud"))
        assert (
            ob["server_flops"] == big_n * hybrid["server_flops"] and og["server_flops"] == big_n * cloud["server_flops"]
        )
        assert table["+cache+reuse k=10"]["server_flops"] < table["+cache k=10"]["server_flops"] < ob["server_flops"]
        assert ob["fid_vs_hybrid"] == pytest.approx(0.0, abs=1e-2)  # identical images by construction
        assert table["device"]["server_flops"] == 0 and ob["attribute_accuracy"] is None
    assert results["fig3"] is None and results["resumed_pieces"] == 0
    assert (tmp_path / "results.md").read_text().count("| ObCLIP k=10 |") == 2
    assert (tmp_path / "grid.png").exists() and (tmp_path / "fig12_flops_per_step.png").exists()
    again = run(tmp_path, quick=True, repeats=1, pair_name="tiny-sd", prompts=3)  # every row comes from the cache
    assert again["resumed_pieces"] == 2 * (15 + 1)  # 15 rows and 1 timing round per N
    assert again["settings"] == results["settings"] and again["seconds"] == pytest.approx(results["seconds"])
