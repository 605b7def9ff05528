# Writes the catalogue labels of tuning set 30 (eval/estimates-independent-30-labels.json), from
# n8n-workflows/estimates/seed.sql, after the cases' commit (cb7dc0b) and before any rule was run on the set.
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "eval" / "estimates-independent-30-labels.json"


def l(codes, why):
    return {"codes": codes if isinstance(codes, list) else [codes], "why": why}


VALVE_12 = ["llave-paso-1-2", "llave-paso-empotrar-1-2"]
VALVE_34 = ["llave-paso-3-4", "llave-paso-empotrar-3-4"]
ESCUADRA = ["llave-escuadra-1-2", "llave-escuadra-1-2-1-2"]

LABELS = {
    "wq01": [l("tubo-cobre-22mm", "1.5 m"), l("codo-cobre-22mm", "2 elbows 22 mm")],
    "wq02": [l(VALVE_12, "2 stop valves 1/2"), l("tubo-pex-16mm", "0.5 m PEX 16")],
    "wq03": [l(VALVE_34, "1 stop valve 3/4"), l("desplazamiento-urgente", "urgent call-out at night")],
    "wq04": [l("grifo-lavadora", "6 washing-machine taps")],
    "wq05": [l("sifon-lavabo", "3 basin traps")],
    "wq06": [l("calentador-electrico-100l", "100 l electric heater"), l("valvula-seguridad-termo", "safety valve")],
    "wq07": [l("calentador-electrico-50l", "50 l electric heater")],
    "wq08": [l("calentador-electrico-80l", "80 l electric heater")],
    "wq09": [l("tubo-multicapa-20mm", "1.5 m"), l("codo-multicapa-20mm", "2 elbows")],
    "wq10": [l("tubo-ppr-25mm", "2.5 m")],
    "wq11": [l(VALVE_34, "1 stop valve 3/4"), l("latiguillo-30cm", "2 hoses 30 cm")],
    "wq12": [l(ESCUADRA, "6 angle valves 1/2 x 3/8")],
    "wq13": [l("tubo-cobre-15mm", "2 m"), l(VALVE_12, "1 stop valve 1/2")],
    "wq14": [l("tubo-multicapa-26mm", "6 m multilayer 26"), l(VALVE_34, "1 stop valve 3/4")],
    "wq15": [l("tubo-ppr-20mm", "10 m PPR 20")],
    "wq16": [l("tubo-pex-20mm", "8 m PEX 20")],
    "wq17": [l("tubo-pvc-40mm", "5 m PVC 40")],
    "wq18": [l("tubo-pex-16mm", "12 m PEX 16")],
    "wq19": [l("tubo-multicapa-16mm", "4 m multilayer 16")],
    "wq20": [l("calentador-electrico-80l", "80 l heater"), l("desplazamiento-urgente", "urgent call-out")],
    "wq21": [l("monomando-cocina", "kitchen mixer"), l("desplazamiento-urgente", "urgent call-out"),
             l("desplazamiento", "second, normal visit")],
    "wq22": [l("mecanismo-alimentacion", "fill valve"), l("desplazamiento-festivo", "Sunday call-out")],
    "wq23": [l("calentador-gas-11l", "11 l/min gas heater"), l("desplazamiento-urgente", "urgent call-out"),
             l("desplazamiento", "second, normal visit")],
    "wq24": [l("mano-obra-oficial-festivo", "2 h at the night rate")],
    "wq25": [l("termostatico-ducha", "thermostatic shower mixer")],
    "wq26": [l("valvula-antirretorno-1-2", "6 check valves 1/2")],
    "wq27": [l("monomando-lavabo", "3 basin mixers"), l("monomando-bide", "1 bidet mixer"),
             l("sifon-lavabo", "3 basin traps")],
    "wq28": [l("latiguillo-40cm", "20 hoses 40 cm")],
    "wq29": [l("calentador-electrico-50l", "2 x 50 l"), l("calentador-electrico-80l", "1 x 80 l")],
    "wq30": [l("calentador-gas-14l", "14 l/min sealed gas heater")],
    "wq31": [l("calentador-electrico-80l", "80 l decided"), l("retirada-calentador", "removal")],
    "wq32": [l("monomando-cocina-extraible", "pull-out kitchen mixer decided")],
    "wq33": [l("calentador-gas-11l", "kept at 11 l/min")],
    "wq34": [l("caldera-condensacion-28kw", "28 kW decided")],
    "wq35": [l("latiguillo-40cm", "4 hoses 40 cm decided")],
    "wq36": [l("calentador-electrico-100l", "100 l decided")],
}

cases = [json.loads(x) for x in (ROOT / "eval" / "estimates-independent-30.jsonl").read_text().splitlines() if x]
assert [c["id"] for c in cases] == list(LABELS)
for c in cases:
    assert len(c["final"]["items"]) == len(LABELS[c["id"]]), c["id"]
OUT.write_text(json.dumps({"about": "Catalogue codes for the expected items of eval/estimates-independent-30.jsonl "
                           "(TUNING set 30, written by helper est36 at stop 36), one entry per item in order, format of "
                           "eval/estimates-independent-labels.json. Written from n8n-workflows/estimates/seed.sql after "
                           "the cases' commit (cb7dc0b) and before any rule was run on the set.",
                           "labels": LABELS}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print("labels", len(LABELS))
