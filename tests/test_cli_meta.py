"""Every CLI command is documented: help text on the command and on every parameter, and a
mention in README.md (sqlite-utils keeps its docs honest the same way)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer

from verifier.cli import app

REPO = Path(__file__).resolve().parents[1]
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


def test_there_are_commands() -> None:
    assert {"index", "search", "check", "batch", "bench"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help(name: str) -> None:
    command = COMMANDS[name]
    assert (command.help or "").strip(), f"`verifier {name}` has no help text"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_parameter_has_help(name: str) -> None:
    undocumented = [p.name for p in COMMANDS[name].params
                    if isinstance(p, (click.Option, click.Argument))
                    and not (getattr(p, "help", None) or "").strip()
                    and p.name != "ctx"]
    assert not undocumented, f"`verifier {name}`: no help text for {undocumented}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_in_readme(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"verifier {name}" in readme, f"`verifier {name}` is not mentioned in README.md"


def test_cli_shim_help_in_subprocess() -> None:
    res = subprocess.run([sys.executable, "cli.py", "--help"], cwd=REPO, capture_output=True,
                         text=True, timeout=120, check=False)
    assert res.returncode == 0, res.stderr
    for name in COMMANDS:
        assert name in res.stdout


def test_bench_help_in_subprocess() -> None:
    res = subprocess.run([sys.executable, "cli.py", "bench", "--help"], cwd=REPO,
                         capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 0, res.stderr
    for option in ("--output", "--report-dir", "--limit", "--retrieval", "--no-checks",
                   "--index-dir", "--scifact-corpus", "--corpus"):
        assert option in res.stdout


@pytest.mark.parametrize("extra", [[], ["--snli", __file__, "--data", __file__]])
def test_train_nli_needs_exactly_one_data_source(extra: list[str], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["train-nli", "--out", str(tmp_path), *extra])
    assert result.exit_code != 0
    assert "exactly one of --snli" in result.output


def test_train_nli_with_snli_needs_the_data_dir(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["train-nli", "--out", str(tmp_path), "--snli", __file__,
                                      "--data-dir", str(tmp_path / "nowhere")])
    assert result.exit_code != 0
    assert "is not a folder" in result.output
