# Causes of labelled catalogue items a final draft does not price (itemread30, stop 30).
# usage: python3 causes.py OUTDIR TAG [-v]   (OUTDIR holds setN-TAG.json, the scorer's --out per set)
# Rules over the labels' notes, the item's words and the draft's lines a cotizar; checked by reading the -v list.
import json, sys, re, unicodedata, collections, os
O, T = sys.argv[1], sys.argv[2]
verbose = '-v' in sys.argv
def fold(s): return ''.join(ch for ch in unicodedata.normalize('NFD', (s or '').lower()) if unicodedata.category(ch) != 'Mn')
def words(s): return set(w for w in re.findall(r'[a-z0-9/]+', fold(s)) if len(w) > 2 and w not in ('del','para','con','los','las','una','uno','que'))
HOSE = r'latiguillo|flexible|manguer|conector|acople|abasto|coflex|supply|suministro|suplido|conexi'
cnt = collections.Counter(); ex = collections.defaultdict(list); total = collections.Counter()
for n in range(1, 17):
    f = f'{O}/set{n}-{T}.json'
    if not os.path.exists(f): continue
    s = '' if n == 1 else f'-{n}'
    cases = {json.loads(l)['id']: json.loads(l) for l in open(f'eval/estimates-independent{s}.jsonl') if l.strip()}
    labels = json.load(open(f'eval/estimates-independent{s}-labels.json'))['labels']
    out = json.load(open(f))
    for c in out['cases']:
        lab = labels.get(c['id'], [])
        quotes = [l for l in c['lines'] if l['to_quote']]
        turns = cases[c['id']]['turns']
        for i, it in enumerate(c['items']):
            L = lab[i] if i < len(lab) else {}
            codes = L.get('codes')
            if not codes: continue
            total['labelled'] += 1
            if it['how'] == 'priced': total['priced'] += 1; continue
            if it['how'] == 'to_quote': total['or_to_quote ok'] += 1; continue
            total['not priced'] += 1
            what = fold(it['what']); why = fold(L.get('why', '')); size = fold(it['size'] or '')
            allc = set(codes) | {x for a in L.get('alternatives', []) for x in a['codes']}
            w = words(it['what'] + ' ' + (it['size'] or ''))
            best = max(quotes, key=lambda q: len(w & words(q['description'])), default=None)
            spare = bool(best and len(w & words(best['description'])) >= 1)
            same = [l for l in c['lines'] if l['code'] in allc and not l['to_quote']]
            ishose = re.search(HOSE, what) and all(x.startswith('latiguillo') for x in codes)
            if same: k = 'a right row, another quantity'
            elif ishose and re.search(r'\b([89]|[12][0-9])\s*("|pulgada)', size): k = 'hose length in inches'
            elif ishose and ('length not said' in why or not re.search(r'cm', size)): k = 'hose, no length said (asked which; label takes any length)'
            elif any(x.startswith(('tubo-pvc', 'codo-pvc', 'derivacion-pvc', 'reduccion-pvc')) for x in codes) and re.search(r'"|pulgada', size): k = 'drain PVC size in inches'
            elif re.search(r'gal\b|gal |galon|nearest|notes accept (the nearest|11|100|1000|110|a 3/4|a 1/2)|no 1100|100 mm|near', why + ' ' + size): k = 'size said that no row has (label takes the nearest)'
            elif codes == ['inodoro-completo'] or set(codes) <= {'inodoro-completo','taza-inodoro'}: k = 'toilet: kind not settled (complete / wall-hung asked)'
            elif re.search(r'kind not said|any kind|either|type not said|not said:', why): k = 'kind not said (asked; label takes any row)'
            elif any(x.startswith('desatasco') for x in codes): k = 'unblocking: job left a cotizar'
            elif size and re.search(r'names no|states no|row is|not in the name', why): k = 'a size said that the row does not name'
            elif spare: k = 'read, not matched: words differ (regional name, form, typo)'
            else: k = 'never read (no line)'
            cnt[k] += 1
            ex[k].append(f"set{n} {c['id']}: {it['what']} {it['size'] or ''} -> {codes[0]}{'…' if len(codes)>1 else ''} | T1: {turns[0]['text'][:110]}" + (f" | +{len(turns)-1} turns" if len(turns) > 1 else ''))
print(dict(total))
for k, v in cnt.most_common(): print(f'{v:4d}  {k}')
if verbose:
    for k, v in cnt.most_common():
        print('\n###', k)
        for e in ex[k]: print('   ', e)
