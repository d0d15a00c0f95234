"""Never losing work: partial output, state file, resume after a crash, kill -9 and Ctrl-C.

The subprocess tests run the real CLI (tests/data/batch/cli_standin.py swaps in the hash-based
stand-in verifier with a delay per batch) and interrupt it once the state file shows progress.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from verifier.batch import BatchError, run_batch

DATA = Path(__file__).parent / "data" / "batch"
_spec = importlib.util.spec_from_file_location("batch_standin", DATA / "standin.py")
standin = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(standin)
StandInVerifier = standin.StandInVerifier


def make_input(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "claim", "note"])
        for i in range(n):
            claim = "" if i % 7 == 3 else f"Claim number {i}, \"quoted\"\nsecond line é"
            w.writerow([f"r{i}", claim, f"n{i}"])
    return path


def reference(tmp_path: Path, src: Path, fmt: str = "csv", **kw) -> bytes:
    out = tmp_path / f"reference.{fmt}"
    run_batch(StandInVerifier(), src, out, fmt=fmt, progress=False, **kw)
    return out.read_bytes()


def crash(src: Path, out: Path, after_calls: int, **kw) -> None:
    with pytest.raises(RuntimeError, match="stand-in crash"):
        run_batch(StandInVerifier(fail_after_calls=after_calls), src, out, progress=False, **kw)


def state(out: Path) -> dict:
    return json.loads(out.with_name(out.name + ".partial.json").read_text(encoding="utf-8"))


# ---- in-process: a crash, then resume -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_crash_then_resume_equals_uninterrupted(tmp_path: Path, fmt: str) -> None:
    src = make_input(tmp_path / "in.csv", 23)
    want = reference(tmp_path, src, fmt, batch_size=4)
    out = tmp_path / f"out.{fmt}"
    crash(src, out, after_calls=3, fmt=fmt, batch_size=4)
    partial = out.with_name(out.name + ".partial")
    assert not out.exists() and partial.exists()
    assert state(out)["rows_done"] == 12
    # A half-written trailing row (what kill -9 mid-write leaves) is dropped on resume.
    with open(partial, "ab") as f:
        f.write(b'r99,"Claim number 99, half writ' if fmt == "csv" else b'{"id": "r99", "cl')
    s = run_batch(StandInVerifier(), src, out, fmt=fmt, resume=True, batch_size=4,
                  progress=False)
    assert out.read_bytes() == want
    assert not partial.exists() and not out.with_name(out.name + ".partial.json").exists()
    assert s.rows_read == 23 and s.rows_resumed == 12
    ref = run_batch(StandInVerifier(), src, tmp_path / f"again.{fmt}", fmt=fmt, batch_size=4,
                    progress=False)
    assert s.counts == ref.counts and s.errors == ref.errors


def test_resume_verifies_only_the_remaining_rows(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 10)
    out = tmp_path / "out.csv"
    crash(src, out, after_calls=2, batch_size=3)
    v = StandInVerifier()
    run_batch(v, src, out, resume=True, batch_size=3, progress=False)
    sent = [c for call in v.calls for c in call]
    assert all(not c.startswith(("Claim number 0,", "Claim number 5,")) for c in sent)
    assert any(c.startswith("Claim number 6,") for c in sent)


def test_resume_from_stdin_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    src = make_input(tmp_path / "in.csv", 11)
    want = reference(tmp_path, src, batch_size=2)
    out = tmp_path / "out.csv"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(src.read_bytes())))
    crash("-", out, after_calls=2, batch_size=2)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(src.read_bytes())))
    run_batch(StandInVerifier(), "-", out, resume=True, batch_size=2, progress=False)
    assert out.read_bytes() == want


def test_resume_stdin_with_different_rows_names_the_id(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    src = make_input(tmp_path / "in.csv", 11)
    out = tmp_path / "out.csv"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(src.read_bytes())))
    crash("-", out, after_calls=2, batch_size=2, id_column="id")
    changed = src.read_bytes().replace(b"Claim number 2,", b"Claim number two,")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(changed)))
    with pytest.raises(BatchError, match=r"row 3 \(id 'r2'\).*does not match"):
        run_batch(StandInVerifier(), "-", out, resume=True, batch_size=2, id_column="id",
                  progress=False)


def test_resume_with_changed_input_refused(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 10)
    out = tmp_path / "out.csv"
    crash(src, out, after_calls=1, batch_size=3)
    make_input(src, 11)
    with pytest.raises(BatchError, match="not the one the interrupted run read"):
        run_batch(StandInVerifier(), src, out, resume=True, batch_size=3, progress=False)


def test_resume_with_changed_settings_refused(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 10)
    out = tmp_path / "out.csv"
    crash(src, out, after_calls=1, batch_size=3)
    with pytest.raises(BatchError, match="batch_size: 3 then, 5 now"):
        run_batch(StandInVerifier(), src, out, resume=True, batch_size=5, progress=False)
    with pytest.raises(BatchError, match="format"):
        run_batch(StandInVerifier(), src, out, resume=True, batch_size=3, fmt="jsonl",
                  progress=False)


def test_resume_with_other_model_versions_refused(tmp_path: Path) -> None:
    class Other(StandInVerifier):
        @property
        def versions(self) -> dict[str, str]:
            return {"standin": "2"}

    src = make_input(tmp_path / "in.csv", 10)
    out = tmp_path / "out.csv"
    crash(src, out, after_calls=1, batch_size=3)
    with pytest.raises(BatchError, match="versions"):
        run_batch(Other(), src, out, resume=True, batch_size=3, progress=False)


def test_partial_without_state_refused(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 5)
    out = tmp_path / "out.csv"
    crash(src, out, after_calls=1, batch_size=2)
    out.with_name("out.csv.partial.json").unlink()
    with pytest.raises(BatchError, match="no state file"):
        run_batch(StandInVerifier(), src, out, resume=True, batch_size=2, progress=False)


def test_truncated_partial_refused(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 9)
    out = tmp_path / "out.csv"
    crash(src, out, after_calls=2, batch_size=2)
    partial = out.with_name("out.csv.partial")
    partial.write_bytes(partial.read_bytes()[:-10])
    with pytest.raises(BatchError, match="shorter than its state file"):
        run_batch(StandInVerifier(), src, out, resume=True, batch_size=2, progress=False)


def test_resume_without_partial_starts_fresh(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 5)
    out = tmp_path / "out.csv"
    run_batch(StandInVerifier(), src, out, resume=True, progress=False)
    assert out.read_bytes() == reference(tmp_path, src)


def test_stale_state_file_is_ignored(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 5)
    out = tmp_path / "out.csv"
    out.with_name("out.csv.partial.json").write_text("{}", encoding="utf-8")
    run_batch(StandInVerifier(), src, out, progress=False)
    assert out.read_bytes() == reference(tmp_path, src)
    assert not out.with_name("out.csv.partial.json").exists()


# ---- subprocess: kill -9 and Ctrl-C ---------------------------------------------------------


def _sigint_default() -> None:
    # A shell starts background jobs with SIGINT ignored, and Python then installs no
    # KeyboardInterrupt handler: give the child what a terminal would, however pytest was run.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(args: list[str], delay: float, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(DATA / "cli_standin.py"), str(delay), "batch", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_sigint_default,
    )


def wait_for_rows(out: Path, proc: subprocess.Popen, rows: int, timeout: float = 60) -> None:
    state_path = out.with_name(out.name + ".partial.json")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            if json.loads(state_path.read_text(encoding="utf-8"))["rows_done"] >= rows:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("the batch made no progress")


def rows_of(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_subprocess_then_resume(tmp_path: Path, sig: signal.Signals) -> None:
    src = make_input(tmp_path / "in.csv", 60)
    want = reference(tmp_path, src, batch_size=4)
    out = tmp_path / "out.csv"
    args = [str(src), "-o", str(out), "--batch-size", "4", "--id-column", "id"]
    proc = start(args, delay=0.05, cwd=tmp_path)
    wait_for_rows(out, proc, 12)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    err_text = err.decode("utf-8", "replace")
    partial = out.with_name("out.csv.partial")
    assert not out.exists() and partial.exists()
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err_text
        assert "--resume" in err_text and "Traceback" not in err_text
    else:
        assert proc.returncode == -signal.SIGKILL

    # Without --resume the partial is not silently overwritten.
    proc = start(args, delay=0, cwd=tmp_path)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and b"--resume" in err and partial.exists()

    proc = start([*args, "--resume"], delay=0, cwd=tmp_path)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert b"resumed from the partial" in err
    assert rows_of(out) == rows_of(tmp_path / "reference.csv")
    assert out.read_bytes() == want
    assert not partial.exists()


def test_ctrl_c_with_stdout_output_says_it_cannot_resume(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 200)
    proc = start([str(src), "--batch-size", "2", "--no-progress"], delay=0.05, cwd=tmp_path)
    line = proc.stdout.readline()  # the header is out: the run has started
    assert line.startswith(b"id,claim,note,label")
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"cannot be resumed" in err and b"Traceback" not in err
    assert not list(tmp_path.glob("*.partial*"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX signals")
def test_sigkill_never_leaves_a_complete_looking_output(tmp_path: Path) -> None:
    src = make_input(tmp_path / "in.csv", 40)
    out = tmp_path / "out.csv"
    proc = start([str(src), "-o", str(out), "--batch-size", "2"], delay=0.02, cwd=tmp_path)
    wait_for_rows(out, proc, 4)
    proc.kill()
    proc.communicate(timeout=60)
    assert not out.exists()
    st = state(out)
    assert st["rows_done"] < 40 and st["input"]["sha256"]
