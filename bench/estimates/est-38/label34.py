# Writes the catalogue labels of tuning set 34 (eval/estimates-independent-34-labels.json), helper est38, stop 38:
# one entry per expected item, in order, from n8n-workflows/estimates/seed.sql, after the cases' commit (d48d122)
# and before any rule was run on the set. codes [] = the item must stay a cotizar.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from set_cases import label as L, write_labels  # noqa: E402  (bench/estimates/set_cases.py)

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "eval" / "estimates-independent-34-labels.json"


Q = []   # a cotizar
ESC_ANY = ["llave-escuadra-1-2", "llave-escuadra-1-2-1-2", "llave-escuadra-3-8"]   # size not said
ESC12 = ["llave-escuadra-1-2", "llave-escuadra-1-2-1-2"]
PASO12 = ["llave-paso-1-2", "llave-paso-empotrar-1-2"]
PASO34 = ["llave-paso-3-4", "llave-paso-empotrar-3-4"]

LABELS = {
    "gk01": [L(Q, "60 l electric heater: no row"), L("valvula-seguridad-termo", "safety valve"),
             L("kit-conexion-termo", "connection kit")],
    "gk02": [L(Q, "solar heater: no row"), L("tubo-cobre-15mm", "6 m copper 1/2")],
    "gk03": [L(Q, "1.5 HP pressure set: the row is 1 CV")],
    "gk04": [L(Q, "20 l/min gas heater: no row")],
    "gk05": [L(Q, "gas storage heater: no row"), L("retirada-calentador", "old heater's removal")],
    "gk06": [L("fregadero-2-senos", "double sink"), L("monomando-cocina", "kitchen mixer"), L("sifon-fregadero", "sink trap"),
             L(PASO12, "2 stop valves 1/2"), L("grifo-lavadora", "washing-machine tap"), L("tubo-pvc-50mm", "4 m PVC 2 in"),
             L("codo-pvc-50mm", "3 elbows PVC 2 in"), L("valvula-desague-fregadero", "sink waste valve")],
    "gk07": [L("retirada-sanitario", "3 removals"), L("inodoro-suspendido", "wall-hung toilet"),
             L("cisterna-empotrada", "concealed cistern"), L("placa-accionamiento", "flush plate"),
             L("lavabo-encimera", "countertop basin"), L("monomando-lavabo", "basin mixer"), L("sifon-lavabo", "basin trap"),
             L("columna-ducha", "shower column"), L("valvula-desague-ducha", "shower waste"),
             L(ESC_ANY, "2 angle valves, size not said", or_to_quote=True), L("tubo-multicapa-20mm", "8 m"),
             L("codo-multicapa-20mm", "6 elbows"), L("tubo-pvc-40mm", "3 m")],
    "gk08": [L(Q, "750 l tank: no row"), L("flotador-deposito", "float valve")],
    "gk09": [L(Q, "60 l: no row"), L("retirada-calentador", "removal")],
    "gk10": [L("calentador-gas-14l", "14 l/min gas heater")],
    "gk11": [L(Q, "2 HP pressure set: no row")],
    "gk12": [L("calentador-electrico-100l", "100 l"), L("valvula-seguridad-termo", "safety valve")],
    "gk13": [L("calentador-gas-14l", "14 l/min"), L("retirada-calentador", "removal")],
    "gk14": [L("calentador-electrico-30l", "30 l")],
    "gk15": [L(Q, "1100 l tank: no row"), L("flotador-deposito", "float valve")],
    "gk16": [L("vaso-expansion-calefaccion-18l", "18 l heating vessel")],
    "gk17": [L(Q, "30 kW boiler: no row"), L("retirada-caldera", "old boiler's removal"),
             L("kit-evacuacion-caldera", "flue kit")],
    "gk18": [L(Q, "solar heater: no row"), L("tubo-cobre-22mm", "10 m copper 3/4")],
    "gk19": [L("localizacion-fugas", "leak finding"), L("tubo-cobre-15mm", "2 m"), L("manguito-cobre-15mm", "2 couplings")],
    "gk20": [L("desatasco-maquina", "machine unblocking")],
    "gk21": [L("tubo-ppr-20mm", "6 m PPR 20"), L("codo-ppr-20mm", "4 elbows")],
    "gk22": [L("retirada-banera", "bathtub removal"), L(Q, "shower tray: no row"), L("monomando-ducha", "shower mixer"),
             L("barra-ducha", "shower rail")],
    "gk23": [L("tubo-pvc-110mm", "6 m"), L("codo-pvc-110mm", "2 elbows")],
    "gk24": [L("localizacion-fugas", "leak finding"), L("tubo-multicapa-16mm", "3 m"), L("codo-multicapa-16mm", "2 elbows")],
    "gk25": [L("localizacion-fugas", "leak finding"), L("tubo-cobre-15mm", "4 m copper 1/2"),
             L("manguito-cobre-15mm", "4 couplings (MX coples)")],
    "gk26": [L("tubo-multicapa-16mm", "12 m"), L("codo-multicapa-16mm", "8 elbows"), L("te-multicapa-16mm", "4 tees"),
             L("llave-paso-empotrar-1-2", "2 concealed stop valves"), L("tubo-multicapa-20mm", "6 m"),
             L(ESC_ANY, "2 angle valves, size not said", or_to_quote=True)],
    "gk27": [L("grifo-lavadero", "utility tap"), L("sifon-lavadora", "washing-machine trap"), L("tubo-pvc-40mm", "7 m"),
             L("codo-pvc-40mm", "2 elbows")],
    "gk28": [L("tubo-ppr-20mm", "20 m"), L("codo-ppr-20mm", "12 elbows"), L(PASO34, "4 stop valves 3/4"),
             L("tubo-pvc-40mm", "8 m"), L("tubo-pvc-110mm", "4 m")],
    "gk29": [L("tubo-cobre-15mm", "12 m"), L("codo-cobre-15mm", "8 elbows"), L(PASO12, "2 stop valves")],
    "gk30": [L("tubo-multicapa-20mm", "8 m"), L("codo-multicapa-20mm", "4 elbows"),
             L("llave-paso-empotrar-3-4", "concealed stop valve 3/4"), L("grifo-lavadora", "washing-machine tap"),
             L("sifon-lavadora", "washing-machine trap")],
    "gk31": [L("tubo-ppr-20mm", "21 m"), L("codo-ppr-20mm", "13 elbows"), L("te-ppr-20mm", "4 tees")],
    "gk32": [L(PASO34, "6 stop valves 3/4")],
    "gk33": [L(PASO12, "10 stop valves 1/2")],
    "gk34": [L(Q, "gas storage heater: no row")],
    "gk35": [L("fregadero-2-senos", "double sink"), L("monomando-cocina-extraible", "pull-out kitchen mixer"),
             L("sifon-fregadero", "sink trap"), L(ESC12, "2 angle valves 1/2"), L("tubo-multicapa-16mm", "5 m"),
             L("codo-multicapa-16mm", "4 elbows")],
    "gk36": [L("inodoro-completo", "toilet with cistern (MX taza con tanque)"), L("lavabo-pedestal", "pedestal basin"),
             L("monomando-lavabo", "basin mixer"), L("monomando-ducha", "shower mixer (MX mezcladora de regadera)"),
             L("sifon-lavabo", "basin trap (MX céspol)"), L(ESC_ANY, "2 angle valves (MX llaves angulares)", or_to_quote=True),
             L("tubo-cobre-15mm", "5 m copper 1/2"), L("codo-cobre-15mm", "4 elbows")],
}


def main() -> None:
    about = ("Catalogue codes for the expected items of eval/estimates-independent-34.jsonl (TUNING set 34, written by "
             "helper est38 at stop 38), one entry per item in order, format of eval/estimates-independent-labels.json. "
             "Written from n8n-workflows/estimates/seed.sql after the cases' commit (d48d122) and before any rule was "
             "run on the set (bench/estimates/est-38/label34.py).")
    write_labels(OUT, ROOT / "eval" / "estimates-independent-34.jsonl", LABELS, about)
    print(OUT)


if __name__ == "__main__":
    main()
