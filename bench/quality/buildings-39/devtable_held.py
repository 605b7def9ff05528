"""bench/quality/ask_back.py --dev-table --before DIR on two databases already loaded (kept open with
bench/quality/seasons-37/holddb.py): the "before" side asks BEFORE_URL, this checkout's side AFTER_URL.

    .venv/bin/python bench/quality/buildings-39/devtable_held.py BEFORE_URL AFTER_URL --before DIR [--strict] [--json OUT]
"""
import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
import bench.quality.ask_back as ab  # noqa: E402

before_url, after_url = sys.argv[1], sys.argv[2]
del sys.argv[1:3]
calls = []


@contextlib.contextmanager
def held(_files):
    calls.append(1)
    yield before_url if len(calls) == 1 else after_url


ab.private_database_from = held
sys.argv += ["--dev-table"]   # give --before DIR (its files are not read: BEFORE_URL is asked)
sys.exit(ab.main())
