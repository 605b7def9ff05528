"""An estimate over several turns, through the real stack: the plumber's next messages in the conversation
complete, add, remove, change and send the open estimate (chat-answer routes them with estimate_change_kind,
estimate.json answers with estimate_converse); each change is a new revision of the same number, the customer's
page shows the latest, earlier revisions are kept, and once the customer has decided nothing changes.

Real n8n, Postgres and gateway (the session's stubbed stack, tests/integration/stubbed_stack.py, shared with
test_estimates.py). No message here needs the AI model: the words and the catalogue settle everything.
"""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from tests.support.estimate_stack import (  # noqa: F401  (fixtures over the session's stubbed stack)
    EstimateStack, customer_page, estimates_stack, euros, head, lines_of, marker, oracle, say, stack,
)
from tests.support.llm_stub import text_reply

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]


def test_complete_add_remove_change_and_send_make_revisions_of_one_number_and_the_page_shows_the_latest(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    labour = es.db("SELECT labour_code FROM estimate_settings")[0][0]
    conversation_id, message_id, _ = es.post_message("Presupuesto para cambiar 3 metros de tubería de cobre")
    first = es.answer(message_id)
    number = first["metadata"]["estimate"]["number"]
    assert lines_of(es, number) == [("tubería de cobre", Decimal(3), True), (labour, Decimal("1.5"), False),
                                    ("desplazamiento", Decimal(1), False)]
    assert head(es, number)[:2] == (1, "draft")

    # "de 22" answers the line a cotizar: the same number, revision 2, the pipe priced.
    second = say(es, conversation_id, "de 22")
    assert second["status"] == "ok"
    assert second["text"].startswith(f"Presupuesto {number} actualizado (revisión 2). Cambios:\n"
                                     "• Completado: tubería de cobre → Tubo de cobre 22 mm")
    card = second["metadata"]["estimate"]
    assert card["number"] == number and card["revision"] == 2
    assert card["changes"][0] == "Completado: tubería de cobre → Tubo de cobre 22 mm"
    assert lines_of(es, number)[0] == ("tubo-cobre-22mm", Decimal(3), False)
    assert es.db("SELECT count(*) FROM estimates WHERE conversation_id = %s", conversation_id) == [(1,)]

    assert say(es, conversation_id, "añade dos codos de 22")["metadata"]["estimate"]["revision"] == 3
    hours = say(es, conversation_id, "y 2 horas más")
    assert "Mano de obra: 1,5 h → 3,5 h" in hours["metadata"]["estimate"]["changes"]
    removed = say(es, conversation_id, "quita el desplazamiento")
    assert removed["metadata"]["estimate"]["changes"][0] == "Quitado: Desplazamiento: 1 ud"
    changed = say(es, conversation_id, "no, son 5 metros")
    assert changed["metadata"]["estimate"]["changes"][0] == "Tubo de cobre 22 mm: 3 → 5 m"

    expected_lines = [("tubo-cobre-22mm", Decimal(5)), (labour, Decimal("3.5")), ("codo-cobre-22mm", Decimal(2))]
    assert lines_of(es, number) == [(code, quantity, False) for code, quantity in expected_lines]
    expected = oracle(es, expected_lines)
    revision, status, total, token = head(es, number)
    assert (revision, status, total) == (6, "draft", expected["total"])
    assert Decimal(str(changed["metadata"]["estimate"]["total"])) == expected["total"]
    # Every revision is kept with the items and the words that made it; the first still has its line a cotizar.
    kept = es.db("SELECT r.revision, r.words, (r.snapshot ->> 'to_quote_count')::int, (r.snapshot ->> 'total')::numeric "
                 "FROM estimate_revisions r JOIN estimates e ON e.id = r.estimate_id WHERE e.number = %s "
                 "ORDER BY r.revision", number)
    assert [(r[0], r[1]) for r in kept] == [(1, None), (2, "de 22"), (3, "añade dos codos de 22"),
                                            (4, "y 2 horas más"), (5, "quita el desplazamiento"),
                                            (6, "no, son 5 metros")]
    assert kept[0][2] == 1 and kept[-1][3] == expected["total"]
    assert es.db("SELECT jsonb_array_length(inputs) FROM estimates WHERE number = %s", number) == [(3,)]

    # The customer's link shows the latest revision.
    page = customer_page(es, number, token)
    assert page.status_code == 200
    assert euros(expected["total"]) in page.text and "Tubo de cobre 22 mm" in page.text
    assert "Desplazamiento" not in page.text and "tubería de cobre" not in page.text
    assert '<dt>Revisión</dt><dd id="revision">6</dd>' in page.text

    # "envíalo": sent, with the customer's link; no new revision.
    sent = say(es, conversation_id, "envíalo")
    assert sent["text"].startswith(f"Hecho: el presupuesto {number} (revisión 6, total {euros(expected['total'])})")
    assert f"/presupuestos/{number}?t={token}" in sent["text"]
    assert head(es, number)[:2] == (6, "sent")


def test_once_the_customer_has_decided_the_estimate_never_changes_and_a_new_one_is_offered(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    conversation_id, message_id, _ = es.post_message("Presupuesto para cambiar el sifón del lavabo")
    number = es.answer(message_id)["metadata"]["estimate"]["number"]
    before = lines_of(es, number)
    say(es, conversation_id, "envíalo")
    _, _, total, token = head(es, number)
    decided = httpx.post(f"{es.stack.config.gateway_url}/presupuestos/{number}",
                         data={"t": token, "revision": "1", "decision": "accepted"}, timeout=30)   # the page's form
    assert decided.status_code < 400
    assert head(es, number)[1] == "accepted"

    locked = say(es, conversation_id, "añade un latiguillo de 30")
    assert locked["text"].startswith(f"El presupuesto {number} ya está aceptado por el cliente, así que no lo cambio")
    assert "presupuesto nuevo" in locked["text"]
    assert head(es, number)[:3] == (1, "accepted", total) and lines_of(es, number) == before
    assert es.db("SELECT count(*) FROM estimate_revisions r JOIN estimates e ON e.id = r.estimate_id "
                 "WHERE e.number = %s", number) == [(1,)]
    # A new request in the same conversation is a new estimate, with its own number.
    _, new_message, _ = es.post_message("Presupuesto para cambiar el sifón del fregadero", conversation_id=conversation_id)
    new_number = es.answer(new_message)["metadata"]["estimate"]["number"]
    assert new_number != number and head(es, number)[:2] == (1, "accepted")


def test_what_the_words_do_not_settle_is_asked_back_and_nothing_changes(estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    conversation_id, message_id, _ = es.post_message("Presupuesto para cambiar 3 metros de tubería de cobre")
    number = es.answer(message_id)["metadata"]["estimate"]["number"]
    before = (lines_of(es, number), head(es, number))

    for text, start in [("de 25", "Con «de 25» no puedo completar ninguna partida a cotizar"),
                        ("quita la retirada", "No encuentro «la retirada» en el presupuesto"),
                        ("añade dos cosas", "No he entendido qué añadir")]:
        asked = say(es, conversation_id, text)
        assert asked["text"].startswith(start), asked["text"]
        assert "estimate" not in asked["metadata"]
        assert (lines_of(es, number), head(es, number)) == before, text
    assert "Tubo de cobre 15 mm" in say(es, conversation_id, "de 25 mm")["text"], "the choices are listed"


def test_a_question_while_an_estimate_is_open_still_gets_the_normal_answer(estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    conversation_id, message_id, _ = es.post_message("Presupuesto para cambiar el sifón del lavabo")
    number = es.answer(message_id)["metadata"]["estimate"]["number"]
    word = marker()
    es.llm.script(word, text_reply("Cierre la llave de paso y cambie la montura."))
    answer = say(es, conversation_id, f"Tengo una fuga en el grifo monomando del lavabo, ¿cómo la reparo? {word}")
    assert answer["text"].startswith("Cierre la llave de paso y cambie la montura.")
    assert "estimate" not in answer["metadata"] and head(es, number)[0] == 1


def test_a_plumbers_own_wording_removes_and_changes_lines_of_the_same_estimate(estimates_stack: EstimateStack) -> None:
    """Set 4's el21 as a plumber writes it (issue 18, branch esrules3): the removal asked with a reason after it,
    and a quantity with the old number after the new one, each a revision of the same number; the pipe the
    catalogue lacks stays a line a cotizar in his words, and the total is the priced lines' to the cent."""
    es = estimates_stack
    labour = es.db("SELECT labour_code FROM estimate_settings")[0][0]
    conversation_id, message_id, _ = es.post_message(
        "presupuesto cambio de calefon 14 lts tiro natural, retiro del viejo, 2 flexibles de 30 y 3 mts caño epoxi "
        "3/4 para gas")
    number = es.answer(message_id)["metadata"]["estimate"]["number"]
    first = lines_of(es, number)
    assert ("retirada-calentador", Decimal(1), False) in first
    assert ("caño epoxi 3/4 para gas", Decimal(3), True) in first

    removed = say(es, conversation_id, "sacale el retiro que lo hace el cliente")
    assert removed["metadata"]["estimate"]["changes"][0] == "Quitado: Retirada y gestión del termo o calentador viejo: 1 ud"
    changed = say(es, conversation_id, "son 5 mts de caño no 3")
    assert changed["metadata"]["estimate"]["changes"][0] == "caño epoxi 3/4 para gas: 3 → 5 m"
    assert changed["metadata"]["estimate"]["revision"] == 3

    final = lines_of(es, number)
    assert ("caño epoxi 3/4 para gas", Decimal(5), True) in final
    assert not any(code == "retirada-calentador" for code, _, _ in final)
    priced = [(code, quantity) for code, quantity, to_quote in final if not to_quote]
    assert ("latiguillo-30cm", Decimal(2)) in priced and any(code == labour for code, _ in priced)
    assert head(es, number)[:3] == (3, "draft", oracle(es, priced)["total"])
    assert es.db("SELECT count(*) FROM estimates WHERE conversation_id = %s", conversation_id) == [(1,)]
    assert say(es, conversation_id, "dale enviá")["text"].startswith(f"Hecho: el presupuesto {number} (revisión 3")


def test_each_revision_is_read_as_one_structured_change_and_nothing_is_guessed(estimates_stack: EstimateStack) -> None:
    """Branch esturns (issue 18): a bare "registro" (stop valve or drain chamber) stays a cotizar and is asked;
    "todo de 1/2" completes it; one line named with a size is resized; a line said with "no" and a reason is
    removed. Each is a revision of the same number, the total is the priced lines' to the cent."""
    es = estimates_stack
    conversation_id, message_id, _ = es.post_message(
        "presupuesto para cambiar un termo eléctrico de 50 litros, 6 metros de tubo de cobre de 15 y 1 registro")
    number = es.answer(message_id)["metadata"]["estimate"]["number"]
    first = lines_of(es, number)
    assert ("registro", Decimal(1), True) in first
    assert not any(str(code).startswith(("arqueta", "llave-paso")) for code, _, _ in first)

    completed = say(es, conversation_id, "todo de 1/2")
    assert completed["metadata"]["estimate"]["changes"][0] == 'Completado: registro → Llave de paso de esfera 1/2"'
    resized = say(es, conversation_id, "mejor que sea de 80 litros el termo")
    assert resized["metadata"]["estimate"]["changes"][0] == "Cambiado: Termo eléctrico 50 l → Termo eléctrico 80 l"
    removed = say(es, conversation_id, "el tubo no, ya lo tiene el cliente")
    assert removed["metadata"]["estimate"]["changes"][0] == "Quitado: Tubo de cobre 15 mm: 6 m"
    assert removed["metadata"]["estimate"]["revision"] == 4

    final = lines_of(es, number)
    assert ("calentador-electrico-80l", Decimal(1), False) in final and ("llave-paso-1-2", Decimal(1), False) in final
    assert not any(code == "tubo-cobre-15mm" for code, _, _ in final)
    priced = [(code, quantity) for code, quantity, to_quote in final if not to_quote]
    assert head(es, number)[:3] == (4, "draft", oracle(es, priced)["total"])
    assert es.db("SELECT count(*) FROM estimates WHERE conversation_id = %s", conversation_id) == [(1,)]


def test_one_more_is_asked_which_and_the_next_message_answers_it_and_a_material_swap_is_one_revision(
        estimates_stack: EstimateStack) -> None:
    """Branch esrules4 (issue 18, set 6's shapes in other words): "ponle una más" with two lines of materials is
    asked back and nothing changes; the next message ("de los codos") answers it, a revision of the same number;
    "lo de cobre cámbialo x multicapa de 16" changes every copper line; the total is the priced lines' to the cent."""
    es = estimates_stack
    conversation_id, message_id, _ = es.post_message(
        "presupuesto: 6 metros de tubo de cobre de 15 mm y 3 codos de cobre de 15")
    number = es.answer(message_id)["metadata"]["estimate"]["number"]
    before = (lines_of(es, number), head(es, number))

    asked = say(es, conversation_id, "ponle una más")
    assert asked["text"].startswith(f"¿Una más de qué partida del presupuesto {number}?"), asked["text"]
    assert "estimate" not in asked["metadata"]
    assert (lines_of(es, number), head(es, number)) == before

    more = say(es, conversation_id, "de los codos")
    assert more["metadata"]["estimate"]["changes"][0] == "Codo de cobre 15 mm para soldar: 3 → 4 ud"
    swapped = say(es, conversation_id, "oye lo de cobre cámbialo x multicapa de 16")
    assert swapped["metadata"]["estimate"]["revision"] == 3

    final = lines_of(es, number)
    assert ("tubo-multicapa-16mm", Decimal(6), False) in final and ("codo-multicapa-16mm", Decimal(4), False) in final
    assert not any(str(code).endswith("cobre-15mm") for code, _, _ in final)
    priced = [(code, quantity) for code, quantity, to_quote in final if not to_quote]
    assert head(es, number)[:3] == (3, "draft", oracle(es, priced)["total"])
    assert es.db("SELECT count(*) FROM estimates WHERE conversation_id = %s", conversation_id) == [(1,)]
