"""The SQL files' cost (bench/SPEED-34.md): every file of SCHEMA_FILES applied ROUNDS times on a scratch cluster
(the first start, then every later one), timed per file (--stmts: per statement, with the statements of a later
round that wrote the estimate_settings row); after each round an md5 of every row of the tables the chat and the
estimates read (to compare two checkouts: the "content" lines must be equal); then single staff writes, each in its
own transaction rolled back, WRITES times (median, min, max).

    PYTHONPATH=. .venv/bin/python bench/sql_start.py [--stmts] [--writes N] [--rounds R]
    # another checkout's files: git archive REV devstack n8n-workflows | tar -x -C DIR, then from DIR:
    PYTHONPATH=DIR <this checkout>/.venv/bin/python <this checkout>/bench/sql_start.py
"""
import re, sys, time
from pathlib import Path
import psycopg
from devstack.postgres import SCHEMA_FILES, provision_databases, load_page_templates, PAGE_TEMPLATES
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # devstack is imported: that checkout's; tests: this one's
from tests.support.scratch_postgres import private_cluster

def statements(text):
    out, i, start, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("--", i):
            j = text.find("\n", i); i = n if j < 0 else j + 1; continue
        if c == "'":
            j = i + 1
            while True:
                j = text.find("'", j)
                if j < 0: j = n; break
                if text.startswith("''", j): j += 2; continue
                break
            i = j + 1; continue
        if c == "$":
            m = re.match(r"\$[A-Za-z_]*\$", text[i:])
            if m:
                tag = m.group(0); j = text.find(tag, i + len(tag)); i = j + len(tag); continue
        if c == ";":
            out.append(text[start:i + 1]); start = i + 1
        i += 1
    if text[start:].strip(): out.append(text[start:])
    return [s for s in out if re.sub(r"--.*", "", s).strip()]

def main() -> None:
    args = sys.argv[1:]
    per_stmt = "--stmts" in args
    writes = int(args[args.index("--writes") + 1]) if "--writes" in args else 3
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 2
    t = time.monotonic
    with private_cluster("remedios-speed34-") as (pg, pw):   # stopped on every way out, Ctrl-C and kill too
        app, _ = provision_databases(pg.admin, pw)
        for rnd in range(1, rounds + 1):
            total, slow, wrote = 0.0, [], []
            with psycopg.connect(app.url, autocommit=True) as c:
                def xm():
                    try:
                        return c.execute("SELECT xmin::text FROM estimate_settings WHERE id").fetchone()
                    except psycopg.Error:
                        return None
                for p in SCHEMA_FILES:
                    name = f"{p.parent.name}/{p.name}"
                    a = t()
                    if per_stmt:
                        for s in statements(p.read_text()):
                            before = xm() if rnd > 1 else None
                            b = t(); c.execute(s); d = t() - b
                            slow.append((d, name, " ".join(s.split())[:120]))
                            if rnd > 1 and xm() != before:
                                wrote.append((name, " ".join(s.split())[:160]))
                    else:
                        c.execute(p.read_text())
                    d = t() - a; total += d
                    print(f"  round {rnd} {d:7.2f} s {name}", flush=True)
            a = t(); load_page_templates(app, PAGE_TEMPLATES); total += t() - a
            print(f"round {rnd}: {total:.1f} s", flush=True)
            with psycopg.connect(app.url) as c:
                tables = ["kb_synonyms", "kb_articles", "kb_examples", "kb_terms", "kb_lexicon", "kb_exclusions", "kb_settings",
                          "price_catalog", "estimate_jobs", "estimate_phrase_cache", "estimate_kind_phrase_cache",
                          "estimate_row_kind_cache", "estimate_item_words_cache", "estimate_size_cache",
                          "estimate_word_list_cache", "estimate_said_kind_cache", "estimate_said_row_cache"]
                sums = {}
                for tb in tables:
                    sums[tb] = c.execute(f"SELECT count(*) || ' ' || coalesce(md5(string_agg(x, chr(30) ORDER BY x)), '') FROM "
                                         f"(SELECT (to_jsonb(r) - 'updated_at' - 'id' - 'built_at' - 'folded' - 'created_at')::text AS x FROM {tb} r) q").fetchone()[0]
                sums["estimate_settings"] = c.execute("SELECT md5((to_jsonb(s) - 'updated_at')::text) FROM estimate_settings s").fetchone()[0]
                for k, v in sums.items():
                    print(f"   content {rnd} {k}: {v}")
            for d, name, s in sorted(slow, reverse=True)[:12]:
                print(f"     {d:6.2f} {name}: {s}")
            for name, s in wrote:
                print(f"   wrote estimate_settings: {name}: {s}")
        cases = [
            ("kb_synonyms INSERT", "INSERT INTO kb_synonyms (term, canonical) VALUES ('zzprueba', 'grifo')"),
            ("kb_synonyms INSERT (canonical no kind's word)", "INSERT INTO kb_synonyms (term, canonical) VALUES ('zzprueba', 'termostatico')"),
            ("kb_synonyms INSERT (canonical a kind's word: gas)", "INSERT INTO kb_synonyms (term, canonical) VALUES ('zzprueba', 'gas')"),
            ("kb_synonyms UPDATE", "UPDATE kb_synonyms SET note = note || ' x' WHERE id = (SELECT min(id) FROM kb_synonyms)"),
            ("kb_synonyms DELETE", "DELETE FROM kb_synonyms WHERE id = (SELECT min(id) FROM kb_synonyms)"),
            ("price_catalog UPDATE price", "UPDATE price_catalog SET unit_price = unit_price + 1 WHERE code = (SELECT min(code) FROM price_catalog)"),
            ("price_catalog UPDATE name", "UPDATE price_catalog SET name = name || ' x' WHERE code = (SELECT min(code) FROM price_catalog)"),
        ]
        with psycopg.connect(app.url) as c:
            for label, q in cases:
                ds = []
                for _ in range(writes):
                    a = t(); c.execute(q); ds.append(t() - a); c.rollback()
                ds.sort()
                print(f"write {label}: median {ds[len(ds)//2]:.3f} s (min {ds[0]:.3f}, max {ds[-1]:.3f}, n={len(ds)})", flush=True)


if __name__ == "__main__":
    main()
