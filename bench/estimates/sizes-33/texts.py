# every turn text of the tuning sets 1-16, 22, 24 and the two estimate files
import json, glob
texts=set()
files=["eval/estimates-independent.jsonl"]+[f"eval/estimates-independent-{n}.jsonl" for n in list(range(2,17))+[22,24]]+["eval/estimates.jsonl","eval/estimates-multiturn.jsonl"]
for f in files:
    for l in open(f):
        if not l.strip(): continue
        c=json.loads(l)
        if "turns" in c:
            for t in c["turns"]: texts.add(t["text"])
        for k in ("question","text","request"):
            if isinstance(c.get(k),str): texts.add(c[k])
        for t in c.get("messages",[]) if isinstance(c.get("messages"),list) else []:
            if isinstance(t,str): texts.add(t)
            elif isinstance(t,dict) and "text" in t: texts.add(t["text"])
json.dump(sorted(texts),open("/tmp/e33/texts.json","w"),ensure_ascii=False)
print(len(texts))
