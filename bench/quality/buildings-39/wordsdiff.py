"""The rule the words fire (first message), main's database vs the branch's, on every tuning file's questions."""
import json, sys, glob, psycopg
m = psycopg.connect(open('/tmp/kb39/main.url').read().strip(), autocommit=True)
b = psycopg.connect(open('/tmp/kb39/branch.url').read().strip(), autocommit=True)
Q = "SELECT rule FROM safety_check_conversation(%s, 'w:'||md5(random()::text))"
files = sorted(glob.glob('eval/dev-*.jsonl')) + ['eval/questions.jsonl'] + [f'bench/quality/{n}.jsonl' for n in
  ['safety-3','safety-3-lookalikes-2','safety-4-tune','safety-5-tune','safety-7','safety-8-tune','safety-9-tune','safety-11-tune','safety-12-tune','safety-12-tune-probes','safety-13-tune','safety-14-tune','safety-15-tune']]
n = changed = 0
for f in files:
    for line in open(f):
        if not line.strip(): continue
        r = json.loads(line)
        for q in (r.get("turns") or [r.get("question") or r.get("message")]):
            if not q: continue
            n += 1
            a = m.execute(Q, (q,)).fetchone()[0]; c = b.execute(Q, (q,)).fetchone()[0]
            if a != c:
                changed += 1; print(f"{f.split('/')[-1]:28} {r.get('id',''):>10} {a} -> {c} | {q[:110]}")
print(n, "messages,", changed, "changed")
