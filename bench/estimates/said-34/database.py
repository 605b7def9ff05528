# One database of a checkout's SQL files (as eval/score_independent.py --scratch builds), kept running to score
# every set against it with --database-url (bench/estimates/said-34/urlscore.sh): python database.py ROOT TAG
# Runs until stopped (Ctrl-C, `kill`): the cluster is then stopped and its folder deleted (private_cluster).
import sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from devstack.postgres import provision_databases, apply_schema, SCHEMA_FILES, WORKFLOWS_ROOT
from bench.eval_services import private_cluster
root = Path(sys.argv[1]); tag = sys.argv[2]
files = tuple(root / f.relative_to(WORKFLOWS_ROOT) for f in SCHEMA_FILES)
Path("/tmp/e34").mkdir(parents=True, exist_ok=True)
with private_cluster(f"remedios-said-{tag}-") as (pg, pw):
    app, _ = provision_databases(pg.admin, pw)
    apply_schema(app, files)
    open(f"/tmp/e34/{tag}.url", "w").write(app.url)
    print(app.url, flush=True)
    while True:
        time.sleep(60)
