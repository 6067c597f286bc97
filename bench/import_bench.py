"""Time and peak memory of `python -m sawt import` at 1,000 and 10,000 fictional rows.

    .venv/bin/python bench/import_bench.py [1000 10000]

For each size: a fictional archive (sawt/data/synthetic.py) is exported to an .xlsx and a
.csv in the import's layout, then each sheet is imported into a fresh temporary data folder
holding only its sources and appeals (every row a new case: the full check and a write per
row), and imported again over the result (every row an unchanged update: the existing file
read and compared). Each import runs in its own process, which reports its wall time and
peak RSS, so the sizes compare; the cost should grow linearly. Nothing is written under the
project's data/.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_MEASURE = """
import resource, sys, time, io, contextlib
from pathlib import Path
from datetime import date
from sawt.sheets.importer import run_import
lines = []
start = time.perf_counter()
code = run_import(Path(sys.argv[1]), Path(sys.argv[2]), date(2026, 1, 1), out=lines.append)
elapsed = time.perf_counter() - start
import json
print(json.dumps({"code": code, "seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "last": lines[-1] if lines else ""}))
"""


def measure(sheet: Path, data: Path) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(sheet), str(data)], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    from sawt.data.synthetic import write_synthetic_archive
    from sawt.sheets.export import export_rows, write_sheet

    print(f"{'rows':>7} {'format':>6} {'import (new)':>13} {'per 1k rows':>11} {'peak RSS':>9} "
          f"{'again (0 changed)':>18} {'peak RSS':>9}  sheet size")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="sawt-import-bench-") as temp:
            work = Path(temp)
            source = write_synthetic_archive(work / "synthetic" / "data", size, seed=1)
            columns, rows, problems = export_rows(source, include_private=True)
            assert not problems, problems[:3]
            for suffix in ("xlsx", "csv"):
                sheet = work / f"cases-{size}.{suffix}"
                write_sheet(sheet, columns, rows)
                data = work / f"into-{suffix}" / "data"
                data.mkdir(parents=True)
                for name in ("sources.yml", "figures.yml", "events.yml"):
                    shutil.copy(source / name, data / name)
                first = measure(sheet, data)
                again = measure(sheet, data)
                assert first["code"] == 0, first
                assert again["last"].endswith(f"0 new, 0 changed, {size} unchanged"), again
                print(f"{size:>7} {suffix:>6} {first['seconds']:>12.1f}s {first['seconds'] / size * 1000:>10.2f}s "
                      f"{first['peak_mb']:>7.0f}MB {again['seconds']:>17.1f}s {again['peak_mb']:>7.0f}MB  "
                      f"{sheet.stat().st_size / 1e6:.1f} MB", flush=True)


if __name__ == "__main__":
    started = time.time()
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10000])
    print(f"(total {time.time() - started:.0f} s)")
