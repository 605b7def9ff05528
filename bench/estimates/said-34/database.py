# One database of a checkout's SQL files (as eval/score_independent.py --scratch builds), kept running to score
# every set against it with --database-url (bench/estimates/said-34/urlscore.sh): python database.py ROOT TAG
import sys, time, secrets, os
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from devstack.postgres import EmbeddedPostgres, provision_databases, apply_schema, SCHEMA_FILES, WORKFLOWS_ROOT
from bench.eval_services import free_port
root = Path(sys.argv[1]); tag = sys.argv[2]
files = tuple(root / f.relative_to(WORKFLOWS_ROOT) for f in SCHEMA_FILES)
run_dir = Path(f"/tmp/e34/pg-{tag}"); run_dir.mkdir(parents=True, exist_ok=True); os.chmod(run_dir, 0o777)
pw = secrets.token_hex(8)
pg = EmbeddedPostgres(run_dir / "pgdata", free_port(), pw)
pg.start()
app, _ = provision_databases(pg.admin, pw)
apply_schema(app, files)
open(f"/tmp/e34/{tag}.url", "w").write(app.url)
print(app.url, flush=True)
try:
    while True: time.sleep(60)
finally:
    pg.stop()
