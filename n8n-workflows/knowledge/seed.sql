-- Remedios knowledge base: seed articles and safety rules (Spanish).
-- Applied after knowledge/schema.sql, on every start. Idempotent: upsert by slug.
-- A seeded article or rule that staff have edited since it was seeded is never overwritten here
-- (kb_seed_article / kb_seed_safety_rule compare the current content with what the seed last wrote).
-- Articles and rules added by staff (other slugs) are never touched.
--
-- Written from general trade knowledge by the Remedios technical team. Figures are typical values; the
-- manufacturer's instructions and local regulations (in Spain the CTE DB HS 4 / HS 5 and the RITE; in
-- other countries the local plumbing code) take precedence.

-- kb_seed_article(slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, source, keywords)

SELECT kb_seed_article(
'grifo-monomando-cartucho',
'Cambiar el cartucho de un grifo monomando que gotea',
'El cartucho cerámico de un grifo monomando se desgasta o se raya (cal, arenilla) y deja pasar agua aunque la maneta esté cerrada, o pierde por la base de la maneta.',
'El caño gotea con el grifo cerrado; la maneta va dura o no regula bien frío y caliente; sale agua por debajo de la maneta.',
'1. Cerrar las llaves de escuadra de agua fría y caliente bajo el lavabo o fregadero (o la llave de paso general) y abrir el grifo para quitar la presión.
2. Tapar el desagüe con un trapo para que no se caigan tornillos ni piezas.
3. Quitar el embellecedor o tapón de la maneta, aflojar el tornillo (suele ser Allen o de estrella) y sacar la maneta.
4. Desenroscar la tapa o capuchón y aflojar la tuerca que sujeta el cartucho con una llave fija; sacar el cartucho tirando recto.
5. Llevar el cartucho viejo a la tienda para comprar uno idéntico: el diámetro más habitual es 35 mm o 40 mm, pero hay que comprobar también la altura y el estriado del vástago.
6. Limpiar el alojamiento de cal y restos con un trapo y vinagre; revisar las juntas tóricas de la base.
7. Colocar el cartucho nuevo respetando las patillas de posición (la posición de agua caliente y fría), apretar la tuerca con firmeza pero sin forzar.
8. Montar la maneta, abrir las llaves de escuadra despacio y comprobar que no gotea ni pierde por la base.',
'Quitar siempre la presión antes de desmontar. No usar grasa derivada del petróleo en juntas: solo grasa de silicona apta para grifería. No apretar en exceso la tuerca del cartucho: el cuerpo del grifo puede partirse.',
'Llave Allen o destornillador, llave fija o inglesa, trapo, vinagre, grasa de silicona, cartucho de recambio idéntico (35 o 40 mm habitualmente).',
'Si el cuerpo del grifo está agrietado o corroído, si las llaves de escuadra no cierran, o si no se encuentra el cartucho de recambio: sustituir el grifo completo.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'grifo monomando, llave monomando, mezclador, goteo, gotea, cartucho ceramico, maneta, canilla, pierde agua el grifo, fuga en el grifo, reparar el grifo, el grifo gotea'
);

SELECT kb_seed_article(
'grifo-bicomando-zapata',
'Grifo de dos manetas (bicomando) que gotea: cambiar zapata o montura',
'En los grifos de dos manetas cada lado tiene una montura (montera) con una zapata de goma o unos discos cerámicos. La zapata se endurece o el asiento se marca y el grifo gotea.',
'Goteo por el caño con las manetas cerradas; hay que apretar mucho la maneta para que deje de gotear; pierde agua por el vástago.',
'1. Cerrar las llaves de escuadra o la llave de paso general y abrir el grifo para vaciar la presión.
2. Averiguar qué lado gotea: cerrar solo el agua fría o solo la caliente en las llaves de escuadra y ver si el goteo para.
3. Quitar el embellecedor y el tornillo de la maneta; sacar la maneta.
4. Desenroscar la montura con una llave fija (girando en sentido antihorario), sujetando el cuerpo del grifo para no forzarlo.
5. Montura de goma: cambiar la zapata por una del mismo tamaño y revisar la junta tórica del vástago. Montura cerámica: cambiar la montura completa por una igual (llevar la vieja a la tienda).
6. Revisar el asiento del grifo: si está marcado o picado, repasarlo con una fresa de asientos o cambiar el grifo.
7. Montar la montura con su junta, apretar sin forzar, colocar la maneta y abrir el agua despacio.
8. Comprobar que no gotea por el caño ni por el vástago.',
'Quitar la presión antes de desmontar. No apretar las manetas con fuerza para cortar un goteo: se destroza la zapata y el asiento.',
'Llave fija o inglesa, destornillador, zapatas o montura de recambio, juntas tóricas, fresa de asientos (opcional), grasa de silicona.',
'Si el cuerpo del grifo está agrietado o el asiento no se puede reparar, cambiar el grifo. Si las llaves de paso no cierran, hay que sustituirlas antes.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'grifo bicomando, dos manetas, dos llaves, zapata, arandela, montura, montera, asiento, goteo, gotea, llave de agua, canilla, fuga en el grifo, reparar el grifo, grifo antiguo, el grifo gotea'
);

SELECT kb_seed_article(
'cisterna-pierde-agua',
'Cisterna del inodoro que no para de correr agua: válvula de descarga y grifo flotador',
'Una cisterna que sigue cargando agua tiene una de dos causas: la válvula de descarga (la junta, el clapeta o pera del fondo) no cierra bien y el agua se va a la taza, o el grifo flotador (válvula de llenado) no corta y el agua sale por el rebosadero.',
'Se oye correr agua o la cisterna se rellena sola cada cierto tiempo; hilo de agua continuo en la taza; factura de agua alta.',
'1. Quitar la tapa de la cisterna y mirar el nivel de agua.
2. Si el agua sale por el tubo rebosadero, el fallo es del grifo flotador (válvula de llenado): bajar el nivel ajustando el flotador (tornillo o varilla) hasta que el agua quede unos 2–3 cm (aprox. 1 in) por debajo del borde del rebosadero o en la marca del fabricante. Si aun así no corta, limpiar la membrana o cambiar el grifo flotador.
3. Si el nivel es correcto y sigue pasando agua a la taza, el fallo es de la válvula de descarga. Prueba del colorante: echar unas gotas de colorante alimentario en la cisterna, no tirar de la cadena y esperar 15–20 minutos; si el color aparece en la taza, la válvula pierde.
4. Cerrar la llave de paso de la cisterna y tirar de la cadena para vaciarla.
5. Limpiar el asiento de la válvula de cal y suciedad y cambiar la junta de la descarga (o el clapeta/pera en cisternas de tapón), o la válvula de descarga completa si está deteriorada. En descargadores de doble pulsador, comprobar también que el mecanismo no se queda enganchado.
6. Abrir la llave, dejar llenar y comprobar de nuevo con colorante.',
'Cerrar la llave de paso de la cisterna antes de desmontar. La tapa de cerámica pesa y se parte con facilidad: dejarla sobre una toalla en el suelo.',
'Colorante alimentario, destornillador, junta de descarga o clapeta de recambio, grifo flotador de recambio, esponja para vaciar el fondo.',
'Si la cisterna o la taza están agrietadas, o si la llave de paso de la cisterna no cierra, hay que sustituir la pieza.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'cisterna, inodoro, vater, water, wc, retrete, corre el agua, no para de cargar, se recarga sola, pierde agua, flotador, boya, clapeta, sapo, pera, valvula de descarga, cadena, pulsador, rebosadero'
);

SELECT kb_seed_article(
'inodoro-junta-cera',
'Fuga en la base del inodoro: cambiar la junta de cera o la junta de salida',
'El inodoro asienta sobre el desagüe del suelo con una junta (de cera, o una junta de goma/manguetón). Si el inodoro se mueve o la junta se aplasta mal, el agua sucia sale por la base al descargar y aparecen olores.',
'Agua alrededor de la base del inodoro después de tirar de la cadena; olor a alcantarilla; el inodoro se mueve o cojea; mancha en el techo del piso de abajo.',
'1. Cerrar la llave de paso de la cisterna, tirar de la cadena y sacar el agua que queda en la cisterna y en la taza con una esponja.
2. Desconectar el latiguillo de alimentación, quitar los embellecedores y las tuercas de los tornillos de fijación al suelo.
3. Levantar el inodoro recto hacia arriba (pesa; mejor entre dos) y apoyarlo de lado sobre cartones.
4. Tapar el desagüe con un trapo para que no salgan gases ni caigan objetos; rascar toda la cera o junta vieja del suelo y de la salida del inodoro.
5. Comprobar la brida o el tubo del suelo: el desagüe del inodoro suele ser de 3 a 4 pulgadas (75 a 110 mm; en España lo habitual es 110 mm). Si la brida está rota, repararla antes.
6. Colocar una junta de cera nueva (nunca reutilizar la vieja) o la junta de goma adecuada, centrada.
7. Retirar el trapo, bajar el inodoro recto sobre los tornillos, presionar sentándose o con el peso del cuerpo sin balancearlo y comprobar con el nivel que queda nivelado (calzos si el suelo no es plano).
8. Apretar las tuercas alternando un lado y otro, poco a poco, solo hasta que no se mueva: la porcelana se parte si se aprieta de más.
9. Conectar el latiguillo, abrir el agua, tirar varias veces y comprobar que no sale agua por la base. Sellar el contorno con silicona dejando atrás un hueco para ver si hay fugas.',
'El agua del inodoro es agua sucia: usar guantes y lavarse las manos. No apretar en exceso los tornillos: la porcelana se raja. Levantar con la espalda recta o entre dos personas.',
'Junta de cera o junta de goma nueva, llave fija, espátula, esponja, guantes, silicona sanitaria, cuñas de plástico si el suelo no está nivelado.',
'Si el tubo de desagüe del suelo o la brida están rotos, si el forjado está dañado por la humedad o si la fuga viene de la bajante: llamar a un fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'inodoro, vater, water, wc, retrete, taza, base del inodoro, junta de cera, anillo de cera, brida, manguetón, fuga en la base, sale agua por abajo, se mueve el inodoro'
);

SELECT kb_seed_article(
'fregadero-atascado-sifon',
'Fregadero o lavabo atascado: desatascador, limpieza del sifón y sonda',
'Los desagües de fregaderos y lavabos se atascan con grasa, restos de comida, pelos y jabón, casi siempre en el sifón o en el primer tramo de tubería.',
'El agua baja muy despacio o no baja; mal olor del desagüe; ruido de gorgoteo al vaciar.',
'1. Quitar el agua estancada con un cazo. No usar desatascador a presión si antes se ha echado un producto químico.
2. Desatascador de ventosa: tapar el rebosadero con un trapo húmedo (y el otro seno si el fregadero es doble), dejar unos centímetros de agua para que la ventosa cubra, y bombear con fuerza 10–15 veces.
3. Si no se desatasca, desmontar el sifón: poner un cubo debajo, aflojar a mano las tuercas del sifón (o el vaso de registro del sifón botella) y limpiarlo.
4. Si el sifón está limpio, el atasco está más adelante: pasar una sonda o muelle desatascador por el tubo hacia la pared girándolo.
5. Montar el sifón con sus juntas en buen estado, apretar a mano y comprobar que no gotea llenando y vaciando el fregadero.
6. Prevención: no tirar grasa ni aceite por el fregadero; usar rejilla para restos; de vez en cuando, agua muy caliente.',
'Los desatascadores químicos son corrosivos: usar guantes y gafas, no mezclar nunca dos productos (ni con lejía: desprenden gases tóxicos) y avisar al fontanero si ya se ha echado producto. No usarlos con la tubería completamente atascada.',
'Desatascador de ventosa, cubo, guantes, gafas de protección, llave de sifón o llave ajustable, sonda o muelle desatascador, juntas de sifón.',
'Si el atasco afecta a varios aparatos a la vez o el agua sale por otro desagüe, el problema está en la bajante o en la red general: hace falta un profesional con máquina desatascadora o cámara.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'fregadero atascado, lavabo atascado, tapado, tapon, no traga, baja lento, sifon, desarmar el sifon, limpiar el sifon, desague, desatascar, desatascador, ventosa, chupon, sonda, muelle, grasa'
);

SELECT kb_seed_article(
'inodoro-atascado',
'Inodoro atascado: desatascar sin dañar la taza',
'El inodoro se atasca por exceso de papel, toallitas u objetos. Las toallitas no se deshacen y son la causa más frecuente.',
'Al tirar de la cadena el agua sube en la taza y baja muy despacio o no baja; puede llegar a rebosar.',
'1. No volver a tirar de la cadena: si el agua sube, cerrar la llave de paso de la cisterna para que no rebose.
2. Usar un desatascador de ventosa con reborde (para inodoro), bien asentado en el fondo de la taza, cubierto de agua; empujar suave la primera vez para sacar el aire y luego bombear con fuerza varias veces.
3. Si no se resuelve, usar una sonda específica de inodoro (con funda que protege la porcelana), girando la manivela mientras se avanza.
4. Cuando el agua baje, abrir la cisterna y tirar dos veces para comprobar.
5. Si hay un objeto duro atascado, puede ser necesario desmontar el inodoro (ver artículo de la junta de cera) y sacarlo por la salida.',
'Guantes y gafas: el agua es sucia. No echar productos químicos en un inodoro atascado: no suelen funcionar y salpican. No usar alambres que rayan la porcelana.',
'Desatascador de ventosa con reborde, sonda de inodoro, guantes, gafas, cubo.',
'Si se atascan a la vez varios aparatos, o el agua sale por la ducha o el suelo al tirar de la cadena, el atasco está en la bajante o en la acometida: profesional con máquina y cámara.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'inodoro atascado, vater atascado, water, wc, retrete, taza, tapado, no traga, toallitas, rebosa, desatascar, desatascador, ventosa, sonda de inodoro'
);

SELECT kb_seed_article(
'pendiente-desague',
'Pendiente de los desagües: cuánta inclinación dar a una tubería de evacuación',
'Las tuberías horizontales de desagüe necesitan pendiente constante hacia la bajante para que el agua arrastre los sólidos. Con poca pendiente se acumulan residuos y se atascan; con tramos en contrapendiente o con "barrigas" queda agua estancada.',
'Atascos repetidos en el mismo tramo; agua que vuelve; malos olores; tubería que se ve combada entre abrazaderas.',
'1. Pendiente habitual: entre el 1 % y el 2 % (1 a 2 cm por cada metro). La regla americana de 1/4 de pulgada por pie equivale a aproximadamente el 2 %, y se usa para tubos de hasta 3 pulgadas; los tubos de mayor diámetro pueden llevar menos (1/8 in por pie, ≈1 %) si la normativa lo permite.
2. Consultar siempre la normativa local: en España, el CTE DB HS 5; fuera, el código de fontanería del país.
3. Tampoco demasiada: por encima de un 4–5 % en tramos horizontales el agua corre y deja atrás los sólidos. El colector principal de una vivienda suele ser de 110 mm (4 in). Calcular el desnivel: longitud del tramo en metros × pendiente. Ejemplo: 4 m al 2 % = 8 cm de diferencia entre el principio y el final.
4. Marcar la línea en la pared con un nivel láser o un cordel y nivel, y colocar las abrazaderas siguiendo esa línea, sin tramos planos ni en contrapendiente.
5. Sujetar el tubo con abrazaderas a distancias cortas para que no se combe (según el fabricante del tubo).
6. Cambios de dirección con curvas abiertas (dos codos de 45° mejor que uno de 90°) y registros accesibles para limpieza.
7. Probar con agua antes de cerrar: llenar y vaciar los aparatos y comprobar que no hay fugas ni agua estancada.',
'Trabajar en zanjas o techos con medios seguros (andamio, escalera en buen estado). Tubería de desagüe solo de material apto para evacuación.',
'Nivel de burbuja o láser, cordel, metro, abrazaderas, tubo y accesorios de PVC de evacuación, registro.',
'Para redes enterradas, colectores de edificio o acometidas a la red pública, y cuando no se consigue la pendiente necesaria (puede requerir bombeo): proyecto o profesional cualificado.',
'Equipo técnico Remedios, base de conocimiento interna; valores habituales de la práctica del oficio. La normativa local prevalece.',
'pendiente, inclinacion, desnivel, caida, porcentaje, desague, tuberia de evacuacion, colector, tubo horizontal, por metro, por pie, drenaje'
);

SELECT kb_seed_article(
'ventilacion-gorgoteo',
'Gorgoteo en desagües y olor a alcantarilla: ventilación y sifones',
'Cuando el agua baja por un desagüe empuja y arrastra aire. Si la red no está bien ventilada, se produce succión que vacía los sifones de otros aparatos (pierden el cierre hidráulico) y entra olor de la alcantarilla. También huele si un sifón se seca por falta de uso.',
'Gorgoteo o burbujeo en el lavabo o la ducha cuando se vacía otro aparato o se tira de la cadena; olor a alcantarilla; sifones que se quedan sin agua; desagüe lento sin atasco visible.',
'1. Olor en un desagüe poco usado (sumidero, ducha de invitados): el sifón se ha secado; echar agua para rellenarlo. El cierre hidráulico del sifón suele ser de unos 5 cm (2 in).
2. Comprobar que cada aparato tiene sifón y que no está roto o mal montado.
3. Si hay gorgoteo al vaciar otro aparato, falta ventilación: revisar que la salida de ventilación de la bajante en la cubierta no esté obstruida (hojas, nidos, hielo).
4. Si no es posible ventilar a la cubierta en un aparato concreto, instalar una válvula de aireación (válvula de admisión de aire) homologada por encima del sifón que protege y en un lugar accesible. No sustituye a la ventilación principal de la bajante.
5. Comprobar que no hay un atasco parcial aguas abajo: un atasco también provoca gorgoteo. Sifón muy lejos de la bajante o de la ventilación: se vacía por succión. En España (CTE) un sifón individual a 4 m como máximo de la bajante, con pendiente del 2,5 al 5 %; en EE. UU. el brazo del sifón tiene un largo máximo (IPC: 1 1/4 in, 5 pies, 1,5 m; 1 1/2 in, 6 pies, 1,8 m).
6. Probar vaciando a la vez varios aparatos y mirando si los sifones conservan el agua.
7. Si el sifón tiene agua y aun así huele, buscar por dónde escapa el gas: junta (empaque) del sifón o de la válvula floja o rota, unión a la pared sin sellar o una fuga del tubo; cambiar la junta y sellar.',
'Trabajos en cubierta solo con protección contra caídas. Los gases de alcantarilla son molestos y pueden ser peligrosos en espacios cerrados: ventilar.',
'Linterna, escalera, válvula de aireación, sifones de recambio, sonda.',
'Rediseñar la ventilación de una bajante, trabajos en cubierta o redes de edificio: profesional cualificado y, si procede, proyecto.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'ventilacion, gorgoteo, gorgotea, borbotea, burbujea, glu glu, olor a alcantarilla, olor a cloaca, mal olor, huele mal el desague, sifon seco, valvula de aireacion, valvula antivacio, respiradero, venteo, bajante'
);

SELECT kb_seed_article(
'presion-agua-baja',
'Poca presión de agua: cómo medirla y encontrar la causa',
'La presión normal en una vivienda suele estar entre 40 y 60 psi (aprox. 2,8 a 4 bar). Poca presión puede venir de la red, de un reductor mal ajustado, de filtros y aireadores sucios, de una llave medio cerrada o de tuberías viejas obstruidas por cal u óxido.',
'Sale poca agua en uno o en todos los grifos; la ducha pierde fuerza al abrir otro grifo; el calentador no enciende por falta de caudal.',
'1. Averiguar si afecta a un solo grifo o a toda la casa, y solo al agua caliente o a las dos.
2. Un solo grifo: desenroscar y limpiar el aireador (rompechorros) y el filtro del latiguillo; revisar la llave de escuadra.
3. Toda la casa: medir la presión estática con un manómetro en un grifo exterior o en la toma de la lavadora, con todo cerrado. Lo normal: 40–60 psi (2,8–4 bar).
4. Comprobar que la llave de paso general está completamente abierta y limpiar el filtro de entrada si lo hay.
5. Si hay reductor de presión, comprobar su ajuste y su filtro (ver artículo del reductor de presión).
6. Si la presión estática es buena pero cae mucho al abrir grifos, el problema es de caudal: tuberías estrechas o obstruidas (hierro galvanizado viejo) o una llave parcialmente cerrada.
7. Solo agua caliente: revisar el calentador o termo (filtro de entrada, cal en el serpentín o intercambiador).
8. Si la presión de la red es baja en toda la calle, consultar a la compañía de agua; puede hacer falta un grupo de presión.',
'Cerrar el agua antes de desmontar filtros o llaves.',
'Manómetro con rosca de grifo o de lavadora, llaves, vinagre para la cal, aireadores de recambio.',
'Sustituir tuberías generales, instalar un grupo de presión o trabajar en la acometida: fontanero profesional (la acometida suele ser de la compañía de agua).',
'Equipo técnico Remedios, base de conocimiento interna; valores habituales de la práctica del oficio.',
'presion, poca presion, baja presion, sale poca agua, poco caudal, no tiene fuerza, chorro flojo, manometro, bar, psi, aireador, rompechorros, filtro'
);

SELECT kb_seed_article(
'reductor-presion',
'Presión de agua demasiado alta: instalar y ajustar un reductor de presión',
'Si la presión de la red supera aproximadamente 80 psi (unos 5,5 bar), hay que instalar una válvula reductora de presión a la entrada de la vivienda. La presión alta daña grifos, latiguillos, cisternas y electrodomésticos y provoca golpes de ariete y goteo de la válvula de seguridad del termo.',
'Manómetro por encima de 80 psi (5,5 bar); grifos que salpican; latiguillos que revientan; golpes en las tuberías; válvula de seguridad del termo que gotea mucho.',
'1. Medir la presión estática con un manómetro en un grifo con todo cerrado (mejor también de noche, cuando la red sube).
2. Si pasa de unos 80 psi (5,5 bar), instalar una válvula reductora de presión después de la llave de paso general y del contador, con un filtro antes y llaves para poder desmontarla.
3. Respetar el sentido de la flecha de la válvula (sentido del agua).
4. Ajustar el tornillo del reductor hasta dejar la presión normalmente en 3–4 bar (unos 45–60 psi), comprobando con el manómetro.
5. Con reductor instalado el circuito queda cerrado: si hay termo o calentador acumulador, instalar o revisar el vaso de expansión sanitario, porque la dilatación del agua caliente sube la presión.
6. Revisar el filtro del reductor una vez al año.',
'Cortar el agua y vaciar el tramo antes de cortar la tubería. Las uniones deben ser aptas para agua potable.',
'Válvula reductora de presión con manómetro, filtro, llaves de corte, racores, manómetro, cinta PTFE, vaso de expansión sanitario si hay acumulador.',
'Si la instalación es comunitaria o la presión viene de la acometida, consultar a la compañía de agua o a la comunidad; en instalaciones grandes, profesional cualificado.',
'Equipo técnico Remedios, base de conocimiento interna; valores habituales de la práctica del oficio.',
'reductor de presion, valvula reductora, regulador de presion, presion alta, mucha presion, demasiada presion, exceso de presion, bar, psi, manometro, vaso de expansion'
);

SELECT kb_seed_article(
'golpe-de-ariete',
'Golpe de ariete: golpes en las tuberías al cerrar un grifo',
'Cuando el agua en movimiento se para de golpe (un grifo monomando que se cierra rápido, la electroválvula de la lavadora o del lavavajillas) se produce una onda de presión que hace vibrar y golpear las tuberías. Empeora con presión alta y tuberías mal sujetas.',
'Golpe seco o martilleo en las tuberías al cerrar un grifo o cuando la lavadora carga agua; vibraciones; latiguillos que acaban perdiendo.',
'1. Medir la presión: si pasa de unos 80 psi (5,5 bar), instalar o ajustar un reductor de presión; es lo primero.
2. Localizar tramos sueltos y sujetarlos con abrazaderas (con goma aislante) para que no golpeen contra paredes o forjados.
3. Instalar amortiguadores de golpe de ariete (antiarietes) lo más cerca posible de la válvula de cierre rápido que lo provoca, por ejemplo en las tomas de lavadora y lavavajillas.
4. Cerrar los grifos monomando sin brusquedad.
5. En instalaciones antiguas con cámaras de aire, vaciar la instalación para que las cámaras recuperen el aire; los amortiguadores con pistón o membrana no lo necesitan.',
'Cortar el agua antes de instalar los amortiguadores. Un golpe de ariete fuerte y repetido acaba rompiendo uniones: no dejarlo sin resolver.',
'Manómetro, amortiguadores de golpe de ariete, abrazaderas con goma, llaves, cinta PTFE.',
'Si los golpes siguen con presión correcta y tuberías sujetas, o la instalación es comunitaria, profesional cualificado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'golpe de ariete, golpes en las tuberias, martillazo, martilleo, ruido en las tuberias, vibracion, golpea al cerrar el grifo, lavadora, antiariete, amortiguador'
);

SELECT kb_seed_article(
'tuberias-congeladas',
'Tuberías congeladas: descongelar sin riesgos y evitar que revienten',
'El agua al congelarse aumenta de volumen y puede reventar la tubería. Se congelan sobre todo tramos en fachadas, garajes, buhardillas o exteriores sin aislar.',
'No sale agua o sale muy poca en un grifo con heladas; escarcha en el tubo; tubo abombado o agrietado.',
'1. Cerrar la llave de paso general si se sospecha que el tubo ha reventado (cuando se descongele saldrá agua).
2. Abrir el grifo que alimenta ese tramo para que el agua y el vapor tengan salida mientras se descongela.
3. Aplicar calor suave empezando por el lado del grifo y avanzando hacia la zona helada: secador de pelo, pistola de aire caliente a baja temperatura, paños con agua caliente o cinta calefactora.
4. Nunca usar soplete, llama ni fuego: puede hacer estallar el tubo por el vapor o provocar un incendio.
5. Seguir calentando hasta que el caudal sea normal; revisar todo el tramo buscando fugas.
6. Prevención: aislar las tuberías expuestas con coquilla, cinta calefactora en tramos exteriores, vaciar las instalaciones que no se usen en invierno (riego, segunda vivienda) y dejar un hilo de agua (un goteo) en los grifos críticos en noches de helada fuerte.',
'No usar llama abierta. No usar aparatos eléctricos si hay agua en el suelo o cerca de enchufes. Si el tubo está reventado, cerrar la llave general antes de descongelar.',
'Secador o pistola de aire caliente, paños, cinta calefactora, coquilla aislante, llaves.',
'Si la tubería congelada está dentro de una pared o forjado, o hay varias roturas, o hay agua cerca del cuadro eléctrico: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'tuberia congelada, tubo congelado, helada, hielo, congelado, no sale agua con el frio, descongelar, reventada, revienta, invierno, aislar, coquilla'
);

SELECT kb_seed_article(
'termo-valvula-seguridad',
'Válvula de seguridad del termo o calentador acumulador: goteo y comprobación',
'Los termos y calentadores acumuladores llevan una válvula de seguridad que abre si la presión (o, en las válvulas de temperatura y presión, T&P, también la temperatura) sube demasiado. En las válvulas T&P de tipo americano el tarado típico es 150 psi y 210 °F (≈10 bar y 99 °C). En los termos eléctricos europeos el grupo de seguridad suele estar tarado a 7–8 bar (comprobar en la propia válvula). Un pequeño goteo mientras el termo calienta es normal: es la dilatación del agua.',
'La válvula gotea durante el calentamiento (normal) o pierde agua continuamente (no normal); sale agua muy caliente o vapor por la válvula.',
'1. Goteo solo mientras calienta: normal. Conducir la salida de la válvula a un desagüe con un tubo y un embudo con salida libre (sin cerrar la salida).
2. Goteo continuo: medir la presión de la red. Si pasa de unos 80 psi (5,5 bar), instalar un reductor de presión; si hay reductor o antirretorno, instalar o revisar el vaso de expansión sanitario.
3. Accionar la palanca de prueba de la válvula unos segundos (con el tubo de descarga hacia el desagüe) para expulsar la cal del asiento y comprobar que abre y vuelve a cerrar; hacerlo periódicamente (según fabricante, como mínimo una vez al año).
4. Si sigue goteando con presión correcta, o no abre al accionar la palanca, cambiar la válvula por una del mismo tarado indicado en la placa del aparato (válvula T&P americana: típicamente 150 psi y 210 °F, ≈10 bar y 99 °C; grupo de seguridad de termo eléctrico europeo: 7–8 bar).
5. Si sale agua hirviendo o vapor, el termostato puede estar averiado: cortar la electricidad o el gas del aparato y no usar el agua caliente hasta revisarlo.',
'Nunca tapar, taponar ni quitar la válvula de seguridad: un termo sin válvula puede explotar. No poner llave de corte entre la válvula y el termo. El agua de descarga puede quemar: mantener manos y cara alejadas.',
'Manómetro, tubo de desagüe, embudo con salida libre, válvula de seguridad del mismo tarado, vaso de expansión sanitario, cinta PTFE.',
'Si sale vapor o agua hirviendo, si el termostato o el limitador fallan, o si el aparato es de gas: técnico autorizado.',
'Equipo técnico Remedios, base de conocimiento interna; valores típicos de tarado; prevalece la placa y el manual del fabricante.',
'valvula de seguridad, valvula de alivio, valvula T&P, grupo de seguridad, termo, termo electrico, calentador, boiler, gotea la valvula, el termo gotea por la valvula, valvula del termo gotea, pierde agua el termo, tarado, 150 psi, 210 F, presion'
);

SELECT kb_seed_article(
'termo-anodo-olor',
'Agua caliente que huele a huevo podrido: ánodo de sacrificio del termo',
'El termo lleva un ánodo de sacrificio (normalmente de magnesio) que se gasta para proteger el depósito de la corrosión. Con ciertas aguas, unas bacterias reaccionan con el ánodo de magnesio y producen sulfuro de hidrógeno: el agua caliente huele a huevo podrido. Cuando el ánodo se consume del todo, el depósito empieza a oxidarse.',
'Olor a huevo podrido o a azufre solo en el agua caliente; agua caliente turbia o con color óxido; termo con varios años sin revisar.',
'1. Comprobar si el olor está solo en el agua caliente. Si también huele el agua fría, el problema está en el suministro (pozo, red): no es el termo.
2. Cortar la electricidad del termo (o poner el calentador de gas en posición piloto o apagado), cerrar la entrada de agua fría y abrir un grifo de caliente para quitar la presión.
3. Vaciar parte del agua por la llave de vaciado y desenroscar el ánodo (según modelo, por arriba o bajo la tapa de la resistencia).
4. Si el ánodo (normalmente de magnesio) está muy gastado o se ve el alma de acero, cambiarlo. Si el problema es el olor, poner un ánodo de aluminio-zinc o un ánodo electrónico (de corriente impresa) compatible con el termo.
5. Desinfectar el depósito según el fabricante (por ejemplo con agua oxigenada o cloro en la dosis indicada), vaciar y aclarar bien.
6. Llenar el termo por completo, con un grifo de caliente abierto hasta que salga agua sin aire, y solo entonces conectar la electricidad.
7. Revisar el ánodo cada año (como máximo cada 2 años), también en los calentadores de gas de depósito, y más a menudo con agua dura o agresiva.
No quitar el ánodo sin poner otro: el depósito se corroe y se pierde la garantía.',
'Cortar la electricidad antes de tocar el termo; no conectar nunca un termo eléctrico vacío (la resistencia se quema). El agua del termo puede estar muy caliente: dejar enfriar o vaciar con cuidado.',
'Llave de vaso (normalmente 27 mm / 1-1/16 in para ánodos roscados), manguera, ánodo de recambio, cinta PTFE, desinfectante indicado por el fabricante.',
'Termos de gas, depósito con fuga u óxido por fuera, o ánodo agarrotado que no sale sin forzar el depósito: técnico del fabricante o profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'anodo, anodo de magnesio, anodo de sacrificio, huevo podrido, olor a azufre, huele mal el agua caliente, agua caliente huele, termo, termo electrico, calentador, boiler, corrosion, oxido'
);

SELECT kb_seed_article(
'termo-vaciado-sedimentos',
'Vaciar y limpiar un termo o calentador acumulador (sedimentos y cal)',
'Con el tiempo se acumulan cal y sedimentos en el fondo del depósito: el termo calienta peor, gasta más y hace ruidos (chasquidos, burbujeo). Vaciarlo y limpiarlo una vez al año alarga su vida.',
'Ruidos de crujidos o burbujeo al calentar; el agua caliente dura menos; arenilla en los aireadores; el termo tarda más en calentar.',
'1. Cortar la electricidad del termo en el cuadro (termo eléctrico) o poner el calentador de gas en posición piloto/vacaciones según el fabricante.
2. Dejar enfriar el agua o abrir un grifo de caliente un rato: el agua del termo puede estar a 60 °C o más.
3. Cerrar la llave de entrada de agua fría del termo.
4. Conectar una manguera a la llave de vaciado y llevarla a un desagüe o al exterior.
5. Abrir un grifo de agua caliente de la casa (para que entre aire) y abrir la llave de vaciado.
6. Cuando se vacíe, abrir y cerrar varias veces la entrada de agua fría para remover y arrastrar el sedimento, hasta que el agua salga clara.
7. Cerrar la llave de vaciado, abrir la entrada de agua fría y dejar el grifo de caliente abierto hasta que salga agua sin aire: así el depósito está lleno.
8. Solo con el depósito lleno, volver a conectar la electricidad o encender el calentador.',
'Nunca conectar un termo eléctrico vacío: la resistencia se quema en seco. Cuidado con el agua caliente al vaciar. Si es de gas, seguir las instrucciones del fabricante para apagar y encender.',
'Manguera, llave ajustable, cubo, guantes.',
'Si la llave de vaciado gotea o no cierra, si el depósito pierde agua por el cuerpo, o si el aparato es de gas y hay que desmontar el quemador: técnico autorizado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'vaciar el termo, purgar el termo, limpiar el termo, sedimentos, cal, ruido en el termo, crujidos, calentador, termo electrico, boiler, mantenimiento anual, llave de vaciado'
);

SELECT kb_seed_article(
'calentador-gas-piloto',
'Calentador o caldera de gas con llama piloto: el piloto se apaga, olor a gas y seguridad',
'En los aparatos de gas con piloto, el termopar (o termopila) mantiene abierta la válvula de gas solo mientras la llama del piloto lo calienta. Si el piloto se apaga, la válvula corta el gas. Las causas habituales son piloto sucio, termopar gastado, corrientes de aire o falta de tiro. Cualquier trabajo en la parte de gas debe hacerlo un técnico de gas autorizado.',
'El piloto no enciende o se apaga al soltar el botón; llama amarilla o anaranjada en vez de azul; hollín; olor a gas.',
'1. Si huele a gas: no encender nada, no accionar interruptores, ventilar, cerrar la llave del gas si se puede sin riesgo, salir y llamar desde fuera a la compañía de gas o al 112. No intentar encender el piloto.
2. Sin olor a gas: seguir exactamente las instrucciones de encendido de la etiqueta del aparato. Si no prende, esperar unos 5 minutos con el gas cerrado antes de volver a intentarlo, para que se disipe el gas acumulado.
3. Si el piloto enciende pero se apaga al soltar el botón, lo más habitual es el termopar o un piloto sucio: lo revisa y sustituye un técnico de gas autorizado.
4. La llama debe ser azul. Llama amarilla, hollín o mareos y dolor de cabeza en la casa indican mala combustión y riesgo de monóxido de carbono: apagar el aparato, ventilar, salir si hay síntomas y llamar al técnico. Instalar un detector de monóxido de carbono homologado (EN 50291), en el local del aparato y cerca de los dormitorios, a la altura que diga su fabricante, y probarlo y cambiarlo cuando caduque.
5. Comprobar que las rejillas de ventilación del local no están tapadas y que el conducto de humos no está obstruido.',
'El gas y el monóxido de carbono matan. El fontanero sin habilitación de gas no debe manipular la válvula de gas, el quemador ni el conducto de humos. Nunca anular el termopar ni la seguridad de tiro.',
'Linterna, detector de gas o agua jabonosa para localizar fugas (nunca una llama), detector de monóxido de carbono.',
'Siempre que haya olor a gas, llama amarilla, hollín, fallo del termopar o de la seguridad de tiro: técnico de gas autorizado o servicio técnico del fabricante. Con olor a gas, la compañía de gas o el 112.',
'Equipo técnico Remedios, base de conocimiento interna; criterios generales de seguridad en aparatos de gas.',
'calentador de gas, caldera de gas, piloto, llama piloto, se apaga el piloto, no enciende, termopar, termopila, olor a gas, huele a gas, fuga de gas, llama amarilla, monoxido de carbono, boiler a gas, calentador a gas'
);

SELECT kb_seed_article(
'soldadura-cobre',
'Soldar tubería de cobre (soldadura blanda por capilaridad)',
'La soldadura blanda de cobre une tubo y accesorio por capilaridad: el estaño fundido entra en la holgura entre ambos. Falla si las piezas están sucias, si hay agua en el tubo o si se calienta el estaño en vez del accesorio.',
'Uniones que gotean después de soldar; el estaño hace bolas y no entra; la unión queda negra y quemada.',
'1. Cortar el tubo a escuadra con un cortatubos y quitar la rebaba interior y exterior.
2. Limpiar a metal brillante el exterior del tubo y el interior del accesorio con lija, estropajo o cepillo de alambre.
3. Aplicar una capa fina de decapante (flux) en el tubo y montar el accesorio hasta el fondo.
4. El tubo debe estar seco y sin agua: si gotea agua de la instalación, cortar el paso y vaciar; si sigue entrando agua, no se podrá soldar.
5. Calentar el accesorio (no el estaño) con el soplete, de forma uniforme, y acercar el hilo de estaño a la unión por el lado contrario a la llama: cuando la temperatura es correcta, el estaño se funde y entra solo por capilaridad.
6. Retirar el calor en cuanto la unión esté llena (se ve un anillo completo) y no mover la pieza hasta que se enfríe.
7. Limpiar los restos de decapante con un trapo húmedo y, al terminar, purgar la instalación para eliminar restos de flux.
8. Probar con presión y revisar todas las uniones.
Para agua potable, usar siempre estaño sin plomo.',
'Riesgo de incendio: usar una manta o pantalla ignífuga detrás de la unión, tener un extintor a mano y vigilar la zona un rato después de terminar. Gafas y guantes. Ventilar: los humos del decapante son irritantes. No soldar nunca una tubería de gas sin habilitación.',
'Soplete (propano o MAP), cortatubos, escariador, lija o cepillo de alambre, decapante (flux), estaño sin plomo, manta ignífuga, extintor, guantes y gafas.',
'Tuberías de gas, soldadura fuerte (plata) en instalaciones de climatización, o trabajos cerca de materiales inflamables sin poder proteger la zona: profesional habilitado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'soldar cobre, sueldo, soldo, soldadura, soldadura blanda, estañar, estaño, soplete, flux, decapante, tubo de cobre, tuberia de cobre, capilaridad, fuga en soldadura, sin plomo'
);

SELECT kb_seed_article(
'elegir-pvc-cpvc-pex',
'Elegir tubería: PVC, CPVC, PEX, multicapa y cobre',
'Cada material tiene su uso. El PVC de evacuación es para desagües, no para agua a presión caliente. El CPVC admite agua caliente a presión. El PEX (polietileno reticulado) y el multicapa son flexibles y se usan mucho en agua fría y caliente. El cobre es resistente y rígido, y se une con soldadura o racores.',
'Dudas sobre qué tubo poner en una reforma; tubo de PVC deformado en agua caliente; PEX deteriorado al sol.',
'1. Desagües y evacuación: PVC (o PP) de evacuación, con la pendiente adecuada. No usar PVC de evacuación para agua a presión.
2. Agua fría a presión: PVC de presión, PEX, multicapa, CPVC o cobre, siempre con certificación para agua potable.
3. Agua caliente: CPVC, PEX, multicapa o cobre. El CPVC se pega con su pegamento específico para CPVC (no el de PVC). El PVC normal no sirve para agua caliente: se ablanda y se deforma.
4. PEX: flexible, con menos uniones, resiste mejor las heladas; no debe quedar expuesto al sol (los rayos UV lo degradan) y se une con accesorios de compresión, de prensar o de expansión del sistema correspondiente.
5. Conexión al calentador o termo: respetar lo que indique el fabricante; con calentadores de gas, los primeros tramos suelen hacerse en metal.
6. No mezclar sistemas de accesorios de distintos fabricantes si no son compatibles, y usar manguitos dieléctricos al unir cobre con acero galvanizado.
7. Respetar siempre la presión y temperatura máximas marcadas en el tubo.',
'Usar solo materiales certificados para agua potable en el suministro. No exponer PEX ni PVC al sol sin protección.',
'Cortatubos adecuado a cada material, accesorios del mismo sistema, manguitos dieléctricos.',
'Instalaciones completas de edificio, gas o calefacción: proyecto o profesional cualificado.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen las fichas técnicas de cada fabricante.',
'pvc, cpvc, pex, multicapa, polietileno reticulado, cobre, que tubo uso, que tuberia poner, material de tuberia, tubo para agua caliente, tubo de plastico, al sol, rayos uv, intemperie, exterior'
);

SELECT kb_seed_article(
'pex-reparacion',
'Reparar una fuga en tubería PEX (multicapa o polietileno reticulado)',
'El PEX se repara cortando el tramo dañado y poniendo un manguito del sistema adecuado (de prensar/engatillar, de expansión o de compresión). La mayoría de fugas en PEX están en las uniones mal hechas o en tubos pinchados o dañados por el calor.',
'Goteo en una unión de PEX; tubo pinchado por un clavo o tornillo; tubo deformado cerca de una fuente de calor.',
'1. Cerrar la llave de paso y abrir un grifo para quitar la presión.
2. Cortar el tramo dañado con un cortatubos de plástico, a escuadra (no con sierra: deja rebaba y el corte torcido).
3. Elegir un manguito del mismo diámetro y sistema que la instalación (prensar, expansión o compresión).
4. Prensar/engatillar: colocar el anillo, meter el accesorio hasta el fondo y engatillar con la herramienta del diámetro correcto; comprobar la unión con la galga pasa/no pasa si el sistema la usa.
5. Expansión: poner el anillo, expandir tubo y anillo con la herramienta de expansión (expansor) girándola entre golpes, meter el accesorio enseguida y esperar a que el tubo se contraiga sobre él antes de dar presión.
6. Compresión: poner tuerca, anillo y el casquillo interior (refuerzo) dentro del tubo, y apretar según el fabricante.
7. Abrir el agua y comprobar que no hay fugas con presión.',
'Quitar la presión antes de cortar. Nunca usar llama cerca del PEX.',
'Cortatubos de plástico, manguito de reparación del sistema, herramienta de prensar o de expansión, galga, calibrador.',
'Fugas dentro de suelo radiante o en tubos empotrados sin acceso: profesional con detector de fugas.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'pex, reparar pex, fuga en pex, multicapa, polietileno reticulado, manguito, engatillar, prensar, crimpar, expansion, tubo pinchado, tuberia de plastico'
);

SELECT kb_seed_article(
'pvc-encolado',
'Pegar o reparar tubería de PVC o CPVC (encolado con imprimación y adhesivo)',
'Las tuberías de PVC y CPVC se unen por soldadura química: la imprimación ablanda la superficie y el adhesivo funde tubo y accesorio. Una unión falla si no se limpia, si el tubo no entra hasta el fondo o si se pone en servicio antes de tiempo.',
'Fuga en un empalme de PVC; tubo de desagüe roto; unión que se separa.',
'1. Cortar el tramo dañado a escuadra con cortatubos o sierra de dientes finos y quitar la rebaba por dentro y por fuera; hacer un pequeño chaflán al tubo.
2. Presentar tubo y accesorio en seco y marcar la profundidad de encaje.
3. Limpiar y aplicar la imprimación (limpiador) en el tubo y en el accesorio.
4. Aplicar el adhesivo del tipo correcto (el de PVC para PVC, el de CPVC para CPVC) en capa uniforme en tubo y accesorio.
5. Meter el tubo hasta el fondo con un cuarto de vuelta y sujetarlo unos 30 segundos para que no se salga.
6. Limpiar el sobrante y respetar el tiempo de secado (curado) del fabricante antes de poner en presión: según su tabla (de minutos a 24 horas o más, según temperatura, diámetro y presión).
7. Probar con agua.',
'Adhesivos e imprimaciones son inflamables y sus vapores nocivos: ventilar, no fumar, guantes y gafas.',
'Cortatubos o sierra, lima o desbarbador, imprimación, adhesivo para PVC o CPVC, manguitos, trapo.',
'Bajantes comunitarias, colectores enterrados o tuberías de presión de gran diámetro: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'pvc, cpvc, pegar pvc, encolar, adhesivo, imprimacion, limpiador, empalme de pvc, tubo de desague roto, manguito, soldadura quimica'
);

SELECT kb_seed_article(
'sellado-roscas',
'Sellar roscas: cinta de teflón (PTFE), pasta o fibra',
'Las roscas cónicas o de tubo no cierran por sí solas y necesitan sellador. Una rosca mal sellada gotea; una mal elegida puede romper el accesorio o no ser apta para gas.',
'Goteo por una rosca recién montada; racor que pierde al dar presión; dudas sobre cuántas vueltas de cinta dar.',
'1. Limpiar la rosca macho de restos viejos de cinta, pasta o fibra.
2. Cinta de teflón (PTFE): enrollarla en el sentido de apriete de la rosca (en el sentido de las agujas del reloj mirando el extremo del tubo), empezando por el primer hilo, tensa y solapada; normalmente 3 o 4 vueltas, más en roscas holgadas.
3. Pasta de sellar o fibra con pasta: aplicar según el fabricante; la fibra (cáñamo) se enrolla también en el sentido de apriete.
4. Roscar a mano y después apretar con la llave sin pasarse, sobre todo en accesorios de latón o plástico.
5. No poner cinta en los racores de compresión (cierra el anillo), ni en uniones con junta plana (cierra la junta), ni en roscas de tuercas locas.
6. Gas: usar solo cinta o pasta homologada para gas (la cinta para gas suele ser amarilla) y que la instalación la haga un técnico habilitado.
7. Probar con presión y revisar.',
'Quitar la presión antes de desenroscar. No usar sellador no apto para agua potable en el suministro.',
'Cinta PTFE, pasta de sellar apta para agua potable, fibra de cáñamo, llaves.',
'Instalaciones de gas: solo técnico habilitado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'rosca, roscas, sellar rosca, cinta de teflon, teflon, ptfe, cinta, pasta de sellar, fibra, canamo, estopa, cuantas vueltas, racor, pierde por la rosca, hilo'
);

SELECT kb_seed_article(
'llave-de-paso-fuga',
'Fuga de agua: cortar el agua y hacer una reparación provisional',
'Ante una fuga lo primero es cortar el agua y proteger la instalación eléctrica. Después se localiza la fuga y se repara provisional o definitivamente.',
'Agua saliendo de una tubería o de un latiguillo; mancha de humedad que crece; contador que gira con todo cerrado.',
'1. Cerrar la llave de paso general de la vivienda (suele estar junto al contador, en la cocina o el baño) o la llave del aparato afectado.
2. Si el agua llega a enchufes, aparatos eléctricos o al cuadro, cortar la electricidad desde el cuadro general sin pisar agua; si no se puede llegar sin mojarse, no tocar y llamar a un electricista o al 112.
3. Abrir un grifo bajo para vaciar el tramo y quitar presión.
4. Localizar la fuga. Para comprobar si hay fugas ocultas: cerrar todos los grifos y mirar si el contador sigue girando.
5. Reparación provisional: abrazadera de reparación para tubo o cinta de silicona autovulcanizante; un latiguillo que pierde, cambiarlo.
6. Reparación definitiva: cortar el tramo dañado y poner un manguito o tramo nuevo del material adecuado (cobre, PEX, multicapa, PVC).
7. Secar la zona y vigilar la humedad.',
'Agua y electricidad juntas: cortar la corriente antes de entrar en una zona inundada. No tocar aparatos eléctricos con los pies mojados.',
'Llaves, abrazadera de reparación, cinta autovulcanizante, latiguillos de recambio, cubo y trapos.',
'Fugas en tuberías empotradas, en la acometida o en zonas comunitarias; agua en el cuadro eléctrico: profesional (fontanero o electricista).',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'fuga, fuga de agua, fuga oculta, tuberia rota, tuberia reventada, se ha reventado, reventon, agua por el suelo, perdida de agua, escape de agua, llave de paso, llave general, cortar el agua, contador, abrazadera de reparacion, latiguillo, inundacion'
);

SELECT kb_seed_article(
'atasco-general-retorno',
'El agua sucia sale por la ducha o el sumidero al tirar de la cadena: atasco en la bajante o el colector',
'Cuando al descargar un aparato el agua sale por otro (normalmente el punto más bajo: sumidero, plato de ducha, bañera), el atasco no está en el aparato sino aguas abajo, en la bajante, el colector o la arqueta, y las aguas residuales retroceden.',
'Al tirar de la cadena sube agua sucia por la ducha, la bañera o el sumidero; varios aparatos atascados a la vez; olor a alcantarilla; agua en la arqueta o el registro.',
'1. Dejar de usar todos los aparatos (no tirar de la cadena, no usar lavadora ni lavavajillas) hasta resolverlo.
2. Protegerse: guantes, botas y gafas; el agua es residual. Si el agua alcanza enchufes, cortar la electricidad desde el cuadro sin pisar el agua.
3. Averiguar hasta dónde llega el atasco: si afecta solo a la vivienda, está en su colector; si afecta a otros vecinos o a la bajante, es de la comunidad y hay que avisar al administrador.
4. Localizar el registro o la arqueta más cercana aguas abajo y comprobar si está llena: si lo está, el atasco está más adelante.
5. Desatascar desde el registro con una sonda o una máquina desatascadora; en colectores largos o con raíces, hace falta máquina de agua a presión y cámara de inspección.
6. Después, limpiar y desinfectar las zonas que haya tocado el agua sucia.
7. En sótanos o plantas bajas por debajo de la red, valorar una válvula antirretorno para que no vuelva a ocurrir.',
'Aguas residuales: riesgo biológico. Guantes, botas, gafas y lavado de manos. No entrar en arquetas profundas o pozos: gases tóxicos y falta de oxígeno.',
'Guantes, botas, gafas, sonda o máquina desatascadora, linterna, desinfectante.',
'Atascos en la bajante comunitaria, el colector enterrado o la acometida, arquetas profundas y cualquier entrada en espacio confinado: empresa de desatascos o profesional con máquina y cámara.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'sale agua por la ducha, sale agua por el sumidero, agua sucia, aguas negras, aguas residuales, retorno, reflujo, rebosa el sumidero, bajante atascada, colector atascado, arqueta, registro, atasco general, tirar de la cadena, varios desagues atascados, valvula antirretorno'
);

-- ---------------------------------------------------------------------------------------------------------
-- Safety rules. Patterns are compared without accents and in lower case (see schema.sql).
-- kb_seed_safety_rule(slug, description, patterns, requires, message, priority)
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_safety_rule(
'olor-a-gas',
'Olor o fuga de gas',
ARRAY['huele a gas', 'huele como a gas', 'olor a gas', 'olor de gas', 'olor al gas', 'oler a gas', 'olia a gas',
      'huelo (a )?gas', 'fuga de gas', 'fuga del gas', 'escape de gas', 'perdida de gas', 'se sale el gas',
      'sale gas', 'pierde gas', 'gas.{0,30}(huele|\molor)', '(huele|\molor).{0,30}\mgas\M', 'huele a butano', 'huele a propano',
      '\m(h|g)?uele(n)? (como )?a gas\M', '\mh?uelo (a )?gas\M', '(silb|chifl)\w*.{0,40}(\mgas\M|garrafa|bombona|balon de gas|cilindro de gas)',
      '\m(escap|pierd|perdi|fug)\w* (el |de |del )?gas\M', '\mse (escapa|sale|va) (el )?gas\M',
      -- checklist 3 (bench/quality/SAFETY-3.md): the container or line named without the word "gas" (balón,
      -- cilindro, tanque estacionario, regulador...), a hiss written as a sound ("hace shhh", "siseo"), the
      -- rotten-egg smell of the odorant, soap bubbles on a joint, a gas meter turning with everything off.
      '(garrafa|bombona|balon|cilindro|estacionario|tanque de gas|butano|propano|(llave|tuberia|tubo|cano|caneria|manguera|flexible|conexion|linea|red|medidor|contador|rosca|union|valvula) (de|del) gas).{0,80}(sise|silb|chifl|\m(p|f)?(ss+h*|shh+)\M|huevo|azufre|podrid|huele (feo|raro|mal|horrible)|olor (feo|raro|fuerte)|tufo|apest|peste\M|burbuj)',
      '(sise|silb|chifl|\m(p|f)?(ss+h*|shh+)\M|huevo|azufre|podrid|huele (feo|raro|mal|horrible)|olor (feo|raro|fuerte)|tufo|apest|peste\M|burbuj).{0,60}(garrafa|bombona|balon|cilindro|estacionario|tanque de gas|butano|propano|(llave|tuberia|tubo|cano|caneria|manguera|flexible|conexion|linea|red|medidor|contador|rosca|union|valvula) (de|del) gas)',
      '\m(apest\w*|(h|j)iede\w*|tufo|tufillo|peste|hedor|se siente)( \w+)? a gas\M',
      '(medidor|contador) (de|del) gas.{0,60}\m(gira|giran|girando|sigue|se mueve|corre|avanza|da vueltas)',
      '\m(gira|girando|se mueve|corre|avanza|da vueltas)\w*.{0,40}(medidor|contador) (de|del) gas',
      -- checklist 4 (bench/quality/SAFETY-4.md): English words (smell, gas leak, gas line), gas escaping "un poco" while working, a cylinder or regulator that leaks ("si pierde la bombona").
      '\m(smell|smells|smelling)\M.*\mgas\M',
      '\mgas\M.*\m(smell|smells|smelling)\M',
      '\mgas leak',
      '\mleak\w* (de |del |of )?gas\M',
      '\mse (me |nos |le |les )?(escapa|escapo|sale|salio|va|fuga|esta escapando|esta saliendo)\M (un poco de |un poquito de |poquito de |algo de |poco |mucho |el )?gas\M',
      '\m(pierde|pierden|perdia|perdiendo|fuga|fugando|leaking)\M (la |el |los |las )?(bombona|garrafa|balon|cilindro|regulador|tanque de gas|tanque estacionario|tanque de propano|propane tank|gas line|linea de gas)',
      '(bombona|garrafa|balon|cilindro|regulador|tanque de gas|tanque estacionario|tanque de propano|propane tank|gas line|linea de gas) (\w+ ){0,3}(esta fugando|fugando|pierde|perdiendo|leaking|tiene (una )?(fuga|leak))\M',
      -- checklist 5 (bench/quality/SAFETY-5.md, tune half): a gas cylinder called pipeta (Colombia); a cylinder or regulator covered in frost (a large leak); the rotten-egg smell in English or near a gas appliance.
      '\mpipetas?\M.*(sise|silb|chifl|\m(p|f)?(ss+h*|shh+)\M|escarch|congelad|huele|olor|fuga|pierde|burbuj)',
      '(sise|silb|chifl|\m(p|f)?(ss+h*|shh+)\M|escarch|huele|olor|fuga|pierde)\w*.*\mpipetas?\M',
      '(garrafa|bombona|balon|cilindro|pipeta|tanque de gas|tanque estacionario|regulador)\w*.*\m(escarchad\w*|congelad\w*|con (hielo|escarcha))',
      '(huevos? podridos?|rotten eggs?).*\m(dryer|secadora|estufa|calentador|water heater|heater|boiler|calefon|calefont|stove|horno|furnace|tankless)\w* (de |a )?gas\M',
      '\m(dryer|secadora|estufa|calentador|water heater|heater|boiler|calefon|calefont|stove|horno|furnace|tankless)\w* (de |a )?gas\M.*(huevos? podridos?|rotten eggs?)',
      -- stop 22 (SAFETY-5.md): a gas detector or gas alarm going off (it read "no huele a gas pero el detector de gas
      -- pita" only through the denied smell).
      -- checklist 7 (bench/quality/SAFETY-7.md): "sigue oliendo a gas" after the valve was closed (a measure that
      -- failed); the odorant's smell told as garlic or cabbage next to a gas appliance, meter or bottle.
      '\m(oliendo|olio|olian|olera|oliera) (como )?a gas\M',
      '(caldera|calentador|calefon|calefont|boiler|termotanque|terma|estufa|horno|medidor|contador|regulador|garrafa|bombona|balon|cilindro|tanque de gas|\mgas\M)\w*.{0,80}\m(olor|huele|tufo|peste|hedor|apesta)\w*( \w+){0,3} a (ajo|repollo|col|coliflor)\M',
      '\m(olor|huele|tufo|peste|hedor|apesta)\w*( \w+){0,3} a (ajo|repollo|col|coliflor)\M.{0,80}(caldera|calentador|calefon|calefont|boiler|termotanque|terma|estufa|horno|medidor|contador|regulador|garrafa|bombona|balon|cilindro|tanque de gas|\mgas\M)',
      '\m(detector|alarma|sensor|alarm|detector)\w* (de |del |para (el )?)?gas\M.{0,60}\m(pita|pitan|pitando|pito|pitaba|suena|suenan|sonando|sono|sonaba|chilla|chillando|se activ\w*|se dispar\w*|salta|salto|beep\w*|going off)',
      '\m(pita|pitan|pitando|pito|pitaba|suena|suenan|sonando|sono|sonaba|chilla|chillando|beep\w*)\M.{0,40}\m(detector|alarma|sensor|alarm)\w* (de |del |para (el )?)?gas\M',
      -- stop 26 (SAFETY.md "Stop 26"): a rotten-egg smell with someone unwell (headache, dizziness, nausea): gas or
      -- sewer gas, either way out to fresh air first.
      '(huevos? podridos?|rotten eggs?|azufre).{0,120}(dolor\w* de cabeza|duel\w* (\w+ )?(la )?cabeza|\mmare[aoe]|nausea|desmay|vomit|headache|dizzy)',
      '(dolor\w* de cabeza|duel\w* (\w+ )?(la )?cabeza|\mmare[aoe]|nausea|desmay|vomit|headache|dizzy).{0,120}(huevos? podridos?|rotten eggs?|azufre)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (olor a gas): no accionar interruptores, enchufes ni timbres, no encender llamas ni cigarrillos. Abrir puertas y ventanas, cerrar la llave del gas si se puede hacer sin riesgo y salir del lugar. Desde fuera, llamar al teléfono de urgencias de la compañía de gas o al 112. No volver a entrar ni manipular el aparato hasta que lo revise un técnico de gas autorizado.',
100
);

SELECT kb_seed_safety_rule(
'monoxido-carbono',
'Monóxido de carbono o mala combustión',
ARRAY['monoxido', '\mco\M.{0,20}(detector|alarma)', '(detector|alarma).{0,20}\mco\M', 'llama amarilla', 'llama naranja',
      'llama anaranjada', 'hollin', 'mareo', 'mareado', 'dolor de cabeza', 'nauseas', 'sin tiro', 'no tira la chimenea',
      'revoco de humos', 'humo',
      '\m(llama|llamas|flama|flamas|fuego|piloto)\M.{0,30}(amarill|naranja|anaranjad|rojiz|\mroj[oa]s?\M)', '\mmare[aoe]',
      'duel\w* (\w+ ){0,2}(la )?cabeza', '\mnausea', '\m(da|dio|daba|dan|entra|entro|le entra|les entra|tiene|tienen|agarra|agarran|agarro|agarraba|viene|vino|venia|pega|pego) (mucho |un |much[oa] )?sueno\M', 'adormil', 'adormec', 'amodorr', 'dolores de cabeza', 'somnol', 'desmay', '\mrevoco\M', '\m(tizn|ennegrec)',
      '(pared|azulejos?|techo|ollas?|cacerolas?|campana)\w*.{0,30}\mnegr[oa]s?\M', 'quedo dormid', '(cuesta|no) despert',
      'inconscien', 'vomit', '(campana|extractor).{0,60}(calentador|calefon|caldera|boiler).{0,40}(apag|humo|olor|revoc|llama)',
      '(calentador|caldera|calefon|calefont|boiler|termotanque|chimenea)\w* no tira\M(?! agua)',
      -- checklist 3: other words for feeling poisoned ("atontados", "como borracha", "con sueño", "le late la
      -- cabeza"), black dust from the heater, a flue that does not draw written further from the heater, heat or
      -- fumes coming out at the draught diverter ("corta tiraje").
      'atontad', 'aturdid', 'aletargad', '\mcomo (borrach|ebri|mareadit|dormid|atontad)', '\mcomo (ido|ida|idos|idas)\M', '\mcon (mucho )?sueno\M',
      '\m(cefalea|jaqueca|migrana)', '\m(late|laten|latia|palpita|pulsa|retumba|estalla|explota|pesa)\M (\w+ ){0,2}la cabeza',
      '\mno (se )?(despierta|despertaba|reacciona|reaccionaba)\M',
      '\m(polvillo|polvo|pelusa|ceniza|carbonilla|costra|humito|humo|tizne) (\w+ )?negr',
      -- stop 37 (bench/quality/SEASONS-37.md, safety-13-tune): a customer's sleepiness, a heavy or dull head, a faint,
      -- told in other words next to a gas appliance (winter, closed rooms): "se queda dormido", "somnoliento",
      -- "modorra", "la cabeza pesada", "se desvaneció", "medio ido", "le agarra sueño". The appliance words of
      -- `requires` stay the guard against small talk ("me duele la cabeza de tanto trabajar").
      '\mse (queda|quedan|quedaba|quedaban|quedaron) (\w+ )?dormid', 'modorra', 'desvanec', 'embotad', 'grogui', 'groggy',
      '\mcabeza (\w+ )?(pesada|embotada|cargada|abombada)', '\mpesan? (\w+ )?(los )?parpados', '\mmedio (ido|ida|idos|idas|dormid|atontad)',
      '\m(tubo|ducto|conducto|chimenea|canon|cano|salida|tiraje|tiro)\w*( \w+){0,8} no tira( (bien|nada|el humo|los gases|para (arriba|afuera))|,|\.| y |$)',
      '(corta ?tiraje|corta ?tiro|campana del (calentador|calefon|calefont|boiler|termotanque)|deflector)\w*.{0,60}\m(sale|salen|se devuelve|devuelve|regresa|revoca|escapa|rebosa|tira)\w*.{0,20}(calor|humo|gases|aire caliente|caliente)',
      '\m(sale|salen|se devuelve|regresa|revoca|escapa|rebosa)\w* (\w+ ){0,3}(calor|humo|gases|aire caliente).{0,40}(corta ?tiraje|corta ?tiro|deflector)',
      '\m(humo|humos|gases|calor)\M (se )?(devuelve|regresa|revoca|retorna|vuelve|mete|entra)\w*( \w+){0,4} (para |hacia )?(adentro|dentro|la casa|el cuarto|la cocina|el bano)',
      -- checklist 4 (bench/quality/SAFETY-4.md): a CO alarm or detector named in English ("carbon monoxide alarm", "la alarm dice CO").
      'monoxide',
      '\m(co|carbon)\M.*\m(detector|alarma|alarm|sensor)',
      '\m\m(detector|alarma|alarm|sensor).*\m(co|carbon)\M',
      -- checklist 5 (tune half): the heater named first, then the flame or fumes pushed out when an extractor, hood or dryer runs (backdraft); a flame that comes out of the appliance.
      '(calentador|calefon|calefont|caldera|boiler|termotanque|water heater|heater|furnace|tankless)\w*.*\m(campana|extractor|secadora|dryer)\w*.*\m(llama|flama|humo|tufo|huele (feo|raro|mal|maluco|a quemado)|olor (feo|raro|fuerte|maluco))',
      '\m(llama|llamas|flama|flamas)\M (se )?(va|van|sale|salen|escapa|escapan|mete|meten)\M (\w+ )?(pa |para |hacia )?(fuera|afuera|adelante)\M'],
ARRAY['calentador', 'caldera', 'gas', 'estufa', 'monoxido', 'piloto', 'llama', 'chimenea', 'humos', 'detector', 'alarma', 'termo', 'boiler',
      'calefon', 'calefont', 'termotanque', 'flama', 'heater', 'furnace', 'stove', 'dryer', 'alarm', 'monoxide', 'pilot', 'chimney', 'tankless', 'carbon'],
'AVISO DE SEGURIDAD (posible monóxido de carbono): apagar el aparato de gas, abrir puertas y ventanas y salir todos al aire libre. Si suena el detector de monóxido, no desconectarlo ni culpar a la pila: salir y ventilar igual. Si alguien tiene dolor de cabeza, mareo, náuseas o somnolencia, llamar al 112. No volver a usar el aparato hasta que lo revise un técnico de gas autorizado.',
90
);

SELECT kb_seed_safety_rule(
'agua-y-electricidad',
'Agua en contacto con electricidad',
ARRAY['\menchufe', 'cuadro electrico', 'cuadro de (la )?luz', 'caja de (la )?luz', 'instalacion electrica',
      'aparato electrico', 'cable electrico', 'corriente electrica', '(da|dio|daba|pasa|hay) corriente',
      'calambre', 'descarga electrica', 'electrocut', 'toma de corriente', 'interruptor',
      'tomacorriente', '\menchuf', '\mdesenchuf(ar|arla|arlo|arlas|arlos|o|a|as|an|ando)\M', 'tablero (de (la )?luz|electrico|de breakers)',
      -- stop 26 (SAFETY.md "Stop 26"): "desenchufado", "lo desenchufé" are a measure, not a plug near water ("\m":
      -- not inside "desenchuf…"; still "hay que desenchufar", "lo desenchufo"); a drain-cleaning cable is no wire ("la máquina de cable", "la de cable o la de agua", "cable
      -- de acero"); a breaker, fuse or RCD whose rating is asked ("de cuántos amperios es el breaker de la ducha") is
      -- no water on the electrics.
      '(?<!(maquina|sonda|guia|\mla|\muna|\mel|\mun|desatascadora|destapadora|resorte) de )\mcables?\M(?! (de acero|metalico|desatasc\w*|destap\w*|guia|de la sonda|de la maquina))',
      '^(?!.*\m(amperaje|amperios|amperes|amps?)\M).*(diferencial|breaker|llave termica|\mfusibles?\M)',
      '(da|dio|daba|dan|pega|pasa)n? (toques?|calambres?|electricidad)',
      '\mme (da|dio|daba) (la )?corriente', '(sin|no tiene|no lleva|falta( la)?) (toma (de )?)?tierra\M',
      '\mpatea\M', 'da patadas', '(echa|saca|tira|salen|sale|saltan) chispas', 'refrigerador', 'heladera', 'nevera',
      'frigorifico', 'lampara', '\mfoco\M', 'bombilla', 'luminaria', 'plafon', 'electrodomestic',
      -- checklist 3: "bota corriente", "da patada", "me pica la mano", a sparking bulb, an extension lead.
      '\m(bota|botan|boto|botaba|suelta|sueltan|echa|echan|tira|tiran|tiene|tienen|pasa|pega|pegan|pego)\M (\w+ )?(corriente|electricidad|descargas?|toques?|calambres?|patadas?)\M',
      '\m(da|dio|daba|dan|pega|pego|tira|echa)( una| unas)? patadas?\M', '\mpate(a|o|an|aba)\M', 'corrientazo', 'toquecito', 'calambrazo',
      '\m(toco|toque|tocar|tocas|toca|tocamos|agarro|agarrar|pongo la mano)\M.{0,40}(me pica|pica la mano|hormigue|cosquill|me sacud|me jal|vibra la mano)',
      'bombillo', 'portalampara', 'chisporrote', '\malargue\M', 'alargador', 'prolongador', 'multitoma', 'multicontacto', 'regleta',
      '\mextension (electrica|de (luz|corriente))',
      -- checklist 4 (bench/quality/SAFETY-4.md): a socket as Mexico and the US say it ("el contacto", outlet, GFCI); a flooded basement.
      '\m(el|los|del|al|un|unos|ese|este) contactos?\M',
      '\moutlets?\M',
      '\mgfci\M',
      '\mgfi\M',
      '(basement|sotano).*(flood\w*|inundad\w*|se inundo|lleno de agua|llena de agua|con (el )?agua (hasta|a la|como a)|agua (hasta|a) (la |las |el )?(rodilla|cintura|tobillo|pierna|media pierna)|a media pierna)'],
ARRAY['agua', 'moja', 'moj', 'inund', 'fuga', 'gotea', 'goteo', 'charco', 'humedad', 'grifo', 'ducha', 'tuberia', 'tubo',
      'termo', 'calentador', 'lavadora', 'banera', 'fregadero', 'sumidero', 'canilla', 'regadera', 'filtracion',
      'llave', 'lavabo', 'lavamanos', 'terma', 'boiler', 'bomba', 'tinaco', 'cisterna', 'tanque', 'flood', 'leak', 'basement'],
'AVISO DE SEGURIDAD (agua y electricidad): no tocar aparatos, cables ni enchufes mojados y no pisar el agua. Cortar la corriente desde el cuadro general solo si se puede llegar a él sin mojarse; si no, mantenerse alejado y llamar a un electricista o al 112. No trabajar en la fontanería de esa zona hasta que la electricidad esté cortada y comprobada.',
80
);

SELECT kb_seed_safety_rule(
'aguas-residuales',
'Retorno o desbordamiento de aguas residuales',
ARRAY['aguas? (negras|fecales|residuales)', '\mheces\M', 'excrement', '\mcaca\M', 'reflujo', 'retorno de agua',
      'revoca el desague', 'alcantarilla.{0,30}(sube|sale|rebosa|desborda)', '(sube|sale|rebosa|desborda).{0,30}alcantarilla',
      '(sale|sube|salen|suben|brota|rebosa)\w*.{0,40}(sumidero|desague|ducha|banera|plato).{0,40}(cadena|inodoro|vater|wc|lavadora)',
      '(cadena|inodoro|vater|wc).{0,60}(sale|sube|salen|suben|brota|rebosa)\w*.{0,40}(sumidero|desague|ducha|banera|plato|suelo)',
      'aguas? (servidas|cloacales)', 'materia fecal', 'cloaca.{0,30}(rebals|desbord|rebos|sube|sale|brota)',
      '(rebals|desbord|rebos|sube|sale|brota)\w*.{0,30}cloaca'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (aguas residuales): no usar los aparatos sanitarios ni tirar de la cadena hasta resolverlo. Mantener alejados a niños y animales, usar guantes, botas y gafas, y no tocar el agua sucia con las manos desnudas. Si el agua sucia alcanza enchufes o aparatos eléctricos, cortar la corriente desde el cuadro sin pisar el agua. Después, limpiar y desinfectar todo lo que haya tocado el agua.',
60
);

SELECT kb_seed_safety_rule(
'agua-hirviendo',
'Agua hirviendo, vapor o riesgo de quemaduras',
ARRAY['vapor', 'hirviendo', 'hierve', 'sobrecalent', 'sobrecalient', 'quemadura', 'me queme', 'se quem(o|aron) (con|al|en|la mano|las manos|el brazo|la pierna|la cara|los pies|el pie|la espalda|el nene|la nena|el nino|la nina|el bebe|mi |su |un |una )', 'se quem(o|aron)$', 'escald', 'ardiendo', 'demasiado caliente',
      'muy caliente', '\mquema\M', '\mme quema\M',
      -- checklist 4 (bench/quality/SAFETY-4.md): draining a tank heater right away or while hot ("lo drenó luego luego", "abro el grifo de abajo directamente"); an ordinary "cómo vacío el termo" stays quiet, its article says how.
      -- checklist 7 (bench/quality/SAFETY-7.md): unscrewing or opening a heater that is still full of just-heated water.
      '\m(recien calentad\w*|recien apagad\w*|(todavia|aun|sigue|esta) (muy |bien |re )?(caliente|calentita)|llen[oa] de agua caliente|no (la|lo) (vacie|vaciamos|drene|he vaciado))\M.{0,60}\m(desenrosc|afloj|quit|sac|desmont|abr|cambi)\w*',
      -- checklist 8 (tune half): draining or opening it when it was just switched off or holds water at 60 °C or
      -- more, the heater named or not ("lo vacío por la válvula, lo acabo de apagar y estaba a 70 grados"); the
      -- number also in words, as speech-to-text writes it ("a setenta grados").
      '\m(vaci|drena|drenar|dreno|desagot|purg|afloj|desenrosc|desmont)\w*.{0,80}(\macab\w* de apagar\w*|\mrecien apagad\w*|(\m[6-9][0-9] ?(grados|°|º)|\m(sesenta|setenta|ochenta|noventa)( y \w+)? grados))',
      '(\macab\w* de apagar\w*|\mrecien apagad\w*|(\m[6-9][0-9] ?(grados|°|º)|\m(sesenta|setenta|ochenta|noventa)( y \w+)? grados)).{0,80}\m(vaci|drena|drenar|dreno|desagot|purg|afloj|desenrosc|desmont)\w*',
      '\m(vaci|vacia|drena|drenar|dreno|desagot|purg|flush).*(calentador|termo|terma|termotanque|boiler|water heater|heater|calefon|calefont).*\m(luego luego|enseguida|inmediatamente|al tiro|de una|directamente|directo|sin esperar|sin (dejar )?enfriar|en caliente|con el agua caliente|todavia caliente|aun caliente|bien caliente|recien apagad\w*|apenas|despues de apagar\w*|al apagar\w*)'],
ARRAY['agua', 'grifo', 'termo', 'calentador', 'caldera', 'ducha', 'valvula', 'boiler', 'deposito', 'tuberia', 'heater',
      'terma', 'termotanque'],
'AVISO DE SEGURIDAD (agua muy caliente o vapor): mantenerse alejado del chorro y no abrir grifos de agua caliente. Cortar la electricidad o el gas del termo o calentador y dejar que se enfríe. No tapar nunca la válvula de seguridad. Si alguien se ha quemado, enfriar la zona con agua templada durante unos 20 minutos y buscar atención médica si la quemadura es grande.',
50
);

SELECT kb_seed_safety_rule(
'amianto',
'Tuberías o bajantes de fibrocemento (posible amianto)',
ARRAY['amianto', 'asbesto', 'uralita', 'fibrocemento', 'fibro cemento', 'eternit', 'pizarreno',
      'transite'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (posible amianto): las bajantes, depósitos y tuberías antiguas de fibrocemento pueden contener amianto. No cortar, taladrar, lijar ni romper esas piezas. Su retirada debe hacerla una empresa autorizada para trabajos con amianto.',
40
);

-- The rules below come from the independent safety checklist (docs/safety-checklist.md): situations where the
-- warning must come first that the rules above did not cover. tests/knowledge/test_safety_checklist.py checks
-- every checklist message; bench/quality/SAFETY.md has the before/after figures.

SELECT kb_seed_safety_rule(
'espacio-confinado',
'Bajar a fosas, pozos, cámaras o arquetas profundas (gases de alcantarilla)',
ARRAY['\m((me|se|nos|te) (\w+ )?(tengo|tiene|tienen|tenemos|voy|va|van|vamos|quiero|quiere|quieren|queremos|puedo|puede|pueden|debo|debe|necesito|necesita|pienso|piensa)( que| a)? (meter|bajar|entrar|descender) (a|al|en|dentro|adentro)|((tengo|tenemos|hay) que|(he|hemos|ha|han) de|voy a|vamos a|puedo|podemos|debo|necesito|me toca|nos toca|quiero|queremos|pienso) (bajar|entrar|meterme|meterse|meternos|descender) (a|al|en|dentro|adentro)|(bajarme|bajarse|meterme|meterse|meternos|me meti|se metio|nos metimos|entre|entro|entramos|baje|bajo|bajamos) (a|al|en|dentro)|(me|nos) (meto|metemos|meti|metimos))\M.{0,40}(fosa|pozo|septic|registro|arqueta|alcantarill|cloaca|colector|boca de (inspeccion|registro|visita)|cisterna (enterrada|subterranea|bajo tierra)|aljibe|tanque (enterrado|subterraneo)|caja de (inspeccion|registro)|zanja|biodigestor|camara|silo|letrina|buzon|resumidero|tanquilla|manhole|sewer|\mpit\M|crawl ?space)',
      '(huevo podrido|sulfhidrico|\mh2s\M|\mgases\M|metano|falta de (aire|oxigeno)).{0,60}(fosa|pozo|septic|biodigestor|arqueta|registro|camara)',
      '(fosa|pozo|septic|biodigestor|arqueta|registro|camara).{0,60}(huevo podrido|sulfhidrico|\mh2s\M|\mgases\M|metano|falta de (aire|oxigeno))',
      -- (stop 26: not "el registro de adentro", the cleanout inside the house)
      '(fosa|pozo|septic|biodigestor|aljibe|cisterna enterrada|tanque enterrado|arqueta|registro|camara)(?!s? de adentro).{0,30}\m(por dentro|desde dentro|adentro)\M',
      '(fosa|pozo|septic|biodigestor|arqueta|registro|alcantarill|cloaca|camara|zanja).{0,60}(no contesta|no sale|inconscien)',
      -- checklist 3 (bench/quality/SAFETY-3.md): the place named first and the going down after ("el pozo negro
      -- está lleno y quiero bajar con una escalera"), "me meto", someone who already went in ("mi socio se metió"),
      -- a silo, letrina, buzón or resumidero, dizziness further from the place.
      '(fosa|pozo|septic|registro|arqueta|alcantarill|cloaca|colector|boca de (inspeccion|registro|visita)|cisterna (enterrada|subterranea|bajo tierra)|aljibe|tanque (enterrado|subterraneo)|caja de (inspeccion|registro)|zanja|biodigestor|camara|silo|letrina|buzon|resumidero|tanquilla|manhole|sewer|\mpit\M|crawl ?space).{0,80}(\m(me|se|nos|te) (\w+ )?(tengo|tiene|tienen|tenemos|voy|va|van|vamos|quiero|quiere|quieren|queremos|puedo|puede|pueden|debo|debe|necesito|necesita|pienso|piensa)( que| a)? (meter|bajar|entrar|descender)\M|\m((tengo|tenemos|hay) que|(he|hemos|ha|han) de|voy a|vamos a|puedo|podemos|debo|necesito|me toca|nos toca|quiero|queremos|pienso)( \w+)? (bajar|bajarme|entrar|meterme|meternos|meterse|descender)( (a|al|en|dentro|adentro|con|sin|hasta|ahi|alli|para|por|asi|solo|yo)\M| ?[,.?]| ?$)|\m(me|nos) (meto|metemos|meti|metimos|meta|metamos|bajo|bajamos|baje)\M|\mse (metio|metieron|mete|meten|metia) (a|al|en|dentro|adentro|con|sin|hasta|ahi|alli|para|por|asi|solo)\M|(mare|desmay|desvaneci|asfixi|perdio el conocimiento|no responde))',
      '(mare|desmay|desvaneci|asfixi|perdio el conocimiento|no responde).{0,100}(fosa|pozo|septic|biodigestor|arqueta|registro|alcantarill|cloaca|silo|letrina|buzon|resumidero)',
      -- checklist 7 (bench/quality/SAFETY-7.md): a chamber big enough to go in whole ("de esas que toca meterse
      -- entero"); a helper dizzy after the chamber was named.
      '(fosa|pozo|septic|arqueta|registro|camara|caja|buzon|cisterna|aljibe|tanque)\w*.{0,60}\m(meterse|meterme|meternos|entrar|bajar|me meto|se mete)\M (entero|entera|completo|completa|todo el cuerpo|hasta (la cintura|el pecho|el cuello))',
      '(fosa|pozo|septic|biodigestor|arqueta|registro|alcantarill|cloaca|letrina|buzon|resumidero|caja de (inspeccion|registro)|camara de (inspeccion|registro|alcantarillado)).{0,200}\m(se (mareo|mareaba|desmayo|desvanecio|asfixio)|(esta|anda|quedo) (mareado|mareada|desmayado|desmayada)|perdio el conocimiento)',
      -- checklist 4 (bench/quality/SAFETY-4.md): going in said with the pronoun first ("mi compa se quiere meter", "me tengo que meter hasta la cintura", folded into the two patterns above); manhole, sewer, septic tank, pit in English.
      '\m(bajar|bajarme|bajarse|entrar|meterme|meternos|meterse|descender|me meto|se mete)\M (a |al |en |dentro (de |del )?|adentro (de |del )?)(la |el |los )?(\w+ )?(manhole|sewer|septic|\mpit\M|vault|crawl ?space)',
      -- stop 26 (SAFETY.md "Stop 26"): a buried tank or cistern to be cleaned or entered from inside ("la cisterna
      -- del edificio hay que limpiarla por dentro, es soterrada").
      '\m(por dentro|desde dentro)\M.{0,100}(soterrad|enterrad|subterrane|bajo tierra|bajo el piso|bajo el suelo)',
      '(soterrad|enterrad|subterrane|bajo tierra|bajo el piso|bajo el suelo)\w*.{0,100}(por dentro|desde dentro|meterse|meterme|entrar|bajar a)\M',
      '(cisterna|tanque|deposito|aljibe|estanque|reservorio)s? (soterrad|enterrad|subterrane)\w*.{0,100}(limpi|lav|desinfect)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (fosas, pozos y arquetas: gases tóxicos): no bajar ni meterse en una fosa séptica, pozo, cámara o arqueta profunda. Los gases de las aguas residuales (ácido sulfhídrico, falta de oxígeno) pueden matar en segundos, y el olor deja de notarse justo cuando la concentración es peligrosa. Trabajar desde fuera con herramientas largas o llamar a una empresa con equipo para espacios confinados (detector de gases, ventilación, arnés y una persona fuera). Si alguien se ha desmayado dentro, no bajar a sacarlo: llamar al 112.',
89
);

SELECT kb_seed_safety_rule(
'gas-aparato-ventilacion',
'Aparato de gas en baño, dormitorio o local sin ventilación; conducto de humos suelto, tapado o quitado',
ARRAY['\m(poner|pongo|ponga|ponerlo|ponerla|puse|puso|pusieron|pusimos|instalar|instalo|instale|instalaron|instalarlo|instalarla|meter|meto|meti|metio|metieron|meterlo|colocar|coloco|coloque|colocaron|mover|muevo|mueva|movieron|llevar|ubicar|colgar|cuelgo|dejar|dejo|esta|estan|instalado|instalada|colocado|colocada|puesto|puesta|ubicado|ubicada|metido|metida|va|tiene|tienen|tengo|hay|quedo|quiere|quieren|queria|quiero)\M (el |la |un |una )?(\w+ ){0,4}(dentro|adentro|en)( del?| de la| de un| de una| el| la| un| una)? (bano|banito|bathroom|bedroom|dormitorio|recamara|habitacion|alcoba|pieza|cuarto de bano|cuarto (donde|de dormir|del? (nino|nina|bebe|ninos|chicos|hijos|abuel\w*))|ducha|regadera|armario|closet|ropero|alacena|mueble)\M',
      -- checklist 3: a gas stove or heater left on all night where people sleep; a flue that ends inside
      -- (false ceiling, attic, a room) instead of outdoors.
      '(estufa|calefactor|brasero|salamandra|pantalla de gas|catalitic|calentador de ambiente)\w*.{0,60}(toda la noche|mientras (duerm|dorm)\w*|para dormir|al dormir|durmiendo)',
      '(toda la noche|para dormir|al dormir|durmiendo)\w*.{0,60}(estufa|calefactor|brasero|salamandra|pantalla de gas|catalitic|calentador de ambiente)',
      '(chimenea|\mductos?\M|\mcanon|conductos?|tubos? (de|del|de los|de la) (gases|humos?|escape|salida|la chimenea|evacuacion|tiraje|tiro)|salida de (humos|gases)).{0,60}(sin salir (a |al |hacia )?(afuera|fuera|exterior|la calle|el techo)|no sale (a |al |hacia )?(afuera|fuera|exterior|la calle)|termina (adentro|dentro)|(techo falso|falso techo|cielo falso|cielo raso|cielorraso|entretecho|tumbado|desvan|atico|altillo))',
      '\msin (ventilacion|rejilla|rejillas|ventana|ventanas|salida de humos|salida de gases|chimenea|tiro|ducto|conducto|tubo de humos|evacuacion)\M',
      'no tiene (ventilacion|rejilla|rejillas|ventana|chimenea|salida de humos|ducto|conducto)',
      '\m(tap|quit|sac|elimin|cerr|anul|bloque|clausur|cubr)\w* (la |las |una |el )?(rejilla|rejillas|ventilacion|entrada de aire)',
      '(rejilla|rejillas|ventilacion)\w*.{0,30}(tapad|cerrad|bloquead|quitad|anulad)',
      '(chimenea|conducto de (humos|evacuacion|gases)|tubo de (la chimenea|humos|salida de humos|evacuacion|escape)|salida de (humos|gases)|\mducto\M|sombrerete|deflector).{0,40}(suelt|\mrot[oa]\M|desconect|caid|\mcay|\mcai|separad|agujere|perfor|oxidad|tapad|obstru|nido|tapon|rajad|fisur)',
      '\m(quit|sac|acort|cort|recort|tap|desconect|elimin)\w*.{0,30}(chimenea|conducto de (humos|evacuacion|gases)|tubo de (la chimenea|humos|salida de humos|evacuacion|escape)|salida de (humos|gases)|\mducto\M|sombrerete)',
      -- checklist 4 (bench/quality/SAFETY-4.md): the flue in English (vent, vent pipe, flue, chimney) loose, fallen or taped; a gas heater vented into the cooker hood; a gas cooker or oven used to heat a room; rooms in English.
      '\m(vent|vent pipe|venteo|flue|chimney|exhaust|ducto|chimenea|conducto|tubo de (humos|escape|la chimenea|salida))\M.{0,40}(suelt|se salio|se zafo|zafad|safad|desconect|no (esta |lo tiene |la tiene )?conectad|sin conectar|caid|se cayo|\mrot[oa]\M|agujer|duct tape)',
      '\m(no tiene|sin|le falta|falta) (el |la )?(vent|vent pipe|venteo|flue|chimney|exhaust|ducto|chimenea|conducto|tubo de (humos|escape|la chimenea|salida))\M',
      '\m(salida|tubo|ducto|chimenea|conducto|vent\M|escape|humos?)\w* (del? |de la |de su )?(calentador|calefon|calefont|boiler|termotanque|water heater|heater|caldera|tankless|furnace).*(campana|extractor)',
      '\m(calentar|calentarme|calentarnos|calefaccionar|entibiar|templar)\M (el |la |mi |un |una )?(cuarto|casa|pieza|recamara|habitacion|depa|departamento|cuartito|sala|dormitorio|ambiente|room|bedroom).*(estufa|horno|hornalla|hornilla|anafe|cocina|stove|oven)',
      '\m(estufa|horno|hornalla|hornilla|anafe|stove|oven).*\m(para calentar|calentar (el|la|mi) (cuarto|casa|pieza|recamara|habitacion|depa|sala|dormitorio))',
      -- checklist 7 (bench/quality/SAFETY-7.md): the flue stopped or covered by the client ("tapó el conducto del
      -- calefón con una bolsa"), the words of the act first or the thing it was stopped with.
      '\m(tap|cubr|obstru|bloque|sell|tapon|clausur)\w*( \w+){0,2} (la |el |los |las |su )?(conducto|ducto|chimenea|salida de (humos|gases)|tubo de (humos|escape|salida|la chimenea|evacuacion)|tiro|tiraje|sombrerete|vent|flue)s?\M',
      '(conducto|ducto|chimenea|salida de (humos|gases)|tubo de (humos|escape|salida|la chimenea|evacuacion)|sombrerete|vent|flue)s?\M.{0,60}\mcon (una |un |el |la )?(bolsa|plastico|nylon|trapo|carton|cinta|espuma|tapa|tapon|papel)\M',
      -- checklist 5 (tune half): the room or closet of a gas appliance sealed (weatherstrip, burlete, the door's gaps closed); a gas heater vented with a dryer's foil duct.
      '(weather ?strip\w*|burlete\w*|\msell\w* (la |las |el )?(puerta|ventana|rendija|rejilla)s?\M|\m(tap|sell|cerr)\w* (las |la |los )?(rendijas?|ranuras?|huecos?) de (la )?puerta)',
      '(calentador|calefon|calefont|caldera|boiler|termotanque|water heater|heater|furnace|tankless)\w*.*\m(vent\w*|ductos?|conductos?|tubos?|salidas?)\M.*(aluminio flexible|flexible de aluminio|(ducto|tubo|conducto|manguera) (de la|de|del) (secadora|dryer)|dryer (vent|duct)|\mfoil\M)',
      -- stop 26 (SAFETY.md "Stop 26"): a powerful extractor hood or fan put next to an open-flue gas heater: it
      -- pulls the flue gases back into the room.
      '(calentador|calefon|calefont|caldera|boiler|termotanque|terma)\w*( \w+){0,2} (atmosferic\w*|de tiro natural|tiro natural|a gas|de gas)\M.{0,120}\m(campana|extractor)',
      '\m(campana|extractor)\w*( \w+){0,4} (al lado|junto|cerca|encima|arriba)\w*( \w+){0,3} (del |de la |al )?(calentador|calefon|calefont|caldera|boiler|termotanque|terma)'],
ARRAY['\mgas\M', 'calefon', 'calefont', 'caldera', 'boiler(?! (electrico|solar))', 'calentador(?! (de agua )?(electrico|solar))',
      'estufa(?! electrica)', 'termotanque(?! (electrico|solar))', 'butano', 'propano', 'garrafa', 'bombona', 'quemador', 'piloto',
      '\mhumos?\M', 'brasero', 'salamandra', 'heater(?! electric)', 'furnace', 'tankless', 'stove(?! electric)', 'dryer', 'secadora de gas'],
'AVISO DE SEGURIDAD (aparato de gas y ventilación): un calentador, calefón, boiler o caldera de gas de tiro natural no puede estar en un baño, un dormitorio ni un cuarto o armario cerrado sin ventilación: produce monóxido de carbono, que mata sin avisar. No tapar las rejillas ni quitar, acortar o dejar suelto el conducto de humos, y no usar el aparato si le falta. Si ya está así, apagarlo y ventilar hasta que lo revise un instalador de gas habilitado; él decide dónde y cómo se instala (por ejemplo, un aparato estanco).',
88
);

SELECT kb_seed_safety_rule(
'trabajo-en-gas',
'Trabajar en tuberías, llaves o conexiones de gas; buscar fugas con llama',
-- Soldering counts on a gas line, not with gas as the torch's fuel ("soldo cobre con gas o con oxiacetileno"); with
-- the gas named first, a gas line or "el gas" is needed, not a gas heater whose water hose is changed ("el calentador
-- de gas está en el patio, ¿cómo le cambio el flexible del agua?"): checklist 3's look-alikes, without look-arounds
-- (they made this rule several times slower).
ARRAY['\m(cambi|mov|muev|alarg|acort|pasar|modific|prolong|extend|reubic|deriv|cort|rosc|rosque|enrosc|desenrosc|conect|desconect|empalm|empat|emboquill|instal|desarm|desmont|repar|arregl|apret|aprie|afloj|destornill|zafar|safar|retir|correr|corremos|repas|manipul|toc|quit|perfor|taladr|solt|suelt|picar\M|picando|picamos|excav|demol)\w*.{0,60}(\mgas\M|garrafa|bombona|\mbalon\M|balon de gas\M|cilindro de gas\M|tanque de gas\M|tanque estacionario|regulador de (la |el )?(garrafa|bombona|balon|cilindro|tanque)|butano|propano)',
      '\m(sold|sueld)\w*.{0,60}((tuberia|tubo|cano|caneria|cobre|linea|llave|manguera|flexible|conexion|instalacion|red|regulador|medidor|contador|rosca|union|valvula|\mla|\mel)s? (de|del) gas|garrafa|bombona|balon|cilindro de gas|tanque de gas|tanque estacionario|butano|propano)',
      '((tuberia|tubo|cano|caneria|cobre|linea|llave|manguera|flexible|conexion|instalacion|red|regulador|medidor|contador|rosca|union|valvula|\mla|\mel)s? (de|del) gas|\m(el|del|al|sin) gas\M|garrafa|bombona|balon de gas\M|cilindro de gas\M|tanque de gas\M|butano|propano).{0,50}\m(cambi|alarg|cort|sold|sueld|rosc|conect|desconect|empalm|empat|desarm|desmont|manipul|toc|quit|perfor|taladr|afloj|desenrosc)',
      'con (una |la |el |un )?(llama|encendedor|mechero|cerilla|fosforo|vela)\M.{0,60}(\mgas\M|fuga|escape|perdida)',
      '(\mgas\M|fuga|escape|perdida).{0,60}con (una |la |el |un )?(llama|encendedor|mechero|cerilla|fosforo|vela)\M',
      -- checklist 3: the gas still on while working ("en caliente", "con el gas abierto", "con la línea cargada",
      -- "sin cerrar el registro").
      '(\mgas\M|garrafa|bombona|\mbalon\M|cilindro|regulador|tanque estacionario).{0,80}(en caliente|con (el )?gas (abierto|pasando|dado|prendido|encendido|cargado|adentro)|(linea|red|tuberia|instalacion|caneria|cano) cargad[ao]|sin (cerrar|cortar|apagar) (el |la )?(gas|llave|registro|paso|valvula|cilindro|garrafa|bombona|balon|tanque|medidor|general))',
      '(en caliente|con (el )?gas (abierto|pasando|dado|prendido|encendido|cargado|adentro)|(linea|red|tuberia|instalacion|caneria|cano) cargad[ao]|sin (cerrar|cortar|apagar) (el |la )?(gas|llave|registro|paso|valvula|cilindro|garrafa|bombona|balon|tanque|medidor|general)).{0,80}(\mgas\M|garrafa|bombona|\mbalon\M|cilindro|regulador|tanque estacionario)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (trabajo en la instalación de gas): las tuberías, llaves, reguladores y conexiones de gas solo las monta, cambia o repara un instalador de gas habilitado. Antes de tocar nada, cerrar la llave del gas (o la de la bombona o garrafa) y ventilar. No soldar ni usar soplete junto a una tubería de gas. Las fugas se buscan con agua jabonosa o un spray detector, nunca con una llama ni un mechero.',
86
);

SELECT kb_seed_safety_rule(
'termo-electrico-trabajo',
'Trabajar en un termo, calentador o ducha eléctrica (resistencia, termostato, cables)',
ARRAY['\m(cambi|sustitu|quit|sac|desmont|revis|medir|mido|comprob|prob|limpi|pon|abr)\w*.{0,40}(resistencia|termostato|tapa (del termo|de la resistencia|electrica)|cables del)',
      '(resistencia|termostato).{0,40}\m(cambi|sustitu|quit|sac|desmont|quemad|fundid|rot)',
      '(ducha|regadera) electrica.{0,40}\m(cambi|instal|conect|desarm|desmont|abr|arregl|repar|cable)',
      -- checklist 8 (tune half, SAFETY-8.md "Results"): the appliance itself replaced or taken out, the verb first
      -- ("voy a cambiar la ducha eléctrica", "voy a cambiar el calentador eléctrico"): it is wired and live. Fitting
      -- a new one ("quiero poner un termo eléctrico, ¿a qué altura lo cuelgo?") stays quiet (checklists 2 and 3).
      '\m(cambi|desconect|desarm|desmont|reemplaz|sustitu|quit|sac)\w* (la |una |el |un |esa |ese |esta |este |mi |su )?(ducha|regadera|termo|terma|termotanque|calentador|boiler|calefon)( de agua)? electric',
      '(vaci|sin agua)\w*.{0,40}(enchuf|conect|encend|prend)',
      -- checklist 4 (bench/quality/SAFETY-4.md): the heating element and thermostat in English ("checo el heating element", "la tapita del thermostat").
      '\m(cambi|sustitu|reemplaz|replace|quit|sac|desmont|revis|medir|mido|comprob|prob|chec|check|test|limpi|abr)\w*.{0,40}(heating element|\melements?\M|elemento|thermostat|tapita)',
      -- stop 26 (SAFETY.md "Stop 26"): the heater's own socket or plug changed ("le cambio el toma del calentador").
      '\m(cambi|sustitu|reemplaz|arregl|repar|quit|sac|desarm)\w*.{0,20}\m(el|la|los|las) (toma|tomas|enchufe|enchufes|tomacorriente|tomacorrientes|clavija|contacto) (del|de la|de su) (termo|terma|termotanque|calentador|boiler|ducha|regadera)'],
ARRAY['termo', 'electric', 'terma', 'termotanque', 'boiler', 'calentador', 'heater'],
'AVISO DE SEGURIDAD (termo o ducha eléctrica): antes de abrir la tapa, cambiar la resistencia o el termostato o tocar los cables, bajar el automático del aparato en el cuadro eléctrico, desenchufarlo y comprobar que no hay tensión. No volver a conectarlo hasta que esté lleno de agua (en vacío la resistencia se quema). Si da calambre o no tiene toma de tierra, no usarlo hasta que lo revise un electricista.',
70
);

SELECT kb_seed_safety_rule(
'valvula-seguridad',
'Tapar, quitar o anular la válvula de seguridad o de alivio de un termo o calentador',
ARRAY['\m(tap|tapon|anul|quit|elimin|bloque|clausur|cancel|ceg|puente)\w*.{0,60}(valvula|vallula|valbula|valve)',
      '(valvula|vallula|valbula|valve).{0,60}\m(tap(ar|o|e|on|ado|ada|arla|arle|amos)|anul|quit|elimin|bloque|clausur|cancel|ceg|puente)',
      '\m(sin|no tiene|no lleva|falta) (la )?(valvula|valbula) de (seguridad|alivio|sobrepresion)',
      '(valvula|vallula|valbula|valve).{0,80}\m(la (cierro|cierra|tapo|tapa|anulo|sello|quito|saco)|(cerrar|tapar|anular|sellar|quitar|sacar)(la|le))\M',
      -- checklist 3: a valve that is stuck, or that discharges without stopping or blows steam.
      '(valvula|vallula|valbula|valve).{0,50}\m(trabad|agarrotad|pegad|atascad|atorad|engomad|sulfatad|oxidad|no (abre|se abre|funciona|suelta|dispara|salta|actua))',
      '(valvula|vallula|valbula|valve).{0,60}(a chorros?|chorro|vapor)', '\m(echa|bota|tira|suelta|escupe|larga|saca)\w* (agua|vapor|chorro)( \w+){0,2} (por|de|desde) la (valvula|vallula|valbula|valve).{0,40}(sin parar|no para)',
      '(valvula|vallula|valbula|valve).{0,40}\m(echa|bota|tira|suelta|escupe|larga|saca)\w* (agua|vapor|chorro).{0,40}(sin parar|no para)',
      '(sin parar|a chorros?|chorro|vapor)\w*.{0,40}\m(por|de|desde) (la )?(valvula|vallula|valbula|valve)',
      -- checklist 4 (bench/quality/SAFETY-4.md): the valve in English (relief valve, T&P valve), one that lets nothing out or spits very hot water, and replacing it.
      '\m(valvula|valve).*\mno (bota|tira|echa|suelta|saca|escupe|sale|larga) (agua|nada|ni gota)',
      '\m(valvula|valve|pop ?off).*\m(tira|tirando|bota|botando|echa|echando|suelta|soltando|sale|saliendo|escupe|escupiendo)\w* (agua )?(bien |muy |re |super )?(caliente|hirviendo)',
      '\m(cambi|reemplaz|sustitu|replace|desenrosc)\w*.*(valvula|valve) (de )?(alivio|seguridad|sobrepresion|relief|t ?& ?p|tp|pop ?off)',
      '\m(cambi|reemplaz|sustitu|replace|desenrosc)\w*.*(relief|t ?& ?p|\mtp|pop ?off) valve',
      '\m(relief valve|t ?& ?p valve|tp valve|pop ?off).*\m(cambi|reemplaz|sustitu|replace|quit|sac|desenrosc)'],
ARRAY['seguridad', 'alivio', 'sobrepresion', 't ?& ?p', '\mtp\M', 'te y pe', 'presion y temperatura', 'termo', 'boiler',
      'calentador', 'termotanque', 'terma', 'calefon', 'relief', 'heater', 'pop ?off'],
'AVISO DE SEGURIDAD (válvula de seguridad del termo o calentador): no tapar, quitar ni anular nunca la válvula de seguridad o de alivio (presión y temperatura): sin ella el depósito puede reventar. Si gotea al calentar, llevar su salida a un desagüe y revisar la presión de entrada (reductor) o el vaso de expansión; si está agarrotada o sale agua hirviendo, cortar la electricidad o el gas y cambiarla por otra de la misma presión de tarado. Para cambiarla: dejar enfriar el agua, cerrar la entrada de agua fría y quitar la presión abriendo un grifo de agua caliente antes de desenroscarla.',
55
);

SELECT kb_seed_safety_rule(
'llama-abierta',
'Descongelar tuberías con soplete o llama; soldar junto a materiales que arden',
ARRAY['(soplete|con (la |una |el )?(llama|fuego)|fuego|mechero|encendedor|antorcha|lampara (de|a) (soldar|gas|butano|kerosene|queroseno|parafina)|lamparilla|\mvelas?\M|fosforos?|cerillas?)\w*.{0,60}(congel|helad|hielo|\mhel(o|aron)\M|descongel|deshiel)',
      '(congel|helad|hielo|\mhel(o|aron)\M|descongel|deshiel)\w*.{0,60}(soplete|con (la |una |el )?(llama|fuego)|fuego|mechero|encendedor|antorcha|lampara (de|a) (soldar|gas|butano|kerosene|queroseno|parafina)|lamparilla|\mvelas?\M|fosforos?|cerillas?)',
      '(\msold|\msueld|soplete)\w*.{0,60}(madera|\mviga|aislante|aislamiento|espuma|poliuretano|plastico|cortina|mueble|pladur|carton|tela asfaltica)',
      '(madera|\mviga|aislante|aislamiento|espuma|poliuretano|cortina|mueble|pladur|carton|tela asfaltica).{0,60}(\msold|\msueld|soplete)',
      -- checklist 7 (bench/quality/SAFETY-7.md): soldering inside a ceiling void, attic, wardrobe or next to glass wool
      -- (what burns is named by the place, not by the material).
      '(\msold|\msueld|soplete|torch)\w*.{0,80}(\mattic|\matico\M|entretecho|cielo ?raso|cielorraso|cielo falso|plafon de|falso techo|techo falso|tablaroca|durlock|insulation|fibra de vidrio|lana de vidrio|lana mineral|lana de roca|buhardilla|desvan|closet|armario|ropero|placard)',
      '(\mattic|\matico\M|entretecho|cielo ?raso|cielorraso|cielo falso|plafon de|falso techo|techo falso|tablaroca|durlock|insulation|fibra de vidrio|lana de vidrio|lana mineral|lana de roca|buhardilla|desvan|closet|armario|ropero|placard).{0,100}(\msold|\msueld|soplete|torch)',
      -- checklist 4 (bench/quality/SAFETY-4.md): a bonfire, torch, MAPP gas or lighter on a frozen pipe; "frozen", "thaw".
      '\m(fogata|hoguera|fogon|torch|blowtorch|mapp|lighter|candela|lumbre).*\m(congel|helad|hielo|frozen|freez|froze|descongel|deshiel|thaw)',
      '\m(congel|helad|hielo|frozen|freez|froze|descongel|deshiel|thaw).*\m(fogata|hoguera|fogon|torch|blowtorch|mapp|lighter|candela|lumbre)',
      '\m(soplete|fuego\M|llama).*\m(frozen|freez|froze|thaw)',
      '\m(frozen|freez|froze|thaw).*\m(soplete|\mfuego\M|llama)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (llama y soplete): no descongelar tuberías con soplete, llama ni fuego: el tubo puede reventar por el vapor y prender la madera, los aislantes o los plásticos de dentro de la pared. Abrir el grifo y calentar poco a poco con aire caliente (secador o pistola de calor a baja temperatura), trapos con agua caliente o cable calefactor. Para soldar, proteger lo que pueda arder con una manta ignífuga, tener un extintor a mano y vigilar la zona un rato después.',
46
);

SELECT kb_seed_safety_rule(
'productos-quimicos',
'Mezclar desatascadores, ácidos y lejía; desatascar con producto en el tubo',
ARRAY['\m(salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte|agua fuerte)\M.{0,80}\m(lejia|cloro|lavandina|hipoclorito|sosa|soda caustica|caustic|amoniaco|destapacanos|desatascador quimico|destapador quimico|diablo rojo)',
      '\m(lejia|cloro|lavandina|hipoclorito|sosa|soda caustica|caustic|amoniaco|destapacanos|desatascador quimico|destapador quimico|diablo rojo)\M.{0,80}\m(salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte|agua fuerte)\M',
      '\m(lejia|cloro|lavandina)\M.{0,60}amoniaco',
      '\mmezcl(o|ar|as|a|e|amos|aron|ando|arlo|arla|arle|arlos)\M.{0,50}\m(salfuman|acido|muriatico|lejia|cloro|lavandina|sosa|soda|caustic|amoniaco|destapacanos|desatascador|destapador|producto)',
      '\m(salfuman|acido|muriatico|lejia|cloro|lavandina|sosa|soda caustica|caustic|amoniaco|destapacanos|desatascador|destapador|productos?)\M.{0,50}\mmezcl(o|ar|as|a|e|amos|aron|ando|arlo|arla|arle|arlos)\M',
      '\m(salfuman|acido|muriatico|clorhidrico|sulfurico|sosa|soda caustica|caustic|destapacanos|quimico)\M.{0,80}(ventosa|sopapa|chupon|desatorador|bomba de destapar|destapador de hule|desatascador de ventosa|abr\w* el sifon|\mdesmont|\mdesarm|(quit|sac)\w* el sifon)',
      -- checklist 3: drain openers by their other names ("destapador de cañerías", "destapacañerías") before or
      -- after bleach or acid, or before a plunger; fumes that choke or sting; a splash on the face or eyes.
      '(destapacan|destapatuber|desatascatuber|destapador(es)? (quimico|liquido|en gel|de (can|tuber|desag|dren))|desatascador(es)? (quimico|liquido|en gel|de tuber)|drano).{0,80}(\m(lejia|cloro|lavandina|hipoclorito|salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte|agua fuerte)\M|ventosa|sopapa|chupon|desatorador|bomba de destapar|destapador de hule|abr\w* el sifon|\mdesmont|\mdesarm|(quit|sac)\w* el sifon|ahoga|asfixi|\mpican? (\w+ )?(los |el |la )?(ojos?|garganta|nariz)|lagrim|\mtose\M|tosiendo|\mtos\M|no (se )?puede respirar|quema la garganta|\mhumo\M|\mhumea|burbujea|salpic|\m(me|le) (cayo|salto)|en (la cara|los ojos|el ojo|la piel))',
      '\m(lejia|cloro|lavandina|hipoclorito|salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte|agua fuerte)\M.{0,80}(destapacan|destapatuber|desatascatuber|destapador|desatascador(es)? (quimico|liquido|en gel|de tuber)|drano|ahoga|asfixi|\mpican? (\w+ )?(los |el |la )?(ojos?|garganta|nariz)|lagrim|\mtose\M|tosiendo|\mtos\M|no (se )?puede respirar|quema la garganta|\mhumo\M|\mhumea|burbujea|salpic|\m(me|le) (cayo|salto)|en (la cara|los ojos|el ojo|la piel))',
      '\m(sosa|soda caustica|caustic\w*|amoniaco|quimicos?|productos?)\M.{0,80}(ahoga|asfixi|\mpican? (\w+ )?(los |el |la )?(ojos?|garganta|nariz)|lagrim|\mtose\M|tosiendo|\mtos\M|no (se )?puede respirar|quema la garganta|\mhumo\M|\mhumea|burbujea|salpic|\m(me|le) (cayo|salto)|en (la cara|los ojos|el ojo|la piel))',
      '\m(salpic|salto|salta|saltaron|cayo|cayeron)\w*.{0,50}(\m(acido|muriatico|salfuman|sosa|soda caustica|caustic\w*|lejia|cloro|lavandina|amoniaco|quimico)|destapacan|destapatuber|desatascatuber|destapador|desatascador(es)? (quimico|liquido|en gel|de tuber)|drano)',
      -- checklist 4 (bench/quality/SAFETY-4.md): drain products in English (drain cleaner, liquid plumr, drano, bleach); the trap, snake or plunger with product inside, named before or after it; a strong acid used to unclog (also after one was poured); caustic with boiling water; a splash in the eye.
      '\m(salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte|agua fuerte|sosa|soda caustica|caustic|destapacan|destapatuber|drano|draino|liquid ?plumb?e?r|drain ?(cleaner|opener)|destapador(es)? (quimico|liquido|en gel)|desatascador(es)? (quimico|liquido|en gel)|diablo rojo)\M.*(\m(trap\M|p-?trap|snake|plunger|sonda|culebra|ventosa|sopapa|chupon|destapador de hule|desatorador|sifon|cespol)|hirviendo|agua (muy )?caliente|\m(bleach|lejia|cloro|lavandina|hipoclorito|amoniaco)\M|\mojos?\M|en la cara|la piel|salpic|\m(salto|brinco)\M|me (cayo|quemo))',
      '(\m(trap\M|p-?trap|snake|plunger|sonda|culebra|ventosa|sopapa|chupon|destapador de hule|desatorador|sifon|cespol)|\mhirviendo|\magua (muy )?caliente|\m(bleach|lejia|cloro|lavandina|hipoclorito|amoniaco)\M|\msalpic|\m(salto|salta|saltaron|cayo|cayeron|brinco)\M).*\m(salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte|agua fuerte|sosa|soda caustica|caustic|destapacan|destapatuber|drano|draino|liquid ?plumb?e?r|drain ?(cleaner|opener)|destapador(es)? (quimico|liquido|en gel)|desatascador(es)? (quimico|liquido|en gel)|diablo rojo)\M',
      '\m(salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte|agua fuerte)\M.*(destap|desatasc|desator|desembo|unclog)',
      '\m(destap|desatasc|desator|unclog).*\m(salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte)\M',
      -- checklist 5 (tune half): a strong acid or caustic in a drain that is still blocked (the product is still in the pipe).
      '\m(salfuman|acido|muriatico|clorhidrico|sulfurico|aguafuerte|sosa|soda caustica|caustic\w*|destapacan\w*|drano|drain cleaner)\M.*\m(no (baja|pasa|traga|corre|drena)|sigue (tapad|atascad|atorad)|still clogged)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (productos desatascadores): no mezclar nunca dos productos (ácido o salfumán con lejía, sosa o amoniaco): desprenden gases tóxicos o hierven y salpican. Si ya se ha echado uno, no echar otro. Con producto en el desagüe, usar ventosa o abrir el sifón solo con guantes resistentes a químicos y gafas cerradas, porque el agua del tubo quema; ventilar y avisar de qué producto hay a quien vaya a desmontar. Si salpica a piel u ojos, lavar con mucha agua al menos 15 minutos y buscar atención médica.',
51
);

SELECT kb_seed_safety_rule(
'triturador',
'Triturador de residuos atascado: no meter la mano',
ARRAY['triturador', 'trituradora', 'moledor de (basura|desperdicios)', 'garbage disposal', '\mdisposal\M'],
ARRAY['mano', 'dedo', 'atasc', 'trab', 'ator', 'bloque', 'zumb', 'no gira', 'meter', 'meto', 'destap', 'cuchilla', 'hexagonal', 'allen'],
'AVISO DE SEGURIDAD (triturador de residuos): antes de mirar dentro o destrabar el triturador, apagar su interruptor y desenchufarlo o bajar su automático en el cuadro. No meter nunca la mano ni los dedos por la boca: sacar los objetos con pinzas o tenazas y destrabarlo con la llave hexagonal por debajo.',
82
);

SELECT kb_seed_safety_rule(
'tuberia-plomo',
'Tuberías de plomo en el agua de consumo',
ARRAY['(tuberia|caneria|cano|tubo|bajante|acometida|instalacion|montante)s? (\w+ )?de plomo\M', '\m(son|es|sera|seran|seria|serian|parece|parecen|era|eran)( \w+)? de plomo\M',
      '\mplomo (viejo|vieja|antiguo|antigua)', '\mde plomo (viejo|vieja|viejos|viejas|antiguo|antigua|antiguos|antiguas)\M',
      -- checklist 7 (bench/quality/SAFETY-7.md): lead described by how it looks and bends (soft grey pipe that
      -- shines like silver when scraped).
      '(blanda|blando|blandit|se dobla con la mano|se dobla a mano|gris opac|gris mate).{0,80}(brilla|plateado|plateada|brillante|color plata)',
      '(brilla|plateado|plateada|color plata).{0,80}(blanda|blando|blandit|se dobla con la mano|se dobla a mano)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (tuberías de plomo): el plomo pasa al agua y es tóxico, sobre todo para niños y embarazadas. Recomendar cambiar toda la instalación de plomo; mientras tanto, no beber ni cocinar con el agua que ha estado parada en los tubos (dejarla correr antes) ni con agua caliente del grifo. Al cortar o desmontar plomo: guantes, sin lijar ni calentar, lavarse las manos y no comer en el tajo. No unir plomo con cobre sin la pieza de transición adecuada.',
30
);

-- The rules below come from the second safety checklist (docs/safety-checklist.md, sections 17-20;
-- tests/knowledge/safety_checklist_2.jsonl): electric heaters that leak on their wiring or trip the breaker,
-- sump and sewage pumps, gas heaters that go out by themselves, scalding on a flush. Before/after figures in
-- bench/quality/SAFETY.md.

SELECT kb_seed_safety_rule(
'termo-electrico-fuga',
'Termo o calentador eléctrico que gotea sobre sus cables o hace saltar el diferencial',
ARRAY['(termo|terma|termotanque|boiler|calentador|calefon|calefont|ducha|regadera)\w*.{0,80}\m(salt\w*|se (bota|boto|botan|botaron|baja|bajo|bajan|dispara|disparo|disparan|cae|cayo|caen)|bota|boto|botan|dispara|disparo)\M (el |la |los |las )?(diferencial|diferenciales|termica|termicas|automatico|automaticos|breaker|breakers|taco|tacos|pastilla|pastillas|plomos|disyuntor|llave termica|proteccion)\M',
      '\m(salt\w*|se (bota|boto|botan|botaron|baja|bajo|bajan|dispara|disparo|disparan|cae|cayo|caen)|bota|boto|botan|dispara|disparo)\M (el |la |los |las )?(diferencial|diferenciales|termica|termicas|automatico|automaticos|breaker|breakers|taco|tacos|pastilla|pastillas|plomos|disyuntor|llave termica)\M.{0,80}(termo|terma|termotanque|boiler|calentador|calefon|calefont|ducha|regadera)',
      '(termo|terma|termotanque|boiler|calentador|calefon|calefont)\w*.{0,80}\m(diferencial|termica|automatico|breaker|tacos|pastilla|plomos|disyuntor)\M.{0,20}\m(salta|salto|saltan|se (bota|boto|botan|baja|bajo|bajan|dispara|disparo|cae|cayo))\M',
      '(termo|terma|termotanque|boiler|calentador|calefon|calefont)\w*.{0,60}\m(gote\w*|pierde|pierd\w*|perdi\w*|fugas?|fuguita|tira agua|sale agua|moj\w*|chorre\w*|escurr\w*|filtr\w*|cae agua)\M.{0,60}\m(cables?|cableado|conexion|conexiones|enchufes?|tomacorrientes?|toma de corriente|caja electrica|caja de conexiones|bornes?|clavija|termostato|tapa de la resistencia|resistencia|parte electrica)\M',
      '\m(cables?|cableado|conexiones|enchufes?|tomacorrientes?|caja electrica|caja de conexiones|bornes?|clavija|termostato|parte electrica)\M.{0,40}\m(mojad\w*|se moja\w*|gote\w*|con agua|lleno de agua|llena de agua)\M.{0,60}(termo|terma|termotanque|boiler|calentador|calefon|calefont)'],
ARRAY['electric', '\mtermos?\M', '\mtermas?\M', 'diferencial', 'termica', 'automatico', 'breaker', 'tacos', 'pastilla',
      'plomos', 'disyuntor'],
'AVISO DE SEGURIDAD (termo eléctrico con fuga o que hace saltar el diferencial): no tocar el termo, sus cables ni el agua del suelo. Bajar el automático del termo (o el general) en el cuadro eléctrico solo si se llega a él sin pisar agua; si no, llamar a un electricista o al 112. No volver a subir el diferencial ni a enchufar el termo hasta reparar la fuga y que un electricista revise la resistencia, el termostato y los cables.',
81
);

SELECT kb_seed_safety_rule(
'bomba-achique',
'Bomba de achique, sumergible o de aguas residuales (pozo, cárcamo, sótano)',
ARRAY['\mbombas? (de |para )?(achique|achicar|desagote|sumidero|drenaje|lodos|pozo negro|fecales|aguas? (negras|residuales|servidas|fecales|sucias))',
      '\mbombas? (de |del |de la |en el |en la )?(carcamo|foso|fosa|pozo de (bombeo|achique)|sotano|basement)\M',
      '\mbombas? sumergibles?\M.{0,60}(pozo|sotano|carcamo|foso|fosa|garaje|cochera|inund|aguas? (negras|residuales|servidas|fecales|sucias)|fecal|achique|desague|sumidero|basement|patio)',
      '(pozo|sotano|carcamo|foso|fosa|basement|inund)\w*.{0,60}\mbombas? sumergibles?\M',
      '\mbombas? (de )?desague\M.{0,40}(sotano|garaje|cochera|pozo|foso|carcamo|patio|edificio|basement)',
      '(sotano|basement).{0,60}\mbombas?\M', '\mbombas?\M.{0,60}(sotano|basement)',
      '\m(pozo|foso|camara|estacion) de (bombeo|achique)\M', '\mcarcamo', '(sump|ejector) pump.*(\mno\M|atasc|trab|flotador|float|cable|sac|revis|limpi|cambi|desarm|met|toc|quem|zumb|huele|apag|se (inund|llen)|agua|inund|flood|breaker|corriente|shock|pozo|\mpit\M)',
      '\m(cambi|revis|limpi|desarm|sac|toc|mete|meto|arregl|repar|desatasc|destap|quit).*(sump|ejector) pump',
      '\mbombas?\M.{0,40}aguas? (negras|residuales|servidas|fecales|cloacales)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (bomba de achique o de aguas residuales): antes de tocar la bomba, su cable, el flotador o el agua del pozo, cortar su corriente en el cuadro eléctrico (solo si se llega sin pisar agua) y desenchufarla. No bajar al pozo ni al cárcamo: puede haber gases tóxicos. El agua puede ser residual: guantes, botas y gafas, y lavarse y desinfectar después. Sacar la bomba por su cuerda o asa, nunca tirando del cable.',
79
);

SELECT kb_seed_safety_rule(
'calentador-gas-se-apaga',
'Calentador, calefón o caldera de gas que se apaga solo una y otra vez (posible seguridad de tiro)',
ARRAY['\mse (apaga|apago|apagan|apagaba|corta|corto|cortan|cortaba)\M (la llama |el fuego |la flama |el piloto |el quemador )?(sol[oa]s?|al rato|al ratito|a (cada )?rato|a (cada )?ratito|a ratos|cada (rato|ratito|poco|tanto|vez|\d+ (minutos?|segundos?))|a los (pocos )?(\d+ |dos |tres |cinco |diez |unos )?(minutos?|segundos?)|despues de (un rato|unos minutos|un tiempo|\d+ (minutos?|segundos?))|tras un rato|de repente|continuamente|constantemente|seguido|a mitad de la ducha|en plena ducha|mientras (me ducho|se ducha|me bano|se bana))\M',
      '\m(se (apaga|corta)|apagando|cortando) y (se )?(vuelve a )?(prende|enciende|arranca|encender|prender)',
      '\m(sensor|termostato|seguridad|dispositivo|sonda|control) (de )?(humos|tiro|gases|atmosfera|oxigeno|spill|ods)\M.{0,40}\m(salta|salto|se dispara|corta|actua|puente\w*|anul\w*|quit\w*)',
      '\m(puente\w*|anul\w*|quit\w*|desconect\w*) (el |la )?(sensor|termostato|seguridad|dispositivo|sonda|control) (de )?(humos|tiro|gases|atmosfera|oxigeno)\M',
      -- checklist 4 (bench/quality/SAFETY-4.md): a pilot or heater that goes out every day or when the dryer runs and is relit each time; holding the pilot button down with something, bypassing the thermocouple.
      '\mse (apaga|apago|apagan|apagaba|corta)\M (\w+ )?(cada que|cada vez que|cuando (prenden|prende|encienden|enciende|arranca|arrancan|usan|usa|hace viento|sopla|abren|abre|corre)|con el viento|si (prenden|hace viento|sopla)|todos los dias|diario|a diario|cada dia|cada noche|cada manana|una y otra vez|a cada rato)',
      '\mse (apaga|apago|apagan|apagaba)\M.{0,30}\m(lo|la) (vuelvo|volvemos|vuelve|vuelven|tengo que volver|hay que volver) a (prender|encender|arrancar)',
      '(se quede|quede|queda|quedarse|dejarlo|dejarla|mantenerlo|mantenerla|que este|que se mantenga) (\w+ )?(apretad|presionad|hundid|oprimid|sumid)\w*',
      '\m(amarr|trab|calz|sujet|pis|peg|fij)\w* (el |la )?(boton|knob|perilla|pulsador)\M',
      '\m(puente\w*|anul\w*|quit\w*|desconect\w*|brinc\w*) (el |la )?(termopar|termocupla|thermocouple)'],
ARRAY['\mgas\M', 'calefon', 'calefont', 'caldera', 'calentador(?! (de agua )?electrico)', 'boiler(?! electrico)',
      'termotanque(?! electrico)', 'butano', 'propano', 'calentador de paso', 'piloto', 'quemador', '\mllama\M', 'flama', 'pilot', 'knob', 'heater(?! electric)', 'furnace', 'termocupla', 'thermocouple'],
'AVISO DE SEGURIDAD (calentador de gas que se apaga solo): puede ser el dispositivo de seguridad de tiro o de monóxido, que corta el gas porque los humos no salen bien. Dejar de usarlo y ventilar, y no puentear, quitar ni anular nunca ese sensor ni el termopar. Que un técnico de gas autorizado revise la salida de humos y el aparato antes de volver a usarlo. Si alguien tiene dolor de cabeza, mareo o náuseas, salir al aire libre y llamar al 112.',
87
);


-- Checklist 4 (bench/quality/SAFETY-4.md): how to light or relight a pilot. No rule said what matters first there
-- (smell before lighting, never keep pumping gas, wait for it to clear), so this one does. A heater that goes out by
-- itself keeps calentador-gas-se-apaga (87); a gas smell keeps olor-a-gas (100). "La luz piloto" of an electric heater
-- (a lamp) is not a pilot: an article (el/del/al...) must come before the word.
SELECT kb_seed_safety_rule(
'encender-piloto',
'Encender o volver a encender el piloto de un calentador, boiler o caldera de gas',
ARRAY['\m(como|forma de|manera de|pasos para|instrucciones para|ayuda para|ayudame a|como se|se puede)\M.{0,20}\m(enciend|encend|prend|lighte|light|relight|reencend|vuelv\w* a (prender|encender))\w*.{0,20}\m(el|la|al|del|un|ese|este) (piloto|pilot|pilotito)\M',
      '\m(el|al|del|ese|este) (piloto|pilot|pilotito)\M.{0,60}\m(sigo|le sigo|seguir|sigue) (apretando|presionando|dandole|picando|intentando)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (encender el piloto): antes de encender, oler cerca del suelo y del aparato; si huele a gas, no encender nada, abrir ventanas, cerrar la llave del gas y llamar a la compañía de gas. Seguir la etiqueta del aparato. Si no prende en unos intentos, soltar el botón, cerrar el gas y esperar unos 5 minutos a que se vaya el gas acumulado antes de volver a probar. No trabar ni sujetar el botón ni puentear el termopar. Si se apaga una y otra vez, que lo revise un técnico de gas autorizado.',
84
);
SELECT kb_seed_safety_rule(
'ducha-quema-otro-grifo',
'El agua de la ducha quema cuando alguien tira de la cadena o abre otro grifo, o sale a 60 °C o más para niños, mayores o quien no siente el calor',
ARRAY['\m(tira\w* (de )?la cadena|jala\w* (a |al |la |el )?(cadena|bano|inodoro|escusado|excusado|wc|taza|palanca)|baja\w* la cadena|descarga\w* (el |la )?(inodoro|cisterna|wc|vater|tanque|escusado|excusado|taza)|flushe\w*|flush\w*|abr\w* (otro grifo|otra llave|otra canilla|otro cano|el agua fria|la fria|el grifo|la llave|la canilla)|(otro|otra) (grifo|llave|canilla|cano)|us\w* (la lavadora|el lavavajillas|el lavaplatos))\M.{0,80}\m(quem\w*|hirviendo|hierve|pelando|ardiendo|abras\w*|achicharr\w*|escald\w*|muy caliente|demasiado caliente|caliente de golpe|se calienta de golpe|sube la temperatura)',
      '\m(quem\w*|hirviendo|pelando|ardiendo|abras\w*|escald\w*|muy caliente|demasiado caliente|caliente de golpe)\M.{0,60}\m(cuando|si|al|cada vez que) (alguien )?(\w+ )?(tira\w* (de )?la cadena|jala\w*|baja\w* la cadena|descarga\w*|flushe\w*|abr\w* (otro|otra|el|la) (grifo|llave|canilla|cano|agua fria|fria)|us\w* (la lavadora|el lavavajillas))',
      -- checklist 8 (tune half, SAFETY-8.md "Results"): the water set at 60 °C or more where a child, an elderly
      -- person or someone who does not feel the heat well (diabetes, a disability) uses it, in either order.
      '(caldera|termo|terma|termotanque|calentador|calefon|calefont|boiler|acumulador|agua caliente|water heater)\w*.{0,60}(\m[6-9][0-9] ?(grados|°|º|c\M)|\m(sesenta|setenta|ochenta|noventa)( y \w+)? grados).*\m(abuel|ancian|persona mayor|personas mayores|viejit|adulto mayor|adultos mayores|nin[oa]s?\M|bebe|guagua|diabet|sensibilidad|no siente|discapacit|silla de ruedas|alzheimer|demencia)',
      '\m(abuel|ancian|persona mayor|personas mayores|viejit|adulto mayor|adultos mayores|bebe|guagua|diabet|sensibilidad|no siente|discapacit|silla de ruedas|alzheimer|demencia).*(caldera|termo|terma|termotanque|calentador|calefon|calefont|boiler|acumulador|agua caliente|water heater)\w*.{0,60}(\m[6-9][0-9] ?(grados|°|º|c\M)|\m(sesenta|setenta|ochenta|noventa)( y \w+)? grados)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (agua de la ducha que quema: al usar otro grifo o la cisterna, o demasiado caliente): salir del chorro enseguida y no dejar ducharse a niños, personas mayores ni a quien no nota bien el calor hasta resolverlo. Bajar ya la temperatura del termo, caldera o calentador (unos 50 °C en los grifos), para que aunque falte el agua fría no queme. La solución es un grifo termostático o de equilibrio de presión, y revisar la presión y los antirretornos del agua fría. Si alguien se ha quemado, enfriar la zona con agua templada unos 20 minutos y buscar atención médica si la quemadura es grande.',
52
);

-- The third checklist (bench/quality/safety-3.jsonl, SAFETY-3.md): a pressure vessel that may burst. The pump's
-- pressure tank (hidroneumático, calderín, tanque de presión, vaso de expansión, presurizadora) that bulges,
-- cracks, creaks or hisses, whose pressure keeps rising (a stuck pressure switch, a gauge in the red, over
-- about 7 bar / 100 psi), that someone wants to open under pressure or without its relief valve; and a water
-- heater's tank that bulges. The patterns that name the vessel itself let the words be anywhere in the question
-- (".*": bounded gaps made this one rule cost as much as four others in safety_check); those about a pump
-- ("bomba") keep a bounded gap, the word is too common. "Inflar" alone is how a tank's air is
-- pre-charged, not a bulge. Below the electricity rules (a shock from the pump keeps their message), above the
-- relief valve and scalding rules (a heater that whistles or boils keeps theirs: only a bulging heater tank is
-- caught here).

SELECT kb_seed_safety_rule(
'tanque-presion',
'Tanque a presión (hidroneumático, calderín, vaso de expansión) o termo hinchado, con la presión subiendo o sin válvula de alivio',
-- checklist 5 (bench/quality/SAFETY-5.md, tune half): a pressure set called hidropack (Chile) and a tank described as
-- inflated, added to the first pattern's lists (a pattern of its own made every message ~0.3 ms slower).
-- Stop 22: "presurizado" (opened under pressure) as a whole word, so that "la presurizadora" is not also its own
-- danger when a conversation's messages are read together and the word comes twice.
ARRAY['(hidroneumatic|hidropack|hidropak|hydropack|hidro\M|calderin|precargad|pulmon|acumulador|presurizador|(tanque|estanque|vaso)s? (de |a |de la |del )?(presion|precarga|membrana|diafragma|expansion|expansor|bomba|presurizador|hidro)|grupo de presion|equipo de presion).*(hinchad|inflad|se hincha|se esta hinchando|se (esta|va) inflando|abombad|se abomba|bulto|abultad|panza|barriga|deformad|se deforma|como un globo|truen|tronand|tronid|cruj|reventar|explotar|estallar|exploto|estallo|rajad|rajadura|fisur|grieta|agriet|silb|chifl|sigue subiendo|subiendo sin parar|sube (y sube|sin parar|mucho|demasiado|cada vez mas|a mas de)|no (deja|para) de subir|(manometro|reloj|aguja|presion)( \w+){0,4} (al maximo|a tope|en (el )?rojo|se dispara)|se dispara la presion|[^0-9.,](1[0-9][0-9]|[2-9][0-9][0-9]) ?(libras|lbs|lb|psi)|[^0-9.,]([7-9]|[1-9][0-9])([.,][0-9])? ?(bar|bares|kilos|kg)|(valvula|vallula|valbula) de (alivio|seguridad|sobrepresion).*(tapad|quitad|anulad|bloquead|sacad|trabad|pegad)|sin (la )?(valvula|vallula|valbula) de (alivio|seguridad)|(afloj|abr|desarm|destap|desenrosc|quit|sac|desmont|cambi|desatornill|revis).*(con (la |toda la )?presion|presurizad[oa]s?\M|bomba (esta |sigue )?(prendida|encendida|funcionando|andando|conectada|enchufada|trabajando)|sin (quitar|sacar|bajar|liberar|soltar|purgar|aliviar|descargar)(le|les)? (la |le )?presion|sin (vaciar|desconectar|apagar|desenchufar)))',
      '(hinchad|se hincha|se esta hinchando|se (esta|va) inflando|abombad|se abomba|bulto|abultad|panza|barriga|deformad|se deforma|como un globo|truen|tronand|tronid|cruj|reventar|explotar|estallar|exploto|estallo|rajad|rajadura|fisur|grieta|agriet|silb|chifl|sigue subiendo|subiendo sin parar|sube (y sube|sin parar|mucho|demasiado|cada vez mas|a mas de)|no (deja|para) de subir|(manometro|reloj|aguja|presion)( \w+){0,4} (al maximo|a tope|en (el )?rojo|se dispara)|se dispara la presion|[^0-9.,](1[0-9][0-9]|[2-9][0-9][0-9]) ?(libras|lbs|lb|psi)|[^0-9.,]([7-9]|[1-9][0-9])([.,][0-9])? ?(bar|bares|kilos|kg)).*(hidroneumatic|hidro\M|calderin|precargad|pulmon|acumulador|presurizador|(tanque|estanque|vaso)s? (de |a |de la |del )?(presion|precarga|membrana|diafragma|expansion|expansor|bomba|presurizador|hidro)|grupo de presion|equipo de presion)',
      '(bomba|presostato|manometro|reloj de (la )?presion).{0,80}(sigue subiendo|subiendo sin parar|sube (y sube|sin parar|mucho|demasiado|cada vez mas|a mas de)|no (deja|para) de subir|(manometro|reloj|aguja|presion)( \w+){0,4} (al maximo|a tope|en (el )?rojo|se dispara)|se dispara la presion|[^0-9.,](1[0-9][0-9]|[2-9][0-9][0-9]) ?(libras|lbs|lb|psi)|[^0-9.,]([7-9]|[1-9][0-9])([.,][0-9])? ?(bar|bares|kilos|kg))',
      '(sigue subiendo|subiendo sin parar|sube (y sube|sin parar|mucho|demasiado|cada vez mas|a mas de)|no (deja|para) de subir|(manometro|reloj|aguja|presion)( \w+){0,4} (al maximo|a tope|en (el )?rojo|se dispara)|se dispara la presion|[^0-9.,](1[0-9][0-9]|[2-9][0-9][0-9]) ?(libras|lbs|lb|psi)|[^0-9.,]([7-9]|[1-9][0-9])([.,][0-9])? ?(bar|bares|kilos|kg)).{0,60}(bomba|presostato)',
      '(\mtermos?\M|termotanque|\mtermas?\M|calentador|boiler|calefon|acumulador|tanque (del|de agua) caliente).*(hinchad|se hincha|se esta hinchando|se (esta|va) inflando|abombad|se abomba|bulto|abultad|panza|barriga|deformad|se deforma|como un globo)',
      '(hinchad|se hincha|se esta hinchando|se (esta|va) inflando|abombad|se abomba|bulto|abultad|panza|barriga|deformad|se deforma|como un globo).*(\mtermos?\M|termotanque|\mtermas?\M|calentador|boiler|calefon|acumulador|tanque (del|de agua) caliente)',
      '(afloj|abr|desarm|destap|desenrosc|quit|sac|desmont|cambi|desatornill|revis).*(hidroneumatic|hidro\M|calderin|precargad|pulmon|acumulador|presurizador|(tanque|estanque|vaso)s? (de |a |de la |del )?(presion|precarga|membrana|diafragma|expansion|expansor|bomba|presurizador|hidro)|grupo de presion|equipo de presion).*(con (la |toda la )?presion|presurizad[oa]s?\M|bomba (esta |sigue )?(prendida|encendida|funcionando|andando|conectada|enchufada|trabajando)|sin (quitar|sacar|bajar|liberar|soltar|purgar|aliviar|descargar)(le|les)? (la |le )?presion|sin (vaciar|desconectar|apagar|desenchufar))',
      '(tap|tapon|anul|quit|elimin|bloque|clausur|ceg|sac).*(valvula|vallula|valbula) de (alivio|seguridad|sobrepresion|escape).*(hidroneumatic|hidro\M|calderin|precargad|pulmon|acumulador|presurizador|(tanque|estanque|vaso)s? (de |a |de la |del )?(presion|precarga|membrana|diafragma|expansion|expansor|bomba|presurizador|hidro)|grupo de presion|equipo de presion)',
      -- checklist 4 (bench/quality/SAFETY-4.md): filling a pressure tank from a workshop compressor.
      '\m(compresor|compressor).*(hidroneumatic|hidro\M|calderin|pressure tank|expansion tank|well tank|(tanque|estanque|vaso)s? (de |a |del )?(presion|expansion|hidro))',
      '(hidroneumatic|hidro\M|calderin|pressure tank|expansion tank|well tank|(tanque|estanque|vaso)s? (de |a |del )?(presion|expansion|hidro)).*(compresor|compressor)',
      -- stop 26 (SAFETY.md "Stop 26"): a pipe network still charged for a pressure test, at 100 psi / 7 bar or more,
      -- to be cut, opened or loosened ("la red está cargada a 150 psi y tengo que cambiar esa tee").
      '(prueba (hidraulica|de presion|hidrostatica|de estanqueidad|de hermeticidad)|(red|linea|tuberia|instalacion|caneria|sistema|montante|columna)\w* (esta |sigue |queda )?(cargad|presurizad|con presion|a presion|en prueba))\w*.{0,100}(\m(1[0-9][0-9]|[2-9][0-9][0-9]) ?(libras|lbs|lb|psi)|\m([7-9]|[1-9][0-9])([.,][0-9])? ?(bar|bares|kilos|kg)\M).{0,100}\m(cambi|cort|abr|afloj|desenrosc|desarm|quit|sac|repar|solt)\w*',
      '\m(cambi|cort|abr|afloj|desenrosc|desarm|quit|sac|repar|solt)\w*.{0,100}(prueba (hidraulica|de presion|hidrostatica)|(red|linea|tuberia|instalacion|caneria|sistema|montante|columna)\w* (esta |sigue |queda )?(cargad|presurizad|con presion|a presion|en prueba))\w*.{0,100}(\m(1[0-9][0-9]|[2-9][0-9][0-9]) ?(libras|lbs|lb|psi)|\m([7-9]|[1-9][0-9])([.,][0-9])? ?(bar|bares|kilos|kg)\M)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (tanque a presión): un hidroneumático, calderín o termo hinchado, que cruje, silba o cuya presión no para de subir puede reventar. No acercarse ni golpearlo: cortar la corriente de la bomba (o la electricidad o el gas del termo) desde el cuadro, cerrar la llave de entrada y soltar la presión poco a poco abriendo un grifo alejado. No tapar ni quitar nunca la válvula de seguridad o de alivio, y no aflojar ni abrir el tanque con presión. Que lo revise un profesional antes de volver a usarlo.',
78
);

-- checklist 5 (bench/quality/SAFETY-5.md, tune half): a gas appliance that lights with a bang or a flame that
-- comes out (delayed ignition, flame roll-out): the gas builds up before it lights.
SELECT kb_seed_safety_rule(
'encendido-explosivo',
'Aparato de gas que enciende con un golpe, explosión o llamarada',
ARRAY['(calentador|calefon|calefont|caldera|boiler|termotanque|terma|water heater|heater|furnace|tankless|estufa|horno|stove|quemador|burner|piloto|pilot|hornalla|hornilla)\w*.*\m(boom|buum|bum|pum|explosion\w*|explota\w*|explot[oa]|estall\w*|flamazo\w*|llamarada\w*|fogonazo\w*|bombazo\w*|petarde\w*|zambombazo\w*)\M',
      '\m(boom|buum|explosion\w*|explota\w*|explot[oa]|estall\w*|flamazo\w*|llamarada\w*|fogonazo\w*|bombazo\w*|petarde\w*|zambombazo\w*)\M.*(calentador|calefon|calefont|caldera|boiler|termotanque|water heater|heater|furnace|tankless|estufa|horno|stove|quemador|burner|piloto|pilot)'],
ARRAY['prend', 'enciend', 'encend', 'arranc', 'light', 'ignit', 'flamazo', 'llamarada', 'fogonazo', 'sale por (abajo|debajo|delante|fuera|afuera)', '\mgas\M'],
'AVISO DE SEGURIDAD (encendido con explosión o llamarada): si un aparato de gas enciende con un golpe, un «boom» o una llamarada que sale por delante o por abajo, el gas se acumula antes de prender (quemador o inyectores sucios, piloto o encendido defectuoso, falta de tiro). Cerrar la llave del gas del aparato y no volver a encenderlo; ventilar. No acercar la cara ni las manos al quemador. Que lo revise un técnico de gas habilitado antes de volver a usarlo.',
85
);

-- Checklist 7 (bench/quality/SAFETY-7.md "Results"): dangers of the job itself that no rule named: working at height
-- without protection, legionella in hot water kept lukewarm, lifting a tank full of water.
SELECT kb_seed_safety_rule(
'trabajo-en-altura',
'Trabajo en altura: tejado, azotea sin baranda, escalera mal apoyada, encima de un depósito, sin arnés',
ARRAY['\m(sin|no tengo|no tiene|no tenemos|no hay|no llevo|no uso|no traigo|ni)( \w+){0,2} (arnes|linea de vida|baranda|barandilla|barandal|barandales|pretil|andamio|cinturon de seguridad|harness|railing|guardrail|lifeline)',
      '(azotea|techo|tejado|terraza|losa|cubierta|roof|tinaco|tanque elevado|deposito elevado)\w*.{0,30}\m(al borde|en el borde|en la orilla|a la orilla|al filo|en el filo|sin baranda|sin barandal|sin barandilla|sin pretil)',
      '\m(escalera|ladder)\w*( \w+){0,4} apoyad\w* (en|sobre) (el |la )?(techo|tejado|teja|tejas|canalon|cubierta|roof)',
      '\m(escalera de (mano|tijera|aluminio|madera|extension)|escalera (telescopica|extensible|plegable)|(subo|subir|subirme|me subo|subido|subida|parado|parada|arriba) (a |en |de )?(la |una )?escalera|ladder)\w*.{0,80}(apoyad\w* (en|sobre) (el |la )?(techo|tejado|teja|canalon|cubierta|terraza|roof)|inclinad|resbal|se mueve|floja|tambalea|coja|en el borde)',
      '\m(inclinar(me|se)?|inclinandome|me inclino|asomar(me|se)?|asomandome|me asomo|estirar(me|se)|me estiro|colgar(me|se)|me cuelgo|sacar el cuerpo)\M( \w+){0,2} (hacia |para |pa )?(afuera|fuera|al vacio|la calle)\M',
      '\m(tejado|techo|azotea|cubierta|roof)\w*.{0,40}\m([4-9]|[1-9][0-9]) (metros|mts|m|pisos)\M.{0,60}\m(sin|no tengo|no hay)\M',
      '\m([4-9]|[1-9][0-9]) (metros|mts|m) (de altura|de alto)\M.{0,60}\m(sin|no tengo|no hay)\M',
      -- stop 26 (SAFETY.md "Stop 26"): a ladder of 4 m or more; a roof or terrace edge without a parapet in other
      -- words ("sin barda", "sin muro", "sin parapeto"); climbing onto a roof that is rotten, fragile or of sheets
      -- that give way ("me subo al techo de calamina que está medio podrido").
      '\m(escalera|escaleras|ladder)\M( \w+){0,3} (de )?([4-9]|1[0-9]) ?(metros|mts|m)\M',
      '(azotea|techo|tejado|terraza|losa|cubierta|roof|tinaco|tanque elevado|deposito elevado)\w*.{0,40}\m(sin|no tiene|no hay) (barda|bardas|muro|muros|parapeto|antepecho|proteccion|pared)\M',
      '\m(sub\w*|pis\w*|camin\w*|trep\w*|par(o|arme|ado))\M.{0,40}(techo|tejado|cubierta|calamina|chapa|lamina|uralita|fibrocemento|policarbonato|claraboya|tragaluz|teja)\w*.{0,60}(podrid|\mrot[oa]s?\M|fragil|quebradiz|oxidad|debil|delgad|se hunde|cede\M|vencid)',
      -- stop 31 (TALK-31.md): a ladder said plainly to move or wobble, whatever its kind; on a roof, asking where
      -- to step (the footing is in doubt: sheets, tiles, a fragile cover)
      '\mescaleras?\M( \w+){0,5} (se mueve|se mueven|se tambalea|tambalea|tambalean|esta floja|cojea|se resbala|se desliza)\M',
      '(techo|tejado|cubierta|azotea|calamina|chapa|lamina|uralita|fibrocemento|teja)\w*.{0,60}\m(por )?donde (piso|pisar|pisa|pisamos|camino|caminar|me paro|me apoyo)\M'],
-- no `requires`: the patterns name the height themselves, and a rule with requires costs one more compiled regular
-- expression per message that matches it (Postgres keeps 32 per connection; SAFETY-7.md "Results")
ARRAY[]::text[],
'AVISO DE SEGURIDAD (trabajo en altura): en un tejado, una azotea sin baranda o encima de un depósito, trabajar con arnés enganchado a un punto firme o a una línea de vida; no subir con lluvia, hielo o viento. La escalera, en suelo firme, atada o sujeta por otra persona y sobresaliendo un metro del apoyo; nunca apoyada sobre un tejado inclinado ni para asomarse hacia fuera. No pisar fibrocemento, claraboyas ni chapas: usar tablones. Si no se puede trabajar seguro, andamio o plataforma elevadora.',
44
);

SELECT kb_seed_safety_rule(
'legionela',
'Agua caliente acumulada a menos de 50-60 °C o estancada (legionela)',
ARRAY['legionel', 'legionella',
      '(acumulador|interacumulador|\mtermos?\M|\mtermas?\M|termotanque|calentador|caldera|boiler|deposito|tanque de agua caliente|water heater|agua caliente)\w*.{0,60}\m(a|en|de|sobre) (2[5-9]|3[0-9]|4[0-9]) ?(grados|°c|ºc|°|º|c)\M.{0,80}\m(ahorr|meses|semanas|siempre|todo el (ano|tiempo)|no se usa|sin usar|estancad|parad|turbi|huele|olor|hotel|hostal|residencia|gimnasio|vestuario|hospital)',
      '\m(huele|olor|sabe)\w* a (agua )?(estancad|pantano|encharcad)\w*.{0,80}(agua caliente|acumulador|\mtermos?\M|calentador|ducha|regadera)',
      '(agua caliente|acumulador|\mtermos?\M|calentador|ducha|regadera)\w*.{0,80}\m(huele|olor|sabe)\w* a (agua )?(estancad|pantano|encharcad)',
      -- checklist 8 (tune half, SAFETY-8.md "Results"): a tank or heater left unused for months or years, put
      -- back on the showers or into use without cleaning it.
      '(estanque|tanque|deposito|tinaco|aljibe|cisterna|acumulador|\mtermos?\M|\mtermas?\M|termotanque|calentador|boiler)\w*.{0,80}\m(abandonad\w*|sin usar|sin uso|(anos|meses|mucho tiempo) (sin|parad|abandonad|cerrad|vaci))\w*.{0,100}\m(duchas?|regaderas?|banar(se|nos|me|te|los)?|duchar(se|nos|me|te|los)?|sin (lavar|limpiar|desinfectar|vaciar)\w*)\M',
      -- (stop 39, BUILDINGS-39.md, safety-15-tune: "¿podemos ducharnos ya?", the verb with any person, not only
      -- "ducharse")
      -- stop 37 (SEASONS-37.md, safety-13-tune): the time told after the state, as a building that reopens says it
      -- ("los acumuladores estuvieron parados cuatro meses, ¿vamos directo a las duchas?").
      '(estanque|tanque|deposito|tinaco|aljibe|acumulador|\mtermos?\M|\mtermas?\M|termotanque|calentador|boiler|agua caliente)\w*.{0,80}\m(parad|cerrad|apagad|sin usar|sin uso)\w* (\w+ ){0,3}(meses|semanas|anos|temporada|verano|invierno)\M.{0,100}\m(duchas?|regaderas?|banar(se|nos|me|te|los)?|duchar(se|nos|me|te|los)?|sin (lavar|limpiar|desinfectar|vaciar|purgar)\w*)\M'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (legionela): el agua caliente guardada entre 25 y 50 °C, o parada en tuberías y habitaciones sin uso, cría legionela, que se contagia respirando el vapor de la ducha. El acumulador debe estar a 60 °C (y el agua llegar a los grifos a 50 °C); hacer correr cada semana los grifos y duchas que no se usan. Si el agua sale turbia o con olor, no usarla para ducharse y que una empresa autorizada haga la desinfección; al purgar, evitar respirar el vapor (mascarilla FFP2/FFP3).',
27
);

SELECT kb_seed_safety_rule(
'carga-pesada',
'Levantar o subir un depósito, tinaco o termo lleno de agua',
ARRAY['\m(subir|subirlo|subirla|subimos|subo|bajar|bajarlo|bajarla|levantar|levantarlo|levantarla|levanto|cargar|cargarlo|cargarla|mover|moverlo|moverla|izar|izarlo|alzar|jalar|jalarlo)\M.{0,40}(tanque|tinaco|deposito|cisterna|termo|terma|termotanque|boiler|calentador|tambo|bidon)\w*.{0,40}\m(lleno|llena|con agua|full)\M',
      '(tanque|tinaco|deposito|cisterna|termo|terma|termotanque|boiler|calentador|tambo|bidon)\w*.{0,40}\m(lleno|llena|con agua|full)\M.{0,60}\m(subir|subirlo|subirla|bajar|bajarlo|levantar|levantarlo|cargar|cargarlo|mover|moverlo|izar|izarlo|alzar|a pulso|a mano|con soga|con cuerda|con mecate)\M',
      -- checklist 8 (tune half, SAFETY-8.md "Results"): carried by hand, alone or down a ladder, and full of
      -- water, the appliance not named again ("lo tengo que bajar yo solo por la escalera, está lleno de agua").
      '\m(subir|subirlo|subirla|bajar|bajarlo|bajarla|cargar|cargarlo|cargarla|levantar|levantarlo|levantarla|llevarlo|llevarla)\M.{0,60}\m(yo solo|yo sola|a pulso|al hombro|a cuestas|en brazos|por la escalera|de la azotea|del techo|del tejado|a la azotea|al techo|al tejado)\M.{0,80}\m(lleno|llena) de agua\M',
      '\m(lleno|llena) de agua\M.{0,80}\m(subir|subirlo|subirla|bajar|bajarlo|bajarla|cargar|cargarlo|cargarla|levantar|levantarlo|levantarla)\M.{0,40}\m(yo solo|yo sola|a pulso|al hombro|a cuestas|en brazos|por la escalera|de la azotea|del techo|del tejado|a la azotea|al techo|al tejado)\M'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (carga pesada): el agua pesa un kilo por litro; un depósito o tinaco de 1000 litros lleno es una tonelada. No levantarlo ni subirlo lleno: vaciarlo antes y moverlo vacío entre varios, con polipasto, grúa o carretilla, con la espalda recta y las rodillas dobladas; nadie debajo de una carga colgada. Comprobar que la losa o la base aguanta el peso con el depósito lleno.',
26
);

-- ---------------------------------------------------------------------------------------------------------
-- Example questions: how plumbers ask for each article (kb_examples; the search reads them). Staff add
-- their own with INSERT (README.md); kb_seed_examples() only adds, it never removes or changes a row.
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_examples('grifo-monomando-cartucho', ARRAY[
    '¿Cómo se cambia el cartucho cerámico de un monomando?',
    'la maneta del monomando está dura y no mezcla bien el agua fría con la caliente',
    'sale agua por debajo de la palanca del mezclador de la cocina',
    'qué medida de cartucho lleva un grifo monomando, 35 o 40 mm',
    'se rompió el cartucho de la mezcladora, cómo lo saco']);
SELECT kb_seed_examples('grifo-bicomando-zapata', ARRAY[
    'cómo cambio la zapata de un grifo de los antiguos',
    'la montura del grifo de la bañera pierde agua por el vástago',
    'cuál de las dos manetas gotea, la fría o la caliente, cómo lo averiguo',
    'el asiento del grifo está picado, ¿se puede repasar?']);
SELECT kb_seed_examples('cisterna-pierde-agua', ARRAY[
    'la cisterna se rellena sola cada pocos minutos',
    'cómo regulo el flotador para que corte el agua antes del rebosadero',
    'el agua pasa todo el rato a la taza del váter, se ve un hilo de agua',
    'cómo cambio la goma de la descarga de la cisterna',
    'el inodoro gasta muchísima agua y el recibo llegó altísimo']);
SELECT kb_seed_examples('inodoro-junta-cera', ARRAY[
    'cómo cambio la junta de cera del inodoro',
    'el wc baila y deja un charco alrededor después de usarlo',
    'cómo aprieto los tornillos de la base del wc sin romper la porcelana',
    'voy a instalar un inodoro nuevo, qué junta pongo en la salida',
    'el suelo alrededor de la base del váter siempre está húmedo']);
SELECT kb_seed_examples('fregadero-atascado-sifon', ARRAY[
    'el agua del fregadero se queda estancada y tarda en bajar',
    'el bote del sifón bajo el lavabo está lleno de pelos y jabón, cómo lo abro',
    'para desatascar un lavabo con ventosa hay que tapar el rebosadero?',
    'el desagüe de la cocina no traga por la grasa',
    'puedo echar sosa cáustica para desatascar el fregadero']);
SELECT kb_seed_examples('inodoro-atascado', ARRAY[
    'tiré de la cadena y el agua casi se sale de la taza',
    'cómo desatasco un inodoro sin productos químicos',
    'se atascó el wc con toallitas, uso la ventosa o la sonda',
    'el inodoro traga muy despacio después de tirar de la cadena']);
SELECT kb_seed_examples('pendiente-desague', ARRAY[
    'qué inclinación mínima lleva una tubería de evacuación',
    'qué desnivel le dejo al desagüe de un plato de ducha hasta la bajante',
    'pongo un 1 o un 2 por ciento de pendiente en el colector',
    'el colector de 110 del garaje, con qué porcentaje lo tiro']);
SELECT kb_seed_examples('ventilacion-gorgoteo', ARRAY[
    'hace burbujas el sumidero cuando vacío la lavadora y luego apesta',
    'dónde instalo una válvula antivacío en el desagüe',
    'el sifón se vacía solo cuando se usa otro aparato',
    'huele a alcantarilla en la cocina aunque el sifón tiene agua']);
SELECT kb_seed_examples('presion-agua-baja', ARRAY[
    'cuál es la presión normal del agua en una vivienda',
    'cómo mido la presión del agua con un manómetro',
    'sale muy poco caudal por un solo grifo, será el aireador',
    'desde que cambiaron el contador el agua sale sin fuerza']);
SELECT kb_seed_examples('reductor-presion', ARRAY[
    'a cuántos bares regulo la válvula reductora',
    'dónde se instala el regulador de presión, antes o después del contador',
    'la presión de la red es muy alta y revientan los latiguillos',
    'cómo sé si tengo exceso de presión en la instalación']);
SELECT kb_seed_examples('golpe-de-ariete', ARRAY[
    'se oyen golpes en las tuberías cuando se cierra un grifo de golpe',
    'la tubería vibra y hace ruido cuando la lavadora termina de llenar',
    'cómo quito el martilleo de las cañerías']);
SELECT kb_seed_examples('tuberias-congeladas', ARRAY[
    'cómo descongelo una tubería sin que reviente',
    'qué aislamiento pongo a las tuberías de fuera para que no se hielen',
    'con las heladas se congela el agua del tubo de la terraza',
    'puedo usar un secador de pelo para descongelar un tubo']);
SELECT kb_seed_examples('termo-valvula-seguridad', ARRAY[
    'cae agua por el tubito del grupo de seguridad cada vez que el termo se enciende',
    'cómo compruebo la válvula de alivio de presión y temperatura del calentador',
    'a qué presión está tarada la válvula del termo',
    'el grupo de seguridad del termo echa agua sin parar',
    'gotea la valvula del termo']);
SELECT kb_seed_examples('termo-anodo-olor', ARRAY[
    'sale un olor feo solo por el grifo del agua caliente',
    'qué llave necesito para sacar el ánodo del termo',
    'solo huele mal el agua del termo, la de la red está bien',
    'cada cuánto se revisa el ánodo de sacrificio']);
SELECT kb_seed_examples('termo-vaciado-sedimentos', ARRAY[
    'sale arenilla por los grifos de agua caliente, hay que limpiar el termo?',
    'el calentador hace ruidos al calentar, será la cal',
    'mantenimiento del termo eléctrico, cada cuántos años se limpia por dentro',
    'cómo abro la llave de vaciado del termo sin inundar']);
SELECT kb_seed_examples('calentador-gas-piloto', ARRAY[
    'enciendo la llama pequeña, aguanto el pulsador y al dejarlo se va',
    'qué pieza falla si el piloto prende pero no se mantiene',
    'el calentador de gas no enciende, hace chispa pero no prende',
    'el quemador del calentador hace llama naranja y mancha de negro']);
SELECT kb_seed_examples('soldadura-cobre', ARRAY[
    'pasos para hacer una soldadura blanda en cobre de 15',
    'qué decapante uso para soldar cobre',
    'la soldadura de cobre pierde agua, cómo la repaso',
    'cuánto tengo que calentar la unión de cobre para soldar']);
SELECT kb_seed_examples('elegir-pvc-cpvc-pex', ARRAY[
    'para una reforma, multicapa o cobre en el circuito caliente',
    'qué diferencia hay entre PEX y multicapa',
    'el tubo blanco de desagüe sirve para llevar agua a 60 grados?',
    'qué tubo pongo en una instalación a la intemperie']);
SELECT kb_seed_examples('pex-reparacion', ARRAY[
    'qué accesorio uso para unir dos trozos de PEX',
    'qué manguito uso para reparar multicapa',
    'reparar una fuga en polietileno reticulado sin herramienta de prensar',
    'hay que prensar o engatillar el racor del PEX?']);
SELECT kb_seed_examples('pvc-encolado', ARRAY[
    'cómo se pega una tubería de PVC',
    'hace falta imprimación para pegar PVC',
    'cuánto tiempo hay que esperar después de encolar el PVC para meter agua',
    'cómo empalmo un tubo de desagüe de PVC partido']);
SELECT kb_seed_examples('sellado-roscas', ARRAY[
    'cuánta cinta PTFE lleva un racor de media pulgada',
    'el teflón se pone en el sentido de las agujas del reloj o al revés',
    'cáñamo con pasta o teflón, qué es mejor para roscas de hierro',
    'pierde agua por la rosca del racor']);
SELECT kb_seed_examples('llave-de-paso-fuga', ARRAY[
    'se ha reventado una tubería, qué hago primero',
    'dónde está la llave de paso general de la casa',
    'cómo hago una reparación provisional de un tubo roto',
    'cómo sé si tengo una fuga de agua oculta mirando el contador']);
SELECT kb_seed_examples('atasco-general-retorno', ARRAY[
    'cada vez que alguien usa el váter, el plato de ducha se llena de agua negra',
    'se atascan todos los desagües de la casa a la vez',
    'la arqueta del patio está llena hasta arriba y los desagües no tragan',
    'el agua del inodoro sale por la bañera del bajo']);

-- ---------------------------------------------------------------------------------------------------------
-- Synonyms: the words of Spain, Mexico, Argentina, Colombia, Chile, Peru, Venezuela... for what the articles
-- call otherwise (kb_synonyms; see README.md). kb_seed_synonym(term, canonical, note) never overwrites a row
-- staff edited. A term that names something else ("llave de paso", "llave inglesa") is listed with itself or
-- its own meaning, so that the shorter term ("llave" = grifo) is not applied to it.
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_synonym(term, canonical, note) FROM (VALUES
    -- grifos
    ('canilla', 'grifo', 'Argentina, Uruguay, Paraguay'),
    ('llave', 'grifo', 'México, Centroamérica, Colombia, Venezuela, Caribe: la llave del lavabo = el grifo'),
    ('pluma', 'grifo', 'Colombia: la pluma del lavaplatos'),
    ('caño del lavabo', 'grifo', 'Perú, Ecuador: caño = grifo (en Argentina, caño = tubo)'),
    ('grifería', 'grifo', ''),
    ('mezcladora', 'grifo monomando', 'México: llave mezcladora'),
    -- (firstfeat, stop 29: regional names of the tap the estimates' catalogue did not read)
    ('chorro', 'grifo', 'Centroamérica: el chorro de la pila, del lavamanos = el grifo (la llave de chorro del patio tiene su fila)'),
    ('paja', 'grifo', 'Costa Rica: la paja de la pila, del lavatorio = el grifo'),
    ('monocomando', 'monomando', 'Argentina, Chile, Uruguay'),
    ('una sola palanca', 'monomando', ''),
    ('una sola manija', 'monomando', ''),
    -- 'de palanca' alone is the word 'palanca' ("de" is a stop word): the toilet's lever too ("jalo la palanca
    -- del inodoro"), so only a tap "de palanca" is a single-lever one (bench/quality/RETRIEVAL.md, set 3)
    ('de palanca', 'palanca', 'sola no dice qué aparato: la palanca de la cisterna o la del grifo'),
    ('grifo de palanca', 'grifo monomando', ''),
    ('llave de palanca', 'grifo monomando', 'México, Colombia, Venezuela'),
    ('canilla de palanca', 'grifo monomando', 'Argentina, Uruguay'),
    ('dos llaves', 'bicomando', ''),
    ('dos manerales', 'bicomando', 'México'),
    ('dos manijas', 'bicomando', 'Argentina'),
    ('dos perillas', 'bicomando', 'Colombia, Chile'),
    ('dos mandos', 'bicomando', ''),
    ('dos grifos', 'bicomando', ''),
    ('maneral', 'maneta', 'México'),
    ('manija', 'maneta', 'Argentina, Uruguay'),
    ('manilla', 'maneta', ''),
    ('perilla', 'maneta', 'Colombia, Chile, Venezuela'),
    ('volante', 'maneta', ''),
    ('cuerito', 'zapata', 'Argentina, Uruguay: el cuerito de la canilla'),
    ('empaque', 'junta', 'México, Colombia, Venezuela, Centroamérica'),
    ('empaquetadura', 'junta', 'Chile, Perú'),
    ('caucho', 'zapata', 'Colombia, Venezuela: el caucho de la llave'),
    ('hule', 'junta', 'México'),
    ('o-ring', 'junta tórica', ''),
    ('oring', 'junta tórica', ''),
    ('boquilla', 'caño', 'México: la boquilla de la llave'),
    -- no son grifos: la palabra llave en otras cosas
    ('llave de paso', 'llave de paso', 'no es un grifo'),
    ('llave general', 'llave de paso', ''),
    ('llave de corte', 'llave de paso', ''),
    ('llave maestra', 'llave de paso', 'Argentina'),
    ('llave de bola', 'llave de paso', ''),
    ('llave de esfera', 'llave de paso', ''),
    ('valvula de paso', 'llave de paso', ''),
    ('valvula de corte', 'llave de paso', ''),
    ('llave de escuadra', 'llave de escuadra', 'no es un grifo'),
    ('llave angular', 'llave de escuadra', 'México, Colombia'),
    ('llave de vaciado', 'llave de vaciado', 'no es un grifo'),
    ('llave inglesa', 'llave inglesa', 'herramienta, no un grifo'),
    ('llave allen', 'llave allen', 'herramienta, no un grifo'),
    ('llave fija', 'llave fija', 'herramienta, no un grifo'),
    ('llave stilson', 'llave grifa', 'herramienta, no un grifo'),
    ('llave de la puerta', 'cerradura', 'no es fontanería'),
    ('llaves del coche', 'coche', 'no es fontanería'),
    ('llaves del carro', 'coche', 'no es fontanería'),
    ('llaves del auto', 'coche', 'no es fontanería'),
    -- cisterna e inodoro
    ('tanque del inodoro', 'cisterna', 'América'),
    ('tanque del baño', 'cisterna', 'México'),
    ('tanque del sanitario', 'cisterna', 'Colombia'),
    ('tanque del wc', 'cisterna', ''),
    ('tanque del excusado', 'cisterna', 'México'),
    ('tanque de la poceta', 'cisterna', 'Venezuela'),
    ('tanque del water', 'cisterna', ''),
    ('depósito del inodoro', 'cisterna', 'España'),
    ('depósito del wc', 'cisterna', 'España'),
    ('depósito del water', 'cisterna', 'España'),
    ('depósito del váter', 'cisterna', 'España'),
    ('estanque del wc', 'cisterna', 'Chile'),
    ('estanque del baño', 'cisterna', 'Chile'),
    ('estanque del inodoro', 'cisterna', 'Chile'),
    ('mochila', 'cisterna', 'Argentina, Uruguay: la mochila del inodoro'),
    ('sapito', 'clapeta', 'México: el sapito del tanque'),
    ('chapeton', 'clapeta', 'México'),
    ('flapper', 'clapeta', ''),
    ('tapón del tanque', 'clapeta', ''),
    ('sello del tanque', 'clapeta', ''),
    ('herraje', 'valvula de descarga flotador', 'México: los herrajes del tanque'),
    ('flota', 'flotador', ''),
    ('flotante', 'flotador', ''),
    ('excusado', 'inodoro', 'México'),
    ('escusado', 'inodoro', 'México'),
    ('sanitario', 'inodoro', 'Colombia, México'),
    ('poceta', 'inodoro', 'Venezuela'),
    ('water', 'inodoro', 'España'),
    ('watercló', 'inodoro', ''),
    ('váter', 'inodoro', 'España'),
    ('retrete', 'inodoro', ''),
    ('wc', 'inodoro', ''),
    ('taza del baño', 'inodoro', ''),
    ('jalar', 'tirar de la cadena', 'México: jalarle al baño = tirar de la cadena'),
    ('bajar la palanca', 'tirar de la cadena', 'Venezuela, Colombia'),
    ('descargar el inodoro', 'tirar de la cadena', ''),
    ('descargar el sanitario', 'tirar de la cadena', 'Colombia'),
    ('sello de cera', 'junta de cera', 'México'),
    ('anillo de cera', 'junta de cera', ''),
    ('cuello de cera', 'junta de cera', ''),
    ('sello del inodoro', 'junta de cera', ''),
    -- fregadero, lavabo, ducha, bañera
    ('tarja', 'fregadero', 'México'),
    ('pileta de la cocina', 'fregadero', 'Argentina, Uruguay'),
    ('pileta del baño', 'lavabo', 'Argentina, Uruguay'),
    ('pileta', 'fregadero', 'Argentina, Uruguay'),
    ('pileta de natación', 'piscina', 'no es un fregadero'),
    ('lavaplatos', 'fregadero', 'Colombia, Chile, Venezuela'),
    ('lavatrastes', 'fregadero', 'Centroamérica, México'),
    ('poceta de la cocina', 'fregadero', 'Colombia'),
    ('lavamanos', 'lavabo', 'Colombia, Venezuela, México'),
    ('lavatorio', 'lavabo', 'Argentina, Chile, Perú'),
    ('ovalín', 'lavabo', 'México'),
    ('vanitorio', 'lavabo', 'Argentina, Chile'),
    ('vanitory', 'lavabo', 'Argentina'),
    ('regadera', 'ducha', 'México: la regadera = la ducha'),
    ('tina', 'bañera', 'México, Colombia'),
    ('bañadera', 'bañera', 'Argentina, Uruguay'),
    ('tina de baño', 'bañera', ''),
    -- sifones, sumideros, desagües
    ('céspol', 'sifón', 'México'),
    ('trampa', 'sifón', 'México, Colombia'),
    ('trampa de grasa', 'trampa de grasa', 'no es un sifón'),
    ('coladera', 'sumidero', 'México: la coladera de la regadera'),
    ('rejilla', 'sumidero', 'Argentina, Colombia: la rejilla de la ducha'),
    ('resumidero', 'sumidero', 'Perú, Colombia'),
    ('desagüe del piso', 'sumidero', ''),
    ('drenaje', 'desagüe', 'México'),
    ('caño de desagüe', 'desagüe', 'Argentina'),
    ('albañal', 'colector', 'México'),
    ('cloaca', 'alcantarilla', 'Argentina, Uruguay'),
    ('olor a drenaje', 'olor a alcantarilla', 'México'),
    ('olor a caño', 'olor a alcantarilla', ''),
    ('huele', 'olor', 'huele a... = olor a...'),
    ('oler', 'olor', ''),
    ('olor a cañería', 'olor a alcantarilla', ''),
    ('caño maestro', 'colector', 'Argentina'),
    ('registro', 'arqueta', 'México, Colombia: caja de registro'),
    ('caja de registro', 'arqueta', ''),
    ('cámara de inspección', 'arqueta', 'Argentina, Chile'),
    ('caja de inspección', 'arqueta', 'Argentina'),
    ('gluglú', 'gorgoteo', ''),
    -- atascos
    ('destapar', 'desatascar', 'América'),
    ('desatorar', 'desatascar', 'México'),
    ('desatrancar', 'desatascar', ''),
    ('desobstruir', 'desatascar', ''),
    ('desembozar', 'desatascar', 'Argentina'),
    ('tapado', 'atascado', 'América: está tapado, se tapó'),
    ('atorado', 'atascado', 'México: atorado, atorada'),
    ('tupido', 'atascado', 'Cuba, Caribe: está tupido, tupida'),
    ('tupió', 'atascado', 'Cuba, Caribe: se tupió'),
    ('obstruido', 'atascado', ''),
    ('embozado', 'atascado', 'Argentina'),
    ('trancado', 'atascado', ''),
    ('sopapa', 'desatascador', 'Argentina, Uruguay'),
    ('chupón', 'desatascador', 'Chile, Venezuela'),
    ('chupa', 'desatascador', ''),
    ('bomba destapacaños', 'desatascador', ''),
    ('destapacaños', 'desatascador', ''),
    ('guaya', 'sonda', 'Colombia, Venezuela'),
    ('serpiente', 'sonda', ''),
    ('culebra', 'sonda', ''),
    -- agua caliente
    ('boiler', 'calentador', 'México: el boiler = calentador de agua, de depósito o de paso, de gas o eléctrico'),
    ('boiler de paso', 'calentador de paso', 'México: calentador instantáneo (de gas), no un termo'),
    ('termotanque', 'termo', 'Argentina, Uruguay'),
    ('calentador de agua', 'termo', ''),
    ('calentador eléctrico', 'termo eléctrico', ''),
    ('tanque de agua caliente', 'termo', ''),
    ('acumulador', 'termo', ''),
    ('calefón', 'calentador de paso a gas', 'Argentina, Uruguay, Paraguay'),
    ('calefont', 'calentador de paso a gas', 'Chile'),
    ('calentador de paso', 'calentador de paso a gas', 'México'),
    ('calentador instantáneo', 'calentador de paso a gas', ''),
    ('termocupla', 'termopar', 'Argentina, Chile, Colombia, México'),
    ('válvula de alivio', 'válvula de seguridad', 'México'),
    ('válvula de sobrepresión', 'válvula de seguridad', ''),
    ('válvula de desfogue', 'válvula de seguridad', ''),
    ('te y pe', 'T&P', 'al dictado'),
    ('sarro', 'cal', 'América'),
    ('caliche', 'cal', ''),
    ('barra de magnesio', 'ánodo', ''),
    ('varilla de magnesio', 'ánodo', ''),
    -- presión
    ('poquita agua', 'poco caudal', ''),
    ('chorrito', 'chorro', 'un chorrito es poca presión, un poro o el agua que pasa a la taza: solo la palabra chorro'),
    ('flojito', 'flojo', ''),
    ('válvula reguladora', 'reductor de presión', ''),
    ('regulador de presión', 'reductor de presión', ''),
    ('válvula reductora', 'reductor de presión', ''),
    ('tinaco', 'depósito de agua', 'México'),
    ('tanque elevado', 'depósito de agua', 'Argentina, Colombia'),
    ('tanque de agua', 'depósito de agua', ''),
    ('medidor', 'contador', 'América: el medidor del agua'),
    ('reloj del agua', 'contador', ''),
    ('truena', 'golpe', 'México: la tubería truena'),
    ('tronar', 'golpe', 'México'),
    -- tuberías y uniones
    ('caño', 'tubería', 'Argentina, Uruguay: el caño = la tubería'),
    ('cañería', 'tubería', ''),
    ('flexible', 'latiguillo', 'Argentina, México, España'),
    ('manguera de abasto', 'latiguillo', 'México'),
    ('coflex', 'latiguillo', 'México'),
    -- (firstfeat, stop 29) the plural is its own row: the stemmer reads "líneas" as another word than "línea"
    ('linea de suministro', 'latiguillo', 'EE. UU., Puerto Rico: supply line = el flexible del aparato'),
    ('lineas de suministro', 'latiguillo', 'EE. UU., Puerto Rico: supply lines'),
    ('conexión flexible', 'latiguillo', ''),
    ('chicote', 'latiguillo', 'Chile'),
    ('peks', 'pex', 'al dictado'),
    ('pecs', 'pex', 'al dictado'),
    ('pe equis', 'pex', 'al dictado'),
    ('cemento para pvc', 'adhesivo pvc', 'México'),
    ('soldadura líquida', 'adhesivo pvc', 'Colombia'),
    ('pegamento', 'adhesivo', ''),
    ('primer', 'imprimación', 'México'),
    ('fundente', 'flux', 'México, Argentina'),
    ('pasta para soldar', 'flux', ''),
    ('cinta selladora', 'cinta de teflón', ''),
    ('cinta de sellar', 'cinta de teflón', ''),
    ('sellador de roscas', 'pasta de sellar', ''),
    ('sellarroscas', 'pasta de sellar', ''),
    ('pasta selladora', 'pasta de sellar', ''),
    ('cuerda', 'rosca', 'México: la cuerda del tubo'),
    ('niple', 'racor', 'México, Colombia'),
    -- fugas
    ('bota agua', 'pierde agua', 'Colombia, Venezuela'),
    ('tira agua', 'pierde agua', 'Argentina'),
    ('chorrea', 'gotea', ''),
    ('filtración', 'fuga', ''),
    ('salidera', 'fuga', 'Argentina')
) AS s(term, canonical, note);
