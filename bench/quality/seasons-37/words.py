"""safety_check_conversation (first message) on a checklist: python words.py URL FILE..."""
import json, sys, psycopg
url, *files = sys.argv[1:]
c = psycopg.connect(url, autocommit=True)
for f in files:
    bad = 0; n = 0
    for line in open(f):
        if not line.strip(): continue
        r = json.loads(line); q = r.get("question") or r["turns"][0]
        want = r.get("notice", r.get("warn", [None])[0] if isinstance(r.get("warn"), list) else None)
        if want is None and "topic" in r: want = r["topic"] != "none"
        if want is None or len(r.get("turns") or [q]) != 1: continue
        n += 1
        rule = c.execute("SELECT rule FROM safety_check_conversation(%s, 'w:'||md5(random()::text))", (q,)).fetchone()[0]
        ok = (rule is not None) == bool(want) and (not r.get("rules") or rule in r["rules"] or rule is None)
        if not ok:
            bad += 1; print(f"  {r['id']:>10} want={want} got={rule} | {q[:100]}")
    print(f"== {f}: {n} messages, {bad} not as labelled")
