"""The staff README's SQL examples run as written, in order, and the estimate text it shows is what the
database produces."""

from __future__ import annotations

import re

import psycopg

from .conftest import ESTIMATES

README = (ESTIMATES / "README.md").read_text()


def test_every_sql_example_of_the_readme_runs_and_the_shown_text_is_exact(conn: psycopg.Connection) -> None:
    # Start from no estimates so that the first one is P-<year>-0001, as in the README.
    conn.execute("DELETE FROM estimates; DELETE FROM estimate_counters")
    year, created, valid = conn.execute(
        "SELECT extract(year FROM current_date)::int, to_char(current_date, 'DD/MM/YYYY'),"
        " to_char(current_date + 30, 'DD/MM/YYYY')"
    ).fetchone()
    staff_part, estimates_part = README.split("## Estimates (", 1)
    blocks = re.findall(r"```sql\n(.*?)```", staff_part, re.DOTALL)
    assert len(blocks) >= 5
    # catalogue and settings edits: they run, then are undone so the estimate below uses the example prices
    with conn.transaction(force_rollback=True):
        for block in blocks:
            conn.execute(block)
        assert conn.execute("SELECT count(*) FROM price_catalog WHERE code = 'bomba-achique'").fetchone()[0] == 1
    blocks = re.findall(r"```sql\n(.*?)```", estimates_part, re.DOTALL)
    assert len(blocks) >= 4
    for block in blocks:
        conn.execute(block.replace("P-2026-", f"P-{year}-"))
        if "estimate_create(NULL" in block:
            # the text shown in the README, right after the estimate was made with the example prices
            shown = re.search(r"The text of that estimate.*?```\n(.*?)```", README, re.DOTALL).group(1)
            shown = shown.replace("P-2026-", f"P-{year}-").replace("23/11/2026", created).replace("23/12/2026", valid)
            text = conn.execute("SELECT estimate_as_text(%s)", (f"P-{year}-0001",)).fetchone()[0]
            assert text + "\n" == shown
    status = conn.execute("SELECT status, decision_note FROM estimates WHERE number = %s", (f"P-{year}-0001",))
    assert status.fetchone() == ("accepted", "Aceptado por teléfono, señal por transferencia")
