"""The cost of privacy, honestly: server FLOPs of ObCLIP's defaults over the cheapest Hybrid SD for the
same user, with the paired fidelity of those defaults against the exact path.

"Cheapest Hybrid SD" is the lowest counted server FLOPs of one Hybrid SD request (N = 1, same k) over
every acceleration choice a user could make (exact, cache, cache+reuse, the default policy): the cost
of the same image without privacy. Comparing with an unaccelerated Hybrid SD would flatter ObCLIP.
FLOPs are counted, so the machine's load does not move them. Beside each ratio, the paper's own ratios
(Table 2, Realistic Vision + small-sd): its accelerated ObCLIP ("+ reuse") and its Vanilla OG, each
over its Hybrid SD at the same k.
"""

from __future__ import annotations

from collections.abc import Sequence

from obclip.config import AccelConfig
from obclip.eval.fidelity import paired_fidelity
from obclip.generate import generate
from obclip.models.pair import ModelPair
from obclip.prompts import PAPER_AGES

COST_PROMPT = "a portrait photo of a young asian woman wearing glasses in a garden"  # the README's main prompt
ATTRIBUTE_SETS = {2: ["gender"], 6: ["gender", "age"], 30: ["gender", "age", "ethnicity"]}  # paper's age scale
ACCEL_POINTS = {10: (4, 6), 5: (3, 3)}  # the paper's (r, s) at each k
T_SD = 18.53  # paper: TFLOPs of one 25-step Realistic Vision image; Hybrid SD runs k/25 of it
PAPER_OBCLIP_TFLOPS = {(2, 10): 11.48, (2, 5): 5.74, (6, 10): 33.28, (6, 5): 16.64}  # Table 2, "+ reuse"


def hybrid_choices(k: int) -> list[AccelConfig]:
    """Every acceleration choice of a Hybrid SD user at switch point `k`."""
    r, s = ACCEL_POINTS.get(k, (4, 6))
    return [
        AccelConfig.exact(),
        AccelConfig.mechanisms("cache", r=r, s=s),
        AccelConfig.mechanisms("cache+reuse", r=r, s=s),
        AccelConfig(),
    ]


def paper_ratios(n: int, k: int) -> dict[str, float | None]:
    hybrid = T_SD * k / 25
    obclip = PAPER_OBCLIP_TFLOPS.get((n, k))
    return {"paper_obclip_vs_hybrid": obclip / hybrid if obclip else None, "paper_vanilla_og_vs_hybrid": n * T_SD / hybrid}


def cost_table(
    pair: ModelPair,
    fidelity_prompts: Sequence[str],
    ks: Sequence[int] = (10, 5),
    steps: int = 25,
    policy: AccelConfig | None = None,
    ns: Sequence[int] = (2, 6, 30),
) -> list[dict]:
    """One row per (N, k): counted FLOPs of the policy, of the cheapest Hybrid SD, their ratio, the
    paper's ratios, and the policy's paired fidelity on `fidelity_prompts` (real candidate and all)."""
    policy = policy or AccelConfig()
    rows = []
    for n in ns:
        attributes = ATTRIBUTE_SETS[n]
        for k in ks:
            ours = generate(COST_PROMPT, "obclip", pair, steps=steps, k=k, accel=policy, attributes=attributes,
                            ages=PAPER_AGES)  # fmt: skip
            if ours.n_candidates != n:
                raise RuntimeError(f"the cost prompt gives N = {ours.n_candidates}, not {n}")
            hybrid = min(
                generate(COST_PROMPT, "hybrid", pair, steps=steps, k=k, accel=c).server_flops for c in hybrid_choices(k)
            )
            fidelity = paired_fidelity(pair, fidelity_prompts, policy, k=k, steps=steps, attributes=attributes,
                                       ages=PAPER_AGES)  # fmt: skip
            rows.append(
                {
                    "n": n,
                    "k": k,
                    "server_flops": ours.server_flops,
                    "cheapest_hybrid_flops": hybrid,
                    "vs_cheapest_hybrid": ours.server_flops / hybrid,
                    "vs_exact_obclip": fidelity.server_flops / fidelity.exact_flops,
                    **paper_ratios(n, k),
                    **fidelity.summary(),
                    "fidelity_prompts": len(fidelity_prompts),
                }
            )
    return rows


def cost_markdown(rows: list[dict]) -> str:
    """The table of `cost_table` as markdown."""
    head = (
        "| N | k | server GFLOPs | ÷ cheapest Hybrid SD | paper ObCLIP ÷ Hybrid | paper Vanilla OG ÷ Hybrid | "
        "PSNR real mean / worst (dB) | SSIM real mean | PSNR all mean / worst (dB) | SSIM all worst |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
    )
    fmt = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
    lines = [
        f"| {r['n']} | {r['k']} | {r['server_flops'] / 1e9:.2f} | {r['vs_cheapest_hybrid']:.2f}× | "
        f"{fmt(r['paper_obclip_vs_hybrid'])} | {fmt(r['paper_vanilla_og_vs_hybrid'])} | "
        f"{r['real_psnr_mean']:.1f} / {r['real_psnr_worst']:.1f} | {r['real_ssim_mean']:.3f} | "
        f"{r['all_psnr_mean']:.1f} / {r['all_psnr_worst']:.1f} | {r['all_ssim_worst']:.3f} |"
        for r in rows
    ]
    return head + "\n".join(lines) + "\n"
