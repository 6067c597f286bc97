"""Publishing to an S3-compatible bucket (sawt/outputs/bucket.py, README "Large archives"): the
publish workflow's own step (`python -m sawt publish-bucket`, Debian's rclone) runs against
moto's S3 server on loopback, and the bucket is read back object by object, as a CDN in front of
it would read it."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sawt.outputs.bucket import PAGES_CACHE
from sawt.outputs.headers import FONTS_CACHE, IMMUTABLE
from tests.unit.test_bucket import _site, _write

ROOT = Path(__file__).resolve().parents[2]
PUBLISH = ROOT / ".github" / "workflows" / "publish.yml"
BUCKET = "sawt-site"

moto_server = pytest.importorskip("moto.server", reason="moto[s3] is in requirements.txt: make test installs it")
boto3 = pytest.importorskip("boto3")


@pytest.fixture(scope="module")
def s3():
    assert shutil.which("rclone"), "rclone is not installed (Debian: apt-get install rclone; make test installs it)"
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test")
    client.create_bucket(Bucket=BUCKET)
    # This machine's AWS_* and RCLONE_* variables (a CA bundle, a profile) are not the bucket's and
    # would be read by rclone's SDK.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "RCLONE_"))}
    env.update(SAWT_BUCKET_ENDPOINT=endpoint)
    yield client, env
    server.stop()


def _workflow_step() -> dict:
    workflow = yaml.safe_load(PUBLISH.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    return next(step for step in steps if "sawt publish-bucket" in step.get("run", ""))


def _publish(site: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The publish workflow's own step: its environment, with the repository's variables and secrets
    filled in, and its script, with the site folder of this test (the package is installed)."""
    step = _workflow_step()
    filled = {"vars.SAWT_BUCKET": f"{BUCKET}/sawt", "vars.SAWT_BUCKET_ENDPOINT": env["SAWT_BUCKET_ENDPOINT"],
              "secrets.SAWT_BUCKET_KEY_ID": "test", "secrets.SAWT_BUCKET_SECRET": "test"}
    step_env = {name: re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: filled[m.group(1)], str(value))
                for name, value in step["env"].items()}
    script = "\n".join(line for line in step["run"].splitlines() if not line.startswith("sudo apt-get"))
    script = script.replace(".venv/bin/python", sys.executable) + f' --site "{site}"'
    return subprocess.run(["bash", "-e", "-c", script], cwd=ROOT, env={**env, **step_env},
                          capture_output=True, text=True, timeout=300)


def _objects(client) -> dict[str, dict]:
    listed = client.list_objects_v2(Bucket=BUCKET, Prefix="sawt/").get("Contents", [])
    return {item["Key"].removeprefix("sawt/"): client.get_object(Bucket=BUCKET, Key=item["Key"]) for item in listed}


def test_the_bucket_holds_the_site_with_its_cache_lifetimes_and_follows_each_republish(s3, tmp_path) -> None:
    client, env = s3
    site = _site(tmp_path)
    first = _publish(site, env)
    assert first.returncode == 0, first.stdout + first.stderr

    objects = _objects(client)
    files = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    assert set(objects) == set(files) - {"_headers"}, "every file but the host's _headers, nothing else"
    for name, obj in objects.items():
        body = obj["Body"].read()
        assert hashlib.sha256(body).digest() == hashlib.sha256(files[name].read_bytes()).digest(), name
    assert objects["index.html"]["ContentType"].startswith("text/html")
    assert objects["assets/stylesheets/main.0a1b2c3d.min.css"]["ContentType"].startswith("text/css")
    assert objects["index.html"]["CacheControl"] == PAGES_CACHE
    assert objects["cases/case-one/index.html"]["CacheControl"] == PAGES_CACHE
    assert objects["assets/stylesheets/main.0a1b2c3d.min.css"]["CacheControl"] == IMMUTABLE
    assert objects["pagefind/index/en_4f2a9c1.pf_index"]["CacheControl"] == IMMUTABLE
    assert objects["assets/fonts/sawt-naskh-400.woff2"]["CacheControl"] == FONTS_CACHE
    uploaded_at = {name: obj["LastModified"] for name, obj in objects.items()}

    # The next build: one case corrected, one case withdrawn, the theme's stylesheet renamed.
    _write(site / "cases" / "case-one" / "index.html", "<!doctype html><title>Case one, corrected</title>")
    shutil.rmtree(site / "cases" / "case-two")
    (site / "assets" / "stylesheets" / "main.0a1b2c3d.min.css").rename(site / "assets" / "stylesheets" / "main.9f8e7d6c.min.css")
    second = _publish(site, env)
    assert second.returncode == 0, second.stdout + second.stderr

    objects = _objects(client)
    assert "cases/case-two/index.html" not in objects, "a withdrawn case must leave the bucket"
    assert "assets/stylesheets/main.0a1b2c3d.min.css" not in objects, "the old stylesheet is deleted once no page needs it"
    assert objects["assets/stylesheets/main.9f8e7d6c.min.css"]["CacheControl"] == IMMUTABLE
    assert objects["cases/case-one/index.html"]["Body"].read().endswith(b"corrected</title>")
    # Unchanged files are compared by content and not sent again.
    for name in ("index.html", "ar/index.html", "assets/fonts/sawt-naskh-400.woff2", "pagefind/index/en_4f2a9c1.pf_index"):
        assert objects[name]["LastModified"] == uploaded_at[name], f"{name} was uploaded again though unchanged"


def test_a_site_not_built_is_never_published(tmp_path) -> None:
    result = subprocess.run([sys.executable, "-m", "sawt", "publish-bucket", "bucket:site", "--site", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "has no index.html: build the site first" in result.stdout and "nothing was published" in result.stdout
