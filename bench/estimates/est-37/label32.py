# Writes the catalogue labels of tuning set 32 (eval/estimates-independent-32-labels.json), helper est37, stop 37:
# one entry per expected item, in order, from n8n-workflows/estimates/seed.sql, after the cases' commit (fa65d13)
# and before any rule was run on the set. codes [] = the item must stay a cotizar.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from set_cases import label as L, write_labels  # noqa: E402  (bench/estimates/set_cases.py)

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "eval" / "estimates-independent-32-labels.json"


Q = []   # a cotizar
ESC12 = ["llave-escuadra-1-2"]
ESC_HALF = ["llave-escuadra-1-2", "llave-escuadra-1-2-1-2"]
PASO12 = ["llave-paso-1-2", "llave-paso-empotrar-1-2"]
PASO34 = ["llave-paso-3-4", "llave-paso-empotrar-3-4"]
DESCARGA = ["mecanismo-descarga-simple", "mecanismo-descarga-doble"]

LABELS = {
    "kx01": [L("retirada-banera", "bathtub removal"), L(Q, "shower tray: no row"), L("termostatico-ducha", "thermostatic shower mixer"),
             L("barra-ducha", "shower rail"), L("inodoro-completo", "toilet"), L("lavabo-pedestal", "pedestal basin"),
             L("monomando-lavabo", "basin mixer"), L("sifon-lavabo", "basin trap"), L("bote-sifonico", "floor trap box"),
             L(ESC12, "2 angle valves 1/2 x 3/8"), L("tubo-multicapa-16mm", "6 m"), L("contenedor-escombros", "skip")],
    "kx02": [L("inodoro-completo", "toilet"), L(["lavabo-pedestal", "lavabo-encimera"], "basin, kind not said", or_to_quote=True),
             L("monomando-lavabo", "basin mixer"), L("monomando-ducha", "shower mixer (PE mezcladora)"),
             L("calentador-electrico-50l", "50 l electric heater"), L("valvula-seguridad-termo", "safety valve"),
             L(PASO12, "2 stop valves 1/2"), L(Q, "CPVC pipe: no row"), L(Q, "CPVC elbows: no row"),
             L("sumidero-sifonico", "floor drain")],
    "kx03": [L(Q, "1100 l tank: no row"), L("flotador-deposito", "float valve")],
    "kx04": [L(Q, "foot valve: no row"), L("tubo-pe-32mm", "3 m PE 32")],
    "kx05": [L("tubo-pex-20mm", "6 m PEX 20"), L("racor-pex-20mm", "4 couplings PEX 20")],
    "kx06": [L("tubo-cobre-22mm", "0.5 m"), L("manguito-cobre-22mm", "1 coupling")],
    "kx07": [L("calentador-gas-14l", "14 l/min gas heater")],
    "kx08": [L(Q, "6 l/min gas heater: no row")],
    "kx09": [L("fregadero-2-senos", "double sink"), L("monomando-cocina-extraible", "pull-out kitchen mixer"),
             L("sifon-fregadero", "sink trap"), L(ESC_HALF, "2 angle valves 1/2"), L("tubo-pex-16mm", "5 m"),
             L("codo-pex-16mm", "4 elbows"), L("grifo-lavadora", "washing-machine tap"),
             L("sifon-lavadora", "washing-machine drain"), L("retirada-escombros", "1 sack")],
    "kx10": [L("inodoro-completo", "toilet with cistern"), L("bide", "bidet"), L("lavabo-pedestal", "pedestal basin"),
             L("monomando-lavabo", "basin mixer"), L("monomando-bide", "bidet mixer"), L("monomando-ducha", "shower mixer"),
             L("tubo-ppr-20mm", "8 m PPR 20"), L("codo-ppr-20mm", "6 elbows"), L(PASO34, "2 stop valves 3/4")],
    "kx11": [L("inodoro-completo", "toilet"), L("lavabo-pedestal", "pedestal basin"), L("monomando-lavabo", "basin mixer"),
             L("termostatico-ducha", "thermostatic shower mixer"), L("sumidero-sifonico", "floor drain with trap"),
             L("tubo-pvc-50mm", "4 m PVC 2 in"), L("codo-pvc-50mm", "3 elbows"), L(PASO12, "stop valve 1/2"),
             L("teflon", "PTFE tape"), L("adhesivo-pvc", "PVC cement")],
    "kx12": [L("fregadero-1-seno", "single sink"), L("monomando-cocina-extraible", "pull-out mixer"),
             L("sifon-fregadero", "sink trap"), L("valvula-desague-fregadero", "sink waste"),
             L("llave-escuadra-doble", "double angle valve"), L("grifo-lavadora", "washing-machine tap"),
             L("sifon-lavadora", "washing-machine drain"), L("tubo-pvc-40mm", "3 m"), L("codo-pvc-40mm", "2 elbows"),
             L(Q, "countertop: no row")],
    "kx13": [L("inodoro-suspendido", "wall-hung toilet"), L("cisterna-empotrada", "in-wall cistern"),
             L("placa-accionamiento", "flush plate"), L(Q, "shower screen: no row")],
    "kx14": [L(Q, "stainless pipe: no row"), L(Q, "stainless elbows: no row"), L(PASO34, "stop valve 3/4")],
    "kx15": [L(Q, "gas storage heater: no row"), L("valvula-seguridad-termo", "safety valve")],
    "kx16": [L("calentador-gas-14l", "14 l/min")],
    "kx17": [L(Q, "30 kW boiler: no row"), L("retirada-caldera", "old boiler removal")],
    "kx18": [L(DESCARGA, "flush mechanism"), L("junta-cera-inodoro", "wax ring"), L("valvula-antirretorno-3-4", "check valve 3/4")],
    "kx19": [L("bomba-presurizadora", "booster pump"), L("calderin-24l", "24 l vessel"), L("presostato", "pressure switch")],
    "kx20": [L("deposito-agua-1000l", "1000 l tank"), L("flotador-deposito", "float valve"), L("tubo-pex-20mm", "2 m")],
    "kx21": [L(PASO34, "2 stop valves 3/4"), L("tubo-ppr-25mm", "4 m PPR 25"), L("codo-ppr-25mm", "3 elbows")],
    "kx22": [L("mecanismo-alimentacion", "fill valve"), L("teflon", "PTFE tape")],
    "kx23": [L("calentador-electrico-150l", "40 gal = 151 l"), L("valvula-seguridad-termo", "relief valve")],
    "kx24": [L(PASO34, "4 stop valves 3/4")],
    "kx25": [L("flotador-deposito", "7 float valves")],
    "kx26": [L("inodoro-completo", "2 toilets"), L("monomando-lavabo", "2 mixers"), L("sifon-lavabo", "2 traps")],
    "kx27": [L("sifon-fregadero", "4 sink traps"), L("aireador-grifo", "8 aerators")],
    "kx28": [L(ESC12, "10 angle valves")],
    "kx29": [L("aireador-grifo", "10 aerators"), L("flexo-ducha", "10 shower hoses")],
    "kx30": [L("rociador-ducha", "12 shower heads"), L("aireador-grifo", "12 aerators"),
             L("kit-mecanismos-cisterna", "3 cistern kits")],
    "kx31": [L(PASO12, "6 stop valves 1/2")],
    "kx32": [L("obturador-descarga", "8 flush seals"), L("mecanismo-alimentacion", "2 fill valves")],
    "kx33": [L("tubo-cobre-15mm", "0.5 m"), L("codo-cobre-15mm", "2 elbows"), L("manguito-cobre-15mm", "1 coupling")],
    "kx34": [L("tubo-pvc-50mm", "0.8 m"), L("tubo-pvc-110mm", "1.5 m")],
    "kx35": [L("calentador-electrico-30l", "30 l heater"), L("valvula-seguridad-termo", "safety valve")],
    "kx36": [L("calentador-gas-11l", "11 l/min sealed gas heater")],
}


def main() -> None:
    about = ("Catalogue codes for the expected items of eval/estimates-independent-32.jsonl (TUNING set 32, written by "
             "helper est37 at stop 37), one entry per item in order, format of eval/estimates-independent-labels.json. "
             "Written from n8n-workflows/estimates/seed.sql after the cases' commit (fa65d13) and before any rule was "
             "run on the set (bench/estimates/est-37/label32.py).")
    write_labels(OUT, ROOT / "eval" / "estimates-independent-32.jsonl", LABELS, about)
    print(OUT)


if __name__ == "__main__":
    main()
