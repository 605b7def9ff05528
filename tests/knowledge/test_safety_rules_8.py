"""Stop 24 (bench/quality/SAFETY-8.md "Results"): dangers described in everyday words that checklist 8's tune half
showed missing, the measures it showed unread, and a licensed fitter's repair as a measure. The wordings are written
for these tests, not the checklist's sentences; look-alikes check the new patterns stay quiet on routine jobs."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.knowledge.safety_support import rule, shown

ANSWER_SQL = Path(__file__).resolve().parents[2] / "n8n-workflows" / "knowledge" / "answer.sql"


# --- dangers in everyday words -------------------------------------------------------------------------------------

@pytest.mark.parametrize("message, expected", [
    # replacing or fitting an electric shower or heater: its wiring
    ("mañana cambio la regadera electrica del baño de visitas", "termo-electrico-trabajo"),
    ("hay que sacar el termo electrico viejo de la cocina", "termo-electrico-trabajo"),
    # going down into a chamber, said "he de" / "hemos de"
    ("hemos de entrar en la arqueta grande del patio para sacar el tapon", "espacio-confinado"),
    # draining a heater just switched off or still at 60 °C or more
    ("acabo de apagar el termo, lo desagoto ya por la llave de abajo?", "agua-hirviendo"),
    ("voy a purgar el calentador, el agua esta a 65 grados", "agua-hirviendo"),
    # hot water set high where someone who does not feel the heat showers
    ("el calentador lo tienen a 70 grados y en la casa vive un señor en silla de ruedas", "ducha-quema-otro-grifo"),
    ("la abuelita casi no siente los pies y el boiler esta a 80 grados", "ducha-quema-otro-grifo"),
    ("el termo esta a setenta grados y en la casa hay un bebe", "ducha-quema-otro-grifo"),       # dictated
    ("el termo lo dreno ahorita que esta a ochenta y cinco grados", "agua-hirviendo"),
    # a tank left unused for months put back on the showers without cleaning
    ("el tinaco lleva meses sin usar y lo van a conectar a las regaderas sin lavarlo", "legionela"),
    # a full appliance carried by hand
    ("el termotanque hay que bajarlo del techo al hombro, todavia esta lleno de agua", "carga-pesada"),
])
def test_dangers_in_everyday_words(conn: psycopg.Connection, message: str, expected: str) -> None:
    assert rule(conn, message) == expected


@pytest.mark.parametrize("message", [
    "como vacio el termo para cambiarle el anodo?",
    "el termo esta a 60 grados, es buena temperatura?",
    "el tinaco estuvo meses sin usar, como lo lavo y desinfecto antes de conectarlo?",
    "subimos el tinaco vacio a la azotea entre dos, ahora como lo conecto",
    "con el abuelo en casa, a cuantos grados dejo el termo?",
    "la ducha electrica que me recomiendas para un baño chico",
    "hay que instalar un termo electrico nuevo en la cocina, a que altura lo pongo",   # a new one, not yet wired
    "el tanque lleno de agua pesa mucho, la losa lo aguanta?",
])
def test_routine_jobs_stay_quiet(conn: psycopg.Connection, message: str) -> None:
    assert rule(conn, message) is None


# --- measures read in more words -----------------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "corte la termica y lo desenchufe, le cambio la resistencia al termo electrico?",
    "lo medi y no hay tension en los bornes, le cambio la resistencia al termo electrico?",
    "tengo el extintor y puse una chapa metalica detras, sueldo el codo dentro del armario?",
    "ventilacion forzada puesta, arnes con tripode y un ayudante arriba, bajo a la camara?",
])
def test_measures_in_more_words_silence_their_warning(conn: psycopg.Connection, message: str) -> None:
    assert shown(conn, message) == [None]


# --- a licensed fitter's repair, tested ------------------------------------------------------------------------------

FITTER = ("huele a gas cerca del calefon",
          "vino el tecnico de gas autorizado, cambio la llave de paso del gas y probo con espuma, no hay fugas",
          "ahora el desague de la lavadora, que sifon lleva")


def confirmed_by_the_technical_manager(conn: psycopg.Connection) -> None:
    """revisado-por-gasista is shipped switched off (it silences gas and CO warnings); staff switch it on."""
    assert conn.execute("UPDATE safety_measures SET active = true WHERE slug = 'revisado-por-gasista'").rowcount == 1


def test_the_fitters_measure_is_shipped_off_and_the_gas_warning_stays(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT active FROM safety_measures WHERE slug = 'revisado-por-gasista'").fetchone() == (False,)
    warned = shown(conn, *FITTER)
    assert warned[0] == "olor-a-gas" and warned[1] is not None, "the fitter's visit answers no warning"
    conn.execute((ANSWER_SQL).read_text())
    assert conn.execute("SELECT active FROM safety_measures WHERE slug = 'revisado-por-gasista'").fetchone() == (False,)
    confirmed_by_the_technical_manager(conn)
    conn.execute((ANSWER_SQL).read_text())
    assert conn.execute("SELECT active FROM safety_measures WHERE slug = 'revisado-por-gasista'").fetchone() == (True,), \
        "a later start never switches it off again"


def test_a_licensed_fitters_tested_repair_answers_the_gas_warnings(conn: psycopg.Connection) -> None:
    confirmed_by_the_technical_manager(conn)
    assert shown(conn, "huele a gas cerca del calefon",
                 "vino el tecnico de gas autorizado, cambio la llave de paso del gas y probo con espuma, no hay fugas",
                 "ahora el desague de la lavadora, que sifon lleva") == ["olor-a-gas", None, None]


@pytest.mark.parametrize("message", [
    "el gasista matriculado probo con agua jabonosa pero todavia huele a gas en la cocina",
    "mi cuñado que es gasista matriculado cambio el regulador de la garrafa y probo con agua jabonosa",
    "vino el gasista matriculado, no hay fuga, pero la señora sigue mareada cuando prende el calefon",
])
def test_what_is_not_a_tested_repair_still_warns(conn: psycopg.Connection, message: str) -> None:
    confirmed_by_the_technical_manager(conn)
    assert shown(conn, message)[0] is not None


def test_gas_work_after_the_fitters_repair_warns(conn: psycopg.Connection) -> None:
    confirmed_by_the_technical_manager(conn)
    assert shown(conn, "el gasista matriculado arreglo la fuga y probo con agua jabonosa, no hay fuga",
                 "ahora yo le cambio el flexible del gas al calefon") == [None, "trabajo-en-gas"]


# --- the shipped measures follow answer.sql where staff left them alone ----------------------------------------------

def test_shipped_measures_follow_the_file_unless_staff_changed_them(conn: psycopg.Connection) -> None:
    # a row as an older file wrote it (its seed_md5 matches), and one staff edited
    conn.execute("UPDATE safety_measures SET phrases = 'tester', "
                 "seed_md5 = safety_measure_md5('tester', also_phrases, unless_words, silences) "
                 "WHERE slug = 'tension-comprobada'")
    conn.execute("UPDATE safety_measures SET phrases = phrases || ', enchufe fuera' "
                 "WHERE slug = 'desenchufado-y-cortado'")
    conn.execute(ANSWER_SQL.read_text())
    phrases = dict(conn.execute("SELECT slug, phrases FROM safety_measures").fetchall())
    assert "comprobador de tension" in phrases["tension-comprobada"]        # followed the file
    assert phrases["desenchufado-y-cortado"].endswith(", enchufe fuera")     # the staff edit kept
