# Writes tuning set 32 (eval/estimates-independent-32.jsonl), helper est37, stop 37 (issue 18): the reading faults
# the lead's held-out measurements show, in the lead's general words only — (m1) long renovation lists, (m2) a
# fixture the catalogue lacks priced at the nearest row, (m3) Spanglish and brand names used as common nouns, (m4)
# batch words other than "en los N pisos" and labour per flat, (m5) per-unit maintenance visits, (m6) lengths in
# centimetres and fractions next to sizes, (m7) water heaters by litres and regional names (calefón by its number).
# Wordings from general plumbing knowledge (Spain and Latin America), written before any rule was changed.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from set_cases import case, it, write_cases  # noqa: E402  (bench/estimates/set_cases.py)

OUT = Path(__file__).resolve().parents[3] / "eval" / "estimates-independent-32.jsonl"


CASES = [
    # ---- single-turn (kx01-kx08) ----
    case("kx01", "ES", "typed", [(
        "presupuesto reforma de baño completo: retirada de la bañera vieja, plato de ducha de 80x120, grifo termostático "
        "de ducha, barra de ducha, inodoro completo, lavabo con pedestal, monomando de lavabo, sifón de lavabo, bote "
        "sifónico, 2 llaves de escuadra de 1/2 a 3/8, 6 metros de multicapa de 16 y un contenedor de escombros", "new",
        "a whole bathroom, twelve items; the shower tray (not a catalogue row) a cotizar, the rest priced")],
        [it("retirada de bañera", None, 1), it("plato de ducha", "80x120", 1), it("grifo termostático de ducha", None, 1),
         it("barra de ducha", None, 1), it("inodoro completo", None, 1), it("lavabo de pedestal", None, 1),
         it("grifo monomando de lavabo", None, 1), it("sifón de lavabo", None, 1), it("bote sifónico", None, 1),
         it("llave de escuadra", "1/2\" x 3/8\"", 2), it("tubo multicapa", "16 mm", 6, "m"),
         it("contenedor de escombros", None, 1)], quote=["plato de ducha"], kind="m1"),
    case("kx02", "PE", "typed", [(
        "cotización baño completo para departamento: inodoro, lavatorio, grifería monocomando de lavatorio, mezcladora "
        "de ducha, terma eléctrica de 50 litros, válvula de seguridad de la terma, 2 llaves de paso de 1/2, 6 metros de "
        "tubo CPVC de 1/2, 10 codos CPVC de 1/2 y un sumidero", "new",
        "ten items; CPVC pipe and elbows (not catalogue rows) a cotizar, never the PVC drain pipe")],
        [it("inodoro completo", None, 1), it("lavabo", None, 1), it("grifo monomando de lavabo", None, 1),
         it("grifo monomando de ducha", None, 1), it("termo eléctrico", "50 l", 1),
         it("válvula de seguridad para termo", None, 1), it("llave de paso", "1/2\"", 2),
         it("tubo CPVC", "1/2\"", 6, "m"), it("codo CPVC", "1/2\"", 10), it("sumidero", None, 1)],
        quote=["tubo CPVC", "codo CPVC"], notes="'lavatorio' without pedestal or countertop: either basin, or a cotizar.",
        kind="m1+m2"),
    case("kx03", "MX", "voice", [("cotiza un tinaco de 1100 litros y su flotador", "new",
                                  "an 1100 l roof tank (not the 1000 l row: a cotizar) and its float valve")],
         [it("tinaco", "1100 l", 1), it("flotador de depósito", None, 1)], quote=["tinaco"], kind="m2"),
    case("kx04", "ES", "voice", [("presupuesto de una válvula de pie de una pulgada para la bomba del pozo y tres metros "
                                  "de tubo de polietileno de 32", "new",
                                  "a 1 inch foot valve (not the check valve row: a cotizar) and 3 m of 32 mm PE")],
         [it("válvula de pie", "1\"", 1), it("tubo de polietileno", "32 mm", 3, "m")], quote=["válvula de pie"], kind="m2"),
    case("kx05", "MX", "voice", [("cotizame un PEX de 20 de seis metros y cuatro conectores PEX de 20", "new",
                                  "6 m of 20 mm PEX ('un PEX' is the pipe; the length after the size) and four 20 mm PEX couplings")],
         [it("tubo PEX", "20 mm", 6, "m"), it("racor PEX", "20 mm", 4)], kind="m3+m6"),
    case("kx06", "ES", "typed", [("presupuesto de 50 cm de tubo de cobre de 22 y un manguito de 22", "new",
                                  "0.5 m of 22 mm copper and one 22 mm coupling")],
         [it("tubo de cobre", "22 mm", 0.5, "m"), it("manguito de cobre", "22 mm", 1)], kind="m6"),
    case("kx07", "AR", "typed", [("presupuesto de un calefón de 14 litros", "new",
                                  "14 'litros' is a flow: the 14 l/min gas instantaneous heater")],
         [it("calentador de gas", "14 l/min", 1)], kind="m7"),
    case("kx08", "MX", "voice", [("cotiza un boiler de paso de 6 litros", "new",
                                  "an instantaneous gas heater of 6 l/min: no such row (5 and 11 l/min): a cotizar")],
         [it("calentador de gas", "6 l/min", 1)], quote=["calentador de gas"], kind="m7+m2"),
    # ---- multi-turn (kx09-kx36) ----
    case("kx09", "MX", "voice", [
        ("cotizame la cocina completa fregadero de acero de dos tarjas monomando de cocina con regadera extraible sifon "
         "del fregadero dos llaves de escuadra de media cinco metros de tubo pex de 16 cuatro codos pex de 16 la llave de "
         "la lavadora y el desague de la lavadora", "new", "a whole kitchen, nine items"),
        ("agregale tambien un saco de retirada de escombros", "revised", "one sack of rubble removal added")],
        [it("fregadero de 2 senos", None, 1), it("grifo monomando de cocina extraíble", None, 1),
         it("sifón de fregadero", None, 1), it("llave de escuadra", "1/2\"", 2), it("tubo PEX", "16 mm", 5, "m"),
         it("codo PEX", "16 mm", 4), it("grifo de lavadora", None, 1), it("desagüe de lavadora", None, 1),
         it("retirada de escombros", None, 1)], kind="m1"),
    case("kx10", "AR", "typed", [
        ("presupuesto baño entero: inodoro largo con mochila, bidet, lavatorio con pie, grifería monocomando de lavatorio, "
         "monocomando de bidet, monocomando de ducha, sopapa de ducha, 8 metros de termofusión de 20, 6 codos de "
         "termofusión de 20, 2 llaves de paso de 3/4", "new", "a whole bathroom, ten items"),
        ("la sopapa sacala, ya la tiene", "revised", "the shower drain removed")],
        [it("inodoro completo", None, 1), it("bidé", None, 1), it("lavabo de pedestal", None, 1),
         it("grifo monomando de lavabo", None, 1), it("grifo monomando de bidé", None, 1),
         it("grifo monomando de ducha", None, 1), it("tubo PPR", "20 mm", 8, "m"), it("codo PPR", "20 mm", 6),
         it("llave de paso", "3/4\"", 2)], kind="m1"),
    case("kx11", "CO", "typed", [
        ("cotización remodelación baño: sanitario completo, lavamanos de pedestal, grifería monomando lavamanos, ducha "
         "monomando, rejilla de piso con sifón, 4 metros de tubo PVC sanitario de 2 pulgadas, 3 codos PVC de 2 pulgadas, "
         "llave de paso de 1/2, cinta teflón y soldadura PVC", "new", "ten items; 'soldadura PVC' is the PVC cement"),
        ("¿cuánto sale con la ducha termostática?", "unchanged", "price asked"),
        ("listo, esa", "revised", "the thermostatic shower mixer decided")],
        [it("inodoro completo", None, 1), it("lavabo de pedestal", None, 1), it("grifo monomando de lavabo", None, 1),
         it("grifo termostático de ducha", None, 1), it("sumidero sifónico", None, 1), it("tubo PVC", "50 mm", 4, "m"),
         it("codo PVC", "50 mm", 3), it("llave de paso", "1/2\"", 1), it("cinta de teflón", None, 1),
         it("adhesivo para PVC", None, 1)], kind="m1+m3"),
    case("kx12", "ES", "voice", [
        ("presupuesto para la cocina fregadero de un seno grifo de cocina extraible sifon de fregadero valvula de desague "
         "del fregadero llave de escuadra doble para el lavavajillas grifo de lavadora toma de desague de la lavadora tres "
         "metros de tubo de pvc de 40 dos codos de 40 y dos horas de oficial", "new", "ten items and 2 h"),
        ("y la encimera de granito también", "revised", "a countertop: not a plumbing row, a cotizar")],
        [it("fregadero de 1 seno", None, 1), it("grifo monomando de cocina extraíble", None, 1),
         it("sifón de fregadero", None, 1), it("válvula de desagüe de fregadero", None, 1),
         it("llave de escuadra doble", None, 1), it("grifo de lavadora", None, 1), it("desagüe de lavadora", None, 1),
         it("tubo PVC", "40 mm", 3, "m"), it("codo PVC", "40 mm", 2), it("encimera de granito", None, 1)],
        hours=2, quote=["encimera de granito"], kind="m1"),
    case("kx13", "ES", "typed", [
        ("presupuesto de un inodoro suspendido con su cisterna empotrada y la placa de pulsador", "new",
         "wall-hung toilet, in-wall cistern, flush plate"),
        ("añade una mampara de ducha de 120", "revised", "a shower screen: no row, a cotizar (never another item)")],
        [it("inodoro suspendido", None, 1), it("cisterna empotrada", None, 1), it("placa de accionamiento", None, 1),
         it("mampara de ducha", "120 cm", 1)], quote=["mampara de ducha"], kind="m2"),
    case("kx14", "ES", "typed", [
        ("presupuesto de 5 metros de tubo de acero inoxidable de 22 y 2 codos inox de 22", "new",
         "stainless steel pipe and elbows: no rows, a cotizar (never the copper 22)"),
        ("y una llave de paso de 3/4", "revised", "a 3/4 stop valve added")],
        [it("tubo de acero inoxidable", "22 mm", 5, "m"), it("codo inox", "22 mm", 2), it("llave de paso", "3/4\"", 1)],
        quote=["tubo de acero inoxidable", "codo inox"], kind="m2"),
    case("kx15", "AR", "typed", [
        ("presupuesto de un termotanque a gas de 80 litros", "new",
         "a gas storage heater: the catalogue's 80 l is electric: a cotizar"),
        ("y la válvula de seguridad", "revised", "the safety valve added")],
        [it("termotanque a gas", "80 l", 1), it("válvula de seguridad para termo", None, 1)], quote=["termotanque a gas"],
        kind="m2+m7"),
    case("kx16", "CO", "typed", [
        ("cotización de un calentador de paso a gas de 12 litros", "new", "12 l/min: no row (11 and 14): a cotizar"),
        ("mejor que sea de 14", "revised", "the 14 l/min one")],
        [it("calentador de gas", "14 l/min", 1)], kind="m2+m7"),
    case("kx17", "ES", "typed", [
        ("presupuesto de una caldera de condensación de 30 kW", "new", "30 kW: no row (28, 35): a cotizar"),
        ("y la retirada de la vieja", "revised", "the old boiler's removal added")],
        [it("caldera de condensación", "30 kW", 1), it("retirada de caldera", None, 1)],
        quote=["caldera de condensación"], kind="m2"),
    case("kx18", "PR", "typed", [
        ("estimado para cambiar el flush del inodoro y el wax ring", "new",
         "the toilet's flush mechanism (a handle: single) and the wax ring"),
        ("y también la válvula check de 3/4 de la bomba", "revised", "a 3/4 check valve added")],
        [it("mecanismo de descarga", None, 1), it("junta de cera", None, 1), it("válvula antirretorno", "3/4\"", 1)],
        kind="m3"),
    case("kx19", "DO", "typed", [
        ("presupuesto de una bomba presurizadora para la casa con su tanque de presión de 24 litros", "new",
         "a booster pump and a 24 l pressure vessel"),
        ("agrégale el pressure switch", "revised", "the pressure switch added")],
        [it("bomba presurizadora", None, 1), it("calderín", "24 l", 1), it("presostato", None, 1)], kind="m3"),
    case("kx20", "MX", "typed", [
        ("cotizame un tinaco rotoplas de mil litros con su flotador", "new", "brand as the noun: a 1000 l tank, float"),
        ("agregale 2 metros de tubo pex de 20", "revised", "2 m of 20 mm PEX added")],
        [it("depósito de agua", "1000 l", 1), it("flotador de depósito", None, 1), it("tubo PEX", "20 mm", 2, "m")],
        kind="m3"),
    case("kx21", "AR", "typed", [
        ("presupuesto de 2 llaves de paso de 3/4 y 4 metros de hidro 3 de 25", "new",
         "'hidro 3' (a brand) is PPR pipe: 4 m of 25 mm PPR"),
        ("agregale 3 codos de 25", "revised", "three 25 mm PPR elbows (the material of the pipe)")],
        [it("llave de paso", "3/4\"", 2), it("tubo PPR", "25 mm", 4, "m"), it("codo PPR", "25 mm", 3)], kind="m3"),
    case("kx22", "ES", "typed", [
        ("presupuesto de un fluidmaster para la cisterna", "new", "brand as the noun: the cistern fill valve"),
        ("y un rollo de teflón", "revised", "PTFE tape added")],
        [it("mecanismo de alimentación", None, 1), it("cinta de teflón", None, 1)], kind="m3"),
    case("kx23", "PR", "typed", [
        ("estimado para cambiar el boiler eléctrico de 40 galones", "new", "40 gal ≈ 150 l electric storage heater"),
        ("y la válvula de alivio", "revised", "the relief (safety) valve added")],
        [it("termo eléctrico", "150 l", 1), it("válvula de seguridad para termo", None, 1)], kind="m3+m7"),
    case("kx24", "ES", "typed", [
        ("presupuesto para cambiar la llave de paso de 3/4 de las 5 viviendas del bloque, en todas menos en el bajo", "new",
         "five homes but the ground floor: four valves, and the valve job's hour in each"),
        ("envíalo", "sent", "send")],
        [it("llave de paso", "3/4\"", 4)], hours=4, status="sent", kind="m4"),
    case("kx25", "MX", "typed", [
        ("cotiza cambiar el flotador del tinaco en 6 departamentos", "new", "six float valves"),
        ("no, son 7 departamentos", "revised", "seven")],
        [it("flotador de depósito", None, 7)], kind="m4"),
    case("kx26", "ES", "voice", [
        ("presupuesto para los dos baños iguales en cada uno un inodoro completo y un monomando de lavabo", "new",
         "two bathrooms alike: two toilets, two basin mixers"),
        ("y un sifón de lavabo en cada uno", "revised", "two basin traps added")],
        [it("inodoro completo", None, 2), it("grifo monomando de lavabo", None, 2), it("sifón de lavabo", None, 2)],
        kind="m4"),
    case("kx27", "CO", "typed", [
        ("cotización para 8 apartamentos, en 4 de ellos cambiar el sifón del lavaplatos", "new",
         "four kitchen-sink traps (CO lavaplatos = the sink)"),
        ("y en todos el aireador de la llave del lavaplatos", "revised", "eight aerators added")],
        [it("sifón de fregadero", None, 4), it("aireador", None, 8)], kind="m4"),
    case("kx28", "ES", "typed", [
        ("presupuesto para los 4 pisos: en cada uno cambiar las 2 llaves de escuadra de 1/2 a 3/8", "new",
         "eight angle valves"),
        ("no, son 5 pisos", "revised", "ten angle valves")],
        [it("llave de escuadra", "1/2\" x 3/8\"", 10)], kind="m4"),
    case("kx29", "ES", "typed", [
        ("presupuesto de revisión en los 10 apartamentos del hotel: en cada uno cambiar el aireador del grifo del lavabo "
         "y el flexo de la ducha", "new", "ten aerators and ten shower hoses"),
        ("y 5 horas de oficial en total", "revised", "5 h")],
        [it("aireador", None, 10), it("flexo de ducha", None, 10)], hours=5, kind="m5"),
    case("kx30", "MX", "voice", [
        ("cotizacion de mantenimiento de las 12 habitaciones del hotel en cada una cambiar la regadera y el aireador del "
         "lavabo", "new", "twelve fixed shower heads (MX regadera) and twelve aerators"),
        ("en 3 de ellas tambien el kit de herrajes del tanque", "revised", "three cistern fitting kits added")],
        [it("rociador de ducha", None, 12), it("aireador", None, 12), it("kit de mecanismos de cisterna", None, 3)],
        kind="m5"),
    case("kx31", "CL", "typed", [
        ("cotización mantención de 6 departamentos, por departamento cambiar la llave de paso de 1/2", "new",
         "six 1/2 stop valves, the valve job's hour in each flat"),
        ("¿cuánto sería con llaves de 3/4?", "unchanged", "price asked")],
        [it("llave de paso", "1/2\"", 6)], hours=6, kind="m5+m4"),
    case("kx32", "ES", "typed", [
        ("presupuesto de visita de mantenimiento a las 8 oficinas: en cada una cambiar el obturador de la cisterna", "new",
         "eight flush seals"),
        ("en 2 de ellas cambia también el grifo flotador", "revised", "two fill valves added")],
        [it("obturador de descarga", None, 8), it("mecanismo de alimentación", None, 2)], kind="m5"),
    case("kx33", "AR", "voice", [
        ("presupuesto de medio metro de caño de cobre de media y dos codos de cobre de media", "new",
         "0.5 m of 1/2 (15 mm) copper and two 15 mm elbows: 'medio metro' the length, 'de media' the size"),
        ("agregale un manguito de cobre de media", "revised", "one 15 mm coupling")],
        [it("tubo de cobre", "15 mm", 0.5, "m"), it("codo de cobre", "15 mm", 2), it("manguito de cobre", "15 mm", 1)],
        kind="m6"),
    case("kx34", "MX", "voice", [
        ("cotiza 80 centimetros de tubo pvc de 2 pulgadas", "new", "0.8 m of 50 mm PVC"),
        ("y un metro y medio de pvc de 4 pulgadas", "revised", "1.5 m of 110 mm PVC added")],
        [it("tubo PVC", "50 mm", 0.8, "m"), it("tubo PVC", "110 mm", 1.5, "m")], kind="m6"),
    case("kx35", "UY", "typed", [
        ("presupuesto para cambiar el calefón de 30 litros", "new", "30 litres is a storage size: the 30 l electric heater"),
        ("agregale la válvula de seguridad", "revised", "the safety valve added")],
        [it("termo eléctrico", "30 l", 1), it("válvula de seguridad para termo", None, 1)], kind="m7"),
    case("kx36", "CL", "typed", [
        ("cotización de un calefón para el departamento", "asked",
         "calefón with no number and no other word: gas or electric asked back", ["new"]),
        ("a gas, de 11 litros, tiro forzado", "new", "the 11 l/min sealed gas heater", ["revised"])],
        [it("calentador de gas estanco", "11 l/min", 1)], kind="m7"),
]


def main() -> None:
    assert len({c["id"] for c in CASES}) == len(CASES) == 36
    write_cases(OUT, CASES)
    print(OUT, len(CASES))


if __name__ == "__main__":
    main()
