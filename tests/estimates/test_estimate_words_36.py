"""Issue 18's reading faults that tuning set 30 probes (helper `est36`, stop 36; bench/estimates/SAID-36.md), in
wordings of our own: (k1) amounts in words ("metro y medio", "medio metro", "dos metros y medio", "media docena")
and a length said in place of a line's length, with "de media" still a size; (k4) the same job in several flats or
rooms with one or two different, in the first request and in a revision, and an exception the words do not settle
never guessed; (k5) "sí, ponlo" right after a price asked makes that change, "no, déjalo así" keeps the draft.
Every total is the catalogue's prices times the quantities, from Postgres (tests/estimates/helpers.py).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import (CONVERSATION, SERVICE_CODES, assert_lines, codes, draft, estimate, match,
                                     revised, say)


def _materials(conn: psycopg.Connection, number: str) -> dict[str, Decimal]:
    """The draft's priced lines but labour and the call-out, after checking every total against the catalogue."""
    got = codes(conn, number)
    assert_lines(conn, number, [(c, str(q), t) for c, q, t in got])
    return {c: q for c, q, t in got if c and not t and c not in SERVICE_CODES}


def _read(conn: psycopg.Connection, words: str) -> dict[str, Decimal]:
    """What the first request prices (labour and call-out aside), as {code: quantity}."""
    return {x["item"]: Decimal(str(x["quantity"])) for x in match(conn, words)["items"]
            if "item" in x and x["item"] not in SERVICE_CODES
            and conn.execute("SELECT 1 FROM price_catalog WHERE code = %s", (x["item"],)).fetchone()}


def _kind(conn: psycopg.Connection, words: str) -> str | None:
    return conn.execute("SELECT estimate_change_kind(%s, %s)", (CONVERSATION, words)).fetchone()[0]


# --- (k1) amounts in words -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "code", "quantity"), [
    ("metro y medio de tubo de cobre de 18", "tubo-cobre-18mm", "1.5"),
    ("necesito un metro y medio de tubo multicapa de 26", "tubo-multicapa-26mm", "1.5"),
    ("medio metro de tubo pex de 20", "tubo-pex-20mm", "0.5"),
    ("dos metros y medio de tubo de ppr de 32", "tubo-ppr-32mm", "2.5"),
    ("4 metros y medio de tubo de pvc de 110", "tubo-pvc-110mm", "4.5"),
    ("media docena de codos de cobre de 15", "codo-cobre-15mm", "6"),
    ("una docena de manguitos de cobre de 22", "manguito-cobre-22mm", "12"),
])
def test_an_amount_said_in_words_is_the_quantity(conn: psycopg.Connection, words: str, code: str,
                                                 quantity: str) -> None:
    # (main: one metre, one elbow)
    number = draft(conn, "presupuesto: " + words)
    assert _materials(conn, number) == {code: Decimal(quantity)}


def test_media_and_tres_cuartos_after_de_stay_sizes(conn: psycopg.Connection) -> None:
    # a guard: "de media" is 1/2", "de tres cuartos" 3/4" — never half a valve
    assert _read(conn, "un par de llaves de paso de media y medio metro de tubo de cobre de 15") == {
        "llave-paso-1-2": Decimal(2), "tubo-cobre-15mm": Decimal("0.5")}
    assert _read(conn, "una llave de paso de tres cuartos") == {"llave-paso-3-4": Decimal(1)}
    # a length after "de" is the thing's size, not an amount: no half hose
    assert all(q != Decimal("0.5") for q in _read(conn, "un latiguillo de medio metro").values())


def test_a_length_said_in_place_of_the_old_one_changes_that_line(conn: psycopg.Connection) -> None:
    # (main: "metro y medio en vez de cuatro metros" refused, the draft kept at 4 m)
    number = draft(conn, "4 metros de tubo de cobre de 22 y 3 codos de cobre de 22")
    revised(conn, "no, metro y medio en vez de cuatro metros")
    assert _materials(conn, number) == {"tubo-cobre-22mm": Decimal("1.5"), "codo-cobre-22mm": Decimal(3)}
    revised(conn, "en vez de 1,5 metros pon 2")
    assert _materials(conn, number) == {"tubo-cobre-22mm": Decimal(2), "codo-cobre-22mm": Decimal(3)}


def test_an_amount_in_words_in_a_revision(conn: psycopg.Connection) -> None:
    number = draft(conn, "6 metros de tubo multicapa de 20")
    revised(conn, "son tres metros y medio nada más")
    assert _materials(conn, number) == {"tubo-multicapa-20mm": Decimal("3.5")}
    number = draft(conn, "un codo de cobre de 28")
    revised(conn, "mejor que sean media docena")
    assert _materials(conn, number) == {"codo-cobre-28mm": Decimal(6)}


# --- (k4) batches ----------------------------------------------------------------------------------------------------

def test_the_same_job_in_several_flats_is_that_many(conn: psycopg.Connection) -> None:
    # (main: one of each)
    number = draft(conn, "presupuesto para poner una válvula antirretorno de 3/4 en los seis locales")
    assert _materials(conn, number) == {"valvula-antirretorno-3-4": Decimal(6)}
    number = draft(conn, "cambiar el monomando del lavabo para los 3 apartamentos")
    assert _materials(conn, number) == {"monomando-lavabo": Decimal(3)}


@pytest.mark.parametrize(("words", "want"), [
    ("grifo de lavadora en los 7 pisos, menos en dos", {"grifo-lavadora": 5}),
    ("grifo de lavadora en los 7 pisos, menos en uno que ya está cambiado", {"grifo-lavadora": 6}),
    ("llave de paso de 1/2 para los 3 baños, en uno van dos", {"llave-paso-1-2": 4}),
    ("monomando de lavabo y sifón de lavabo en los 4 baños, pero en el de visitas sin sifón",
     {"monomando-lavabo": 4, "sifon-lavabo": 3}),
    ("monomando de lavabo para los dos baños y en uno también un monomando de ducha",
     {"monomando-lavabo": 2, "monomando-ducha": 1}),
])
def test_one_or_two_different_in_the_batch(conn: psycopg.Connection, words: str, want: dict[str, int]) -> None:
    number = draft(conn, "presupuesto de " + words)
    assert _materials(conn, number) == {k: Decimal(v) for k, v in want.items()}


def test_an_exception_the_words_do_not_settle_is_not_guessed(conn: psycopg.Connection) -> None:
    # a guard: "uno de ellos de 100" (another size in one of them) is not read here: the count is not guessed as
    # four of 50 l
    got = _read(conn, "termo eléctrico de 50 litros para los 4 apartamentos, uno de ellos de 100")
    assert got.get("calentador-electrico-50l") != Decimal(4)
    # "en los pisos" with no number is no batch
    assert _read(conn, "cambiar el grifo de lavadora de los pisos") == {"grifo-lavadora": Decimal(1)}


def test_what_serves_the_rooms_is_one(conn: psycopg.Connection) -> None:
    # guards: without the article the number says what the thing is for ("bomba presurizadora para 2 baños": one
    # pump, tuning set 8's ev15); rooms of one home share its equipment (a pump, a heater), flats each have theirs
    assert _read(conn, "bomba presurizadora para 2 baños y 2 latiguillos de 40") == {
        "bomba-presurizadora": Decimal(1), "latiguillo-40cm": Decimal(2)}
    assert _read(conn, "una bomba presurizadora para los 3 baños") == {"bomba-presurizadora": Decimal(1)}
    assert _read(conn, "termo eléctrico de 80 litros para los 3 departamentos") == {
        "calentador-electrico-80l": Decimal(3)}


def test_a_revision_changes_one_or_some_of_the_batch(conn: psycopg.Connection) -> None:
    # (main: "en el quinto no" refused; "en el segundo que sea de 100" refused)
    number = draft(conn, "termo eléctrico de 80 litros para los 5 apartamentos")
    assert _materials(conn, number) == {"calentador-electrico-80l": Decimal(5)}
    assert _kind(conn, "en el quinto no, que ya lo cambiaron") is not None
    revised(conn, "en el quinto no, que ya lo cambiaron")
    assert _materials(conn, number) == {"calentador-electrico-80l": Decimal(4)}
    revised(conn, "en el segundo que sea de 100")
    assert _materials(conn, number) == {"calentador-electrico-80l": Decimal(3), "calentador-electrico-100l": Decimal(1)}


def test_a_revision_adds_to_one_of_the_batch(conn: psycopg.Connection) -> None:
    number = draft(conn, "latiguillo de 40 cm para el fregadero de los 6 departamentos")
    assert _materials(conn, number) == {"latiguillo-40cm": Decimal(6)}
    revised(conn, "en el tercero son tres latiguillos")
    assert _materials(conn, number) == {"latiguillo-40cm": Decimal(8)}


# --- (k5) a price asked, then yes or no ------------------------------------------------------------------------------

@pytest.mark.parametrize("yes", ["sí, ponlo", "vale, ese", "dale, ese mismo", "ok, hazlo", "listo, esa"])
def test_yes_after_a_price_asked_makes_that_change(conn: psycopg.Connection, yes: str) -> None:
    # (main: "sí, ponlo" remembers nothing: refused, the draft kept at 80 l)
    number = draft(conn, "termo eléctrico de 80 litros y la retirada del viejo")
    assert say(conn, "¿y cuánto sería con el de 100?")["action"] == "unchanged"
    assert _kind(conn, yes) == "price"
    revised(conn, yes)
    assert _materials(conn, number) == {"calentador-electrico-100l": Decimal(1), "retirada-calentador": Decimal(1)}


def test_no_after_a_price_asked_keeps_the_draft(conn: psycopg.Connection) -> None:
    number = draft(conn, "calentador de gas estanco de 11 litros")
    revision = estimate(conn, number)["revision"]
    assert say(conn, "¿cuánto saldría con el de 14?")["action"] == "unchanged"
    answer = say(conn, "no, déjalo así")
    assert answer["action"] == "unchanged" and "se queda como está" in answer["reply_text"], answer
    assert estimate(conn, number)["revision"] == revision
    assert _materials(conn, number) == {"calentador-gas-11l": Decimal(1)}


def test_yes_only_right_after_the_price(conn: psycopg.Connection) -> None:
    # a guard: another message between the price and the "sí" clears it; the "sí" then makes nothing
    number = draft(conn, "4 latiguillos de 30")
    assert say(conn, "¿cuánto sería si son de 40?")["action"] == "unchanged"
    revised(conn, "ponle también un sifón de lavabo")
    answer = say(conn, "sí, ponlo")
    assert answer.get("action") != "revised", answer
    assert _materials(conn, number) == {"latiguillo-30cm": Decimal(4), "sifon-lavabo": Decimal(1)}
