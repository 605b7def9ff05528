import json
def it(what,size,q,unit="ud"): return {"what":what,"size":size,"quantity":q,"unit":unit}
C=[]
def case(region, medium, turns, items, toq=(), notes=""):
    C.append({"region":region,"medium":medium,"turns":[{"text":t,"expect":e,"intent":i} for t,e,i in turns],
              "final":{"status":"draft","items":items,"labour_hours":None,"to_quote_expected":list(toq),"notes":notes}})
N="new"; R="revised"
# ---- single-turn (sd01-sd08): sizes the catalogue lacks, services with a diameter, two sizes of one thing
case("ES","typed",[("presupuesto para un termo eléctrico de 120 litros y la retirada del viejo",N,"a 120 l electric heater (a size the catalogue may lack) and removal of the old one")],
     [it("termo eléctrico","120 l",1),it("retirada del termo viejo",None,1)],["termo eléctrico"])
case("MX","typed",[("cotízame 5 metros de tubo de cobre de 25",N,"5 m of 25 mm copper pipe (a size copper pipe may not come in)")],
     [it("tubo de cobre","25 mm",5,"m")],["tubo de cobre"])
case("AR","voice",[("una llave de paso de dos pulgadas para la entrada general",N,"a 2 inch ball stop valve")],
     [it("llave de paso","2\"",1)],["llave de paso"])
case("CO","typed",[("calentador de gas de 24 litros para una casa grande",N,"a 24 l/min gas heater")],
     [it("calentador de gas","24 l/min",1)],["calentador de gas"])
case("ES","typed",[("válvula antirretorno de 1 1/2 para el grupo de presión",N,"a 1 1/2 inch check valve")],
     [it("válvula antirretorno","1 1/2\"",1)],["válvula antirretorno"])
case("CL","typed",[("desatasco de bajante de 110 con máquina",N,"unblocking a 110 mm stack by machine: one service, 110 is the diameter")],
     [it("desatasco con máquina","110 mm",1)])
case("PE","voice",[("inspección con cámara del colector de ciento sesenta",N,"camera inspection of a 160 mm collector: one service")],
     [it("inspección con cámara","160 mm",1)])
case("ES","typed",[("dos llaves de paso, una de media y otra de tres cuartos",N,"two ball stop valves of different sizes: one 1/2\" and one 3/4\"")],
     [it("llave de paso","1/2\"",1),it("llave de paso","3/4\"",1)])
# ---- multi-turn (sd09-sd38)
case("ES","typed",[("presupuesto termo eléctrico de 50 litros y la retirada del viejo",N,"a 50 l heater and removal of the old one"),
                   ("la clienta dice que mejor el de 80, que son cuatro en casa",R,"the customer (subject) wants the 80 l one instead; a reason follows")],
     [it("termo eléctrico","80 l",1),it("retirada del termo viejo",None,1)])
case("MX","typed",[("cotiza un boiler eléctrico de 100 litros",N,"a 100 l electric heater"),
                   ("me equivoqué, es de 80 no de 100",R,"corrected to 80 l, the old size named after 'no'")],
     [it("termo eléctrico","80 l",1)])
case("ES","voice",[("tres metros de tubo de cobre de quince y dos codos de quince",N,"3 m of 15 mm copper pipe and two 15 mm elbows"),
                   ("perdona es de veintidós no de quince que medí mal",R,"everything corrected to 22 mm, in words, with the reason")],
     [it("tubo de cobre","22 mm",3,"m"),it("codo de cobre","22 mm",2)])
case("AR","typed",[("llave de paso de media para el baño",N,"a 1/2\" ball stop valve"),
                   ("no es de media sino de tres cuartos",R,"'no X sino Y': 3/4\"")],
     [it("llave de paso","3/4\"",1)])
case("CO","typed",[("calentador de gas de 11 litros",N,"an 11 l/min gas heater"),
                   ("al final el cliente quiere el de 14",R,"'al final' and the customer as subject: the 14 l/min one")],
     [it("calentador de gas","14 l/min",1)])
case("ES","typed",[("caldera de condensación de 24 kW",N,"a 24 kW condensing boiler"),
                   ("hablé con el dueño y prefiere la de 28 kW",R,"the owner prefers the 28 kW one")],
     [it("caldera de condensación","28 kW",1)])
case("CL","typed",[("4 metros de tubo PVC de 40 para el lavamanos",N,"4 m of 40 mm PVC pipe"),
                   ("la bajada es de 50, no de 40, me confundí",R,"corrected to 50 mm with the pipe named by its use")],
     [it("tubo pvc","50 mm",4,"m")])
case("PE","voice",[("dos latiguillos de treinta para el lavabo",N,"two 30 cm flexibles"),
                   ("al final que sean de cuarenta porque no llegan",R,"'al final que sean de cuarenta' with a reason: 40 cm")],
     [it("latiguillo","40 cm",2)])
case("ES","typed",[("válvula antirretorno de 1/2",N,"a 1/2\" check valve"),
                   ("mira, la entrada es de una pulgada, así que la válvula de una pulgada",R,"the valve changed to 1\", said in words after a reason")],
     [it("válvula antirretorno","1\"",1)])
case("UY","typed",[("calderín de 24 litros",N,"a 24 l pressure vessel"),
                   ("el señor dice que mejor uno de cincuenta litros",R,"the customer says one of 50 l instead")],
     [it("calderín","50 l",1)])
case("ES","typed",[("termo de 80 litros",N,"an 80 l heater"),
                   ("mejor hazlo con el de cien litros en vez del de ochenta",R,"the 100 l one instead of the 80 l one, in words")],
     [it("termo eléctrico","100 l",1)])
case("VE","typed",[("2 metros de tubo multicapa de 16 y 3 codos de 16",N,"2 m of 16 mm multilayer pipe and 3 elbows"),
                   ("me dice el cliente que la instalación es de 20, así que todo de 20",R,"everything to 20 mm, with the reason before")],
     [it("tubo multicapa","20 mm",2,"m"),it("codo multicapa","20 mm",3)])
case("ES","typed",[("regulador de presión de media",N,"a 1/2\" pressure regulator"),
                   ("uy no, que sea el de tres cuartos, la entrada es de tres cuartos",R,"the 3/4\" one, the reason after it repeats the size")],
     [it("regulador de presión","3/4\"",1)])
case("MX","voice",[("una llave de escuadra de media por tres octavos",N,"an angle valve 1/2\" x 3/8\""),
                   ("la señora dice que mejor de media por media",R,"the customer (subject) wants 1/2\" x 1/2\"")],
     [it("llave de escuadra","1/2\" x 1/2\"",1)])
case("AR","typed",[("depósito de agua de 500 litros",N,"a 500 l water tank"),
                   ("al final va a ser de mil litros, el de 500 se queda corto",R,"'al final va a ser de mil litros': 1000 l, the old size named after")],
     [it("depósito de agua","1000 l",1)])
case("ES","typed",[("6 metros de tubo PPR de 20 y 4 codos de 20",N,"6 m of 20 mm PPR pipe and 4 elbows"),
                   ("el plano dice 25, así que el tubo y los codos de 25",R,"pipe and elbows changed to 25 mm after a reason")],
     [it("tubo PPR","25 mm",6,"m"),it("codo PPR","25 mm",4)])
case("ES","typed",[("grifo monomando de ducha",N,"a single-lever shower mixer"),
                   ("la clienta lo quiere termostático, que tiene niños",R,"the customer wants it thermostatic, with a reason")],
     [it("grifo termostático de ducha",None,1)])
case("MX","typed",[("bomba sumergible de aguas limpias para el cárcamo",N,"a clean-water submersible pump"),
                   ("me equivoqué, es para aguas sucias",R,"corrected: a dirty-water pump")],
     [it("bomba de aguas sucias",None,1)])
case("ES","voice",[("fregadero de acero inoxidable de un seno",N,"a one-bowl stainless sink"),
                   ("al final lo quieren de dos senos",R,"'al final lo quieren de dos senos': two bowls")],
     [it("fregadero inox","2 senos",1)])
case("CO","typed",[("tres llaves de paso de media",N,"three 1/2\" ball stop valves"),
                   ("no son tres, el cliente dice que son dos",R,"the count corrected to two, the customer as subject")],
     [it("llave de paso","1/2\"",2)])
case("ES","typed",[("termo de 100 litros",N,"a 100 l heater"),
                   ("el cliente dice que mejor de 120 litros",R,"changed to 120 l (a size the catalogue may lack: a cotizar, never the 100 l kept)")],
     [it("termo eléctrico","120 l",1)],["termo eléctrico"])
case("CO","typed",[("4 metros de tubo de cobre de 22",N,"4 m of 22 mm copper pipe"),
                   ("me equivoqué, es de 28 no de 22",R,"corrected to 28 mm")],
     [it("tubo de cobre","28 mm",4,"m")])
case("PE","typed",[("termo de 120 litros",N,"a 120 l heater (a size the catalogue may lack)"),
                   ("bueno, el cliente dice que se queda con el de 100 entonces",R,"the customer settles for the 100 l one")],
     [it("termo eléctrico","100 l",1)])
case("ES","typed",[("llave de paso de 1 1/2",N,"a 1 1/2\" ball stop valve (a size the catalogue may lack)"),
                   ("perdón, me equivoqué, es de 1 1/4",R,"corrected to 1 1/4\"")],
     [it("llave de paso","1 1/4\"",1)])
case("VE","typed",[("una válvula antirretorno de 3/4 y otra de 1/2",N,"two check valves of different sizes"),
                   ("añade un regulador de presión de 3/4",R,"adds a 3/4\" pressure regulator")],
     [it("válvula antirretorno","3/4\"",1),it("válvula antirretorno","1/2\"",1),it("regulador de presión","3/4\"",1)])
case("CL","typed",[("desatasco de bajante de 110 con máquina",N,"unblocking a 110 mm stack by machine: one service"),
                   ("y 3 metros de tubo de pvc de 110 para cambiar el tramo roto",R,"adds 3 m of 110 mm PVC pipe")],
     [it("desatasco con máquina","110 mm",1),it("tubo pvc","110 mm",3,"m")])
case("ES","voice",[("cinco metros de tubo de cobre de dieciocho",N,"5 m of 18 mm copper pipe, in words"),
                   ("no espera la instalación es de quince no de dieciocho",R,"corrected to 15 mm, in words, the old size after 'no'")],
     [it("tubo de cobre","15 mm",5,"m")])
case("AR","typed",[("2 enlaces de 3 piezas de 3/4",N,"two 3/4\" three-piece unions"),
                   ("son de 1\" no de 3/4, me equivoqué de medida",R,"corrected to 1\"")],
     [it("enlace de 3 piezas","1\"",2)])
case("ES","typed",[("4 codos de cobre de 22",N,"four 22 mm copper elbows"),
                   ("al final son 6 y de 28",R,"count and size changed in one sentence: six 28 mm elbows")],
     [it("codo de cobre","28 mm",6)])
case("UY","voice",[("un manguito de pvc de cuarenta para el desagüe",N,"a 40 mm PVC coupling"),
                   ("la señora dice que el desagüe es de cincuenta así que el manguito de cincuenta",R,"the coupling changed to 50 mm")],
     [it("manguito pvc","50 mm",1)])
case("MX","typed",[("un tinaco de 500 litros",N,"a 500 l water tank"),
                   ("ya medí y cabe el de mil litros, mejor ese",R,"the 1000 l one instead, said before 'mejor ese'")],
     [it("depósito de agua","1000 l",1)])
case("ES","typed",[("tres metros de tubo de pvc de 110 y dos codos de 110",N,"3 m of 110 mm PVC pipe and two elbows"),
                   ("los codos al final son de 90, el tubo se queda en 110",R,"only the elbows changed to 90 mm; the pipe stays")],
     [it("tubo pvc","110 mm",3,"m"),it("codo pvc","90 mm",2)])
for n,c in enumerate(C,1):
    c["id"]=f"sd{n:02d}"
    c2={"id":c["id"],**{k:v for k,v in c.items() if k!="id"}}
    C[n-1]=c2
with open("/work/wt-est34/eval/estimates-independent-26.jsonl","w") as f:
    for c in C: f.write(json.dumps(c,ensure_ascii=False)+"\n")
print(len(C), sum(len(c["turns"])>1 for c in C))
