# Step 3 (est36-wip): the four readings made of estimate_revision_phrases rows give the same answer as the regexes
# they replaced, on every turn text of the tuning sets (run from the worktree against a database of the wip SQL files:
# bench/estimates/said-34/database.py ROOT TAG, which writes /tmp/e34/TAG.url; python equiv_phrases.py TAG).
import json, glob, sys, psycopg
u=open(f'/tmp/e34/{sys.argv[1] if len(sys.argv) > 1 else "est36dev"}.url').read().strip()   # the database's tag (est37: est37dev)
texts=set()
for f in ['eval/estimates.jsonl','eval/estimates-multiturn.jsonl']+[f'eval/estimates-independent{"" if n==1 else "-"+str(n)}.jsonl' for n in list(range(1,17))+[22,24,26,28,30,32]]:
    for line in open(f):
        if not line.strip(): continue
        c=json.loads(line)
        for t in c.get('turns') or []:
            texts.add(t['text'])
        if 'question' in c: texts.add(c['question'])
        for k in ('text','message'):
            if k in c and isinstance(c[k],str): texts.add(c[k])
texts |= {"sí, ponlo","vale, ese","dale, ese mismo","no, déjalo así","no mejor no","deshaz el último cambio","déjalo como estaba","vuelve a como estaba antes","¿y cuánto sería con el de 80?","cuanto costaria","bueno","ya","sí"}
texts=sorted(texts)
OLD_UNDO = r"""^(?:(?:no|mejor|oye|vale|ok|bueno|pues|perdona|nada|olvidalo|sabes que|mejor no) )*(?:(?:dejalo|dejala|dejalos|dejalas|deja|ponlo|ponla|ponlos|ponlas|vuelve|volve|volvamos|regresa|regresalo|regresala|devuelvelo|dejemoslo|quedate|que quede|que se quede|lo dejamos|dejalo todo|ponlo todo)(?: (?:todo|eso|el presupuesto|esto))?(?: (?:a|en))? (?:como|lo que|a lo que) (?:estaba|estaban|era|eran|tenias|teniamos|antes|al principio)|(?:deshaz|deshace|deshacer|anula|cancela) (?:el |ese )?(?:ultimo )?cambio)(?: |$)"""
OLD_COST = r"(?:cuanto|cuanta|que precio)(?: (?:me|nos|le|te|les|lo|la))? (?:seria|serian|saldria|saldrian|sale|salen|costaria|costarian|cuesta|cuestan|quedaria|quedarian|queda|subiria|sube|vale|valdria|tendria)"
OLD_YES = r"^(?:(?:si|vale|ok|okey|okay|dale|listo|bueno|ya|perfecto|de acuerdo|va|sale|claro|pues|entonces|venga|genial|bien|me parece bien|esta bien|mejor)(?: |$))*(?:(?:ponlo|ponla|ponlos|ponlas|ponelo|ponela|ponelos|ponelas|pongalo|pongala|pongalos|pongalas|ponle|ponele|pongale|ponme|hazlo|hacelo|hagalo|hagale|cambialo|cambiala|cambialos|cambialas|cambiale|mete|metele|quiero|quiere|prefiero|lo quiere|la quiere|adelante|con|va con|vamos con|nos quedamos con|me quedo con|se queda con|esa|ese|esos|esas|eso|el|la|los|las|mismo|misma|mismos|mismas|entonces|asi|por favor|porfa|pues|ahi|tambien)(?: |$))*$"
OLD_NO = r"^(?:no|mejor no|nada|olvidalo|dejalo|dejala|dejalos|dejalas)(?: (?:no|mejor no|mejor|dejalo|dejala|dejalos|dejalas|asi|como esta|como estaba|como estan|esta bien|asi esta bien|queda asi|que quede asi|gracias|entonces|pues|nada|olvidalo|con el que|con lo que|hay))*$"
diff=0
with psycopg.connect(u, autocommit=True) as c:
    for t in texts:
        old = c.execute("""SELECT estimate_plain(%(t)s) ~ %(u)s, ('(^| )' || %(c)s || '( |$)') ~ '' AND estimate_plain(%(t)s) ~ ('(^| )' || %(c)s || '( |$)'),
                                  (estimate_plain(%(t)s) ~ %(y)s AND estimate_plain(%(t)s) <> '' AND estimate_plain(%(t)s) !~ '^(?:bueno|ya|pues|entonces|bien)$'),
                                  estimate_plain(%(t)s) ~ %(n)s""", dict(t=t,u=OLD_UNDO,c=OLD_COST,y=OLD_YES,n=OLD_NO)).fetchone()
        new = c.execute("""SELECT estimate_undo_said(%(t)s), estimate_plain(%(t)s) ~ ('(^| )(?:cuanto|cuanta|que precio)(?: (?:me|nos|le|te|les|lo|la))? (?:' || estimate_phrase_re('price_cost') || ')( |$)'),
                                  estimate_offer_taken(%(t)s), estimate_offer_declined(%(t)s)""", dict(t=t)).fetchone()
        if tuple(old)!=tuple(new):
            diff+=1; print('DIFF', t, old, new)
print(len(texts),'texts; differences:',diff)
