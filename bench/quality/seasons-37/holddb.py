import sys, time, signal
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
from pathlib import Path
from bench.eval_services import private_database_from, schema_files_under, stop_cleanly_on_sigterm
stop_cleanly_on_sigterm()
root = Path(sys.argv[1]); out = Path(sys.argv[2])
with private_database_from(schema_files_under(root)) as url:
    out.write_text(url + "\n"); print(url, flush=True)
    while True: time.sleep(3600)
