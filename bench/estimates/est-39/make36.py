# Writes tuning set 36 (eval/estimates-independent-36.jsonl), helper est39, stop 39 (issue 18): the kinds the lead's
# held-out set 33 failed, in the lead's general words only (set 33 never opened) — (k1) a line removed because the
# customer bought or brings the part (the hose, the valve that came in the box with the heater, the trap that came
# with the basin), with and without a command; (k2) a count of visits or units changed in a later turn, said as a
# frequency or a product ("cuatro veces al año, así que ocho", "dos por habitación y cinco habitaciones"); (k3) the
# plumber's own correction of a size or a unit ("no de 110 sino de 125", "3 barras de 5 metros", "20 galones, no 40");
# (k4) a first turn naming a part that a neighbouring catalogue row must not stand for (a cartridge is not a mixer, a
# flush valve is not a fill valve, a shower-tray waste is not a thermostatic valve), or a part the words give as the
# customer's own; (k5) a per-unit part counted for the wrong number of units ("en cada baño 2 llaves", "dos por
# lavamanos"); (k6) another size or option's price asked with "en vez de" / "en lugar de": a side question, the draft
# unchanged until the next words decide. Wordings from general plumbing knowledge (Spain and Latin America), written
# before any rule was read or changed for them.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from set_cases import case, it, write_cases  # noqa: E402  (bench/estimates/set_cases.py)

OUT = Path(__file__).resolve().parents[3] / "eval" / "estimates-independent-36.jsonl"

CASES = [
    # ---- single-turn (lq01-lq06): (k4) the part the words name, never its neighbour; the customer's own part ----
    case("lq01", "ES", "typed", [(
        "presupuesto para cambiar el cartucho del monomando del lavabo, es de 35 mm", "new",
        "the 35 mm ceramic cartridge; never a whole basin mixer")],
        [it("cartucho cerámico", "35 mm", 1)], kind="k4"),
    case("lq02", "ES", "voice", [(
        "presupuesto cambiar la válvula de descarga de la cisterna la de doble pulsador", "new",
        "the dual-flush valve (descarga); never the fill valve")],
        [it("mecanismo de descarga doble", None, 1)], kind="k4"),
    case("lq03", "MX", "typed", [(
        "cotiza cambiar la válvula de llenado del tanque del WC", "new",
        "the cistern's fill valve (llenado = alimentación); never the flush valve")],
        [it("mecanismo de alimentación de cisterna", None, 1)], kind="k4"),
    case("lq04", "ES", "typed", [(
        "presupuesto de la válvula de desagüe del plato de ducha de 90", "new",
        "the shower-tray waste 90 mm; never the thermostatic mixing valve")],
        [it("válvula de desagüe de ducha", "90 mm", 1)], kind="k4"),
    case("lq05", "AR", "typed", [(
        "presupuesto para instalar el termotanque que compró el cliente: válvula de seguridad, 2 flexibles de 40 cm "
        "y 2 horas de mano de obra", "new",
        "the customer's own heater is not priced (at most a line a cotizar); the valve, 2 hoses 40 cm, 2 h")],
        [it("válvula de seguridad para termo", None, 1), it("latiguillo", "40 cm", 2)], hours=2, kind="k4"),
    case("lq06", "CO", "voice", [(
        "cotización para instalar la grifería de cocina que ya tiene el cliente con el sifón del lavaplatos y una hora "
        "de mano de obra", "new", "the customer's own kitchen mixer is not priced; the sink trap and 1 h")],
        [it("sifón de fregadero", None, 1)], hours=1, kind="k4"),
    # ---- multi-turn (lq07-lq38) ----
    # (k1) a line removed because the customer bought or brings the part
    case("lq07", "ES", "typed", [
        ("presupuesto instalación de lavadora: grifo de lavadora, manguera de toma de lavadora y sifón de lavadora",
         "new", "tap, hose, trap"),
        ("la manguera la ha comprado el cliente, quítala", "revised", "the hose removed (bought by the customer)")],
        [it("grifo de lavadora", None, 1), it("sifón de lavadora", None, 1)], kind="k1"),
    case("lq08", "ES", "voice", [
        ("presupuesto cambiar termo eléctrico de ochenta litros con válvula de seguridad kit de conexión y retirada "
         "del viejo", "new", "80 l heater, valve, kit, removal"),
        ("la válvula de seguridad ya viene en la caja con el termo quítala", "revised",
         "the valve removed (it comes in the heater's box)")],
        [it("termo eléctrico", "80 l", 1), it("kit de conexión de termo", None, 1), it("retirada de termo viejo", None, 1)],
        kind="k1"),
    case("lq09", "MX", "typed", [
        ("cotiza instalar un lavabo de pedestal con su sifón, monomando de lavabo y dos llaves angulares de 1/2", "new",
         "pedestal basin, trap, mixer, two angle valves"),
        ("el sifón ya venía con el lavabo, quítalo", "revised", "the trap removed (it came with the basin)")],
        [it("lavabo de pedestal", None, 1), it("grifo monomando de lavabo", None, 1), it("llave de escuadra", "1/2\"", 2)],
        kind="k1"),
    case("lq10", "AR", "typed", [
        ("presupuesto: termotanque eléctrico de 80 litros, 2 flexibles de 40 cm y válvula de seguridad", "new",
         "80 l heater, two hoses, valve"),
        ("los flexibles los trae el cliente", "revised", "the hoses removed: the customer brings them (no command)")],
        [it("termo eléctrico", "80 l", 1), it("válvula de seguridad para termo", None, 1)], kind="k1"),
    case("lq11", "CL", "typed", [
        ("cotización cambio de calefón a gas de 11 litros, kit de evacuación y retiro del calefón viejo", "new",
         "11 l/min gas heater, flue kit, removal"),
        ("el calefón lo compró el cliente, sácalo", "revised", "the heater removed (bought by the customer)")],
        [it("kit de evacuación de calentador estanco", None, 1), it("retirada de calentador viejo", None, 1)], kind="k1"),
    case("lq12", "CO", "voice", [
        ("cotización cambio de grifería de la cocina grifería monocontrol de cocina dos mangueras de abasto de cuarenta "
         "centímetros y sifón del lavaplatos", "new", "kitchen mixer, two 40 cm supply hoses, sink trap"),
        ("la grifería ya la compró la señora quítela", "revised", "the mixer removed (bought by the customer)")],
        [it("latiguillo", "40 cm", 2), it("sifón de fregadero", None, 1)], kind="k1"),
    case("lq13", "ES", "typed", [
        ("presupuesto cambio de inodoro: inodoro completo, junta de cera, manguetón flexible, latiguillo de 30 cm y "
         "retirada del viejo", "new", "toilet, wax seal, flexible pan connector, hose, removal"),
        ("el inodoro lo trae el cliente, que ya lo ha comprado en una gran superficie", "revised",
         "the toilet removed: the customer brings it (no command)"),
        ("y añade una llave de escuadra de 1/2", "revised", "one angle valve added")],
        [it("junta de cera", None, 1), it("manguetón flexible", None, 1), it("latiguillo", "30 cm", 1),
         it("retirada de sanitario", None, 1), it("llave de escuadra", "1/2\"", 1)], kind="k1"),
    case("lq14", "UY", "voice", [
        ("presupuesto cambiar el monomando de la ducha y la barra de ducha", "new", "shower mixer and rail"),
        ("la barra la compra el cliente", "revised", "the rail removed: the customer buys it (no command)")],
        [it("grifo monomando de ducha", None, 1)], kind="k1"),
    # (k2) a count of visits or units changed, said as a frequency or a product
    case("lq15", "ES", "typed", [
        ("presupuesto de desatasco con máquina de la red de saneamiento del restaurante", "new", "one machine unblocking"),
        ("lo quieren con mantenimiento: cuatro veces al año, así que ocho en los dos años", "revised", "1 → 8")],
        [it("desatasco con máquina", None, 8)], kind="k2"),
    case("lq16", "MX", "voice", [
        ("cotiza una inspección con cámara del drenaje de la cocina del restaurante", "new", "one camera inspection"),
        ("que sea cada dos meses seis visitas en el año", "revised", "1 → 6")],
        [it("inspección con cámara", None, 6)], kind="k2"),
    case("lq17", "ES", "typed", [
        ("presupuesto revisión de caldera de gas para el hotel, 3 calderas", "new", "three boiler services"),
        ("dos revisiones al año a cada una, o sea seis", "revised", "3 → 6"),
        ("añade 3 purgadores automáticos", "revised", "three air vents added"),
        ("envíalo", "sent", "sent")],
        [it("mantenimiento de caldera", None, 6), it("purgador automático", None, 3)], status="sent", kind="k2"),
    case("lq18", "CL", "typed", [
        ("cotización para el edificio: cambiar la llave de paso de 1/2 del baño en 4 departamentos", "new", "four valves"),
        ("son dos baños por departamento y cinco departamentos, diez llaves", "revised", "4 → 10")],
        [it("llave de paso", "1/2\"", 10)], kind="k2"),
    case("lq19", "ES", "voice", [
        ("presupuesto cambiar los monomandos de lavabo del hostal seis monomandos", "new", "six basin mixers"),
        ("son dos por habitación y cinco habitaciones", "revised", "6 → 10 (a product, no total said)")],
        [it("grifo monomando de lavabo", None, 10)], kind="k2"),
    case("lq20", "AR", "typed", [
        ("presupuesto para el consorcio: cambiar el flotador del tanque de reserva", "new", "one float valve"),
        ("son dos tanques por torre y son 3 torres, 6 flotadores", "revised", "1 → 6")],
        [it("flotador de depósito", None, 6)], kind="k2"),
    # several kinds in one conversation: (k1) a removal with its reason, (k6) a side question, (k3) a unit corrected
    case("lq21", "ES", "typed", [
        ("presupuesto reforma de baño: inodoro completo, lavabo de pedestal, monomando de lavabo, sifón de lavabo, "
         "2 llaves de escuadra de 1/2, 4 metros de multicapa de 16 y 5 horas de oficial", "new", "a bathroom list"),
        ("el lavabo lo compró la clienta y ya trae su sifón, quita los dos", "revised", "basin and trap removed"),
        ("¿cuánto sería con el inodoro suspendido en vez del completo?", "unchanged", "a side question"),
        ("no, déjalo así", "unchanged", "keeps the close-coupled toilet"),
        ("perdona, no son 4 metros de multicapa sino 2 tramos de 4 metros", "revised", "4 → 8 m")],
        [it("inodoro completo", None, 1), it("grifo monomando de lavabo", None, 1), it("llave de escuadra", "1/2\"", 2),
         it("tubo multicapa", "16 mm", 8, "m")], hours=5, kind="k1+k6+k3"),
    # (k3) the plumber's own correction of a size or a unit
    case("lq22", "ES", "typed", [
        ("presupuesto bajante: 6 metros de tubo PVC de 110, 3 codos de 110 y 4 horas de oficial", "new", "110 mm"),
        ("perdona, no de 110 sino de 125, el tubo y los codos", "revised", "both lines 110 → 125")],
        [it("tubo PVC", "125 mm", 6, "m"), it("codo PVC", "125 mm", 3)], hours=4, kind="k3"),
    case("lq23", "ES", "voice", [
        ("presupuesto tres metros de tubo de cobre de veintidós y dos codos de cobre de veintidós", "new", "3 m, 2 elbows"),
        ("no son tres metros sino tres barras de cinco metros", "revised", "3 → 15 m")],
        [it("tubo de cobre", "22 mm", 15, "m"), it("codo de cobre", "22 mm", 2)], kind="k3"),
    case("lq24", "MX", "typed", [
        ("cotiza un boiler eléctrico de 40 galones", "new", "40 gal = the 150 l row"),
        ("perdón, es de 20 galones, no de 40", "revised", "20 gal = the 80 l row")],
        [it("termo eléctrico", "20 gal", 1)], kind="k3"),
    case("lq25", "AR", "typed", [
        ("presupuesto: 8 metros de caño de termofusión de 20 y 6 codos de termofusión de 20", "new", "PPR 20"),
        ("me equivoqué, no es de 20, es de 25", "revised", "both lines 20 → 25")],
        [it("tubo PPR", "25 mm", 8, "m"), it("codo PPR", "25 mm", 6)], kind="k3"),
    case("lq26", "CO", "voice", [
        ("cotización tubería sanitaria seis metros de tubo pvc de dos pulgadas y dos codos de dos pulgadas", "new",
         "2 in drain = 50 mm"),
        ("no corrijo es de cuatro pulgadas no de dos", "revised", "both lines 2 in → 4 in (110 mm)")],
        [it("tubo PVC", "4\"", 6, "m"), it("codo PVC", "4\"", 2)], kind="k3"),
    case("lq27", "ES", "typed", [
        ("presupuesto termo eléctrico de 50 litros y válvula de seguridad", "new", "50 l, valve"),
        ("no, el termo es de 80, no de 50", "revised", "50 → 80 l")],
        [it("termo eléctrico", "80 l", 1), it("válvula de seguridad para termo", None, 1)], kind="k3"),
    case("lq28", "CL", "typed", [
        ("cotización 4 metros de cañería de cobre de 3/4 y 4 codos de cobre de 3/4", "new", "copper 3/4"),
        ("corrijo: la cañería no es de 3/4, es de 1/2; los codos sí son de 3/4", "revised", "only the pipe 3/4 → 1/2"),
        ("y agrégale dos llaves de paso de 1/2", "revised", "two stop valves added")],
        [it("tubo de cobre", "1/2\"", 4, "m"), it("codo de cobre", "3/4\"", 4), it("llave de paso", "1/2\"", 2)],
        kind="k3"),
    # (k4) the part the words name, then a change
    case("lq29", "ES", "typed", [
        ("presupuesto cambiar el cartucho termostático del grifo de la ducha", "new",
         "the thermostatic cartridge; never a whole thermostatic mixer"),
        ("y añade un flexo de ducha", "revised", "a shower hose added")],
        [it("cartucho termostático", None, 1), it("flexo de ducha", None, 1)], kind="k4"),
    # (k6) another size or option's price asked with "en vez de" / "en lugar de": a side question
    case("lq30", "ES", "typed", [
        ("presupuesto termo eléctrico de 80 litros con kit de conexión y retirada del viejo", "new", "80 l"),
        ("¿cuánto sería con el de 100 en vez del de 80?", "unchanged", "the 100's price asked, the draft unchanged"),
        ("vale, pon el de 100", "revised", "now decides: 100 l")],
        [it("termo eléctrico", "100 l", 1), it("kit de conexión de termo", None, 1), it("retirada de termo viejo", None, 1)],
        kind="k6"),
    case("lq31", "AR", "typed", [
        ("presupuesto: termotanque eléctrico de 50 litros y válvula de seguridad", "new", "50 l"),
        ("¿cuánto sale si pongo uno de 80 en vez del de 50?", "unchanged", "the 80's price asked"),
        ("no, dejalo así", "unchanged", "keeps the 50")],
        [it("termo eléctrico", "50 l", 1), it("válvula de seguridad para termo", None, 1)], kind="k6"),
    case("lq32", "UY", "typed", [
        ("presupuesto: monomando de cocina y sifón de fregadero", "new", "kitchen mixer and trap"),
        ("¿y con el monomando de caño extraíble en vez del común cuánto queda?", "unchanged", "the pull-out's price asked"),
        ("dale, poné el extraíble", "revised", "takes the pull-out mixer")],
        [it("grifo monomando de cocina extraíble", None, 1), it("sifón de fregadero", None, 1)], kind="k6"),
    case("lq33", "ES", "voice", [
        ("presupuesto ocho metros de multicapa de dieciséis y seis codos de multicapa de dieciséis", "new", "16 mm"),
        ("cuánto saldría con multicapa de veinte en lugar de dieciséis", "unchanged", "the 20 mm price asked")],
        [it("tubo multicapa", "16 mm", 8, "m"), it("codo multicapa", "16 mm", 6)], kind="k6"),
    case("lq34", "MX", "typed", [
        ("cotiza un calentador de paso de gas de 11 litros y su kit de evacuación", "new", "11 l/min and its flue kit"),
        ("¿y en vez del de 11 uno de 14 cuánto me sale?", "unchanged", "the 14's price asked"),
        ("ok, ponle el de 14", "revised", "takes the 14")],
        [it("calentador de gas", "14 l/min", 1), it("kit de evacuación de calentador estanco", None, 1)], kind="k6"),
    # (k5) a per-unit part counted for the wrong number of units
    case("lq35", "ES", "typed", [
        ("presupuesto para los 3 baños de la casa: en cada baño 2 llaves de escuadra de 1/2 y un sifón de lavabo", "new",
         "per bathroom: 2 angle valves and a trap, three bathrooms = 6 and 3"),
        ("y 3 horas de oficial", "revised", "3 h added")],
        [it("llave de escuadra", "1/2\"", 6), it("sifón de lavabo", None, 3)], hours=3, kind="k5"),
    case("lq36", "VE", "typed", [
        ("presupuesto: en los 4 apartamentos cambiar la llave de paso de 3/4 y 2 latiguillos de 30 cm en cada uno", "new",
         "4 valves, 8 hoses"),
        ("perdón, son 5 apartamentos", "revised", "5 valves, 10 hoses")],
        [it("llave de paso", "3/4\"", 5), it("latiguillo", "30 cm", 10)], kind="k5+k2"),
    case("lq37", "EC", "voice", [
        ("cotización cambiar los flexibles de cuarenta centímetros de los seis lavamanos del colegio dos por lavamanos",
         "new", "two per basin, six basins = 12"),
        ("y tres horas de mano de obra", "revised", "3 h added")],
        [it("latiguillo", "40 cm", 12)], hours=3, kind="k5"),
    case("lq38", "MX", "typed", [
        ("cotiza 2 codos de cobre de media por cada salida, son 4 salidas, y 3 metros de tubo de cobre de media", "new",
         "2 elbows per outlet, 4 outlets = 8; 3 m of pipe"),
        ("agrégale dos llaves de paso de media", "revised", "two stop valves added")],
        [it("codo de cobre", "1/2\"", 8), it("tubo de cobre", "1/2\"", 3, "m"), it("llave de paso", "1/2\"", 2)],
        kind="k5"),
]

if __name__ == "__main__":
    write_cases(OUT, CASES)
    print(f"{len(CASES)} cases -> {OUT}")
