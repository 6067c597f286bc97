"""The tests of tests/unit/test_load_privacy.py that start processes (moved here so that unit tests stay pure Python)."""

from __future__ import annotations

import os
import subprocess
import sys
import pytest


@pytest.mark.parametrize("machine_zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Beirut"])
def test_the_build_machines_time_zone_does_not_matter(machine_zone: str) -> None:
    probe = ("import datetime, sawt.dates as d; "
             "print(d.archive_today(), datetime.datetime.now(datetime.timezone.utc).date())")
    out = subprocess.run([sys.executable, "-c", probe], env={**os.environ, "TZ": machine_zone},
                         capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == out[1]
