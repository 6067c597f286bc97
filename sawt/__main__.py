"""`python -m sawt ...`: the command line lives in sawt/cli.py.

This file only makes sure a volunteer who runs it before any set-up (the
system's python3, without the packages in .venv/) gets one line saying what to
do instead of a traceback. Keep it to syntax that old Pythons can read, so that
even they reach the message.
"""

import sys

_SET_UP = "run make check, which sets up .venv/ and then checks the data (later: .venv/bin/python -m sawt ...)"

if sys.version_info < (3, 11):
    sys.exit("python -m sawt needs Python 3.11 or newer, and this is %d.%d: %s"
             % (sys.version_info[0], sys.version_info[1], _SET_UP))

try:
    from sawt.cli import main
except ModuleNotFoundError as missing:
    if (missing.name or "").partition(".")[0] == "sawt":
        raise  # a bug in Sawt itself, not a missing set-up
    sys.exit(f"python -m sawt: this Python ({sys.executable}) does not have Sawt's packages "
             f"({missing.name} is missing); {_SET_UP}")

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
