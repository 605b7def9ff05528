"""One test conversation about an estimate, as the estimate tests hold it (stop 36, tidy36: test_estimate_said_34.py,
test_estimate_revisions_35.py and test_estimate_fitting_guard_35.py each wrote the same lines — draft a request,
send the plumber's next turns, read the draft's materials back with its totals checked — and the same readers).

- ``converse(conn, request, *turns)``: a draft of ``request`` in the test conversation (tests/estimates/helpers.py,
  ``CONVERSATION``), then each turn as the plumber's next message, which must revise the draft
  (``revise=False``: any answer); a ``Talk``: the draft's number, the answers, ``turn`` to say more and
  ``materials()`` to read the draft back.
- ``materials``: a draft's lines but labour and the call-out, its subtotal and total checked against the catalogue's
  prices (``assert_lines``).
- ``said_items``: what ``estimate_match`` read, as (item, quantity), labour hours left out (``call_out=False``: the
  call-out too).
- ``catalogue``: the catalogue's codes; ``change_kind``: what ``estimate_change_kind`` reads in a turn.

Against the real Postgres functions: the connection is a test's ``conn`` of tests/estimates/conftest.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import psycopg

from tests.estimates.helpers import CONVERSATION, SERVICE_CODES, assert_lines, codes, draft, revised, say

Line = tuple[str | None, Decimal, bool]   # (catalogue code, quantity, a cotizar)


@dataclass
class Talk:
    conn: psycopg.Connection
    number: str                                        # the draft's
    answers: list[dict[str, Any]] = field(default_factory=list)  # estimate_converse's, one a turn

    @property
    def answer(self) -> dict[str, Any]:
        """The last turn's answer."""
        return self.answers[-1]

    def turn(self, *turns: str, revise: bool = True) -> dict[str, Any]:
        """Each of ``turns`` said in order (each must revise the draft unless ``revise=False``); the last answer."""
        for words in turns:
            self.answers.append(revised(self.conn, words) if revise else say(self.conn, words))
        return self.answer

    def materials(self) -> list[Line]:
        """The draft's materials now (``materials``)."""
        return materials(self.conn, self.number)


def materials(conn: psycopg.Connection, number: str) -> list[Line]:
    """The draft's lines but labour and the call-out; its totals checked against the catalogue's prices."""
    got = codes(conn, number)
    assert_lines(conn, number, [(c, str(q), t) for c, q, t in got])
    return [(c, q, t) for c, q, t in got if c not in SERVICE_CODES]


def converse(conn: psycopg.Connection, request: str, *turns: str, revise: bool = True) -> Talk:
    """``request`` drafted in the test conversation, then each of ``turns`` said (``Talk.turn``)."""
    talk = Talk(conn, draft(conn, request))
    if turns:
        talk.turn(*turns, revise=revise)
    return talk


def said_items(found: dict[str, Any], *, call_out: bool = True) -> list[tuple[str | None, Any]]:
    """``estimate_match``'s items as (item, quantity): labour hours left out, and the call-out unless ``call_out``."""
    return [(i.get("item"), i.get("quantity")) for i in found["items"]
            if "labour_hours" not in i and (call_out or i.get("item") != "desplazamiento")]


def catalogue(conn: psycopg.Connection) -> set[str]:
    return {code for (code,) in conn.execute("SELECT code FROM price_catalog").fetchall()}


def change_kind(conn: psycopg.Connection, words: str) -> str | None:
    """What the chat reads in the plumber's words about the open estimate (NULL: not a change of it)."""
    return conn.execute("SELECT estimate_change_kind(%s, %s)", (CONVERSATION, words)).fetchone()[0]
