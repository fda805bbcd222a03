"""The wheel ships the lexicons and the ``py.typed`` marker.

Building takes a second or two with ``--no-isolation`` (hatchling installed
in the environment) and longer with an isolated build, which needs the
network; the test is marked ``slow`` so a quick run can leave it out with
``-m "not slow"``, and it is skipped when no wheel can be built here.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quoteattr"


def _build_wheel(outdir: Path) -> Path:
    """Build a wheel into *outdir*, without isolation first; skip when neither way works."""
    if importlib.util.find_spec("build") is None:
        pytest.skip("the `build` package is not installed (it is in the test extra)")
    attempts = [["--no-isolation"], []]
    if importlib.util.find_spec("hatchling") is None:
        attempts = [[]]  # the backend is missing here: only an isolated build can fetch it
    errors = []
    for extra in attempts:
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "build", "--wheel", *extra, "--outdir", str(outdir), str(ROOT)],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        except subprocess.TimeoutExpired:
            errors.append(f"{extra}: timed out")
            continue
        wheels = sorted(outdir.glob("quoteattr-*.whl"))
        if proc.returncode == 0 and wheels:
            return wheels[-1]
        errors.append(f"{extra}: exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:]}")
    pytest.skip(f"no wheel could be built here (no network for an isolated build?): {errors}")


@pytest.mark.slow
def test_wheel_ships_lexicons_and_py_typed(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    expected = {f"quoteattr/lexicons/{p.name}" for p in PACKAGE.glob("lexicons/*.txt")} | {"quoteattr/py.typed"}
    assert "quoteattr/lexicons/reporting_verbs.txt" in expected
    assert set() == expected - names


def test_lexicons_are_read_from_package_data() -> None:
    from quoteattr.lexicons import load_default

    forms = load_default().verb_forms()
    assert ("say", "tell") == (forms["said"], forms["told"])
