# Cases whose outcome or lines moved between two scorer outputs: compare.py BEFORE_PREFIX AFTER_PREFIX SET... (files PREFIX<set>.json)
import json,sys
b,a=sys.argv[1],sys.argv[2]
sets=sys.argv[3:]
for s in sets:
    try:
        B=json.load(open(f"{b}{s}.json")); A=json.load(open(f"{a}{s}.json"))
    except Exception as e:
        continue
    sb,sa=B['summary'],A['summary']
    f=lambda x:f"{x['right']}/{x['partial']}/{x['refused']}/{x['wrong-priced']}"
    mb=sum(1 for c in B['cases'] if len(c['turns'])>1 and c['outcome']=='right'); ma=sum(1 for c in A['cases'] if len(c['turns'])>1 and c['outcome']=='right'); mt=sum(1 for c in A['cases'] if len(c['turns'])>1)
    print(f"set {s}: {f(sb)} -> {f(sa)}  multi {mb}->{ma} of {mt}  turns {sb['turns_as_expected']}->{sa['turns_as_expected']}  unexpected {sb['unexpected_priced_lines']}->{sa['unexpected_priced_lines']}")
    cb={c['id']:c for c in B['cases']}
    for c in A['cases']:
        o=cb[c['id']]
        if o['outcome']!=c['outcome'] or o['lines']!=c['lines']:
            print(f"   {c['id']} {o['outcome']} -> {c['outcome']}  {[ (t['text'][:70]) for t in c['turns']]}")
            if o['lines']!=c['lines']:
                print("      before:",[(l['code'],l['quantity'],l['description'][:40]) for l in o['lines'] if l['code'] not in ('desplazamiento','mano-obra-oficial')])
                print("      after: ",[(l['code'],l['quantity'],l['description'][:40]) for l in c['lines'] if l['code'] not in ('desplazamiento','mano-obra-oficial')])
