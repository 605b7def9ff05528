"""Dangers a plumber describes without naming them (SAFETY-7.md "Results"): working at height, a torch in a ceiling
void or attic, a flue stopped with a bag, lead described by its look, legionella in lukewarm stored water, lifting
a tank full of water, delayed ignition told as a small explosion, going into an underground cistern, the gas
odorant told as garlic, a heater still full of just-heated water. Wordings written for these tests, not the
checklist's; each has a look-alike that must stay quiet."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.safety_support import rules


@pytest.mark.parametrize("message, rule", [
    # working at height
    ("tengo que cambiar el tubo de la bajante desde el tejado y no tengo arnes", "trabajo-en-altura"),
    ("el tinaco esta en la orilla de la losa sin barandal, como le cambio el flotador", "trabajo-en-altura"),
    ("pongo la escalera apoyada sobre el tejado de la cochera para llegar al canalon", "trabajo-en-altura"),
    ("para alcanzar la llave me tengo que asomar hacia afuera de la azotea", "trabajo-en-altura"),
    ("la cubierta esta a 10 metros y no hay linea de vida, cambio la bajante igual?", "trabajo-en-altura"),
    # hot work in a void or attic
    ("voy a soldar con soplete el codo que esta dentro del entretecho", "llama-abierta"),
    ("en el desvan hay lana de roca por todos lados y tengo que soldar la tuberia", "llama-abierta"),
    # a flue stopped
    ("el dueño le tapo la chimenea al calentador de gas con un trapo", "gas-aparato-ventilacion"),
    ("el ducto del boiler lo cubrieron con un plastico por el frio", "gas-aparato-ventilacion"),
    # lead described
    ("el tubo viejo es blando, se dobla a mano y por dentro brilla plateado", "tuberia-plomo"),
    # legionella
    ("el termo del gimnasio lo tienen a 35 grados todo el año para ahorrar", "legionela"),
    ("en el hostal hay riesgo de legionella?", "legionela"),
    ("la ducha de la habitacion cerrada huele a agua estancada", "legionela"),
    # lifting a full tank
    ("hay que bajar el deposito de 500 litros lleno del tejado", "carga-pesada"),
    ("el tinaco de 1100 lleno de agua lo subimos a pulso?", "carga-pesada"),
    # delayed ignition
    ("la caldera da explosiones chiquitas al encender", "encendido-explosivo"),
    # going into an underground cistern
    ("me voy a meter en la cisterna subterranea a limpiar el fondo", "espacio-confinado"),
    ("la camara de registro es tan grande que hay que meterse entero para destaparla", "espacio-confinado"),
    # the odorant, a failed valve
    ("junto al medidor hay un tufo a ajo muy fuerte", "olor-a-gas"),
    ("cerramos el paso general y sigue oliendo a gas en el lavadero", "olor-a-gas"),
    # scalding
    ("la terma sigue caliente, no la vacie, le desenrosco la resistencia asi?", "agua-hirviendo"),
])
def test_a_described_danger_warns(conn: psycopg.Connection, message: str, rule: str) -> None:
    assert rule in rules(conn, message)


@pytest.mark.parametrize("message", [
    "quiero poner un tinaco de 600 litros vacio en la azotea, que base le pongo",
    "cuantos metros de tubo necesito para la bajante de un tercer piso",
    "la escalera del edificio tiene una fuga en el tercer piso, que reviso",
    "el canalon del tejado gotea por la union, que sellador uso",
    "que tipo de soldadura uso para cobre de 22",
    "el tubo de ventilacion del inodoro de que diametro lo pongo",
    "a cuantos grados pongo el termo para que no queme a los niños",
    "la llave esta muy dura, como la aflojo",
    "el agua del tinaco sale tibia en verano, es normal",
    "se oye una explosion en la calle y ahora no hay agua, que hago",
    "que tamaño de cisterna subterranea recomiendas para una casa de cuatro personas",
    "como mido la pendiente del desague del patio",
    "el tubo de cobre brilla despues de lijarlo, ya lo sueldo?",
    "cuanto pesa un tinaco de 1100 litros vacio",
])
def test_look_alikes_stay_quiet(conn: psycopg.Connection, message: str) -> None:
    assert rules(conn, message) == []


@pytest.mark.parametrize("message", [
    "hay una fuga en la escalera del edificio y el piso resbala, de donde viene",
    "el piso del baño esta inclinado hacia afuera y el agua no llega al sumidero",
])
def test_look_alikes_of_height_and_lifting_stay_quiet(conn: psycopg.Connection, message: str) -> None:
    assert not {"trabajo-en-altura", "carga-pesada"} & set(rules(conn, message))
