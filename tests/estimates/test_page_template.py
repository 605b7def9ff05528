"""The customer's page is the file n8n-workflows/estimates/page-template.html (issue 17): the database holds what
every start loads from it (page.sql page_templates, devstack/postgres.py PAGE_TEMPLATES), the workflow fills it
(its Code node "Page values", run here in Node on the real estimate_page JSON, then the SQL of its Postgres node
"Fill page template" on the stored template), every value is HTML-escaped, and a missing or broken template is a
clear error, never an empty page."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import psycopg
import pytest

from devstack.config import StackConfig
from devstack.n8n import WORKFLOWS_DIR
from devstack.postgres import PAGE_TEMPLATES, DatabaseInfo, PageTemplateError, load_page_templates

from .conftest import ESTIMATES
from .helpers import add_item, create, estimate

TEMPLATE = ESTIMATES / "page-template.html"
MARKER = '<meta name="generator" content="remedios:n8n-workflows/estimates/page-template.html">'
WORKFLOW = json.loads((WORKFLOWS_DIR / "estimate-page.json").read_text())
NODES = {n["name"]: n for n in WORKFLOW["nodes"]}
VALUES = NODES["Page values"]["parameters"]["jsCode"]
FILL = NODES["Fill page template"]["parameters"]["query"]
URL = "https://r.example"
NASTY = '<script>window.__x=1</script>"quoted" & \'single\' <img src=x onerror=alert(1)>'
JOB = [{"item": "calentador-electrico-80l", "quantity": 1}, {"labour_hours": 2.5},
       {"item": "desplazamiento", "quantity": 1}, {"item": "valvula de prueba", "quantity": 2},
       {"item": "mampara de ducha a medida", "quantity": 1}]
SETTINGS = {  # the node "Page settings": its texts, plus the request
    **{a["name"]: a["value"] for a in next(n for n in WORKFLOW["nodes"] if n["name"] == "Page settings")
       ["parameters"]["assignments"]["assignments"]},
    "action": "view", "number": "", "token": "", "revision": "", "decision": "", "note": "",
}

HARNESS = r"""
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(({ code, json, nodes }) => {
  const $ = (name) => ({ first: () => { if (!(name in nodes)) throw new Error('did not run: ' + name); return { json: nodes[name] }; } });
  try { return new Function('$', '$json', code)($, json).json; } catch (e) { return { __error: String(e.message) }; }
});
process.stdout.write(JSON.stringify(out));
"""


def node_binary() -> str:
    cached = StackConfig.from_env().node_bin_dir / "node"
    found = str(cached) if cached.exists() else shutil.which("node")
    if not found:
        pytest.fail("Node is missing: scripts/setup.sh installs it")
    return found


def render(conn: psycopg.Connection, item: dict[str, Any], settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the workflow answers for `item` (the output of Load estimate / Record decision): "Page values" in
    Node, then the query of "Fill page template" with its three parameters, as n8n sends them."""
    case = {"code": VALUES, "json": item, "nodes": {"Page settings": {**SETTINGS, **(settings or {})}}}
    done = subprocess.run([node_binary(), "-e", HARNESS], input=json.dumps([case], default=str), capture_output=True,
                          text=True, timeout=60, check=True)
    values = json.loads(done.stdout)[0]
    assert "__error" not in values, values
    cursor = conn.execute(FILL.replace("$1", "%s").replace("$2", "%s").replace("$3", "%s"),
                          (values["http_status"], values["decided"], json.dumps(values["view"])))
    return dict(zip([c.name for c in cursor.description], cursor.fetchone()))


def stored(conn: psycopg.Connection, name: str = "estimate-page") -> dict[str, Any]:
    cursor = conn.execute("SELECT *, page_template_names(name) AS placeholders FROM page_templates WHERE name = %s",
                          (name,))
    return dict(zip([c.name for c in cursor.description], cursor.fetchone()))


def page_of(conn: psycopg.Connection, number: str) -> dict[str, Any]:
    token = estimate(conn, number)["access_token"]
    return conn.execute("SELECT estimate_page(%s, %s, %s)", (number, token, URL)).fetchone()[0]


class Texts(HTMLParser):
    """The text of each element with an id, and every tag and attribute, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, str] = {}
        self.open: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        ident = dict(attrs).get("id")
        if tag not in ("input", "img", "meta"):
            self.open.append(ident or "")
            if ident:
                self.by_id[ident] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("input", "img", "meta") and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for ident in self.open:
            if ident:
                self.by_id[ident] += data


def parse(html: str) -> Texts:
    parser = Texts()
    parser.feed(html)
    return parser


@pytest.fixture
def nasty(conn: psycopg.Connection) -> str:
    """An estimate whose every free text carries HTML: a catalogue name, the notes, the business name and details."""
    add_item(conn, "valvula-prueba", "12.50", name=NASTY, aliases="valvula de prueba")
    conn.execute("UPDATE estimate_settings SET business_name = %s, business_details = %s", (NASTY, "CIF <b>1</b>"))
    return create(conn, JOB, notes=NASTY)


# ------------------------------------------------------------------------------------------ the file is the page
def test_the_database_holds_the_file_as_every_start_loads_it(conn: psycopg.Connection) -> None:
    row = stored(conn)
    assert PAGE_TEMPLATES == {"estimate-page": TEMPLATE}
    assert row["source"] == "n8n-workflows/estimates/page-template.html"
    assert row["body"] == TEMPLATE.read_text(encoding="utf-8")
    assert row["sha256"] == hashlib.sha256(TEMPLATE.read_bytes()).hexdigest()


def test_the_template_uses_exactly_the_names_the_page_has(conn: psycopg.Connection) -> None:
    """Every value Page values gives is placed somewhere, and the list at the top of the file names them all."""
    (used,), = conn.execute("SELECT page_template_check('estimate-page', %s)", (TEMPLATE.read_text(),)).fetchall()
    known = stored(conn)["placeholders"]
    assert sorted(used) == sorted(known)
    head = TEMPLATE.read_text().split("--}}", 1)[0]
    assert all(re.search(rf"\b{name}\b", head) for name in known), "each name is explained at the top of the file"


def test_render_page_serves_the_template_and_escapes_every_value(conn: psycopg.Connection, nasty: str) -> None:
    page = page_of(conn, nasty)
    out = render(conn, {"action": "view", "page": page}, {"token": 'tok"en<x>'})
    assert out["http_status"] == 200 and out["decided"] is False
    html = out["html"]
    assert MARKER in html and html.startswith("<!DOCTYPE html>\n<html lang=\"es\">")
    assert "{{" not in html and "}}" not in html, "no placeholder is left, and the file's comments are not sent"
    css = re.search(r"<style>\n(.*?)</style>", TEMPLATE.read_text(), re.S).group(1)
    assert css in html, "the CSS is the file's"
    # The markup with nothing from the database is the file's; every value is text.
    assert "<script" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    parsed = parse(html)
    assert [t for t, _ in parsed.tags].count("script") == 0
    assert [a for t, a in parsed.tags if t == "img"] == [], "no image but a checked logo"
    assert parsed.by_id["business"] == NASTY
    assert parsed.by_id["notes"] == "Notas: " + NASTY
    assert NASTY in parsed.by_id["lines"]
    token = next(a for t, a in parsed.tags if t == "input" and a.get("name") == "t")
    assert token["value"] == 'tok"en<x>', "an attribute value cannot be closed by what it carries"
    assert parsed.by_id["number"] == nasty and parsed.by_id["status"] == "borrador"
    assert parsed.by_id["total"] == page["money"]["total"]
    assert "a cotizar" in parsed.by_id["lines"] and "mampara de ducha a medida" in parsed.by_id["lines"]
    assert next(a for t, a in parsed.tags if t == "form")["action"] == f"/presupuestos/{nasty}"
    assert parsed.by_id["decide"] and "accept" in parsed.by_id and "expired" not in parsed.by_id


def test_the_other_states_of_the_page(conn: psycopg.Connection, nasty: str) -> None:
    """Not found, a decision recorded, refused as stale (the comment kept, revision shown), expired."""
    missing = render(conn, {"action": "view", "page": None})
    assert missing["http_status"] == 404
    assert parse(missing["html"]).by_id["not-found"].startswith("Presupuesto no encontrado")
    assert nasty not in missing["html"] and "Termo" not in missing["html"] and MARKER in missing["html"]

    token = estimate(conn, nasty)["access_token"]
    conn.execute("SELECT estimate_revise(%s, %s::jsonb)", (nasty, json.dumps(JOB[:2])))
    stale = conn.execute("SELECT estimate_page_decide(%s, %s, 'accepted', 'x', %s, '1')", (nasty, token, URL)
                         ).fetchone()[0]
    out = render(conn, {"action": "decide", "result": stale}, {"action": "decide", "note": NASTY, "token": token})
    parsed = parse(out["html"])
    assert out["http_status"] == 409 and "revisión 2" in parsed.by_id["banner"]
    assert parsed.by_id["revision"] == "2" and parsed.by_id["note"] == NASTY
    assert next(a for t, a in parsed.tags if a.get("name") == "revision")["value"] == "2"

    decided = conn.execute("SELECT estimate_page_decide(%s, %s, 'rejected', %s, %s, '2')", (nasty, token, NASTY, URL)
                           ).fetchone()[0]
    out = render(conn, {"action": "decide", "result": decided}, {"action": "decide", "token": token})
    parsed = parse(out["html"])
    assert out["http_status"] == 200 and out["decided"] is True
    assert parsed.by_id["banner"] == f"Ha rechazado el presupuesto {nasty}. Gracias por su respuesta."
    assert parsed.by_id["decided"].startswith("Presupuesto rechazado el ") and parsed.by_id["decided"].endswith(
        "Comentario: " + NASTY)
    assert "decide" not in parsed.by_id

    other = create(conn, JOB[:3])
    conn.execute("UPDATE estimates SET valid_until = current_date - 1 WHERE number = %s", (other,))
    parsed = parse(render(conn, {"action": "view", "page": page_of(conn, other)})["html"])
    assert "ya no se puede aceptar" in parsed.by_id["expired"] and "decide" not in parsed.by_id


# ------------------------------------------------------------------------------------------ broken or missing
@pytest.mark.parametrize(("body", "message", "when_filled"), [
    ("", "the template is empty", None),
    ("<p>\n{{#estimate}}\n<b>{{number}}</b>", "line 2: {{#estimate}} is never closed with {{/estimate}}",
     "{{#estimate}} is never closed with {{/estimate}}"),
    ("<p>{{number}}</p>\n{{/estimate}}", "line 2: {{/estimate}} closes no open block", "{{/estimate}} closes no open block"),
    ("{{#estimate}}{{#form}}{{/estimate}}{{/form}}", "line 1: {{/estimate}} closes {{#form}}",
     "{{#form}} is never closed with {{/form}}"),
    ("<p>\n\n{{totl}}</p>", 'line 3: {{totl}}: the page has no value "totl"', "{{totl}} is used where the page has no such value"),
    ("<p>{{{title}}}</p>", "line 1: {{{title}} is not a placeholder", "{{{title}} is not a placeholder"),
    ("<p>{{& title}}</p>", "line 1: {{& title}} is not a placeholder", "{{& title}} is not a placeholder"),
    ("<p>{{title</p>", 'line 1: "{{" is never closed', '"{{" is never closed'),
], ids=["empty", "unclosed", "stray close", "crossed", "unknown name", "raw html", "raw html &", "open tag"])
def test_a_broken_template_is_refused_with_its_line_and_the_stored_one_stays(
        conn: psycopg.Connection, body: str, message: str, when_filled: str | None) -> None:
    before = stored(conn)
    with pytest.raises(psycopg.errors.InvalidParameterValue) as refused:
        conn.execute("SAVEPOINT s")
        conn.execute("SELECT page_template_put('estimate-page', %s, 'mine.html')", (body,))
    conn.execute("ROLLBACK TO SAVEPOINT s")
    assert refused.value.diag.message_primary.startswith("mine.html") and message in str(refused.value)
    with pytest.raises(psycopg.errors.InvalidParameterValue):  # by hand, too
        conn.execute("UPDATE page_templates SET body = %s WHERE name = 'estimate-page'", (body,))
    conn.execute("ROLLBACK TO SAVEPOINT s")
    assert stored(conn) == before
    # Stored behind the check's back (its trigger off), the template is still an error when filled, never a page.
    if when_filled:
        conn.execute("ALTER TABLE page_templates DISABLE TRIGGER page_templates_checked")
        conn.execute("UPDATE page_templates SET body = %s, source = 'mine.html' WHERE name = 'estimate-page'", (body,))
        values = {name: "x" for name in before["placeholders"]}
        with pytest.raises(psycopg.errors.InvalidParameterValue) as failed:
            conn.execute("SELECT page_template_render('estimate-page', %s::jsonb)", (json.dumps(values),))
        assert failed.value.diag.message_primary.startswith("mine.html") and when_filled in str(failed.value)


def test_a_missing_template_is_an_error_that_says_how_to_load_it(conn: psycopg.Connection) -> None:
    conn.execute("DELETE FROM page_templates WHERE name = 'estimate-page'")
    with pytest.raises(psycopg.errors.NoDataFound, match="page-template.html; make run, or docker compose up"):
        render(conn, {"action": "view", "page": None})


def test_values_the_template_does_not_expect_are_an_error(conn: psycopg.Connection) -> None:
    """A value the page lacks where the template uses it, or a block given as a plain value."""
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="{{title}} is used where the page has no such value"):
        conn.execute("SELECT page_template_render('estimate-page', '{}'::jsonb)")
    conn.rollback()
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="the values must be one JSON object"):
        conn.execute("SELECT page_template_render('estimate-page', '[]'::jsonb)")
    conn.rollback()
    values = {name: "x" for name in stored(conn)["placeholders"]} | {"title": {"a": 1}}
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="{{title}} is a block"):
        conn.execute("SELECT page_template_render('estimate-page', %s::jsonb)", (json.dumps(values),))


# ------------------------------------------------------------------------------------------ updating the file
def test_changing_the_file_and_starting_again_changes_the_page(app_db: DatabaseInfo, tmp_path: Path) -> None:
    """devstack's load (every start) puts the edited file in; a broken edit is refused, naming the file and line,
    and the page keeps the template it had."""
    edited = tmp_path / "page-template.html"
    edited.write_text(TEMPLATE.read_text().replace("<h2>Presupuesto <span", "<h2>PRESUPUESTO EDITADO <span"))
    try:
        [result] = load_page_templates(app_db, {"estimate-page": edited})
        assert result["changed"] is True
        assert load_page_templates(app_db, {"estimate-page": edited})[0]["changed"] is False
        with psycopg.connect(app_db.url) as conn:
            number = create(conn, JOB[:3], conversation=None)
            assert "PRESUPUESTO EDITADO" in render(conn, {"action": "view", "page": page_of(conn, number)})["html"]
            conn.rollback()
        edited.write_text(TEMPLATE.read_text().replace("{{/form}}", "", 1))
        with pytest.raises(PageTemplateError, match=r"page-template.html, line \d+: \{\{/estimate\}\} closes \{\{#form\}\}"):
            load_page_templates(app_db, {"estimate-page": edited})
        with psycopg.connect(app_db.url) as conn:
            assert "PRESUPUESTO EDITADO" in stored(conn)["body"]
        with pytest.raises(PageTemplateError, match="cannot read"):
            load_page_templates(app_db, {"estimate-page": tmp_path / "missing.html"})
    finally:
        load_page_templates(app_db, PAGE_TEMPLATES)
    with psycopg.connect(app_db.url) as conn:
        assert stored(conn)["sha256"] == hashlib.sha256(TEMPLATE.read_bytes()).hexdigest()


# ------------------------------------------------------------------------------------------ the workflow
def test_no_node_of_the_workflows_holds_the_page_html_any_more() -> None:
    """The page's markup and CSS are only in the template: no Code node (in any workflow) builds it, and no node
    of estimate-page.json carries HTML."""
    page_markers = ("<!DOCTYPE", "<html", 'class="sheet"', "@page{size:A4", "Aceptar presupuesto", "box-sizing",
                    "documentHtml", "estimateHtml")
    for path in sorted(WORKFLOWS_DIR.glob("*.json")):
        for node in json.loads(path.read_text())["nodes"]:
            code = node["parameters"].get("jsCode", "")
            assert not [m for m in page_markers if m in code], (path.name, node["name"])
    for node in WORKFLOW["nodes"]:
        if node["type"] != "n8n-nodes-base.stickyNote":
            text = json.dumps(node["parameters"], ensure_ascii=False)
            assert not re.search(r"<(main|table|tr|td|style|form|section|p|h1|div)\b", text), node["name"]
    fill = NODES["Fill page template"]
    assert fill["type"] == "n8n-nodes-base.postgres" and "page_template_render('estimate-page', $3::jsonb)" in FILL
    assert fill["parameters"]["options"]["queryReplacement"] == \
        "={{ [ $json.http_status, $json.decided, JSON.stringify($json.view) ] }}"
    connections = WORKFLOW["connections"]
    assert connections["Load estimate"]["main"][0][0]["node"] == "Page values"
    assert connections["Record decision"]["main"][0][0]["node"] == "Page values"
    assert connections["Page values"]["main"][0][0]["node"] == "Fill page template"
    assert connections["Fill page template"]["main"][0][0]["node"] == "Send page"
    assert NODES["Send page"]["parameters"]["responseBody"] == "={{ $json.html }}"
