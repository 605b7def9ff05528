"""The estimates' "said" cache after staff writes (stop 34, speed34): a statement that writes kb_synonyms no longer
folds every phrase and catalogue row again; when none of the synonyms it wrote can join a kind (its canonical folds
to no kind's word, or it is inactive, or its term is a list) the phrases and rows are kept under the new key
(estimate_said_cache_synonyms, match.sql). What the estimates read must be what a full rebuild gives: after every
write of a sequence, the cache is compared with the cache emptied and built again from nothing."""

from __future__ import annotations

import psycopg
import pytest

# What the cache holds for the current key (the kinds and phrases, the words folded, every row) and whether it
# holds anything else: the readers (estimate_said_kind_phrases, estimate_said_row_kinds) read by this key.
SNAPSHOT = """
SELECT estimate_said_kind_key(),
       (SELECT array_agg(key ORDER BY key) FROM estimate_said_kind_cache),
       (SELECT jsonb_build_object('kinds', kinds, 'phrases', phrases, 'folded', (SELECT array_agg(f ORDER BY f) FROM unnest(folded) f))
          FROM estimate_said_kind_cache WHERE key = estimate_said_kind_key()),
       (SELECT jsonb_agg(jsonb_build_array(code, name, key, kinds, aliases, alias_kinds) ORDER BY code)
          FROM estimate_said_row_cache)
"""

# estimate_said_kind_groups() as written before stop 34 (each canonical folded once for every kind): the fold-once
# version must give the same text.
GROUPS_AS_BEFORE = """
SELECT string_agg(g2, '; ' ORDER BY gn) FROM (
    SELECT g.n AS gn, string_agg(k.kind || coalesce((
               SELECT ', ' || string_agg(DISTINCT sy.term, ', ') FROM kb_synonyms sy
                WHERE sy.active AND sy.term !~ '[;/,]'
                  AND estimate_words(sy.canonical) IN (SELECT estimate_words(w) FROM regexp_split_to_table(k.kind, ',') w
                                                        WHERE btrim(w) <> '')), ''), ' / ' ORDER BY k.n) AS g2
    FROM estimate_settings s,
         regexp_split_to_table(coalesce(nullif(btrim(s.said_kind_words), ''), '-') || coalesce('; ' || nullif(btrim(s.kind_words), ''), '')
                               || coalesce('; ' || nullif(btrim(s.attribute_words), ''), ''), ';')
             WITH ORDINALITY AS g(grp, n),
         regexp_split_to_table(g.grp, '/') WITH ORDINALITY AS k(kind, n)
    WHERE s.id AND btrim(k.kind) <> ''
    GROUP BY g.n) x
"""


def _snapshot(conn: psycopg.Connection) -> tuple:
    return conn.execute(SNAPSHOT).fetchone()


def _rebuilt(conn: psycopg.Connection) -> tuple:
    """The cache emptied and built again from nothing (rolled back to a savepoint afterwards)."""
    with conn.transaction(force_rollback=True):
        conn.execute("DELETE FROM estimate_said_kind_cache")
        conn.execute("DELETE FROM estimate_said_row_cache")
        conn.execute("SELECT estimate_said_cache_refresh()")
        return _snapshot(conn)


def _kind_canonical(conn: psycopg.Connection) -> str:
    """A word of a kind (its canonical joins the kind): the first word of the shipped kind_words."""
    return conn.execute("SELECT btrim(split_part(split_part(kind_words, '/', 1), ',', 1)) FROM estimate_settings").fetchone()[0]


WRITES = [
    # a synonym no kind reaches (the kept path), then one a kind reaches (folded again)
    ("INSERT INTO kb_synonyms (term, canonical) VALUES ('zzprimera', 'zzcanonico')", ()),
    ("INSERT INTO kb_synonyms (term, canonical) VALUES ('zzsegunda', %(kind)s)", ()),
    # the reached one moved away from the kind, then back; a list term (never a kind's synonym)
    ("UPDATE kb_synonyms SET canonical = 'zzotro' WHERE term = 'zzsegunda'", ()),
    ("UPDATE kb_synonyms SET canonical = %(kind)s WHERE term = 'zzsegunda'", ()),
    ("INSERT INTO kb_synonyms (term, canonical) VALUES ('zz, lista', %(kind)s)", ()),
    # switched off and on, a note only, deleted
    ("UPDATE kb_synonyms SET active = false WHERE term = 'zzsegunda'", ()),
    ("UPDATE kb_synonyms SET active = true WHERE term = 'zzsegunda'", ()),
    ("UPDATE kb_synonyms SET note = note || ' (visto)' WHERE term = 'zzprimera'", ()),
    ("DELETE FROM kb_synonyms WHERE term = 'zzsegunda'", ()),
    # several rows in one statement, one of them reached; then only unreached ones
    ("INSERT INTO kb_synonyms (term, canonical) VALUES ('zztercera', 'zzcanonico'), ('zzcuarta', %(kind)s)", ()),
    ("INSERT INTO kb_synonyms (term, canonical) VALUES ('zzquinta', 'zzcanonico'), ('zzsexta', 'zzotro')", ()),
    # a seeded synonym a kind reaches switched off, a seeded one no kind reaches deleted
    ("UPDATE kb_synonyms SET active = false WHERE id = (SELECT min(sy.id) FROM kb_synonyms sy, estimate_said_kind_cache c"
     " WHERE c.key = estimate_said_kind_key() AND sy.active AND sy.term !~ '[;/,]'"
     " AND estimate_words(sy.canonical) = ANY (c.folded))", ()),
    ("DELETE FROM kb_synonyms WHERE id = (SELECT min(sy.id) FROM kb_synonyms sy, estimate_said_kind_cache c"
     " WHERE c.key = estimate_said_kind_key() AND sy.active"
     " AND NOT estimate_words(sy.canonical) = ANY (c.folded))", ()),
    # a staff edit of the kinds, then a synonym of the new kind (reached only now), and an upsert as the seeds write
    ("UPDATE estimate_settings SET kind_words = kind_words || '; zzuno / zzdos'", ()),
    ("INSERT INTO kb_synonyms (term, canonical) VALUES ('zzseptima', 'zzuno')", ()),
    ("INSERT INTO kb_synonyms (term, canonical) VALUES ('zzseptima', 'zzdos'), ('zzoctava', 'zzcanonico')"
     " ON CONFLICT (term) DO UPDATE SET canonical = EXCLUDED.canonical", ()),
    # the catalogue: a name and aliases changed
    ("UPDATE price_catalog SET name = name || ' zzuno', aliases = aliases || ', zzdos'"
     " WHERE code = (SELECT min(code) FROM price_catalog)", ()),
    ("DELETE FROM kb_synonyms WHERE term LIKE 'zz%%'", ()),
]


def test_after_every_write_the_cache_is_what_a_full_rebuild_gives(conn: psycopg.Connection) -> None:
    kind = _kind_canonical(conn)
    assert _snapshot(conn) == _rebuilt(conn)
    for statement, _ in WRITES:
        conn.execute(statement, {"kind": kind})
        now = _snapshot(conn)
        assert now[1] == [now[0]], statement                 # one key held: the current one
        assert now[2] is not None and now[3], statement
        assert now == _rebuilt(conn), statement


def test_a_synonym_no_kind_reaches_keeps_the_phrases_and_rows(conn: psycopg.Connection) -> None:
    before = _snapshot(conn)
    conn.execute("INSERT INTO kb_synonyms (term, canonical) VALUES ('zzprimera', 'zzcanonico')")
    after = _snapshot(conn)
    assert after[0] != before[0]                          # the key moved with the synonyms
    assert after[2] == before[2]                          # the same phrases
    assert before[3]
    assert [r[:2] + r[3:] for r in after[3]] == [r[:2] + r[3:] for r in before[3]]   # the same rows, new key


@pytest.mark.parametrize("write", [
    "SELECT 1",
    "INSERT INTO kb_synonyms (term, canonical) VALUES ('zzprimera', %(kind)s), ('zzsegunda', 'zzcanonico')",
    "UPDATE kb_synonyms SET active = false WHERE id IN (SELECT id FROM kb_synonyms ORDER BY id LIMIT 40)",
    "UPDATE estimate_settings SET said_kind_words = ''",
])
def test_the_groups_are_the_text_they_were_before_stop_34(conn: psycopg.Connection, write: str) -> None:
    conn.execute(write, {"kind": _kind_canonical(conn)})
    assert conn.execute("SELECT estimate_said_kind_groups()").fetchone()[0] == conn.execute(GROUPS_AS_BEFORE).fetchone()[0]
