import json, psycopg
url=open("/tmp/e33/dev.flag.url").read()
files={"1":"eval/estimates-independent.jsonl"}
for n in list(range(2,17))+[22,24]: files[str(n)]=f"eval/estimates-independent-{n}.jsonl"
q="""
WITH t AS (SELECT estimate_change_unfilled(estimate_change_body(estimate_plain(%s))) AS v),
     u AS (SELECT regexp_replace(v, '^(?:(?:el|la|los|las|uno|una|un|otro|otra|tipo) )+', '') AS v, v AS raw FROM t)
SELECT u.v, (u.raw !~ '[0-9?]' AND u.raw <> '' AND cardinality(string_to_array(u.raw, ' ')) <= 5
   AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(u.v, ' ')) w WHERE estimate_verb_of(w) IS NOT NULL OR estimate_number_word(w) IS NOT NULL
        OR w = ANY (estimate_change_words('add') || estimate_change_words('remove') || estimate_change_words('send') || estimate_change_words('set')))) AS pre,
  EXISTS (SELECT 1 FROM unnest(ARRAY(SELECT w FROM unnest(string_to_array(estimate_words(u.v), ' ')) w WHERE w <> '' AND w NOT IN ('para','pa','pal','con','de','del','tipo'))) w, estimate_settings st
                   WHERE st.id AND cardinality(estimate_kinds_said(w, st.attribute_words)) = 0
                     AND cardinality(estimate_kinds_said(w, st.said_kind_words)) = 0
                     AND cardinality(estimate_kinds_said(w, st.kind_words)) = 0
                     AND EXISTS (SELECT 1 FROM price_catalog p WHERE p.active AND p.kind = 'material'
                                   AND split_part(estimate_words(p.name), ' ', 1) = w)) AS thing
FROM u"""
with psycopg.connect(url, autocommit=True) as conn:
    for s,f in files.items():
        for l in open(f):
            c=json.loads(l)
            for i,t in enumerate(c["turns"]):
                if i==0: continue
                v,pre,thing=conn.execute(q,(t["text"],)).fetchone()
                if pre and thing: print(s, c["id"], repr(t["text"]), "->", v)
