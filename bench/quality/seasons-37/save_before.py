"""steal_moves' "before" from an already loaded database (main's files): python save_before.py URL OUT [sets...]"""
import json, sys
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
import psycopg
from bench.quality.steal_moves import questions, run
url, out, *sets = sys.argv[1:]
items = [i for i in questions() if not sets or i["set"] in sets]
with psycopg.connect(url, autocommit=True) as conn:
    before = run(conn, items)
open(out, "w").write(json.dumps(before))
print(len(before))
