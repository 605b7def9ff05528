# Labels of tuning set 28 (eval/estimates-independent-28-labels.json), written from n8n-workflows/estimates/seed.sql
# after the cases' commit (86259d9) and before any rule was run on the set; conventions of sets 13 and 16.
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "eval" / "estimates-independent-28-labels.json"
ESC = ["llave-escuadra-1-2", "llave-escuadra-1-2-1-2"]          # a basin's angle valve: 1/2 x 3/8 or 1/2 x 1/2
PASO_12 = ["llave-paso-1-2", "llave-paso-empotrar-1-2"]        # set 16: the ball or the built-in row of that size
PASO_34 = ["llave-paso-3-4", "llave-paso-empotrar-3-4"]
COCINA = ["monomando-cocina", "monomando-cocina-extraible"]   # set 16: either kitchen single-lever row


def c(*codes, why=""):
    return {"codes": list(codes), "why": why}


L = {
    "rv01": [c("monomando-lavabo", why="6 basin mixers"), c(*ESC, why="5 angle valves (not in the 4th flat)")],
    "rv02": [c("sifon-lavabo", why="3 basin traps")],
    "rv03": [c("calentador-electrico-50l", why="3 x 50 l"), c("calentador-electrico-80l", why="1 x 80 l")],
    "rv04": [c("valvula-antirretorno-3-4", why="4 check valves 3/4")],
    "rv05": [c("grifo-lavadora", why="7 washing-machine taps")],
    "rv06": [c("latiguillo-30cm", why="6 hoses of 30 cm")],
    "rv07": [c(*PASO_12, why="3 stop valves 1/2"), c(*PASO_34, why="1 stop valve 3/4")],
    "rv08": [c("calentador-electrico-80l", why="kept at 80 l (100 l only asked)"),
             c("retirada-calentador", why="removal of the old heater")],
    "rv09": [c("calentador-electrico-80l", why="decided 80 l in turn 3")],
    "rv10": [c("calentador-gas-11l", why="kept at 11 l/min (14 only asked)")],
    "rv11": [c("monomando-cocina", why="the plain kitchen mixer; the pull-out one only asked")],
    "rv12": [c("mecanismo-descarga-doble", why="dual-flush mechanism; 2 h kept")],
    "rv13": [c("caldera-condensacion-28kw", why="decided 28 kW in turn 3")],
    "rv14": [c(*PASO_12, why="2 stop valves 1/2, kept")],
    "rv15": [c("calentador-electrico-80l", why="80 l, the removal dropped")],
    "rv16": [c("monomando-lavabo", why="basin mixer; the trap kept by the customer")],
    "rv17": [c("inodoro-completo", why="close-coupled toilet"), c("junta-cera-inodoro", why="wax ring")],
    "rv18": [c("calentador-electrico-50l", why="50 l"), c("kit-conexion-termo", why="connection kit")],
    "rv19": [c("monomando-ducha", why="shower mixer; the valve left")],
    "rv20": [c("calentador-electrico-80l", why="80 l"), c("retirada-calentador", why="removal")],
    "rv21": [c(*COCINA, why="kitchen mixer"), c("sifon-fregadero", why="sink trap")],
    "rv22": [c("valvula-antirretorno-1-2", why="check valve 1/2")],
    "rv23": [c("calentador-electrico-80l", why="80 l (calefón, UY)"), c("kit-conexion-termo", why="connection kit"),
             c("retirada-calentador", why="removal added before the customer decided")],
    "rv24": [c(*PASO_12, why="1 stop valve 1/2"), c("grifo-exterior-1-2", why="garden tap")],
    "rv25": [c(*PASO_34, why="the stop valve at 3/4"), c("valvula-antirretorno-1-2", why="check valve stays 1/2")],
    "rv26": [c("calentador-electrico-80l", why="heater at 80 l"), c("vaso-expansion-acs-8l", why="vessel stays 8 l")],
    "rv27": [c("latiguillo-40cm", why="hoses at 40 cm"), c("llave-escuadra-1-2", why="angle valves 1/2 x 3/8 stay")],
    "rv28": [c("codo-pvc-40mm", why="6 elbows"), c("tubo-pvc-40mm", why="3 m of pipe stay")],
    "rv29": [c("calentador-electrico-50l", why="back to 50 l")],
    "rv30": [c(*COCINA, why="kitchen mixer"), c("sifon-fregadero", why="trap back")],
    "rv31": [c("calentador-gas-11l", why="back to 11 l/min"), c("kit-evacuacion-estanco", why="flue kit of a room-sealed heater")],
    "rv32": [c(*PASO_34, why="stop valve 3/4"), c("latiguillo-40cm", why="two 40 cm hoses back")],
}
about = ("Catalogue codes for the expected items of eval/estimates-independent-28.jsonl (TUNING set 28, written by "
         "helper est35 at stop 35), one entry per item in order, format of eval/estimates-independent-labels.json. "
         "Written from n8n-workflows/estimates/seed.sql after the cases' commit (86259d9) and before any rule was run "
         "on the set.")
OUT.write_text(json.dumps({"about": about, "labels": L}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(L), "->", OUT)
