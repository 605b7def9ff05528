"""Fingerprints of the kinds the catalogue rows say (estimate_row_kinds) and of estimate_kinds_said on every row's
words, on a private embedded Postgres built from the SQL files of --workflows-root (default: this checkout's).
Printed: an md5 over all rows (and over estimate_word_list of every settings column, both folds), as
shipped, after a staff edit of estimate_settings.kind_words and use_words, after a staff edit
of a synonym (kb_synonyms), after a catalogue rename and a new row. Run it on two checkouts (e.g. `git archive
main n8n-workflows` unpacked) and compare the lines: the kind cache (match.sql) must not change one of them.

    .venv/bin/python bench/estimates/kind_cache_identity.py [--workflows-root <checkout>/n8n-workflows]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402

ROWS = """
    SELECT count(*) AS n,
           md5(string_agg(c.code || '=' || coalesce(estimate_row_kinds(c.code, s.kind_words)::text, 'NULL'), '|' ORDER BY c.code)) AS row_kinds,
           md5(string_agg(c.code || '=' || estimate_kinds_said(estimate_words(c.name || ' ' || c.aliases), s.kind_words)::text, '|' ORDER BY c.code)) AS said,
           md5(string_agg(c.code || '=' || coalesce(estimate_row_kinds(c.code, 'cobre / pvc; gas / electrico')::text, 'NULL'), '|' ORDER BY c.code)) AS other_groups,
           count(*) FILTER (WHERE cardinality(estimate_row_kinds(c.code, s.kind_words)) > 0) AS with_kinds,
           md5(string_agg(c.code || '=' || coalesce(estimate_item_words(c)::text, 'NULL'), '|' ORDER BY c.code)) AS item_words,
           md5(string_agg(c.code || '=' || coalesce(estimate_size_unit(estimate_row_size(c.name)), 'NULL') || '/'
                          || coalesce(estimate_size_unit(estimate_row_size(c.aliases)), 'NULL'), '|' ORDER BY c.code)) AS size_units
    FROM price_catalog c, estimate_settings s WHERE s.id
"""


LISTS = """
    SELECT md5(string_agg(v.key || '/' || f.fold || '=' || estimate_word_list(v.value, f.fold)::text, '|' ORDER BY v.key, f.fold))
    FROM estimate_settings s, jsonb_each_text(to_jsonb(s)) AS v(key, value), (VALUES ('words'), ('plain')) AS f(fold)
    WHERE s.id AND v.key NOT IN ('updated_at')
"""


def fingerprint(conn: psycopg.Connection) -> dict:
    row = conn.execute(ROWS).fetchone()
    return {"rows": row[0], "row_kinds_md5": row[1], "said_md5": row[2], "other_groups_md5": row[3], "rows_with_kinds": row[4], "item_words_md5": row[5], "size_units_md5": row[6],
            "settings_word_lists_md5": conn.execute(LISTS).fetchone()[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workflows-root", type=Path, default=WORKFLOWS_ROOT)
    args = parser.parse_args(argv)
    files = schema_files_under(args.workflows_root)
    with private_database_from(files) as url, psycopg.connect(url, autocommit=True) as conn:
        out = {"shipped": fingerprint(conn)}
        conn.execute("UPDATE estimate_settings SET kind_words = kind_words || '; roscado, rosca / soldar, soldadura' "
                     "WHERE id")
        conn.execute("UPDATE estimate_settings SET kind_words = replace(kind_words, 'cpvc', 'cpvc, clorado') WHERE id")
        out["kind_words_edit"] = fingerprint(conn)
        conn.execute("UPDATE estimate_settings SET use_words = use_words || ', sotano, azotea' WHERE id")
        out["use_words_edit"] = fingerprint(conn)
        conn.execute("INSERT INTO kb_synonyms (term, canonical) VALUES ('bronce', 'laton') ON CONFLICT (term) DO "
                     "UPDATE SET canonical = EXCLUDED.canonical")
        out["synonym_edit"] = fingerprint(conn)
        code = conn.execute("SELECT code FROM price_catalog WHERE code LIKE 'codo-laton%' ORDER BY code LIMIT 1").fetchone()[0]
        conn.execute("UPDATE price_catalog SET name = name || ' roscado' WHERE code = %s", (code,))
        conn.execute("UPDATE price_catalog SET aliases = aliases || ', codito de bronce' WHERE code = %s", (code,))
        conn.execute("INSERT INTO price_catalog (code, kind, name, unit, unit_price) "
                     "VALUES ('te-pex-kindcache', 'material', 'Te de PEX para soldar 16 mm', 'ud', 1.5)")
        conn.execute("UPDATE price_catalog SET name = replace(name, '3/4\"', '7 galones') WHERE code = %s", (code,))
        out["catalogue_edit"] = fingerprint(conn)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
