"""`obclip bench`'s report: the markdown tables and the plots (Fig. 3, Fig. 12, an image grid)."""

from __future__ import annotations

from pathlib import Path

import torch

from obclip.eval.common import save_grid

STEPS = 25  # the default grid, for reports written before results carried their own
SETTINGS_ATTRIBUTES = {"2": "gender", "6": "gender, age"}


def markdown(results: dict) -> str:
    lines = [
        f"Pair `{results.get('pair', 'default')}`, {results['n_prompts']} held-out prompts, "
        f"{results.get('steps', STEPS)} DPM-Solver++ steps, "
        f"latencies the median over {results['repeats']} round-robin timing round(s), "
        f"compute {results['seconds']} s (sum over rows), last invocation {results['wall_seconds_last_invocation']} s "
        f"wall with {results['resumed_pieces']} rows resumed{' (--quick)' if results['quick'] else ''}.",
        "",
    ]
    for big_n, table in results["settings"].items():
        lines += [
            f"### N = {big_n} ({SETTINGS_ATTRIBUTES.get(big_n, '')})",
            "",
            "| method | attr. acc. | FID | KID ×10³ | FID vs hybrid | KID vs hybrid ×10³ | server GFLOPs (+device) "
            "| FLOPs ÷ OG | FLOPs ÷ Hybrid SD | server s | speed-up vs OG | end-to-end s |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for name, e in table.items():
            acc = "—" if e["attribute_accuracy"] is None else f"{e['attribute_accuracy']:.3f}"
            fvh = _num(e.get("fid_vs_hybrid"))
            vs_hybrid = f"{e['flops_vs_hybrid']:.2f}×" if "flops_vs_hybrid" in e else "—"
            lines.append(
                f"| {name} | {acc} | {_num(e['fid'])} | {_kid(e, '')} | {fvh} | {_kid(e, '_vs_hybrid')} | "
                f"{e['server_flops'] / 1e9:.1f} (+{e['device_flops'] / 1e9:.1f}) | {e['flops_vs_vanilla_og']:.3f} | "
                f"{vs_hybrid} | {e['server_seconds']:.3f} | {e['speedup_vs_vanilla_og'] or 0:.2f}× | "
                f"{e['end_to_end_seconds']:.3f} |"
            )
        lines.append("")
    if results.get("privacy_cost"):
        from obclip.eval.privacy_cost import cost_markdown

        lines += [
            "### The cost of privacy: the defaults against the cheapest Hybrid SD, and their paired fidelity",
            "",
            "Server FLOPs of ObCLIP's defaults ÷ the cheapest Hybrid SD request (any acceleration, same k) for the "
            "README's main prompt; PSNR/SSIM of each final image against the exact path (`--accel none`), "
            f"over {results['privacy_cost'][0]['fidelity_prompts']} held-out prompts.",
            "",
            cost_markdown(results["privacy_cost"]),
        ]
    curve = results["fig3"]
    if curve is None:
        return "\n".join(lines) + "\n"
    lines += ["### FID vs server steps (Fig. 3)", "", "| server steps | server-first | client-first |", "|---|---|---|"]
    for k, a, b in zip(curve["server_steps"], curve["server_first"], curve["client_first"], strict=True):
        lines.append(f"| {k} | {a:.1f} | {b:.1f} |")
    return "\n".join(lines) + "\n"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _kid(entry: dict, suffix: str) -> str:
    """KID ×10³ ± its std over subsets, or a dash."""
    mean, std = entry.get(f"kid{suffix}"), entry.get(f"kid_std{suffix}")
    return "—" if mean is None else f"{mean * 1e3:.2f} ± {std * 1e3:.2f}"


def plots(results: dict, grids: dict[str, torch.Tensor], prompts: list[str], out: Path, fig12_rows: list[str]) -> None:
    """Fig. 3, Fig. 12 (the server FLOPs per step of `fig12_rows`, N = 2) and the image grid."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curve = results["fig3"]
    if curve is not None:
        fig, ax = plt.subplots(figsize=(5, 3.5))
        share = [k / results.get("steps", STEPS) for k in curve["server_steps"]]
        ax.plot(share, curve["server_first"], "o-", label="server first (ObCLIP)")
        ax.plot(share, curve["client_first"], "s--", label="client first")
        ax.set_xlabel(f"server share of the {results.get('steps', STEPS)} steps")
        ax.set_ylabel("FID to held-out renders")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out / "fig3_fid_vs_server_share.png", dpi=120)
        plt.close(fig)

    fig, ax = plt.subplots(figsize=(5, 3.5))
    for name in fig12_rows:
        per_step = results["settings"]["2"][name]["server_flops_per_step"]
        ax.plot(range(len(per_step)), [f / 1e9 for f in per_step], "o-", label=name)
    ax.set_xlabel("cloud step")
    ax.set_ylabel("counted GFLOPs (N = 2, CFG)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "fig12_flops_per_step.png", dpi=120)
    plt.close(fig)

    save_grid(grids, prompts, out / "grid.png")
