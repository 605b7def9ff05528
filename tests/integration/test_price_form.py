"""The staff price form, through the real stack: n8n serves the form of workflow price-form.json behind its
login, office staff fill it in a real Chromium, and the catalogue in the real Postgres changes (what the next
estimate prices). Screenshots in test-artifacts/price-form/."""

from __future__ import annotations

import uuid
from decimal import Decimal

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from devstack.n8n import STAFF_FORM_DEFAULT_USER
from devstack.stack import Stack
from tests.integration.conftest import ARTIFACTS, rows

pytestmark = [pytest.mark.stack, pytest.mark.browser, pytest.mark.timeout(600)]

SHOTS = ARTIFACTS / "price-form"


def form_url(stack: Stack) -> str:
    return stack.config.n8n_url + "/form/remedios-precios"


def open_form(browser: Browser, stack: Stack) -> Page:
    context = browser.new_context(
        http_credentials={"username": STAFF_FORM_DEFAULT_USER, "password": stack.secrets["REMEDIOS_STAFF_FORM_PASSWORD"]},
        locale="es-ES", viewport={"width": 390, "height": 900},
    )
    page = context.new_page()
    page.goto(form_url(stack))
    expect(page.get_by_text("Catálogo de precios · Remedios")).to_be_visible()
    return page


def submit(page: Page, fields: dict[str, str], choices: dict[str, str]) -> None:
    for label, value in fields.items():
        page.get_by_label(label, exact=True).fill(value)
    for label, value in choices.items():
        page.get_by_label(label, exact=True).select_option(value)
    page.get_by_role("button", name="Guardar").click()


def item(stack: Stack, code: str) -> tuple:
    found = rows(stack, "SELECT name, kind, unit, unit_price, aliases, taxable, active FROM price_catalog "
                        "WHERE code = %s", code)
    return found[0] if found else ()


def test_the_form_needs_the_staff_login(stack: Stack) -> None:
    assert httpx.get(form_url(stack), timeout=30).status_code == 401
    wrong = httpx.get(form_url(stack), auth=(STAFF_FORM_DEFAULT_USER, "not-the-password"), timeout=30)
    assert wrong.status_code in (401, 403)
    right = httpx.get(form_url(stack), auth=(STAFF_FORM_DEFAULT_USER, stack.secrets["REMEDIOS_STAFF_FORM_PASSWORD"]),
                      timeout=30)
    assert right.status_code == 200 and "Catálogo de precios" in right.text, right.text[:800]


def test_staff_create_an_item_change_its_price_and_a_mistake_changes_nothing(stack: Stack, browser: Browser) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    code = f"bomba-prueba-{uuid.uuid4().hex[:6]}"
    alias = f"bomba de prueba {code[-6:]}"

    page = open_form(browser, stack)
    page.screenshot(path=str(SHOTS / "form.png"), full_page=True)
    submit(page, {"Código": code, "Nombre": "Bomba de achique 400 W", "Precio sin IVA (€)": "149,90",
                  "Alias que añadir": alias},
           {"Tipo": "material", "Unidad": "ud", "¿Lleva IVA?": "Sí", "Activo": "Sí"})
    expect(page.get_by_text(f"Guardado (creado): {code} · Bomba de achique 400 W · 149,90 € sin IVA por ud."))\
        .to_be_visible(timeout=30_000)
    page.screenshot(path=str(SHOTS / "created.png"), full_page=True)
    assert item(stack, code) == ("Bomba de achique 400 W", "material", "ud", Decimal("149.90"), alias, True, True)
    # What the next estimate reads in a plumber's words.
    [(found,)] = rows(stack, "SELECT estimate_match(%s) -> 'items'", f"Poner una {alias}")
    assert found[0] == {"item": code, "quantity": 1}

    page = open_form(browser, stack)
    submit(page, {"Código": code, "Precio sin IVA (€)": "155"}, {})
    expect(page.get_by_text(f"Guardado (actualizado): {code} · Bomba de achique 400 W · 155,00 €"))\
        .to_be_visible(timeout=30_000)
    assert item(stack, code)[3] == Decimal("155.00") and item(stack, code)[4] == alias, "only the price changed"

    before = item(stack, code)
    page = open_form(browser, stack)
    submit(page, {"Código": code, "Precio sin IVA (€)": "mucho"}, {"Activo": "No"})
    expect(page.get_by_text('No se ha guardado nada: precio "mucho" no válido: euros sin IVA, como 149 o 149,90.'))\
        .to_be_visible(timeout=30_000)
    page.screenshot(path=str(SHOTS / "refused.png"), full_page=True)
    assert item(stack, code) == before, "a refused form changes nothing, not even the fields that were right"
