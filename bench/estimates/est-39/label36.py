# Writes the catalogue labels of tuning set 36 (eval/estimates-independent-36-labels.json), helper est39, stop 39:
# one entry per expected item, in order, from n8n-workflows/estimates/seed.sql, after the cases' commit (26e567e)
# and before any rule was run on the set. codes [] = the item must stay a cotizar.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from set_cases import label as L, write_labels  # noqa: E402  (bench/estimates/set_cases.py)

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "eval" / "estimates-independent-36-labels.json"

ESC12 = ["llave-escuadra-1-2", "llave-escuadra-1-2-1-2"]
PASO12 = ["llave-paso-1-2", "llave-paso-empotrar-1-2"]
PASO34 = ["llave-paso-3-4", "llave-paso-empotrar-3-4"]

LABELS = {
    "lq01": [L("cartucho-ceramico-35mm", "35 mm cartridge")],
    "lq02": [L("mecanismo-descarga-doble", "dual-flush valve")],
    "lq03": [L("mecanismo-alimentacion", "fill valve")],
    "lq04": [L("valvula-desague-ducha", "shower-tray waste 90 mm")],
    "lq05": [L("valvula-seguridad-termo", "safety valve"), L("latiguillo-40cm", "2 hoses 40 cm")],
    "lq06": [L("sifon-fregadero", "sink trap")],
    "lq07": [L("grifo-lavadora", "washing-machine tap"), L("sifon-lavadora", "washing-machine trap")],
    "lq08": [L("calentador-electrico-80l", "80 l"), L("kit-conexion-termo", "connection kit"),
             L("retirada-calentador", "removal")],
    "lq09": [L("lavabo-pedestal", "pedestal basin"), L("monomando-lavabo", "basin mixer"), L(ESC12, "2 angle valves 1/2")],
    "lq10": [L("calentador-electrico-80l", "80 l"), L("valvula-seguridad-termo", "safety valve")],
    "lq11": [L("kit-evacuacion-estanco", "flue kit of a room-sealed heater"), L("retirada-calentador", "removal")],
    "lq12": [L("latiguillo-40cm", "2 supply hoses 40 cm"), L("sifon-fregadero", "sink trap")],
    "lq13": [L("junta-cera-inodoro", "wax seal"), L("mangueton-flexible", "flexible pan connector"),
             L("latiguillo-30cm", "hose 30 cm"), L("retirada-sanitario", "old toilet's removal"), L(ESC12, "angle valve 1/2")],
    "lq14": [L("monomando-ducha", "shower mixer")],
    "lq15": [L("desatasco-maquina", "8 machine unblockings")],
    "lq16": [L("inspeccion-camara", "6 camera inspections")],
    "lq17": [L("mantenimiento-caldera", "6 boiler services"), L("purgador-automatico", "3 air vents")],
    "lq18": [L(PASO12, "10 stop valves 1/2")],
    "lq19": [L("monomando-lavabo", "10 basin mixers")],
    "lq20": [L("flotador-deposito", "6 float valves")],
    "lq21": [L("inodoro-completo", "close-coupled toilet"), L("monomando-lavabo", "basin mixer"),
             L(ESC12, "2 angle valves 1/2"), L("tubo-multicapa-16mm", "8 m")],
    "lq22": [L("tubo-pvc-125mm", "6 m PVC 125"), L("codo-pvc-125mm", "3 elbows 125")],
    "lq23": [L("tubo-cobre-22mm", "15 m copper 22"), L("codo-cobre-22mm", "2 elbows 22")],
    "lq24": [L("calentador-electrico-80l", "20 gal = 80 l (its alias)")],
    "lq25": [L("tubo-ppr-25mm", "8 m PPR 25"), L("codo-ppr-25mm", "6 elbows PPR 25")],
    "lq26": [L("tubo-pvc-110mm", "6 m PVC 4 in = 110"), L("codo-pvc-110mm", "2 elbows 110")],
    "lq27": [L("calentador-electrico-80l", "80 l"), L("valvula-seguridad-termo", "safety valve")],
    "lq28": [L("tubo-cobre-15mm", "4 m copper 1/2"), L("codo-cobre-22mm", "4 elbows 3/4"), L(PASO12, "2 stop valves 1/2")],
    "lq29": [L("cartucho-termostatico", "thermostatic cartridge"), L("flexo-ducha", "shower hose")],
    "lq30": [L("calentador-electrico-100l", "100 l"), L("kit-conexion-termo", "connection kit"),
             L("retirada-calentador", "removal")],
    "lq31": [L("calentador-electrico-50l", "50 l"), L("valvula-seguridad-termo", "safety valve")],
    "lq32": [L("monomando-cocina-extraible", "pull-out kitchen mixer"), L("sifon-fregadero", "sink trap")],
    "lq33": [L("tubo-multicapa-16mm", "8 m"), L("codo-multicapa-16mm", "6 elbows")],
    "lq34": [L("calentador-gas-14l", "14 l/min"), L("kit-evacuacion-estanco", "flue kit")],
    "lq35": [L(ESC12, "6 angle valves 1/2"), L("sifon-lavabo", "3 basin traps")],
    "lq36": [L(PASO34, "5 stop valves 3/4"), L("latiguillo-30cm", "10 hoses 30 cm")],
    "lq37": [L("latiguillo-40cm", "12 hoses 40 cm")],
    "lq38": [L("codo-cobre-15mm", "8 elbows 1/2"), L("tubo-cobre-15mm", "3 m copper 1/2"), L(PASO12, "2 stop valves 1/2")],
}


def main() -> None:
    about = ("Catalogue codes for the expected items of eval/estimates-independent-36.jsonl (TUNING set 36, written by "
             "helper est39 at stop 39), one entry per item in order, format of eval/estimates-independent-labels.json. "
             "Written from n8n-workflows/estimates/seed.sql after the cases' commit (26e567e) and before any rule was "
             "run on the set (bench/estimates/est-39/label36.py).")
    write_labels(OUT, ROOT / "eval" / "estimates-independent-36.jsonl", LABELS, about)
    print(OUT)


if __name__ == "__main__":
    main()
