# Writes tuning set 34 (eval/estimates-independent-34.jsonl), helper est38, stop 38 (issue 18): the reading faults
# the lead's held-out measurements show, in the lead's general words only — (n1) the price of another size asked after
# the first (often after a line left a cotizar), (n2) a size or kind the catalogue lacks (never the neighbouring row),
# (n3) an insurer's, administrator's or owner's removals and splits of the open draft, (n4) a first fix's plan changes
# (more metres, more points, a second bathroom like the first), (n5) long lists, a batch's count corrected (its hours
# too), a gas storage heater left a cotizar. Wordings from general plumbing knowledge (Spain and Latin America),
# written before any rule was changed for them. Decision (SAID-38 §2): the price of another size asked is a side
# question — the draft stays ("unchanged"), the plumber decides in the next turn.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from set_cases import case, it, write_cases  # noqa: E402  (bench/estimates/set_cases.py)

OUT = Path(__file__).resolve().parents[3] / "eval" / "estimates-independent-34.jsonl"

CASES = [
    # ---- single-turn (gk01-gk08) ----
    case("gk01", "ES", "typed", [(
        "presupuesto de un termo eléctrico de 60 litros con su válvula de seguridad y el kit de conexión", "new",
        "a 60 l electric heater (no row: 50 and 80) a cotizar, its safety valve and connection kit priced")],
        [it("termo eléctrico", "60 l", 1), it("válvula de seguridad para termo", None, 1), it("kit de conexión de termo", None, 1)],
        quote=["termo eléctrico"], kind="n2"),
    case("gk02", "MX", "voice", [(
        "cotiza un calentador solar de 150 litros y seis metros de tubo de cobre de media", "new",
        "a solar water heater (no row; never the 150 l electric one) a cotizar, 6 m of 1/2 in copper")],
        [it("calentador solar", "150 l", 1), it("tubo de cobre", "1/2\"", 6, "m")], quote=["calentador solar"], kind="n2"),
    case("gk03", "AR", "typed", [(
        "presupuesto de un equipo de presión de 1,5 HP para el edificio", "new",
        "a 1.5 HP pressure set: the catalogue's is 1 CV, a cotizar")],
        [it("grupo de presión", "1,5 HP", 1)], quote=["grupo de presión"], kind="n2"),
    case("gk04", "CL", "typed", [(
        "cotización calefón a gas de 20 litros tiro forzado", "new",
        "a 20 l/min gas instantaneous heater (rows 5, 11, 14, 17): a cotizar, never the 17")],
        [it("calentador de gas", "20 l/min", 1)], quote=["calentador de gas"], kind="n2"),
    case("gk05", "ES", "voice", [(
        "presupuesto de un termo de gas de 80 litros acumulador para el bar y la retirada del viejo", "new",
        "a gas storage heater (no row; never the 80 l electric one): a cotizar, not refused; the old one's removal priced")],
        [it("acumulador de gas", "80 l", 1), it("retirada de termo viejo", None, 1)], quote=["acumulador de gas"], kind="n5+n2"),
    case("gk06", "CO", "typed", [(
        "cotización cocina completa: lavaplatos de acero de dos pozos, grifería monocontrol de cocina, sifón del "
        "lavaplatos, 2 llaves de paso de 1/2, llave para la lavadora, 4 metros de tubo sanitario PVC de 2 pulgadas, "
        "3 codos PVC de 2 pulgadas y una válvula de desagüe del lavaplatos", "new",
        "a whole kitchen in one message, eight items, all priced (CO lavaplatos = the sink)")],
        [it("fregadero de dos senos", None, 1), it("grifo monomando de cocina", None, 1), it("sifón de fregadero", None, 1),
         it("llave de paso", "1/2\"", 2), it("grifo de lavadora", None, 1), it("tubo PVC", "50 mm", 4, "m"),
         it("codo PVC", "50 mm", 3), it("válvula de desagüe de fregadero", None, 1)], kind="n5"),
    case("gk07", "ES", "typed", [(
        "presupuesto baño entero: retirada de 3 sanitarios, inodoro suspendido, cisterna empotrada con su placa de "
        "accionamiento, lavabo sobre encimera con monomando y sifón, columna de ducha termostática, válvula de desagüe de "
        "ducha, 2 llaves de escuadra, 8 metros de multicapa de 20, 6 codos de multicapa de 20 y 3 metros de PVC de 40",
        "new", "a whole bathroom in one message, thirteen items, all priced")],
        [it("retirada de sanitario", None, 3), it("inodoro suspendido", None, 1), it("cisterna empotrada", None, 1),
         it("placa de accionamiento", None, 1), it("lavabo sobre encimera", None, 1), it("grifo monomando de lavabo", None, 1),
         it("sifón de lavabo", None, 1), it("columna de ducha", None, 1), it("válvula de desagüe de ducha", None, 1),
         it("llave de escuadra", None, 2), it("tubo multicapa", "20 mm", 8, "m"), it("codo multicapa", "20 mm", 6),
         it("tubo PVC", "40 mm", 3, "m")], kind="n5"),
    case("gk08", "PE", "voice", [(
        "cotizacion de un tanque elevado de 750 litros con su flotador", "new",
        "a 750 l tank (rows 500 and 1000): a cotizar; its float valve priced")],
        [it("depósito de agua", "750 l", 1), it("flotador de depósito", None, 1)], quote=["depósito de agua"], kind="n2"),
    # ---- multi-turn (gk09-gk36) ----
    # (n1) another size's price asked: a side question, the draft stays; the plumber decides after
    case("gk09", "ES", "typed", [
        ("presupuesto termo eléctrico de 60 litros y retirada del viejo", "new", "60 l a cotizar, the removal priced"),
        ("¿y cuánto sale el de 80?", "unchanged", "asks the 80 l's price: the answer gives it, the draft stays")],
        [it("termo eléctrico", "60 l", 1), it("retirada de termo viejo", None, 1)], quote=["termo eléctrico"], kind="n1"),
    case("gk10", "AR", "typed", [
        ("presupuesto calefón a gas de 12 litros", "new", "12 l/min: no row, a cotizar"),
        ("¿y si fuera de 14 litros cuánto sería?", "unchanged", "asks the 14's price"),
        ("dale, poné el de 14", "revised", "now decides: the 14 l/min")],
        [it("calentador de gas", "14 l/min", 1)], kind="n1"),
    case("gk11", "MX", "voice", [
        ("cotiza un equipo hidroneumático de 2 HP para el edificio", "new", "2 HP: no row (1 CV), a cotizar"),
        ("y cuánto sale el de 1 HP", "unchanged", "asks the 1 HP set's price (the 1 CV row)")],
        [it("grupo de presión", "2 HP", 1)], quote=["grupo de presión"], kind="n1"),
    case("gk12", "CL", "typed", [
        ("cotización termo eléctrico de 100 litros con válvula de seguridad", "new", "100 l and its valve"),
        ("¿y el de 150?", "unchanged", "the 150's price asked, no cuánto said"),
        ("no, déjalo así", "unchanged", "keeps the 100")],
        [it("termo eléctrico", "100 l", 1), it("válvula de seguridad para termo", None, 1)], kind="n1"),
    case("gk13", "ES", "voice", [
        ("presupuesto de calentador de gas de 11 litros y la retirada del viejo", "new", "the 11 l/min and the removal"),
        ("y si fuera de 14 litros cuánto sería", "unchanged", "asks the 14's price"),
        ("vale, ponlo", "revised", "takes the 14")],
        [it("calentador de gas", "14 l/min", 1), it("retirada de termo viejo", None, 1)], kind="n1"),
    case("gk14", "UY", "typed", [
        ("presupuesto termo eléctrico de 40 litros", "new", "40 l: no row (30 and 50), a cotizar"),
        ("¿y el de 30 cuánto sale?", "unchanged", "asks the 30's price"),
        ("bueno, ponele el de 30", "revised", "takes the 30")],
        [it("termo eléctrico", "30 l", 1)], kind="n1"),
    case("gk15", "VE", "typed", [
        ("presupuesto de un tanque de 1100 litros con flotador", "new", "1100 l: no row, a cotizar; the float valve priced"),
        ("¿y cuánto sale el de 1000?", "unchanged", "asks the 1000 l's price")],
        [it("depósito de agua", "1100 l", 1), it("flotador de depósito", None, 1)], quote=["depósito de agua"], kind="n1"),
    case("gk16", "CO", "voice", [
        ("cotización de un vaso de expansión de 12 litros para la caldera", "new", "12 l: no row (8 sanitary, 18 heating), a cotizar"),
        ("y cuánto vale el de 18", "unchanged", "asks the 18 l's price"),
        ("listo, ese", "revised", "takes the 18 l heating vessel")],
        [it("vaso de expansión de calefacción", "18 l", 1)], kind="n1"),
    # (n2) a size or kind the catalogue lacks, then a change
    case("gk17", "ES", "typed", [
        ("presupuesto caldera de condensación de 30 kW y retirada de la vieja", "new", "30 kW: no row (28, 35), a cotizar"),
        ("añade el kit de evacuación de humos", "revised", "the boiler's flue kit added")],
        [it("caldera de condensación", "30 kW", 1), it("retirada de caldera", None, 1), it("kit de evacuación de caldera", None, 1)],
        quote=["caldera de condensación"], kind="n2"),
    case("gk18", "MX", "voice", [
        ("cotiza un boiler solar de 200 litros", "new", "a solar heater: no row (never the 200 l electric one), a cotizar"),
        ("y agrégale 10 metros de tubo de cobre de tres cuartos", "revised", "10 m of 3/4 in copper (22 mm)")],
        [it("calentador solar", "200 l", 1), it("tubo de cobre", "3/4\"", 10, "m")], quote=["calentador solar"], kind="n2"),
    # (n3) an insurer's, administrator's or owner's removals and splits
    case("gk19", "ES", "typed", [
        ("presupuesto reparación de fuga: localización de fugas, 2 metros de tubo de cobre de 15, 2 manguitos de 15, "
         "2 horas de albañil y 3 horas de oficial", "new", "leak repair with masonry help and 3 h"),
        ("el perito dice que la albañilería no la cubre el seguro, quítala", "revised", "the masonry hours removed")],
        [it("localización de fugas", None, 1), it("tubo de cobre", "15 mm", 2, "m"), it("manguito de cobre", "15 mm", 2)],
        hours=3, kind="n3"),
    case("gk20", "ES", "voice", [
        ("presupuesto para el seguro desatasco con máquina inspección con cámara y una hora de oficial", "new",
         "machine unblocking, camera inspection, 1 h"),
        ("el seguro no paga la inspección con cámara sácala", "revised", "the camera inspection removed")],
        [it("desatasco con máquina", None, 1)], hours=1, kind="n3"),
    case("gk21", "AR", "typed", [
        ("presupuesto baño: inodoro completo, lavatorio de pie, 6 metros de termofusión de 20, 4 codos de termofusión "
         "de 20 y 4 horas de oficial", "new", "toilet, pedestal basin, PPR 20 pipe and elbows, 4 h"),
        ("los sanitarios los compra el dueño, sacá el inodoro y el lavatorio", "revised", "both fixtures removed")],
        [it("tubo PPR", "20 mm", 6, "m"), it("codo PPR", "20 mm", 4)], hours=4, kind="n3"),
    case("gk22", "ES", "typed", [
        ("presupuesto cambio de bañera por plato de ducha: retirada de la bañera, plato de ducha de 70x140, monomando "
         "de ducha, barra de ducha, azulejos de la pared y 8 horas de oficial", "new",
         "tray and tiles a cotizar (no rows), the rest priced, 8 h"),
        ("los azulejos los pone el cliente", "revised", "the tiles line removed (the customer supplies them)")],
        [it("retirada de bañera", None, 1), it("plato de ducha", "70x140", 1), it("grifo monomando de ducha", None, 1),
         it("barra de ducha", None, 1)], hours=8, quote=["plato de ducha"], kind="n3"),
    case("gk23", "CL", "typed", [
        ("cotización para la administración del edificio: destape del colector con máquina, 6 metros de tubo PVC de 110, "
         "2 codos de 110 y 4 horas de maestro", "new", "machine unblocking, 110 mm PVC pipe and elbows, 4 h"),
        ("la administración dice que el destape lo paga el seguro aparte, sácalo", "revised", "the unblocking removed")],
        [it("tubo PVC", "110 mm", 6, "m"), it("codo PVC", "110 mm", 2)], hours=4, kind="n3"),
    case("gk24", "ES", "voice", [
        ("presupuesto de la reparación localización de fugas tres metros de multicapa de 16 dos codos de multicapa de 16 "
         "y dos horas de oficial", "new", "leak finding, 3 m of 16 mm multilayer, 2 elbows, 2 h"),
        ("separa la mano de obra", "unchanged", "the labour shown apart: the same lines, never a new estimate or a refusal",
         ("revised", "asked"))],
        [it("localización de fugas", None, 1), it("tubo multicapa", "16 mm", 3, "m"), it("codo multicapa", "16 mm", 2)],
        hours=2, kind="n3"),
    case("gk25", "MX", "typed", [
        ("cotización para la aseguradora: localización de fuga, 4 metros de tubo de cobre de 1/2, 4 coples de cobre de "
         "1/2, resane de muro y 5 horas de mano de obra", "new", "wall patching a cotizar (no row), the rest priced"),
        ("la aseguradora no cubre el resane, quítalo", "revised", "the patching line removed")],
        [it("localización de fugas", None, 1), it("tubo de cobre", "1/2\"", 4, "m"), it("manguito de cobre", "1/2\"", 4)],
        hours=5, kind="n3"),
    # (n4) a first fix's plan changes
    case("gk26", "ES", "typed", [
        ("presupuesto fontanería de un baño de obra nueva: 12 metros de multicapa de 16, 8 codos de multicapa de 16, "
         "4 tes de multicapa de 16, 2 llaves de paso de empotrar de 1/2 y 6 horas de oficial", "new", "a first fix"),
        ("suma 6 metros de multicapa de 20 y 2 llaves de escuadra", "revised", "6 m of 20 mm and two angle valves added")],
        [it("tubo multicapa", "16 mm", 12, "m"), it("codo multicapa", "16 mm", 8), it("te multicapa", "16 mm", 4),
         it("llave de paso de empotrar", "1/2\"", 2), it("tubo multicapa", "20 mm", 6, "m"), it("llave de escuadra", None, 2)],
        hours=6, kind="n4"),
    case("gk27", "ES", "voice", [
        ("presupuesto instalación del lavadero grifo de lavadero sifón de lavadora tres metros de tubo de pvc de 40 y dos "
         "codos de pvc de 40", "new", "utility-room tap, trap, 3 m of 40 mm drain, 2 elbows"),
        ("el lavadero se va al patio, cuatro metros más de desagüe de 40", "revised", "the 40 mm drain pipe 3 → 7 m")],
        [it("grifo de lavadero", None, 1), it("sifón de lavadora", None, 1), it("tubo PVC", "40 mm", 7, "m"),
         it("codo PVC", "40 mm", 2)], kind="n4"),
    case("gk28", "AR", "typed", [
        ("presupuesto instalación de un baño: 10 metros de termofusión de 20, 6 codos de termofusión de 20, 2 llaves de "
         "paso de 3/4, 4 metros de caño de PVC de 40 y 2 metros de caño de 110", "new", "one bathroom's first fix"),
        ("un baño más igual al primero", "revised", "every count doubled")],
        [it("tubo PPR", "20 mm", 20, "m"), it("codo PPR", "20 mm", 12), it("llave de paso", "3/4\"", 4),
         it("tubo PVC", "40 mm", 8, "m"), it("tubo PVC", "110 mm", 4, "m")], kind="n4"),
    case("gk29", "MX", "voice", [
        ("cotiza la instalación de la cocina ocho metros de tubo de cobre de media seis codos de cobre de media y dos "
         "llaves de paso de media", "new", "copper first fix of a kitchen"),
        ("agrégale dos salidas más cuatro metros más de tubo de cobre de media y dos codos más", "revised",
         "pipe 8 → 12 m, elbows 6 → 8")],
        [it("tubo de cobre", "1/2\"", 12, "m"), it("codo de cobre", "1/2\"", 8), it("llave de paso", "1/2\"", 2)], kind="n4"),
    case("gk30", "ES", "typed", [
        ("presupuesto de la cocina: 6 metros de multicapa de 20, 4 codos de multicapa de 20, una llave de paso de empotrar "
         "de 3/4 y 3 horas de oficial", "new", "a kitchen's first fix"),
        ("al final la lavadora va en la cocina: pon un grifo de lavadora y un sifón de lavadora, y 2 metros más de "
         "multicapa de 20", "revised", "tap and trap added, pipe 6 → 8 m")],
        [it("tubo multicapa", "20 mm", 8, "m"), it("codo multicapa", "20 mm", 4), it("llave de paso de empotrar", "3/4\"", 1),
         it("grifo de lavadora", None, 1), it("sifón de lavadora", None, 1)], hours=3, kind="n4"),
    case("gk31", "EC", "typed", [
        ("cotización instalación de agua: 15 metros de tubo PPR de 20, 10 codos PPR de 20 y 4 tees PPR de 20", "new",
         "PPR 20 pipe, elbows and tees"),
        ("son 3 puntos más, súmale 6 metros de tubo y 3 codos", "revised", "pipe 15 → 21 m, elbows 10 → 13")],
        [it("tubo PPR", "20 mm", 21, "m"), it("codo PPR", "20 mm", 13), it("te PPR", "20 mm", 4)], kind="n4"),
    # (n5) what SAID-37 left: a batch's count corrected with its hours, a gas storage heater, long lists revised
    case("gk32", "ES", "typed", [
        ("presupuesto para la comunidad: en los 4 pisos cambiar la llave de paso de 3/4", "new",
         "four valves, the job's hour in each flat"),
        ("no, son 6 pisos", "revised", "six valves and six hours (the hours counted again)")],
        [it("llave de paso", "3/4\"", 6)], hours=6, kind="n5"),
    case("gk33", "UY", "typed", [
        ("presupuesto para el edificio: en los 8 apartamentos cambiar la llave de paso de 1/2 del baño", "new",
         "eight valves, an hour in each"),
        ("perdón, son 10 apartamentos", "revised", "ten valves, ten hours")],
        [it("llave de paso", "1/2\"", 10)], hours=10, kind="n5"),
    case("gk34", "CO", "voice", [
        ("cotización de un calentador de acumulación a gas de 100 litros", "new",
         "a gas storage heater: no row, a cotizar (not refused, never the 100 l electric one)"),
        ("y la instalación con tres horas de oficial", "revised", "3 h added")],
        [it("acumulador de gas", "100 l", 1)], hours=3, quote=["acumulador de gas"], kind="n5+n2"),
    case("gk35", "ES", "typed", [
        ("presupuesto cocina: fregadero de dos senos, monomando de cocina extraíble, sifón de fregadero, 2 llaves de "
         "escuadra de 1/2, grifo de lavadora, 5 metros de multicapa de 16 y 4 codos de multicapa de 16", "new",
         "a kitchen list, seven items"),
        ("quita el grifo de lavadora, que la lavadora va en el lavadero", "revised", "the washing-machine tap removed")],
        [it("fregadero de dos senos", None, 1), it("grifo monomando de cocina extraíble", None, 1),
         it("sifón de fregadero", None, 1), it("llave de escuadra", "1/2\"", 2), it("tubo multicapa", "16 mm", 5, "m"),
         it("codo multicapa", "16 mm", 4)], kind="n5"),
    case("gk36", "MX", "voice", [
        ("cotiza el baño completo taza con tanque lavabo de pedestal monomando de lavabo mezcladora de regadera cespol "
         "del lavabo coladera dos llaves angulares cinco metros de tubo de cobre de media y cuatro codos de cobre de media",
         "new", "a whole bathroom said in MX words, nine items"),
        ("quítale la coladera que ya tiene", "revised", "the floor drain removed")],
        [it("inodoro completo", None, 1), it("lavabo de pedestal", None, 1), it("grifo monomando de lavabo", None, 1),
         it("grifo monomando de ducha", None, 1), it("sifón de lavabo", None, 1), it("llave de escuadra", None, 2),
         it("tubo de cobre", "1/2\"", 5, "m"), it("codo de cobre", "1/2\"", 4)], kind="n5"),
]

if __name__ == "__main__":
    write_cases(OUT, CASES)
    print(f"{len(CASES)} cases -> {OUT}")
