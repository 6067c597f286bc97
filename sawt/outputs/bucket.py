"""Publish a built site to an S3-compatible bucket with rclone: the host for archives over
GitHub Pages' 1 GB (README, "Large archives: hosts without a size cap").

rclone (Debian's `rclone`) is the maintained tool: it speaks S3 to Amazon, Cloudflare R2,
Backblaze B2, MinIO and Garage alike, and with `--checksum` it compares each file's MD5 with
the object's, so a daily republish of an unchanged archive uploads nothing (file times, which a
fresh clone resets, play no part). Sawt only decides the order and the cache lifetimes:

1. `copy` each folder of files named after their content (sawt/outputs/headers.py
   cache_rules: the theme's CSS and workers, Pagefind's index, the fonts) with its lifetime, so
   that every file a new page needs is in the bucket before that page is;
2. `sync` everything else with `Cache-Control: no-cache` (a page is revalidated on every
   visit, so a correction is seen at once), deleting the pages the build no longer has;
3. `sync` each of those folders again, which now only deletes what no page names any more.

A reader who loads a page in the middle of a publish gets either the old page with its old
assets or the new one with its new assets, never a page whose stylesheet is gone.

S3 keeps one Cache-Control per object but no Content-Security-Policy: the security headers of
`site/_headers` are set on the CDN in front of the bucket (README). `_headers` itself is a
host's configuration file and is not uploaded.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from sawt.outputs.headers import HEADERS_FILE, cache_rules

PAGES_CACHE = "no-cache"
#: rclone's options for every pass: compare content, not times; list the bucket in one request
#: per 1,000 objects instead of one per folder (a site has a folder per case).
COMMON = ("--checksum", "--fast-list")


def sync_commands(site_dir: Path, remote: str) -> list[list[str]]:
    """The rclone commands, in order, that publish `site_dir` to `remote` (an rclone path such
    as `sawt-bucket:my-bucket` or `sawt-bucket:my-bucket/sawt`)."""
    remote = remote.rstrip("/")
    rules = cache_rules(site_dir)
    source = site_dir.as_posix()

    def lifetime(value: str) -> list[str]:
        return ["--header-upload", f"Cache-Control: {value}"]

    commands = [["rclone", "copy", *COMMON, *lifetime(value), f"{source}/{folder}", f"{remote}/{folder}"]
                for folder, value in rules]
    excluded = [option for folder, _ in rules for option in ("--exclude", f"/{folder}/**")]
    commands.append(["rclone", "sync", *COMMON, *lifetime(PAGES_CACHE), *excluded,
                     "--exclude", f"/{HEADERS_FILE}", source, remote])
    commands += [["rclone", "sync", *COMMON, *lifetime(value), f"{source}/{folder}", f"{remote}/{folder}"]
                 for folder, value in rules]
    return commands


def publish(site_dir: Path, remote: str, *, run=subprocess.run) -> int:
    """Run the commands of sync_commands; stop at the first that fails, with its exit status.
    `run` is subprocess.run (a test may pass another)."""
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir.as_posix()}/ has no index.html: build the site first (make build); nothing was published")
        return 2
    if ":" not in remote:
        print(f"{remote!r} is not an rclone remote: give NAME:BUCKET (or NAME:BUCKET/FOLDER), with the remote NAME "
              "configured by rclone config or RCLONE_CONFIG_NAME_* variables; nothing was published")
        return 2
    if shutil.which("rclone") is None and run is subprocess.run:
        print("rclone is not installed (Debian: apt-get install rclone); nothing was published")
        return 2
    for command in sync_commands(site_dir, remote):
        print("+ " + " ".join(command), flush=True)
        status = run(command).returncode
        if status:
            print(f"rclone stopped with exit status {status}: the bucket may hold part of the new site; "
                  "run the same command again to finish (it uploads only what is missing)")
            return status
    return 0
