import json, sys, os
a_dir, b_dir = sys.argv[1], sys.argv[2]
sets = sys.argv[3:]
for s in sets:
    fa = f'{a_dir}/set{s}.json'; fb = f'{b_dir}/set{s}.json'
    if not (os.path.exists(fa) and os.path.exists(fb)): continue
    a=json.load(open(fa)); b=json.load(open(fb))
    ca={c['id']:c for c in a['cases']}; cb={c['id']:c for c in b['cases']}
    sa, sb = a['summary'], b['summary']
    def mt(d): return sum(1 for c in d['cases'] if len(c['turns'])>1 and c['outcome']=='right'), sum(1 for c in d['cases'] if len(c['turns'])>1)
    print(f"set {s}: {sa['right']}/{sa['partial']}/{sa['refused']}/{sa['wrong-priced']} -> {sb['right']}/{sb['partial']}/{sb['refused']}/{sb['wrong-priced']}  wrong lines {sa['unexpected_priced_lines']} -> {sb['unexpected_priced_lines']}  multi {mt(a)} -> {mt(b)}")
    for k in ca:
        x, y = ca[k], cb.get(k)
        if (x['outcome'], [t['did'] for t in x['turns']], x['lines']) != (y['outcome'], [t['did'] for t in y['turns']], y['lines']):
            print(f"   {k}: {x['outcome']} -> {y['outcome']}; turns {[t['did'] for t in x['turns']]} -> {[t['did'] for t in y['turns']]}")
            if x['outcome'] != 'wrong-priced' and y['outcome'] == 'wrong-priced' or x['lines'] != y['lines']:
                print("      before:", [(l['code'], l['quantity'], l['to_quote']) for l in x['lines']])
                print("      after: ", [(l['code'], l['quantity'], l['to_quote']) for l in y['lines']])
