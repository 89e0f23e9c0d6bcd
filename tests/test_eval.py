"""The evaluation harness runs the same computation as a single request."""

from __future__ import annotations

import pytest
import torch

from obclip.cloud.engine import CloudEngine
from obclip.config import AccelConfig
from obclip.eval.common import client_first_batch, heldout_prompts, names_field
from obclip.generate import generate, generate_batch
from obclip.plan import MODES
from obclip.prompts import transform

PROMPTS = ["a portrait of a young woman", "an old man in a garden", "a smiling lady on a beach"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("accel", ["none", "cache+reuse"])
def test_harness_rows_equal_generate_in_every_mode(tiny_sd, mode: str, accel: str) -> None:
    """The bench's batched path gives each prompt the image `generate` gives it alone, ObCLIP included
    (the same candidate group, so batch reuse broadcasts from the same pivot)."""
    config = AccelConfig.mechanisms(accel, r=2, s=2)
    groups = [transform(p) for p in PROMPTS] if mode in ("obclip", "vanilla-og") else None
    batch = generate_batch(tiny_sd, PROMPTS, mode, steps=6, k=3, seeds=[4, 5, 6], accel=config, groups=groups, chunk=2)
    for i, prompt in enumerate(PROMPTS):
        group = groups[i] if groups else None
        single = generate(prompt, mode, tiny_sd, steps=6, k=3, seed=4 + i, accel=config, group=group).image
        assert (batch[i] - single).abs().max() < 1e-3, (mode, prompt)


def test_harness_runs_the_lcm_split_as_generate_does(tiny_lcm) -> None:
    exact = AccelConfig.exact()
    batch = generate_batch(tiny_lcm, PROMPTS[:2], "obclip", seeds=[1, 2], accel=exact)
    for i, prompt in enumerate(PROMPTS[:2]):
        single = generate(prompt, "hybrid", tiny_lcm, seed=1 + i, accel=exact).image  # the real candidate's image
        assert (batch[i] - single).abs().max() < 1e-3


def test_cloud_prompt_is_what_the_cloud_runs_and_prompt_what_the_device_runs(tiny_sd) -> None:
    """A cloud text different from the device's prompt reaches the cloud; the device keeps its own."""
    sent = []

    def cloud(request):
        sent.append(request)
        return CloudEngine(tiny_sd).run(request)

    a = generate(PROMPTS[0], "hybrid", tiny_sd, seed=3, cloud=cloud, cloud_prompt="an old man")
    assert sent[0].candidates == ("an old man",)
    b = generate(PROMPTS[0], "hybrid", tiny_sd, seed=3)
    assert (a.image - b.image).abs().max() > 1e-3  # the cloud's steps saw another text
    batch = generate_batch(tiny_sd, PROMPTS[:1], "hybrid", k=3, seeds=[3], cloud_prompts=["an old man"])
    assert (batch[0] - a.image).abs().max() < 1e-3


def test_client_first_differs_from_server_first(tiny_sd) -> None:
    a = generate_batch(tiny_sd, PROMPTS[:1], "hybrid", steps=6, k=2, seeds=[1])
    b = client_first_batch(tiny_sd, PROMPTS[:1], k=2, seeds=[1], steps=6)
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
    cost = results["privacy_cost"]  # the cost of privacy: N = 2, 6, 30 at k = 10 in --quick, with paired fidelity
    assert [(r["n"], r["k"]) for r in cost] == [(2, 10), (6, 10), (30, 10)]
    assert all(r["vs_cheapest_hybrid"] > 1 and 0 < r["real_psnr_worst"] <= r["real_psnr_mean"] for r in cost)
    assert "The cost of privacy" in (tmp_path / "results.md").read_text()
    again = run(tmp_path, quick=True, repeats=1, pair_name="tiny-sd", prompts=3)  # every row comes from the cache
    assert again["resumed_pieces"] == 2 * (21 + 1) + 1  # 21 rows and 1 timing round per N, and the cost table
    assert again["settings"] == results["settings"] and again["seconds"] == pytest.approx(results["seconds"])


def test_bench_measures_an_lcm_pair(tiny_lcm) -> None:
    """An LCM pair's rows: its own switch points on the cloud's LCM grid (k and k // 2), ObCLIP's real
    candidate the Hybrid SD image at N times the server cost, the device resuming at k + delta-t."""
    from obclip.eval import bench

    table_rows = bench.rows(tiny_lcm)
    assert [r.k for r in table_rows if r.mode == "hybrid"] == [2, 1]
    prompts = heldout_prompts(2)

    def measure(row):
        return bench._measure_row(row, ["gender"], tiny_lcm, None, prompts, None, {})

    hybrid, ob = measure(bench._find(table_rows, "hybrid", 2)), measure(bench._find(table_rows, "obclip", 2))
    assert ob["entry"]["server_flops"] == 2 * hybrid["entry"]["server_flops"] > 0
    assert (ob["images"] - hybrid["images"]).abs().max() < 1e-3
    assert len(hybrid["entry"]["server_flops_per_step"]) == 2  # k = 2 steps of the 4-step LCM grid


@pytest.mark.parametrize("prompt", ["a teenage girl with her mum", "Mrs. Smith, 42, in her kitchen with a beard"])
def test_obclip_real_candidate_equals_hybrid_with_the_cloud_view(tiny_sd, prompt: str) -> None:
    """The cloud sees the canonical view, the device its exact prompt: ObCLIP's image is exactly the
    image of Hybrid SD run with the same cloud text and the same device prompt (accelerations off), to
    float32 rounding."""
    group = transform(prompt)
    assert group.cloud_prompt != prompt  # this prompt is rewritten for the cloud
    exact = AccelConfig.exact()
    obclip = generate(prompt, "obclip", tiny_sd, steps=6, k=3, seed=9, group=group, accel=exact).image
    hybrid = generate(
        prompt, "hybrid", tiny_sd, steps=6, k=3, seed=9, cloud_prompt=group.cloud_prompt, accel=exact
    ).image
    assert (obclip - hybrid).abs().max() < 1e-4  # float32 rounding of a batch of N against a batch of 1
    verbatim = generate(prompt, "hybrid", tiny_sd, steps=6, k=3, seed=9, accel=exact).image
    assert (obclip - verbatim).abs().max() > 1e-3  # the cloud's text mattered


def test_kid_is_torchmetrics_estimator_and_paired_kid_stays_unbiased() -> None:
    """Independent sets: our MMD² is torchmetrics' `poly_mmd`. Paired sets (row i of both from the
    same prompt): a near-copy of the reference scores about 0, not far below it."""
    from torchmetrics.image.kid import poly_mmd

    from obclip.eval.metrics import _mmd2, kid_from_features

    gen = torch.Generator().manual_seed(0)
    x, y = torch.randn(12, 64, generator=gen).double(), torch.randn(12, 64, generator=gen).double() + 0.3
    assert _mmd2(x, y) == pytest.approx(float(poly_mmd(x, y)), rel=1e-9)
    base = torch.randn(40, 64, generator=gen).double()
    copy = base + 0.01 * torch.randn(40, 64, generator=gen).double()
    fresh = torch.randn(40, 64, generator=gen).double()
    naive, paired = kid_from_features(base, copy), kid_from_features(base, copy, paired=True)
    assert naive.mean < -3 * naive.std  # the independent-set estimator is biased on paired sets
    assert abs(paired.mean) < paired.std + 1e-3
    assert kid_from_features(base, fresh + 1.0, paired=True).mean > 10 * paired.std  # a real shift shows


def test_paired_fidelity_sees_what_fid_cannot(tiny_sd) -> None:
    """The exact policy against itself is identical (PSNR capped, SSIM 1); the default policy is not,
    and the measure says by how much, for the real candidate and for every candidate."""
    from obclip.eval.fidelity import PSNR_CAP, paired_fidelity, psnr, ssim

    image = torch.rand(3, 32, 32, generator=torch.Generator().manual_seed(0))
    assert psnr(image, image) == PSNR_CAP and ssim(image, image) == pytest.approx(1.0)
    noisy = (image + 0.05 * torch.randn(3, 32, 32, generator=torch.Generator().manual_seed(1))).clamp(0, 1)
    assert 20 < psnr(image, noisy) < 30 and ssim(image, noisy) < 0.99
    same = paired_fidelity(tiny_sd, PROMPTS[:1], AccelConfig.exact(), k=3, steps=6)
    assert set(same.all_psnr) == {PSNR_CAP} and len(same.all_psnr) == 8  # 2 genders x 4 ages
    policy = paired_fidelity(tiny_sd, PROMPTS[:1], AccelConfig(), k=3, steps=6)
    assert policy.server_flops < policy.exact_flops and min(policy.all_psnr) < PSNR_CAP
    assert len(policy.real_psnr) == 1 and policy.summary()["all_psnr_worst"] <= policy.summary()["real_psnr_mean"]


@pytest.mark.parametrize("n_real, n_fake, dims", [(3, 3, 256), (9, 5, 128), (40, 30, 16)])
def test_fid_in_the_span_of_the_samples_equals_torchmetrics(n_real: int, n_fake: int, dims: int) -> None:
    """FID computed from the singular values of the samples' cross product (fewer samples than dimensions)
    or torchmetrics' d x d eigenvalues (more) is torchmetrics' figure on the same features."""
    from torchmetrics.image.fid import _compute_fid

    from obclip.eval.metrics import fid_from_features

    generator = torch.Generator().manual_seed(n_real * dims)
    real = torch.randn(n_real, dims, generator=generator, dtype=torch.float64) * 1.5 + 0.2
    fake = torch.randn(n_fake, dims, generator=generator, dtype=torch.float64)

    def moments(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return x.mean(0), torch.cov(x.t())

    expected = float(_compute_fid(*moments(real), *moments(fake)))
    assert fid_from_features(real, fake) == pytest.approx(expected, rel=1e-5)
    assert fid_from_features(real, real) == pytest.approx(0.0, abs=1e-6 * expected)
