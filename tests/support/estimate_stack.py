"""The estimate tests' stack and readers, through the real stack (stop 37, tidy37: test_estimate_revisions.py,
test_estimate_words_36.py, test_estimate_kinds.py and test_estimate_attributes.py each imported test_estimates.py's
two module fixtures under the same block, and read an estimate's lines with the same query, written twice or
imported from another test module).

- ``estimates_stack`` and ``stack``: module fixtures over the session's stubbed stack (tests/integration/conftest.py,
  tests/integration/stubbed_stack.py); ``stack`` stands in for the session's real one in the module that imports it,
  so conftest's ``open_chat`` talks to the stubbed stack. Import both into a test module (pytest finds fixtures by
  their names there):

      from tests.support.estimate_stack import EstimateStack, estimates_stack, stack  # noqa: F401  (fixtures)

- ``marker()`` (tests/support/llm_stub.py): a unique word the stub answers on; ``oracle``: an estimate's totals from the catalogue's prices
  (the arithmetic of n8n-workflows/estimates/README.md, in Decimal); ``money``: an amount as the card carries it.
- ``lines_of``, ``head``: an estimate's lines and head as Postgres holds them; ``say``: the plumber's next message
  in a conversation, and the answer stored for it; ``say_on_socket``: the same on the WebSocket, the pushed reply
  checked against the stored one; ``customer_page``: the customer's page; ``euros``: an amount as
  the estimate writes it."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import httpx
import pytest

from devstack.stack import Stack
from tests.integration.stubbed_stack import EstimateStack
from tests.support.llm_stub import marker

__all__ = ["EstimateStack", "customer_page", "estimates_stack", "euros", "head", "lines_of", "marker", "money",
           "oracle", "q2", "say", "say_on_socket", "stack"]

CENT = Decimal("0.01")


# ---------------------------------------------------------------------------------------------------------
# The stack: the session's stubbed one, standing in for the session's `stack` in the module that imports these
# two (so `open_chat` talks to it too). Each module gets its own cheap module fixtures over the one stubbed stack.
# ---------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def estimates_stack(stubbed_stack: EstimateStack) -> EstimateStack:
    return stubbed_stack


@pytest.fixture(scope="module")
def stack(estimates_stack: EstimateStack) -> Stack:
    """This module's stack stands in for the session one, so conftest's `open_chat` connects to it."""
    return estimates_stack.stack


# ---------------------------------------------------------------------------------------------------------
# The oracle: the same arithmetic as docs (n8n-workflows/estimates/README.md), in Decimal, from the database
# ---------------------------------------------------------------------------------------------------------
def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def oracle(es: EstimateStack, priced: list[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """Totals of an estimate whose priced lines are (catalogue code, quantity); 'a cotizar' lines add nothing."""
    tax_rate, deposit_rate = es.db("SELECT tax_rate, deposit_rate FROM estimate_settings")[0]
    subtotal = taxable = Decimal(0)
    for code, quantity in priced:
        price, is_taxable = es.db("SELECT unit_price, taxable FROM price_catalog WHERE code = %s", code)[0]
        line = q2(quantity * price)
        subtotal += line
        taxable += line if is_taxable else 0
    tax = q2(taxable * tax_rate)
    total = subtotal + tax
    return {"subtotal": subtotal, "taxable_base": taxable, "tax": tax, "total": total,
            "deposit": q2(total * deposit_rate)}


def money(value: Any) -> Decimal:
    """An amount as the card carries it (a JSON number from Postgres numeric), exactly."""
    return Decimal(str(value))


# ---------------------------------------------------------------------------------------------------------
# An estimate as Postgres holds it, and the plumber's next message
# ---------------------------------------------------------------------------------------------------------
def lines_of(es: EstimateStack, number: str) -> list[tuple[Any, ...]]:
    """(catalogue code or the words of a line a cotizar, quantity, a cotizar) of each line, in order."""
    return es.db("SELECT coalesce(catalog_code, description), quantity, to_quote FROM estimate_lines l "
                 "JOIN estimates e ON e.id = l.estimate_id WHERE e.number = %s ORDER BY position", number)


def head(es: EstimateStack, number: str) -> tuple[Any, ...]:
    return es.db("SELECT revision, status, total, access_token FROM estimates WHERE number = %s", number)[0]


def say(es: EstimateStack, conversation_id: str, text: str) -> dict[str, Any]:
    _, message_id, response = es.post_message(text, conversation_id=conversation_id)
    assert response.status_code == 200
    return es.answer(message_id)


async def say_on_socket(es: EstimateStack, chat: Any, text: str) -> dict[str, Any]:
    """The plumber's next message on the web chat's WebSocket (conftest's ``open_chat``) and the reply pushed back,
    checked against the answer stored for it: the same text and the same estimate card."""
    message_id = await chat.send_message(text)
    reply = await chat.reply_to(message_id, timeout=180)
    stored = es.answer(message_id)
    assert reply["text"] == stored["text"]
    assert reply.get("estimate") == (stored["metadata"] or {}).get("estimate")
    return reply


def customer_page(es: EstimateStack, number: str, token: str) -> httpx.Response:
    return httpx.get(f"{es.stack.config.gateway_url}/presupuestos/{number}", params={"t": token}, timeout=30)


def euros(amount: Decimal) -> str:
    """1234.5 -> '1.234,50 €', as estimate_money writes it."""
    whole, cents = f"{amount:.2f}".split(".")
    return re.sub(r"(\d)(?=(\d{3})+$)", r"\1.", whole) + "," + cents + " €"
