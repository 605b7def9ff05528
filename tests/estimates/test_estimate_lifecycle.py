"""Status (draft -> sent -> accepted | rejected), the customer's decision, and the Spanish text sent to the
customer."""

from __future__ import annotations

import json
from decimal import Decimal
from decimal import Decimal as D

import psycopg
import pytest

from .helpers import create, estimate

JOB = [
    {"item": "calentador-electrico-150l", "quantity": 1},
    {"item": "tubo-cobre-22mm", "quantity": 3.5, "unit": "m"},
    {"labour_hours": 3},
    {"item": "desplazamiento", "quantity": 1},
    {"item": "tasa municipal", "quantity": 1},
    {"item": "válvula termostática Honeywell", "quantity": 2},
]


def test_mark_sent_then_accept(conn: psycopg.Connection) -> None:
    number = create(conn, JOB)
    sent = conn.execute("SELECT estimate_mark_sent(%s)", (number,)).fetchone()[0]
    assert sent["status"] == "sent" and sent["sent_at"] is not None
    conn.execute("SELECT estimate_mark_sent(%s)", (number,))  # sending again changes nothing
    decided = conn.execute(
        "SELECT estimate_decide(%s, 'accepted', 'Acepta por WhatsApp')", (number,)
    ).fetchone()[0]
    assert decided["status"] == "accepted"
    row = estimate(conn, number)
    assert row["decided_at"] is not None and row["decision_note"] == "Acepta por WhatsApp"
    assert row["sent_at"] is not None


@pytest.mark.parametrize(
    ("decision", "status"), [("rejected", "rejected"), ("Rechazado", "rejected"), (" aceptado ", "accepted")]
)
def test_decide_straight_from_draft(conn: psycopg.Connection, decision: str, status: str) -> None:
    number = create(conn, JOB)
    conn.execute("SELECT estimate_decide(%s, %s)", (number.lower(), decision))
    assert estimate(conn, number)["status"] == status


@pytest.mark.parametrize("first", ["accepted", "rejected"])
@pytest.mark.parametrize("second", ["accepted", "rejected", "sent"])
def test_a_decision_is_final(conn: psycopg.Connection, first: str, second: str) -> None:
    number = create(conn, JOB)
    conn.execute("SELECT estimate_decide(%s, %s)", (number, first))
    decided_at = estimate(conn, number)["decided_at"]
    with pytest.raises(psycopg.Error, match="ya está") as raised, conn.transaction():
        if second == "sent":
            conn.execute("SELECT estimate_mark_sent(%s)", (number,))
        else:
            conn.execute("SELECT estimate_decide(%s, %s)", (number, second))
    assert raised.value.sqlstate == "55000"
    row = estimate(conn, number)
    assert row["status"] == first and row["decided_at"] == decided_at


@pytest.mark.parametrize("decision", ["draft", "sent", "maybe", "", None])
def test_only_accepted_or_rejected_are_decisions(conn: psycopg.Connection, decision: str | None) -> None:
    number = create(conn, JOB)
    with pytest.raises(psycopg.Error, match="decisión no válida") as raised, conn.transaction():
        conn.execute("SELECT estimate_decide(%s, %s)", (number, decision))
    assert raised.value.sqlstate == "22023"
    assert estimate(conn, number)["status"] == "draft"


def test_unknown_numbers_are_reported(conn: psycopg.Connection) -> None:
    for query in (
        "SELECT estimate_decide('P-1999-0001', 'accepted')",
        "SELECT estimate_as_text('P-1999-0001')",
        "SELECT estimate_mark_sent('P-1999-0001')",
        "SELECT estimate_json('nada')",
    ):
        with pytest.raises(psycopg.Error, match="no existe el presupuesto") as raised, conn.transaction():
            conn.execute(query)
        assert raised.value.sqlstate == "P0002"


def test_an_expired_estimate_can_be_rejected_but_not_accepted(conn: psycopg.Connection) -> None:
    number = create(conn, JOB)
    conn.execute("UPDATE estimates SET valid_until = current_date - 1 WHERE number = %s", (number,))
    with pytest.raises(psycopg.Error, match="caducó") as raised, conn.transaction():
        conn.execute("SELECT estimate_decide(%s, 'accepted')", (number,))
    assert raised.value.sqlstate == "55000"
    conn.execute("SELECT estimate_decide(%s, 'rejected', 'caducado')", (number,))
    assert estimate(conn, number)["status"] == "rejected"


def test_the_status_column_refuses_other_values(conn: psycopg.Connection) -> None:
    number = create(conn, JOB)
    with pytest.raises(psycopg.errors.CheckViolation), conn.transaction():
        conn.execute("UPDATE estimates SET status = 'paid' WHERE number = %s", (number,))


def test_the_text_has_every_figure_and_marks_the_lines_a_cotizar(conn: psycopg.Connection) -> None:
    # termo 369.00; cobre 22 mm 3.5 m × 15.60 = 54.60; oficial 3 h × 38.00 = 114.00; desplazamiento 30.00;
    # tasa 45.00 (no IVA). Materials 423.60, labour 114.00, other 75.00, subtotal 612.60, base 567.60,
    # IVA 119.196 -> 119.20, total 731.80, señal 219.54.
    number = create(conn, JOB, notes="Acceso por el patio")
    row = estimate(conn, number)
    assert (row["subtotal"], row["taxable_base"], row["tax"], row["total"], row["deposit"]) == (
        D("612.60"),
        D("567.60"),
        D("119.20"),
        D("731.80"),
        D("219.54"),
    )
    text = conn.execute("SELECT estimate_as_text(%s)", (number,)).fetchone()[0]
    created, valid = conn.execute(
        "SELECT to_char(created_at, 'DD/MM/YYYY'), to_char(valid_until, 'DD/MM/YYYY') FROM estimates WHERE number = %s",
        (number,),
    ).fetchone()
    for expected in [
        f"PRESUPUESTO {number} — Remedios Fontanería",
        f"Fecha: {created} · Válido hasta el {valid} · Estado: borrador",
        "Materiales:",
        "• Termo eléctrico 150 l: 1 ud × 369,00 € = 369,00 €",
        "• Tubo de cobre 22 mm: 3,5 m × 15,60 € = 54,60 €",
        "Mano de obra:",
        "• Mano de obra oficial fontanero: 3 h × 38,00 € = 114,00 €",
        "• Desplazamiento: 1 ud × 30,00 € = 30,00 €",
        "• Tasa municipal de obra menor (suplido, sin IVA): 1 ud × 45,00 € = 45,00 € (sin IVA)",
        "A COTIZAR (sin precio, no incluido en el total; se confirmará aparte):",
        "• válvula termostática Honeywell: 2 ud — a cotizar",
        "Subtotal materiales: 423,60 €",
        "Subtotal mano de obra: 114,00 €",
        "Subtotal desplazamiento, retirada y tasas: 75,00 €",
        "Base imponible: 567,60 €",
        "IVA (21 %): 119,20 €",
        "TOTAL: 731,80 € (más las partidas a cotizar)",
        "Señal al aceptar (30 %): 219,54 €",
        "Notas: Acceso por el patio",
    ]:
        assert expected in text.splitlines(), (expected, text)
    # The unpriced line appears only in its own section, never with a price.
    (cotizar_line,) = [line for line in text.splitlines() if "Honeywell" in line]
    assert "€" not in cotizar_line


def test_the_text_formats_thousands_and_other_rates(conn: psycopg.Connection) -> None:
    conn.execute(
        "UPDATE estimate_settings SET tax_rate = 0.105, deposit_rate = 0, business_name = 'Fontanería Pérez'"
    )
    number = create(conn, [{"item": "calentador-gas-14l", "quantity": 3}])  # 1275.00; IVA 133.875 -> 133.88
    text = conn.execute("SELECT estimate_as_text(%s)", (number,)).fetchone()[0]
    assert "• Calentador de gas estanco 14 l/min: 3 ud × 425,00 € = 1.275,00 €" in text
    assert "IVA (10,5 %): 133,88 €" in text and "TOTAL: 1.408,88 €" in text
    assert "Fontanería Pérez" in text and "Señal" not in text and "a cotizar)" not in text


def test_estimate_create_returns_the_stored_estimate_with_lines_and_text(conn: psycopg.Connection) -> None:
    result = conn.execute(
        "SELECT estimate_create('web:test', %s::jsonb)::text",
        ('[{"item": "desplazamiento", "quantity": 1}]',),
    ).fetchone()[0]
    data = json.loads(result, parse_float=Decimal)
    assert data["status"] == "draft" and data["total"] == Decimal("36.30")
    assert data["lines"][0]["catalog_code"] == "desplazamiento" and data["lines"][0]["line_total"] == Decimal(
        "30.00"
    )
    assert data["text"] == conn.execute("SELECT estimate_as_text(%s)", (data["number"],)).fetchone()[0]
    assert conn.execute("SELECT estimate_json(%s)::text", (data["number"],)).fetchone()[0] == result


def test_the_card_has_what_the_chat_shows_and_the_customer_link(conn: psycopg.Connection) -> None:
    number = create(conn, JOB)
    row = estimate(conn, number)
    card = conn.execute("SELECT estimate_card(%s, 'https://remedios.example.com/')", (number,)).fetchone()[0]
    assert card["number"] == number and card["status"] == "draft"
    assert card["url"] == f"https://remedios.example.com/presupuestos/{number}?t={row['access_token']}"
    assert len(row["access_token"]) == 32 and "access_token" not in card
    assert Decimal(str(card["total"])) == row["total"] and card["to_quote_count"] == row["to_quote_count"] == 1
    assert [line["position"] for line in card["lines"]] == [1, 2, 3, 4, 5, 6]
    unknown = card["lines"][5]
    assert unknown["to_quote"] is True and unknown["unit_price"] is None and unknown["line_total"] is None
    other = create(conn, JOB)
    assert estimate(conn, other)["access_token"] != row["access_token"]  # one secret per estimate
