# Writes tuning set 28 (eval/estimates-independent-28.jsonl), helper est35, stop 35: the revision faults issue 18
# still shows — (a) "¿y cuánto sería si…?" (a price asked, the draft kept), (b) the customer as subject of a removal
# or a keep, (c) the same job in several flats or rooms with one different, (d) an addition to an accepted, rejected
# or sent estimate, (e) a change naming one line moves no other, (f) undo. Wordings from general plumbing knowledge.
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "eval" / "estimates-independent-28.jsonl"


def it(what, size, qty, unit="ud"):
    return {"what": what, "size": size, "quantity": qty, "unit": unit}


def case(cid, region, medium, turns, items, hours=None, status="draft", quote=(), notes="", customer=None):
    c = {"id": cid, "region": region, "medium": medium,
         "turns": [{"text": t, "expect": e, "intent": i} for t, e, i in turns],
         "final": {"status": status, "items": items, "labour_hours": hours, "to_quote_expected": list(quote),
                   "notes": notes}}
    if customer:
        c["customer"] = {"after_turn": customer[0], "decision": customer[1]}
    return c


CASES = [
    # --- (c) batches, single-turn ----------------------------------------------------------------------------------
    case("rv01", "ES", "typed", [("presupuesto para cambiar el monomando de lavabo y la llave de escuadra en los 6 pisos, "
                                  "pero en el 4º sin llave de escuadra", "new",
                                  "six basin mixers; angle valves in five flats (not the 4th)")],
         [it("grifo monomando de lavabo", None, 6), it("llave de escuadra", "1/2\" x 3/8\"", 5)],
         notes="The 4th flat has no angle valve: 5, not 6. Angle valve of a basin: 1/2 x 3/8 (or 1/2 x 1/2)."),
    case("rv02", "MX", "voice", [("cotizame cambiar el sifón de los tres baños de la casa", "new",
                                  "three basin traps, one per bathroom")],
         [it("sifón de lavabo", None, 3)]),
    case("rv03", "AR", "typed", [("presupuesto de termotanque eléctrico de 50 litros para los 4 departamentos, "
                                  "uno de ellos de 80", "new", "three 50 l heaters and one 80 l heater")],
         [it("termo eléctrico", "50 l", 3), it("termo eléctrico", "80 l", 1)]),
    case("rv04", "CL", "typed", [("válvula antirretorno de 3/4 en los 5 locales, menos en uno que ya la tiene", "new",
                                  "four 3/4 check valves: five premises minus one")],
         [it("válvula antirretorno", "3/4\"", 4)]),
    # --- (c) batches, multi-turn -----------------------------------------------------------------------------------
    case("rv05", "ES", "voice", [("presupuesto para cambiar el grifo de lavadora en los ocho pisos", "new",
                                  "eight washing-machine taps"),
                                 ("en el segundo no que ya lo cambiaron", "revised", "seven: the 2nd flat is done")],
         [it("grifo de lavadora", None, 7)]),
    case("rv06", "CO", "typed", [("latiguillo de 30 cm para el lavamanos de los 5 apartamentos", "new",
                                  "five 30 cm hoses"),
                                 ("en el tercero son dos latiguillos", "revised",
                                  "the 3rd flat takes two: six in all")],
         [it("latiguillo", "30 cm", 6)]),
    case("rv07", "PE", "typed", [("cotización de llave de paso de 1/2 para los 4 baños", "new", "four 1/2 stop valves"),
                                 ("y en el baño de servicio que sea de 3/4", "revised",
                                  "one of the four at 3/4: three of 1/2 and one of 3/4")],
         [it("llave de paso", "1/2\"", 3), it("llave de paso", "3/4\"", 1)]),
    # --- (a) the price of an alternative asked; the draft kept until the plumber decides -------------------------
    case("rv08", "ES", "typed", [("presupuesto termo eléctrico de 80 litros con la retirada del viejo", "new",
                                  "an 80 l heater and the old one's removal"),
                                 ("¿y cuánto sería si fuera el de 100?", "unchanged",
                                  "asks the 100 l heater's price; nothing decided")],
         [it("termo eléctrico", "80 l", 1), it("retirada del termo viejo", None, 1)],
         notes="Turn 2 is a question: the reply says what the 100 l would cost; the draft stays at 80 l."),
    case("rv09", "UY", "typed", [("presupuesto calefón de 50 litros", "new", "a 50 l electric heater (calefón, UY)"),
                                 ("cuánto me saldría con el de 80?", "unchanged", "asks the 80 l price"),
                                 ("dale, poné el de 80", "revised", "now decides: the 80 l")],
         [it("termo eléctrico", "80 l", 1)]),
    case("rv10", "MX", "voice", [("cotiza un calentador de gas de 11 litros", "new", "an 11 l/min gas heater"),
                                 ("y si fuera de 14 litros cuánto sería", "unchanged",
                                  "the 14 l price asked (dictated, no question mark)")],
         [it("calentador de gas", "11 l/min", 1)]),
    case("rv11", "AR", "typed", [("presupuesto de una grifería monocomando de cocina", "new", "a kitchen mixer"),
                                 ("¿cuánto sale con el caño extraíble?", "unchanged", "asks the pull-out model's price")],
         [it("grifo monomando de cocina", None, 1)]),
    case("rv12", "ES", "typed", [("cambiar el mecanismo de descarga de la cisterna por uno de doble pulsador, "
                                  "2 horas de mano de obra", "new", "a dual-flush mechanism, 2 h"),
                                 ("¿y cuánto sería con una hora más?", "unchanged", "asks the price with 3 h")],
         [it("mecanismo de descarga doble pulsador", None, 1)], hours=2),
    case("rv13", "CO", "typed", [("caldera de condensación de 24 kw", "new", "a 24 kW condensing boiler"),
                                 ("¿y la de 28 cuánto costaría?", "unchanged", "asks the 28 kW price"),
                                 ("ok, mejor la de 28 entonces", "revised", "decides the 28 kW")],
         [it("caldera de condensación", "28 kW", 1)]),
    case("rv14", "VE", "typed", [("presupuesto de 2 llaves de paso de media", "new", "two 1/2 stop valves"),
                                 ("cuánto quedaría si son de 3/4?", "unchanged", "asks the price at 3/4"),
                                 ("no, déjalas de media", "unchanged", "keeps them at 1/2")],
         [it("llave de paso", "1/2\"", 2)]),
    # --- (b) the customer as subject of a removal or a keep ---------------------------------------------------------
    case("rv15", "ES", "typed", [("termo eléctrico de 80 litros y retirada del viejo", "new",
                                  "an 80 l heater and the removal"),
                                 ("el cliente no quiere la retirada, se lo lleva él", "revised",
                                  "the removal goes: the customer takes it away")],
         [it("termo eléctrico", "80 l", 1)]),
    case("rv16", "ES", "voice", [("cambiar el grifo monomando del lavabo y el sifón", "new", "basin mixer and trap"),
                                 ("la señora se queda con el sifón viejo que está bien", "revised",
                                  "the customer keeps the old trap: the trap line goes")],
         [it("grifo monomando de lavabo", None, 1)]),
    case("rv17", "MX", "typed", [("cotiza un inodoro completo con retiro del viejo y su junta de cera", "new",
                                  "a toilet, removal of the old one, wax ring"),
                                 ("la clienta dice que la taza vieja se la queda ella", "revised",
                                  "no removal: the customer keeps the old toilet")],
         [it("inodoro completo", None, 1), it("junta de cera", None, 1)]),
    case("rv18", "AR", "typed", [("presupuesto termotanque de 50 litros con kit de conexión y válvula de seguridad",
                                  "new", "50 l heater, connection kit, safety valve"),
                                 ("el cliente ya tiene la válvula de seguridad, no la pongas", "revised",
                                  "the safety valve goes: the customer has one")],
         [it("termo eléctrico", "50 l", 1), it("kit de conexión de termo", None, 1)]),
    case("rv19", "CL", "voice", [("monomando de ducha y una llave de paso de media", "new", "shower mixer, 1/2 valve"),
                                 ("el dueño dice que la llave de paso no se toca", "revised",
                                  "the owner wants the valve left as it is: the valve line goes")],
         [it("grifo monomando de ducha", None, 1)]),
    # --- (d) an addition to an accepted, rejected or sent estimate ----------------------------------------------
    case("rv20", "ES", "typed", [("presupuesto termo de 80 litros con retirada del viejo", "new", "80 l heater, removal"),
                                 ("envíaselo", "sent", "send"),
                                 ("el cliente ya lo aceptó pero quiere que le pongamos también la válvula de seguridad",
                                  "locked", "accepted: the estimate stays; a new estimate is offered")],
         [it("termo eléctrico", "80 l", 1), it("retirada del termo viejo", None, 1)], status="sent",
         customer=(2, "accepted")),
    case("rv21", "MX", "typed", [("cotiza un monomando de cocina y un sifón de fregadero", "new", "kitchen mixer, trap"),
                                 ("mándaselo al cliente", "sent", "send"),
                                 ("oye al final también hay que cambiar la llave de escuadra", "locked",
                                  "accepted: an addition is not applied")],
         [it("grifo monomando de cocina", None, 1), it("sifón de fregadero", None, 1)], status="sent",
         customer=(2, "accepted")),
    case("rv22", "PE", "typed", [("presupuesto de 2 horas de mano de obra y una válvula antirretorno de 1/2", "new",
                                  "2 h and a 1/2 check valve"),
                                 ("envíalo", "sent", "send"),
                                 ("ponle también la visita técnica a ver si así lo acepta", "locked",
                                  "rejected: nothing changes; a new estimate is offered")],
         [it("válvula antirretorno", "1/2\"", 1)], hours=2, status="sent", customer=(2, "rejected")),
    case("rv23", "UY", "typed", [("presupuesto calefón de 80 litros con kit de conexión", "new", "80 l heater, kit"),
                                 ("mandalo", "sent", "send"),
                                 ("me olvidé, agregale la retirada del viejo", "revised",
                                  "not decided yet: the removal added, a new revision"),
                                 ("mandalo de nuevo", "sent", "send again")],
         [it("termo eléctrico", "80 l", 1), it("kit de conexión de termo", None, 1),
          it("retirada del termo viejo", None, 1)], status="sent"),
    case("rv24", "CO", "voice", [("cotización de llave de paso de media y un grifo de jardín", "new",
                                  "1/2 stop valve, garden tap"),
                                 ("envíaselo al cliente", "sent", "send"),
                                 ("el cliente dice que le agreguemos otra llave de paso de media", "locked",
                                  "accepted: the customer as subject of an addition; a new estimate is offered")],
         [it("llave de paso", "1/2\"", 1), it("grifo exterior", "1/2\"", 1)], status="sent",
         customer=(2, "accepted")),
    # --- (e) a change naming one line moves no other -------------------------------------------------------------
    case("rv25", "ES", "typed", [("llave de paso de 1/2 y válvula antirretorno de 1/2", "new", "two 1/2 parts"),
                                 ("la llave de paso que sea de 3/4", "revised", "only the stop valve to 3/4")],
         [it("llave de paso", "3/4\"", 1), it("válvula antirretorno", "1/2\"", 1)]),
    case("rv26", "AR", "typed", [("termotanque de 50 litros y vaso de expansión de 8 litros", "new",
                                  "50 l heater, 8 l expansion vessel"),
                                 ("el termo mejor de 80", "revised", "only the heater to 80 l")],
         [it("termo eléctrico", "80 l", 1), it("vaso de expansión sanitario", "8 l", 1)]),
    case("rv27", "ES", "typed", [("2 latiguillos de 30 y 2 llaves de escuadra de 1/2 a 3/8", "new",
                                  "two 30 cm hoses, two angle valves"),
                                 ("los latiguillos de 40", "revised", "only the hoses to 40 cm")],
         [it("latiguillo", "40 cm", 2), it("llave de escuadra", "1/2\" x 3/8\"", 2)]),
    case("rv28", "CL", "typed", [("4 codos de pvc de 40 y 3 metros de tubo de pvc de 40", "new",
                                  "four 40 mm PVC elbows, 3 m of 40 mm PVC pipe"),
                                 ("los codos son 6", "revised", "six elbows; the pipe keeps 3 m")],
         [it("codo de pvc", "40 mm", 6), it("tubo de pvc", "40 mm", 3, "m")]),
    # --- (f) undo ----------------------------------------------------------------------------------------------------
    case("rv29", "ES", "typed", [("presupuesto termo eléctrico de 50 litros", "new", "a 50 l heater"),
                                 ("mejor el de 80", "revised", "to 80 l"),
                                 ("no, déjalo como estaba", "revised", "back to the 50 l")],
         [it("termo eléctrico", "50 l", 1)]),
    case("rv30", "MX", "typed", [("cotiza monomando de cocina y sifón de fregadero", "new", "mixer and trap"),
                                 ("quita el sifón", "revised", "trap removed"),
                                 ("vuelve a poner el sifón", "revised", "trap back")],
         [it("grifo monomando de cocina", None, 1), it("sifón de fregadero", None, 1)]),
    case("rv31", "CO", "voice", [("calentador de gas de once litros con el kit de evacuación", "new",
                                  "11 l/min gas heater and flue kit"),
                                 ("mejor de catorce", "revised", "to 14 l/min"),
                                 ("no, vuelve al de once", "revised", "back to 11 l/min")],
         [it("calentador de gas", "11 l/min", 1), it("kit de evacuación de humos", None, 1)]),
    case("rv32", "VE", "typed", [("llave de paso de 3/4 y 2 latiguillos de 40", "new", "3/4 valve, two 40 cm hoses"),
                                 ("quita los latiguillos", "revised", "hoses removed"),
                                 ("vuelve a poner los latiguillos", "revised", "hoses back, two of 40 cm")],
         [it("llave de paso", "3/4\"", 1), it("latiguillo", "40 cm", 2)]),
]

OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES), encoding="utf-8")
print(len(CASES), "cases ->", OUT)
