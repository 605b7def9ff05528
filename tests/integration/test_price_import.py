"""Importing a supplier's price list, through the real stack: n8n serves the form of workflow price-import.json
behind the staff login, office staff upload an XLSX and a CSV in a real Chromium, see the preview of what
changes, and confirm; the catalogue in the real Postgres changes only when they confirm and only if every row is
right. Screenshots in test-artifacts/price-import/."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from openpyxl import Workbook
from playwright.sync_api import Browser, Page, expect

from devstack.n8n import STAFF_FORM_DEFAULT_USER
from devstack.stack import Stack
from tests.integration.conftest import ARTIFACTS, rows

pytestmark = [pytest.mark.stack, pytest.mark.browser, pytest.mark.timeout(600)]

SHOTS = ARTIFACTS / "price-import"
CHOICE = "¿Aplicar los cambios?"
YES = "Sí, aplicar los cambios"


def form_url(stack: Stack) -> str:
    return stack.config.n8n_url + "/form/remedios-tarifa"


def upload(browser: Browser, stack: Stack, path: Path) -> Page:
    """Open the form with the staff login, upload the file, and wait for the preview page."""
    context = browser.new_context(
        http_credentials={"username": STAFF_FORM_DEFAULT_USER, "password": stack.secrets["REMEDIOS_STAFF_FORM_PASSWORD"]},
        locale="es-ES", viewport={"width": 1000, "height": 900},
    )
    page = context.new_page()
    page.goto(form_url(stack))
    expect(page.get_by_text("Tarifa de precios · Remedios")).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Ver los cambios").click()
    expect(page.get_by_text("Cambios en el catálogo de precios")).to_be_visible(timeout=60_000)
    return page


def answer(page: Page, choice: str) -> None:
    page.get_by_label(CHOICE).select_option(choice)
    page.get_by_role("button", name="Continuar").click()


def item(stack: Stack, code: str) -> tuple:
    found = rows(stack, "SELECT name, unit, unit_price, taxable, vat_rate, family, example FROM price_catalog "
                        "WHERE code = %s", code)
    return found[0] if found else ()


def test_the_import_form_needs_the_staff_login(stack: Stack) -> None:
    assert httpx.get(form_url(stack), timeout=30).status_code == 401
    right = httpx.get(form_url(stack), auth=(STAFF_FORM_DEFAULT_USER, stack.secrets["REMEDIOS_STAFF_FORM_PASSWORD"]),
                      timeout=30)
    assert right.status_code == 200 and "Tarifa de precios" in right.text, right.text[:800]


def test_staff_import_an_xlsx_then_a_csv_with_a_bad_row_changes_nothing(stack: Stack, browser: Browser,
                                                                         tmp_path: Path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:6]
    a, b, c = f"prov-{tag}-a", f"prov-{tag}-b", f"prov-{tag}-c"

    # 1. An Excel file: Spanish headers, numbers as numbers, IVA as a percentage cell. Preview, then confirm.
    book = Workbook()
    sheet = book.active
    sheet.append(["TARIFA 2026 · Suministros de prueba"])       # a title row above the header
    sheet.append(["Código", "Descripción", "Unidad", "Precio", "IVA", "Familia", "Notas"])
    sheet.append([a.upper(), f"Válvula de prueba {tag} 1/2\"", "ud", 12.4, 0.21, "Valvulería", "nueva"])
    sheet.append([])                                              # a blank row: skipped, row numbers kept
    sheet.append([b, f"Grifo de prueba {tag}", "unidades", 1234.56, 0.10, "Grifería", ""])
    sheet["E3"].number_format = sheet["E5"].number_format = "0%"
    xlsx = tmp_path / "tarifa.xlsx"
    book.save(xlsx)

    page = upload(browser, stack, xlsx)
    expect(page.get_by_text("Vista previa: 2 partida(s) nueva(s), 0 con cambios y 0 sin cambios.")).to_be_visible()
    expect(page.get_by_role("cell", name=a, exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="1.234,56 €")).to_be_visible()
    expect(page.get_by_role("cell", name="IVA 10 %")).to_be_visible()
    expect(page.get_by_text("Columnas que no se usan: Notas")).to_be_visible()
    page.screenshot(path=str(SHOTS / "xlsx-preview.png"), full_page=True)
    assert item(stack, a) == (), "the preview changes nothing"
    answer(page, YES)
    expect(page.get_by_text("Aplicado: 2 nueva(s) y 0 cambiada(s); 0 sin cambios.")).to_be_visible(timeout=30_000)
    page.screenshot(path=str(SHOTS / "xlsx-applied.png"), full_page=True)
    assert item(stack, a) == (f'Válvula de prueba {tag} 1/2"', "ud", Decimal("12.40"), True, None, "Valvulería", False)
    assert item(stack, b) == (f"Grifo de prueba {tag}", "ud", Decimal("1234.56"), True, Decimal("0.1000"), "Grifería",
                              False)
    # What the next estimate reads in a plumber's words.
    [(found,)] = rows(stack, "SELECT estimate_match(%s) -> 'items'", f"2 válvulas de prueba {tag} 1/2")
    assert found[0] == {"item": a, "quantity": 2}

    # 2. A CSV from a Spanish spreadsheet: ';', decimal commas, € signs; one row with a price that is no number.
    csv = tmp_path / "tarifa.csv"
    csv.write_text("Código;Descripción;Unidad;Precio;IVA;Familia\n"
                   f"{a};Válvula de prueba {tag} 1/2\";ud;13,10 €;21%;Valvulería\n"
                   f"{c};\"Codo de prueba {tag}; latón\";ud;2,35;21;Accesorios\n"
                   f"prov-{tag}-d;Fila mala;ud;mucho;21;Pruebas\n", encoding="utf-8")
    page = upload(browser, stack, csv)
    expect(page.get_by_text("1 fila con errores: fila 4: el precio «mucho» no es un número")).to_be_visible()
    expect(page.get_by_role("cell", name="precio: 12,40 € → 13,10 €")).to_be_visible()
    expect(page.get_by_role("cell", name=f"Codo de prueba {tag}; latón")).to_be_visible()
    page.screenshot(path=str(SHOTS / "csv-preview-with-error.png"), full_page=True)
    answer(page, "No, no cambiar nada")
    expect(page.get_by_role("heading", name="No se ha cambiado nada")).to_be_visible(timeout=30_000)
    assert item(stack, a)[2] == Decimal("12.40") and item(stack, c) == ()

    # 3. The same file, and staff confirm anyway: nothing at all is applied, not even the good rows.
    page = upload(browser, stack, csv)
    answer(page, YES)
    expect(page.get_by_role("heading", name="No se ha aplicado nada")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("1 fila con errores: fila 4: el precio «mucho» no es un número (escriba euros sin IVA, "
                            "como 9,40). No se ha aplicado nada; corríjalas en el archivo y vuelva a subirlo.")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Fila 4: el precio «mucho» no es un número")).to_be_visible()
    page.screenshot(path=str(SHOTS / "csv-confirmed-with-error.png"), full_page=True)
    assert item(stack, a)[2] == Decimal("12.40") and item(stack, c) == ()


def test_a_file_that_is_no_price_list_is_explained(stack: Stack, browser: Browser, tmp_path: Path) -> None:
    bad = tmp_path / "fotos.xlsx"
    bad.write_bytes(b"this is not a spreadsheet at all")
    context = browser.new_context(
        http_credentials={"username": STAFF_FORM_DEFAULT_USER, "password": stack.secrets["REMEDIOS_STAFF_FORM_PASSWORD"]},
        locale="es-ES")
    page = context.new_page()
    page.goto(form_url(stack))
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name="Ver los cambios").click()
    expect(page.get_by_role("heading", name="No se ha podido leer la tarifa")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("falta la columna del código")).to_be_visible()
    page.screenshot(path=str(SHOTS / "unreadable.png"), full_page=True)
