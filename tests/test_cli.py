"""The CLI contract: JSON fields, images written, every bad input a one-line error with exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from obclip.cli import main

PROMPT = "a portrait of a young woman"


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_generate_json_fields_and_image(tmp_path, capsys) -> None:
    out = tmp_path / "a.png"
    code, stdout, _ = _run(
        [
            "generate",
            PROMPT,
            "--pair",
            "tiny-sd",
            "--seed",
            "7",
            "--out",
            str(out),
            "--json",
            "--no-progress",
            "--flops-per-step",
        ],
        capsys,
    )
    assert code == 0
    data = json.loads(stdout)
    for key in (
        "mode",
        "pair",
        "steps",
        "k",
        "n_candidates",
        "seed",
        "server_flops",
        "device_flops",
        "server_seconds",
        "device_seconds",
        "image",
    ):
        assert key in data
    assert data["mode"] == "obclip" and data["n_candidates"] == 8 and data["image"] == str(out)
    assert data["server_flops"] == sum(data["flops_per_step"]["server"]) > 0
    assert Image.open(out).size == (32, 32)
    base = ["generate", PROMPT, "--pair", "tiny-sd", "--seed", "7", "--out", str(out), "--json", "--no-progress"]
    exact = json.loads(_run([*base, "--accel", "none"], capsys)[1])
    assert data["server_flops"] < exact["server_flops"]  # accelerated unless told otherwise


@pytest.mark.parametrize("scheduler", ["dpm", "ddim"])
def test_obclip_and_hybrid_give_the_same_pixels(tmp_path, capsys, scheduler: str) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    for mode, path in (("obclip", a), ("hybrid", b)):
        assert (
            _run(
                [
                    "generate",
                    PROMPT,
                    "--pair",
                    "tiny-sd",
                    "--mode",
                    mode,
                    "--seed",
                    "7",
                    "--scheduler",
                    scheduler,
                    "--accel",
                    "none",  # exact: the accelerations are on by default
                    "--out",
                    str(path),
                    "--no-progress",
                ],
                capsys,
            )[0]
            == 0
        )
    pa, pb = Image.open(a).tobytes(), Image.open(b).tobytes()
    assert max(abs(x - y) for x, y in zip(pa, pb, strict=True)) <= 1


def test_accel_defaults_are_one_policy_across_api_cli_and_http() -> None:
    """`generate()`, `obclip generate` and a request body without `accel` all run `AccelConfig()`."""
    from obclip.cli import _accel_config, build_parser
    from obclip.config import AccelConfig
    from obclip.generate import cloud_requests
    from obclip.models.registry import get_spec
    from obclip.plan import split_plan
    from obclip.server.schema import DenoiseBody

    policy = AccelConfig()
    assert policy.mode != "none"  # the defaults accelerate; AccelConfig.exact() is the reference
    args = build_parser().parse_args(["generate", PROMPT, "--out", "x.png"])
    assert _accel_config(args) == policy
    body = DenoiseBody(candidates=["a man", "a woman"], seed=1, height=64, width=64, pair="default")
    assert AccelConfig(**body.accel.model_dump()) == policy
    plan = split_plan(get_spec("default"), mode="obclip")
    (request,) = cloud_requests(plan, [("a man", "a woman")], pair="default", seeds=[1], guidance=5.0, size=64)
    assert request.accel == policy
    flags = build_parser().parse_args(["generate", PROMPT, "--out", "x.png", "--accel", "cache", "--no-uncond-all"])
    assert _accel_config(flags) == AccelConfig(mode="cache", uncond_all=False)


def test_unavailable_accelerator_is_a_clear_error(tmp_path, capsys) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    code, _, stderr = _run(
        ["generate", PROMPT, "--pair", "tiny-sd", "--device", "cuda", "--out", str(tmp_path / "x.png")], capsys
    )
    assert code == 2 and "CUDA is not available" in stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["generate", "", "--out", "{tmp}/x.png"], "prompt is empty"),
        (["generate", "   ", "--out", "{tmp}/x.png"], "prompt is empty"),
        (["generate", PROMPT, "--k", "30", "--steps", "25", "--out", "{tmp}/x.png"], "k=30 exceeds steps=25"),
        (["generate", PROMPT, "--k", "-1", "--out", "{tmp}/x.png"], "k must be >= 0"),
        (["generate", PROMPT, "--pair", "nope", "--out", "{tmp}/x.png"], "unknown pair"),
        (["generate", PROMPT, "--mode", "magic", "--out", "{tmp}/x.png"], "unknown mode"),
        (["generate", PROMPT, "--pair", "tiny-sd", "--out", "{tmp}/missing/dir/x.png"], "does not exist"),
        (["generate", PROMPT, "--pair", "tiny-sd", "--out", "{tmp}"], "is a directory"),
        (["generate", PROMPT, "--pair", "tiny-sd", "--out", "{tmp}/x.txt"], ".png"),
        (["generate", PROMPT, "--pair", "sdxl+koala-700m", "--out", "{tmp}/x.png"], "Hugging Face cache"),
        (["generate", PROMPT, "--pair", "lcm-sdxl+koala-700m", "--out", "{tmp}/x.png"], "latent-consistency/lcm-sdxl"),
        (["generate", PROMPT, "--pair", "tiny-lcm-sdxl", "--k", "5", "--out", "{tmp}/x.png"], "cloud's 4-step grid"),
        (
            ["generate", PROMPT, "--pair", "tiny-lcm-sdxl", "--delta-t", "9", "--out", "{tmp}/x.png"],
            "resume at step 11",
        ),
        (
            ["generate", PROMPT, "--pair", "tiny-sd", "--delta-t", "1", "--out", "{tmp}/x.png"],
            "only to pairs with an LCM",
        ),
        (
            ["generate", "an old asian woman", "--pair", "tiny-sd", "--max-candidates", "1", "--out", "{tmp}/x.png"],
            "over the budget",  # 40; 8 with the origin held on the device, 2 with the age too: still over 1
        ),
        (["candidates", "a man", "--attributes", "religion"], "unknown attribute"),
        (
            ["generate", PROMPT, "--pair", "tiny-sd", "--device", "warp-drive", "--out", "{tmp}/x.png"],
            "not a torch device",
        ),
        (["generate", PROMPT, "--pair", "tiny-sd", "--r", "0", "--out", "{tmp}/x.png"], "accel r must lie in [1, 1000]"),
        (["bench", "--quick", "--prompts", "1", "--out", "{tmp}/b"], "at least 2"),
        (["bench", "--quick", "--repeats", "0", "--out", "{tmp}/b"], "at least 1"),
        (["bench", "--quick", "--pair", "nope", "--out", "{tmp}/b"], "unknown pair"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, args: list[str], message: str) -> None:
    code, stdout, stderr = _run([a.replace("{tmp}", str(tmp_path)) for a in args], capsys)
    assert code == 2
    assert message in stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert not any(tmp_path.glob("*.png"))


def test_unwritable_output(tmp_path, capsys) -> None:
    """/proc/self is a directory nobody may create files in, root included, so this asserts on CI too."""
    if not os.path.isdir("/proc/self"):
        pytest.skip("needs Linux /proc")
    code, _, stderr = _run(["generate", PROMPT, "--pair", "tiny-sd", "--out", "/proc/self/x.png"], capsys)
    assert code == 2 and "not writable" in stderr


def test_internal_errors_keep_their_traceback(monkeypatch) -> None:
    """Only our own validation errors become usage errors; a ValueError from a bug is not hidden."""
    import obclip.cli as cli

    def broken(args):
        raise ValueError("an internal bug")

    monkeypatch.setattr(cli, "cmd_models", broken)
    with pytest.raises(ValueError, match="an internal bug"):
        main(["models"])


@pytest.mark.parametrize(
    "argv", [["--help"], ["candidates", "an old man", "--json", "--no-context-check"], ["candidates", "a cat"]]
)
def test_parser_help_and_candidates_import_no_torch(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from obclip import cli\n"
        "cli.build_parser()\n"
        "try:\n"
        f"    cli.main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('torch', 'diffusers', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_import_obclip_is_light_and_keeps_the_generate_module() -> None:
    code = (
        "import sys, types, obclip\n"
        "assert 'torch' not in sys.modules\n"
        "import obclip.generate\n"
        "assert isinstance(obclip.generate, types.ModuleType), obclip.generate\n"
        "assert callable(obclip.generate.generate) and obclip.SplitPlan is obclip.plan.SplitPlan\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_real_process_exit_code_and_no_traceback(tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "obclip.cli", "generate", "", "--out", str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "obclip: error: the prompt is empty"


def test_a_reader_that_closes_the_pipe_gets_no_traceback() -> None:
    """`obclip candidates ... | head -1`: the reader goes away before the output is written."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "obclip.cli", "candidates", "a portrait of a young woman", "--no-context-check"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # closed before the command prints anything
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 141, err
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err


def test_candidates_json_contract(capsys) -> None:
    code, stdout, _ = _run(["candidates", "a woman holding her cat", "--json"], capsys)
    data = json.loads(stdout)
    assert code == 0 and data["n"] == 2 and data["prompt"] == "a woman holding her cat"
    assert sorted(data["candidates"]) == ["a man holding his cat", "a woman holding her cat"]
    # the slot is the whole person phrase ("a woman"), characters [0, 7)
    assert data["attributes"] == [
        {"name": "gender", "value": "female", "values": ["male", "female"], "start": 0, "end": 7, "person": 0}
    ]
    assert data["cloud_prompt"] == "a woman holding her cat" and data["held_back"] == []
    code, stdout, _ = _run(["candidates", "my mum, pregnant, holding her cat", "--json"], capsys)
    data = json.loads(stdout)
    assert data["cloud_prompt"] in data["candidates"] and data["cloud_prompt"] != data["prompt"]
    assert data["held_back"] and not any("pregnant" in c or "mum" in c for c in data["candidates"])


def test_candidates_refusal_is_one_line_and_exit_2(capsys) -> None:
    code, stdout, err = _run(["candidates", "a man, a woman and a boy, she reads while he sleeps", "--json"], capsys)
    assert code == 2 and stdout == "" and err.count("\n") == 1 and "'she'" in err


def test_candidates_readable_view(capsys) -> None:
    code, stdout, _ = _run(["candidates", "a photo of a sneaker"], capsys)
    assert code == 0 and "N = 1" in stdout
    code, stdout, _ = _run(["candidates", "an old man"], capsys)
    assert "N = 3" not in stdout and "N = 8" in stdout and "1/8" in stdout


def test_server_view_in_every_mode_shows_text_as_text(tmp_path, capsys) -> None:
    """hybrid and cloud send the prompt as written: the view says so; no mode prints \\u escapes."""
    prompt = "a portrait of a young woman in a café"
    base = ["generate", prompt, "--pair", "tiny-sd", "--steps", "4", "--k", "2", "--no-progress", "--show-server-view"]
    code, _, err = _run([*base, "--mode", "hybrid", "--out", str(tmp_path / "h.png")], capsys)
    assert code == 0 and "sends your prompt as written" in err and "café" in err and "\\u" not in err
    code, _, err = _run([*base, "--out", str(tmp_path / "o.png")], capsys)
    assert code == 0 and "café" in err and "\\u" not in err and '"factors"' in err
    code, _, err = _run([*base, "--mode", "device", "--out", str(tmp_path / "d.png")], capsys)
    assert code == 0 and "nothing leaves this device" in err


def test_api_result_saves_and_sizes_past_the_native_one_warn(tmp_path, capsys) -> None:
    from obclip.generate import generate

    result = generate(PROMPT, "hybrid", "tiny-sd", steps=4, k=2, progress=True)
    saved = result.save(tmp_path / "api.png")
    assert Image.open(saved).size == (32, 32) and result.to_pil().size == (32, 32)
    code, _, err = _run(["generate", PROMPT, "--pair", "tiny-sd", "--steps", "2", "--k", "1", "--size", "64",
                         "--no-progress", "--out", str(tmp_path / "big.png")], capsys)  # fmt: skip
    assert code == 0 and "trained at 32 px" in err and "4x the pixels" in err


@pytest.mark.parametrize(("old", "new"), [("--scheduler", "--sampler"), ("--taxonomy", "--lexicon")])
def test_retired_aliases_still_work_and_say_when_they_go(old: str, new: str, capsys, tmp_path) -> None:
    args = ["candidates", "a cat on a mat", "--no-store"] if old == "--taxonomy" else [
        "generate", "a cat on a mat", "--pair", "tiny-sd", "--out", str(tmp_path / "x.png"), "--no-progress"]
    value = str(tmp_path / "lex.json") if old == "--taxonomy" else "ddim"
    if old == "--taxonomy":
        (tmp_path / "lex.json").write_text("{}")
    code, _, err = _run([*args, old, value], capsys)
    assert code == 0 and f"{old} is the older name of {new} and goes in 0.3.0" in err


def test_generate_takes_the_plan_the_caller_built() -> None:
    from obclip.generate import generate
    from obclip.models.pair import load_pair
    from obclip.plan import split_plan

    pair = load_pair("tiny-sd")
    plan = split_plan(pair.spec, mode="hybrid", steps=6, k=2)
    given = generate("a red car", plan=plan, pair=pair, mode="obclip", k=5, seed=3)  # mode and k come from the plan
    derived = generate("a red car", "hybrid", pair, steps=6, k=2, seed=3)
    assert given.mode == "hybrid" and given.k == 2 and bool((given.image == derived.image).all())


def test_the_default_pair_says_what_it_cannot_draw(capsys, tmp_path) -> None:
    """A prompt outside the synthetic portrait world gets one note naming the words (and still an image)."""
    code, _, err = _run(["generate", "a red sports car on a mountain road", "--out", str(tmp_path / "car.png"),
                         "--no-progress", "--steps", "4", "--k", "2"], capsys)  # fmt: skip
    assert code == 0 and "'sports', 'car', 'mountain', 'road' are outside it" in err
    code, _, err = _run(["generate", "a portrait photo of an old man in a garden", "--out", str(tmp_path / "p.png"),
                         "--no-progress", "--steps", "4", "--k", "2"], capsys)  # fmt: skip
    assert code == 0 and "outside it" not in err
