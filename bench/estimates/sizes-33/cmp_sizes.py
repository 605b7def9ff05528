import json, psycopg
url=open("/tmp/e33/dev.flag.url").read()
texts=json.load(open("/tmp/e33/texts.json"))
with psycopg.connect(url,autocommit=True) as conn:
    names=[r[0] for r in conn.execute("select name from price_catalog")]
    diff=0; n=0
    for t in texts+names:
        for variant in (t, ):
            a=conn.execute("select coalesce(json_agg(x),'[]') from estimate_sizes_in(estimate_words(%s)) x",(variant,)).fetchone()[0]
            b=conn.execute("select coalesce(json_agg(x),'[]') from estimate_sizes_in_main(estimate_words(%s)) x",(variant,)).fetchone()[0]
            n+=1
            if a!=b: diff+=1; print(variant, a, b)
    print("compared", n, "differ", diff)
