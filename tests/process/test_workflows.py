"""The GitHub workflows: actionlint passes, every action is pinned to a commit, and each
workflow does what the README and the Contribute page promise."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"


def _actionlint() -> str | None:
    beside_python = Path(sys.executable).parent / "actionlint"
    return str(beside_python) if beside_python.exists() else shutil.which("actionlint")


@pytest.mark.skipif(_actionlint() is None, reason=(
    "actionlint is not installed: make test installs it (.venv/bin/pip install --require-hashes -r requirements-lint.txt)"))
def test_workflows_pass_actionlint(tmp_path) -> None:
    result = subprocess.run([_actionlint(), *sorted(str(p) for p in WORKFLOWS.glob("*.yml"))],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # The control: the same run flags the workflow with a misspelt context and a misspelt key.
    broken = tmp_path / "broken.yml"
    broken.write_text(PULL_REQUEST.read_text(encoding="utf-8").replace("timeout-minutes:", "timeout-minute:", 1)
                      + "      - run: echo ${{ githb.sha }}\n", encoding="utf-8")
    control = subprocess.run([_actionlint(), str(broken)], capture_output=True, text=True, timeout=120)
    assert control.returncode == 1 and 'undefined variable "githb"' in control.stdout, control.stdout
    assert 'unexpected key "timeout-minute"' in control.stdout, control.stdout


def _load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); give it back its name.
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True)
    return workflow


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", [PULL_REQUEST, PUBLISH], ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_with_its_version(path: Path) -> None:
    uses = re.findall(r"uses:\s*(\S+)(.*)", path.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), f"{action}: no exact version comment"


def test_pull_request_checks_reports_and_builds_strictly() -> None:
    workflow = _load(PULL_REQUEST)
    assert list(workflow["on"]) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    steps = _steps(workflow)
    runs = [step.get("run", "") for step in steps]
    assert runs.index("make check") < runs.index("make translations") < runs.index("make build")
    build = next(step for step in steps if step.get("run") == "make build")
    assert build["env"]["SAWT_SITE_URL"].startswith("https://")
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # outdated translations need the history
    assert any("requirements-lint.txt" in run and "test_workflows.py" in run for run in runs)


def test_publish_builds_with_the_site_variable_caches_and_deploys() -> None:
    workflow = _load(PUBLISH)
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["on"]["schedule"], "embargoed cases need a daily build to appear on their date"
    steps = _steps(workflow)
    by_action = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    assert by_action["actions/cache"]["with"]["path"] == ".cache"
    assert by_action["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert "actions/deploy-pages" in by_action
    assert by_action["actions/checkout"]["with"]["fetch-depth"] == 0  # each record's history is read from git
    build = next(step for step in steps if "make build" in step.get("run", ""))
    assert build["env"]["SAWT_SITE_URL"] == "${{ vars.SAWT_SITE_URL }}"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_publish_measures_the_site_before_uploading_it(tmp_path: Path) -> None:
    """Over GitHub Pages' 1 GB, the step's script stops the job with one annotated line."""
    steps = _steps(_load(PUBLISH))
    names = [step.get("uses", "").split("@")[0] or step.get("run", "") for step in steps]
    measure = next(i for i, name in enumerate(names) if "sawt site-size site" in name)
    build = next(i for i, name in enumerate(names) if "make build" in name)
    assert build < measure < names.index("actions/upload-pages-artifact")
    # Run the step's own script on a site over a limit (a stand-in python: the real one,
    # given a 1-byte limit, so that a tiny folder is over it).
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>page</p>")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    stand_in = tmp_path / ".venv" / "bin" / "python"
    stand_in.write_text(f'#!/bin/sh\nexec {sys.executable} "$@" --limit-mb 0.000001\n')
    stand_in.chmod(0o755)
    result = subprocess.run(["bash", "-e", "-c", steps[measure]["run"]], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("::error title=The site is too large for GitHub Pages::site/ is 0.0 MB (1 files), over")
    assert 'See README.md, section "Large archives: hosts without a size cap"' in line


def test_publish_goes_either_to_pages_or_to_the_bucket_never_both() -> None:
    """With the variable SAWT_BUCKET set, the site goes to the bucket (README, "Large archives") and
    neither the 1 GB check nor GitHub Pages' upload and deploy run; without it, the reverse.
    tests/process/test_bucket_publish.py runs the bucket step itself."""
    workflow = _load(PUBLISH)
    steps = _steps(workflow)
    pages_steps = [s for s in steps if "sawt site-size" in s.get("run", "") or "upload-pages-artifact" in s.get("uses", "")]
    [bucket] = [s for s in steps if "sawt publish-bucket" in s.get("run", "")]
    assert len(pages_steps) == 2 and all(s["if"] == "vars.SAWT_BUCKET == ''" for s in pages_steps)
    assert workflow["jobs"]["deploy"]["if"] == "vars.SAWT_BUCKET == ''"
    assert bucket["if"] == "vars.SAWT_BUCKET != ''"
    assert "secrets.SAWT_BUCKET_SECRET" in bucket["env"]["RCLONE_CONFIG_BUCKET_SECRET_ACCESS_KEY"]
    build = next(i for i, s in enumerate(steps) if "make build" in s.get("run", ""))
    assert steps.index(bucket) > build


def test_pull_request_template_asks_for_sources_languages_and_consent() -> None:
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, re.M)
    assert any("source" in box.lower() for box in boxes)
    assert any("both languages" in box.lower() and "untranslated" in box.lower() for box in boxes)
    assert any("consent" in box.lower() and "photo" in box.lower() for box in boxes)
    assert any("private:" in box for box in boxes)
