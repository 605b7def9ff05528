import itertools, psycopg, json
url=open("/tmp/e33/dev.flag.url").read()
A=["un codo de cobre de quince","una llave de paso de media pulgada","un termo de ochenta litros","dos latiguillos de treinta centímetros",
   "un monomando de lavabo","una llave de paso de esfera de tres cuartos","un calentador de gas de once litros","un tubo de pvc de cuarenta milímetros",
   "una bomba de aguas limpias","un sifón sencillo","una válvula antirretorno de media","un codo de latón de media rosca hembra",
   "un calderín de veinticuatro litros","un fregadero de un seno","dos metros de tubo de cobre de quince milímetros", "un grifo de lavadora"]
B=["dos tes de veintidós","tres codos de latón de tres cuartos","un calderín de cincuenta litros","dos latiguillos de cuarenta centímetros",
   "un grifo bimando de cocina","dos llaves de paso de una pulgada","una manguera de lavadora","cuatro codos de pvc de cincuenta milímetros",
   "una bomba de aguas sucias","un sifón doble","una llave de escuadra de media por media","dos tapones de latón de media rosca macho",
   "un termo de cien litros","un fregadero de dos senos","tres metros de tubo de cobre de veintidós milímetros","dos llaves de paso de tres cuartos"]
def items(conn,t):
    v=conn.execute("select estimate_match(%s)",(t,)).fetchone()[0]
    return [(i.get("item"),i.get("quantity")) for i in v["items"] if "item" in i]
with psycopg.connect(url,autocommit=True) as conn:
    single={}
    for x in A+B: single[x]=items(conn,"presupuesto "+x)
    for a in A:
        for b in B:
            got=items(conn,"presupuesto "+a+" "+b)
            exp=single[a]+single[b]
            if sorted(map(str,got))!=sorted(map(str,exp)):
                print(a+" | "+b, "\n   got", got, "\n   exp", exp)
