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
'grifo monomando, llave monomando, mezclador, goteo, gotea, cartucho ceramico, maneta, lavabo, fregadero, canilla, pierde agua el grifo, fuga en el grifo, reparar el grifo, grifo de la cocina, grifo del lavabo, llave del lavabo, llave de la cocina, llave del fregadero'
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
'grifo bicomando, dos manetas, dos llaves, zapata, arandela, montura, montera, asiento, goteo, gotea, llave de agua, canilla, fuga en el grifo, reparar el grifo, grifo antiguo, llave del lavabo, llave de la cocina'
);

SELECT kb_seed_article(
'cisterna-pierde-agua',
'Cisterna del inodoro que no para de correr agua: válvula de descarga y grifo flotador',
'Una cisterna que sigue cargando agua tiene una de dos causas: la válvula de descarga (la junta, el clapeta o pera del fondo) no cierra bien y el agua se va a la taza, o el grifo flotador (válvula de llenado) no corta y el agua sale por el rebosadero.',
'Se oye correr agua o la cisterna se rellena sola cada cierto tiempo; hilo de agua continuo en la taza; factura de agua alta.',
'1. Quitar la tapa de la cisterna y mirar el nivel de agua.
2. Si el agua sale por el tubo rebosadero, el fallo es del grifo flotador: bajar el nivel ajustando el flotador (tornillo o varilla) hasta que el agua quede unos 2–3 cm (aprox. 1 in) por debajo del borde del rebosadero o en la marca del fabricante. Si aun así no corta, limpiar la membrana o cambiar el grifo flotador.
3. Si el nivel es correcto y sigue pasando agua a la taza, el fallo es de la válvula de descarga. Prueba del colorante: echar unas gotas de colorante alimentario en la cisterna, no tirar de la cadena y esperar 15–20 minutos; si el color aparece en la taza, la válvula pierde.
4. Cerrar la llave de paso de la cisterna y tirar de la cadena para vaciarla.
5. Limpiar el asiento de la válvula de cal y suciedad y cambiar la junta de la descarga (o el clapeta/pera en cisternas de tapón), o la válvula de descarga completa si está deteriorada. En descargadores de doble pulsador, comprobar también que el mecanismo no se queda enganchado.
6. Abrir la llave, dejar llenar y comprobar de nuevo con colorante.',
'Cerrar la llave de paso de la cisterna antes de desmontar. La tapa de cerámica pesa y se parte con facilidad: dejarla sobre una toalla en el suelo.',
'Colorante alimentario, destornillador, junta de descarga o clapeta de recambio, grifo flotador de recambio, esponja para vaciar el fondo.',
'Si la cisterna o la taza están agrietadas, o si la llave de paso de la cisterna no cierra, hay que sustituir la pieza.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'cisterna, inodoro, vater, water, wc, retrete, tanque del inodoro, corre el agua, no para de cargar, se recarga sola, pierde agua, flotador, boya, clapeta, sapo, pera, valvula de descarga, cadena, pulsador, rebosadero'
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
7. Retirar el trapo, bajar el inodoro recto sobre los tornillos, presionar sentándose o con el peso del cuerpo sin balancearlo.
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
'fregadero atascado, lavabo atascado, pileta, lavaplatos, tapado, tapon, no traga, baja lento, sifon, desague, desatascar, desatascador, ventosa, chupon, sonda, muelle, grasa'
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
3. Calcular el desnivel: longitud del tramo en metros × pendiente. Ejemplo: 4 m al 2 % = 8 cm de diferencia entre el principio y el final.
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
'1. Olor en un desagüe poco usado (sumidero, ducha de invitados): echar agua para rellenar el sifón. El cierre hidráulico del sifón suele ser de unos 5 cm (2 in).
2. Comprobar que cada aparato tiene sifón y que no está roto o mal montado.
3. Si hay gorgoteo al vaciar otro aparato, falta ventilación: revisar que la salida de ventilación de la bajante en la cubierta no esté obstruida (hojas, nidos, hielo).
4. Si no es posible ventilar a la cubierta en un aparato concreto, instalar una válvula de aireación (válvula de admisión de aire) homologada por encima del sifón que protege y en un lugar accesible. No sustituye a la ventilación principal de la bajante.
5. Comprobar que no hay un atasco parcial aguas abajo: un atasco también provoca gorgoteo.
6. Probar vaciando a la vez varios aparatos y mirando si los sifones conservan el agua.',
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
6. Prevención: aislar las tuberías expuestas con coquilla, cinta calefactora en tramos exteriores, vaciar las instalaciones que no se usen en invierno (riego, segunda vivienda) y dejar un hilo de agua en los grifos críticos en noches de helada fuerte.',
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
4. Si sigue goteando con presión correcta, o no abre al accionar la palanca, cambiar la válvula por una del mismo tarado indicado en la placa del aparato.
5. Si sale agua hirviendo o vapor, el termostato puede estar averiado: cortar la electricidad o el gas del aparato y no usar el agua caliente hasta revisarlo.',
'Nunca tapar, taponar ni quitar la válvula de seguridad: un termo sin válvula puede explotar. No poner llave de corte entre la válvula y el termo. El agua de descarga puede quemar: mantener manos y cara alejadas.',
'Manómetro, tubo de desagüe, embudo con salida libre, válvula de seguridad del mismo tarado, vaso de expansión sanitario, cinta PTFE.',
'Si sale vapor o agua hirviendo, si el termostato o el limitador fallan, o si el aparato es de gas: técnico autorizado.',
'Equipo técnico Remedios, base de conocimiento interna; valores típicos de tarado; prevalece la placa y el manual del fabricante.',
'valvula de seguridad, valvula de alivio, valvula T&P, grupo de seguridad, termo, termo electrico, calentador, boiler, gotea la valvula, pierde agua el termo, tarado, 150 psi, 210 F, presion'
);

SELECT kb_seed_article(
'termo-anodo-olor',
'Agua caliente que huele a huevo podrido: ánodo de sacrificio del termo',
'El termo lleva un ánodo de sacrificio (normalmente de magnesio) que se gasta para proteger el depósito de la corrosión. Con ciertas aguas, unas bacterias reaccionan con el ánodo de magnesio y producen sulfuro de hidrógeno: el agua caliente huele a huevo podrido. Cuando el ánodo se consume del todo, el depósito empieza a oxidarse.',
'Olor a huevo podrido o a azufre solo en el agua caliente; agua caliente turbia o con color óxido; termo con varios años sin revisar.',
'1. Comprobar si el olor está solo en el agua caliente. Si también huele el agua fría, el problema está en el suministro (pozo, red): no es el termo.
2. Cortar la electricidad del termo (o poner el calentador de gas en posición piloto o apagado), cerrar la entrada de agua fría y abrir un grifo de caliente para quitar la presión.
3. Vaciar parte del agua por la llave de vaciado y desenroscar el ánodo (según modelo, por arriba o bajo la tapa de la resistencia).
4. Si está muy gastado o se ve el alma de acero, cambiarlo. Si el problema es el olor, poner un ánodo de aluminio-zinc o un ánodo electrónico (de corriente impresa) compatible con el termo.
5. Desinfectar el depósito según el fabricante (por ejemplo con agua oxigenada o cloro en la dosis indicada), vaciar y aclarar bien.
6. Llenar el termo por completo, con un grifo de caliente abierto hasta que salga agua sin aire, y solo entonces conectar la electricidad.
7. Revisar el ánodo cada 1–2 años, o más a menudo con agua dura o agresiva.
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
'Calentador o caldera de gas: piloto que se apaga, olor a gas y seguridad',
'En los aparatos de gas con piloto, el termopar (o termopila) mantiene abierta la válvula de gas solo mientras la llama del piloto lo calienta. Si el piloto se apaga, la válvula corta el gas. Las causas habituales son piloto sucio, termopar gastado, corrientes de aire o falta de tiro. Cualquier trabajo en la parte de gas debe hacerlo un técnico de gas autorizado.',
'El piloto no enciende o se apaga al soltar el botón; llama amarilla o anaranjada en vez de azul; hollín; olor a gas.',
'1. Si huele a gas: no encender nada, no accionar interruptores, ventilar, cerrar la llave del gas si se puede sin riesgo, salir y llamar desde fuera a la compañía de gas o al 112. No intentar encender el piloto.
2. Sin olor a gas: seguir exactamente las instrucciones de encendido de la etiqueta del aparato. Si no prende, esperar unos 5 minutos con el gas cerrado antes de volver a intentarlo, para que se disipe el gas acumulado.
3. Si el piloto enciende pero se apaga al soltar el botón, lo más habitual es el termopar o un piloto sucio: lo revisa y sustituye un técnico de gas autorizado.
4. Llama amarilla, hollín o mareos y dolor de cabeza en la casa indican mala combustión y riesgo de monóxido de carbono: apagar el aparato, ventilar, salir si hay síntomas y llamar al técnico. Instalar un detector de monóxido de carbono.
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
3. Agua caliente: CPVC, PEX, multicapa o cobre. El PVC normal no sirve para agua caliente: se ablanda y se deforma.
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
5. Expansión: expandir el tubo con la herramienta, meter el accesorio y dejar que el tubo recupere.
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
6. Limpiar el sobrante y respetar el tiempo de secado del fabricante antes de poner en presión (depende de la temperatura y del diámetro).
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
-- Example questions: how plumbers ask for each article above (regional words, with and without accents).
-- kb_seed_examples(slug, questions): adds them; example questions staff added are kept.
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_examples('grifo-monomando-cartucho', ARRAY[
'el monomando de la cocina gotea aunque lo cierre bien',
'¿qué cartucho compro para un grifo monomando, de 35 o de 40?',
'la maneta del monomando va muy dura y no mezcla bien',
'sale agua por debajo de la palanca de la mezcladora del lavabo',
'como desarmo una canilla monocomando para cambiarle el cartucho'
]);

SELECT kb_seed_examples('grifo-bicomando-zapata', ARRAY[
'el grifo de dos llaves de la bañera gotea por el caño',
'como cambio la zapata de un grifo antiguo',
'la llave del agua fria del lavadero no cierra del todo, ¿es la goma?',
'cambiar el cuerito de la canilla que gotea',
'montura cerámica o de goma, ¿cuál pongo en el grifo de dos manetas?'
]);

SELECT kb_seed_examples('cisterna-pierde-agua', ARRAY[
'el tanque del inodoro se rellena solo cada rato',
'corre un hilito de agua en la taza todo el día',
'el agua de la cisterna se va por el tubo del rebosadero',
'¿cómo hago la prueba del colorante en la cisterna?',
'se escapa agua del estanque al wc, cambio el sapo?'
]);

SELECT kb_seed_examples('inodoro-junta-cera', ARRAY[
'sale agua sucia por la base del váter al descargar',
'el inodoro se mueve y huele a cloaca',
'como cambio el anillo de cera de la taza',
'hay una mancha en el techo de abajo justo debajo del wc',
'la junta del manguetón del inodoro pierde'
]);

SELECT kb_seed_examples('inodoro-atascado', ARRAY[
'se tapó la taza del baño con toallitas húmedas',
'el water no traga y el agua sube al tirar de la cadena',
'que sonda uso para desatascar un inodoro sin rayarlo',
'el chupón no destapa el inodoro, ¿qué más hago?',
'mi hijo tiró un juguete al wc y ahora no baja el agua'
]);

SELECT kb_seed_examples('fregadero-atascado-sifon', ARRAY[
'la pileta de la cocina no desagota',
'la tarja tiene grasa y no baja el agua',
'¿cómo desmonto el sifón del lavamanos para limpiarlo?',
'el lavamanos tarda mucho en vaciarse por los pelos',
'desatascador de ventosa en fregadero doble, como se usa'
]);

SELECT kb_seed_examples('pendiente-desague', ARRAY[
'que caída le doy a un tubo de desagüe de 110',
'cuantos centimetros por metro de pendiente lleva un desague',
'el desagüe tiene barriga y se queda el agua, ¿cómo lo nivelo?',
'pendiente minima de una tuberia de drenaje en porcentaje'
]);

SELECT kb_seed_examples('ventilacion-gorgoteo', ARRAY[
'el sumidero del baño huele a cloaca',
'borbotea la ducha cuando se vacía la bañera',
'se vacia el sifon del lavabo y sube el olor',
'¿hace falta respiradero en la bajante?',
'válvula de admisión de aire para el fregadero, ¿sirve?'
]);

SELECT kb_seed_examples('presion-agua-baja', ARRAY[
'sale muy poca agua en la ducha del segundo piso',
'toda la casa tiene poca presion desde hace unos dias',
'el agua caliente sale con menos fuerza que la fría',
'¿cómo sé si la falta de presión es de la red o de mi instalación?',
'tuberia de hierro galvanizado vieja, puede ser la poca presion?'
]);

SELECT kb_seed_examples('reductor-presion', ARRAY[
'la presión de la red llega a 6 bar, ¿qué hago?',
'revientan los latiguillos por exceso de presion',
'donde se instala la valvula reductora de presion',
'a cuanto regulo el reductor de presión de una vivienda',
'la válvula reguladora no baja la presión'
]);

SELECT kb_seed_examples('golpe-de-ariete', ARRAY[
'suena un golpe fuerte en las tuberías al cerrar la llave',
'cuando el lavavajillas carga agua retumba la tuberia',
'los tubos vibran y golpean la pared',
'como quito el golpe de ariete de la casa'
]);

SELECT kb_seed_examples('tuberias-congeladas', ARRAY[
'se heló el caño del patio y no sale agua',
'¿puedo usar soplete para descongelar una tubería?',
'como protejo del hielo la tuberia que va por fuera',
'tubo congelado y abombado, que hago antes de que se deshiele',
'la casa de campo va a estar vacía en invierno, ¿vacío la instalación?'
]);

SELECT kb_seed_examples('termo-valvula-seguridad', ARRAY[
'gotea el grupo de seguridad del termo eléctrico',
'la valvula de alivio del boiler tira agua',
'¿puedo poner un tapón en la válvula del termo que gotea?',
'a cuantos bar va tarada la valvula de seguridad de un termo',
'sale agua hirviendo por la valvula del calentador'
]);

SELECT kb_seed_examples('termo-anodo-olor', ARRAY[
'el agua caliente del termo huele a azufre',
'¿cuándo se cambia la barra de magnesio del calentador?',
'que anodo pongo para que no huela el agua caliente',
'el agua caliente sale con color óxido',
'ánodo electrónico en el termo, ¿sirve para el olor?'
]);

SELECT kb_seed_examples('termo-vaciado-sedimentos', ARRAY[
'como purgo el termo para sacarle la arena',
'el calentador de agua suena como si hirviera por dentro',
'vaciado anual del termo paso a paso',
'sale arenilla por los grifos de agua caliente',
'el termo tarda mucho más en calentar que antes'
]);

SELECT kb_seed_examples('calentador-gas-piloto', ARRAY[
'no prende el piloto del calefón',
'el termopar del calentador está malo, ¿lo cambio yo?',
'la llama del boiler de gas sale anaranjada',
'hay hollin en la campana del calentador',
'se apaga la llamita piloto del boiler cada rato'
]);

SELECT kb_seed_examples('soldadura-cobre', ARRAY[
'como se suelda cobre con estaño y soplete',
'la soldadura del tubo de cobre gotea, ¿la repaso?',
'no puedo soldar porque sigue saliendo agua por el tubo',
'que estaño uso para agua potable',
'como estaño un codo de cobre de 15'
]);

SELECT kb_seed_examples('elegir-pvc-cpvc-pex', ARRAY[
'¿sirve el pvc para agua caliente?',
'que es mejor para la casa, pex, multicapa o cobre',
'el tubo de pvc se deformó con el agua del calentador',
'con que tuberia hago la instalacion del baño nuevo',
'puedo usar tubo de desague para agua a presion?'
]);

SELECT kb_seed_examples('pex-reparacion', ARRAY[
'pinché un tubo multicapa con un clavo',
'como empalmo un tubo de pex que pierde',
'manguito de reparación para polietileno reticulado',
'gotea un racor de pex prensado',
'¿con qué corto el pex para que la unión no pierda?'
]);

SELECT kb_seed_examples('pvc-encolado', ARRAY[
'se despegó un empalme de pvc, ¿cómo lo pego bien?',
'cuanto tiempo espero para meter presion al pvc encolado',
'hace falta limpiador antes del pegamento de pvc?',
'que pegamento uso para cpvc'
]);

SELECT kb_seed_examples('sellado-roscas', ARRAY[
'pierde la rosca del racor aunque le puse teflón',
'teflon o cañamo para una rosca de hierro',
'¿para qué lado se enrolla la cinta de teflón?',
'que cinta uso para rosca de gas',
'pongo teflon en la tuerca del latiguillo?'
]);

SELECT kb_seed_examples('llave-de-paso-fuga', ARRAY[
'se rompió un tubo y se está inundando la cocina',
'donde esta la llave general del agua de un piso',
'reventó un latiguillo, ¿cómo corto el agua?',
'arreglo provisional para un tubo que pierde hasta que venga el fontanero',
'hay una mancha de humedad que crece en la pared'
]);

SELECT kb_seed_examples('atasco-general-retorno', ARRAY[
'al vaciar la lavadora sale agua por el plato de ducha',
'sube agua negra por el sumidero del patio',
'se tapó la bajante del edificio, ¿quién lo arregla?',
'la arqueta está llena y los baños no desaguan',
'válvula antirretorno para que no entre agua de la cloaca al sótano'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Safety rules. Patterns are compared without accents and in lower case (see schema.sql).
-- kb_seed_safety_rule(slug, description, patterns, requires, message, priority)
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_safety_rule(
'olor-a-gas',
'Olor o fuga de gas',
ARRAY['huele a gas', 'huele como a gas', 'olor a gas', 'olor de gas', 'olor al gas', 'oler a gas', 'olia a gas',
      'huelo (a )?gas', 'fuga de gas', 'fuga del gas', 'escape de gas', 'perdida de gas', 'se sale el gas',
      'sale gas', 'pierde gas', 'gas.{0,30}(huele|olor)', '(huele|olor).{0,30}\mgas\M', 'huele a butano', 'huele a propano'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (olor a gas): no accionar interruptores, enchufes ni timbres, no encender llamas ni cigarrillos. Abrir puertas y ventanas, cerrar la llave del gas si se puede hacer sin riesgo y salir del lugar. Desde fuera, llamar al teléfono de urgencias de la compañía de gas o al 112. No volver a entrar ni manipular el aparato hasta que lo revise un técnico de gas autorizado.',
100
);

SELECT kb_seed_safety_rule(
'monoxido-carbono',
'Monóxido de carbono o mala combustión',
ARRAY['monoxido', '\mco\M.{0,20}(detector|alarma)', '(detector|alarma).{0,20}\mco\M', 'llama amarilla', 'llama naranja',
      'llama anaranjada', 'hollin', 'mareo', 'mareado', 'dolor de cabeza', 'nauseas', 'sin tiro', 'no tira la chimenea',
      'revoco de humos', 'humo'],
ARRAY['calentador', 'caldera', 'gas', 'estufa', 'monoxido', 'piloto', 'llama', 'chimenea', 'humos', 'detector', 'alarma', 'termo', 'boiler'],
'AVISO DE SEGURIDAD (posible monóxido de carbono): apagar el aparato de gas, abrir puertas y ventanas y salir al aire libre. Si alguien tiene dolor de cabeza, mareo, náuseas o somnolencia, llamar al 112. No volver a usar el aparato hasta que lo revise un técnico de gas autorizado.',
90
);

SELECT kb_seed_safety_rule(
'agua-y-electricidad',
'Agua en contacto con electricidad',
ARRAY['enchufe', 'cuadro electrico', 'cuadro de (la )?luz', 'caja de (la )?luz', 'instalacion electrica',
      'aparato electrico', 'cable electrico', 'corriente electrica', '(da|dio|daba|pasa|hay) corriente',
      'calambre', 'descarga electrica', 'electrocut', '\mcables?\M', 'toma de corriente', 'interruptor',
      'diferencial', 'tomacorriente'],
ARRAY['agua', 'moja', 'inund', 'fuga', 'gotea', 'goteo', 'charco', 'humedad', 'grifo', 'ducha', 'tuberia', 'tubo',
      'termo', 'calentador', 'lavadora', 'banera', 'fregadero', 'sumidero', 'canilla'],
'AVISO DE SEGURIDAD (agua y electricidad): no tocar aparatos, cables ni enchufes mojados y no pisar el agua. Cortar la corriente desde el cuadro general solo si se puede llegar a él sin mojarse; si no, mantenerse alejado y llamar a un electricista o al 112. No trabajar en la fontanería de esa zona hasta que la electricidad esté cortada y comprobada.',
80
);

SELECT kb_seed_safety_rule(
'aguas-residuales',
'Retorno o desbordamiento de aguas residuales',
ARRAY['aguas? (negras|fecales|residuales)', '\mheces\M', 'excrement', '\mcaca\M', 'reflujo', 'retorno de agua',
      'revoca el desague', 'alcantarilla.{0,30}(sube|sale|rebosa|desborda)', '(sube|sale|rebosa|desborda).{0,30}alcantarilla',
      '(sale|sube|salen|suben|brota|rebosa)\w*.{0,40}(sumidero|desague|ducha|banera|plato).{0,40}(cadena|inodoro|vater|wc|lavadora)',
      '(cadena|inodoro|vater|wc).{0,60}(sale|sube|salen|suben|brota|rebosa)\w*.{0,40}(sumidero|desague|ducha|banera|plato|suelo)'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (aguas residuales): no usar los aparatos sanitarios ni tirar de la cadena hasta resolverlo. Mantener alejados a niños y animales, usar guantes, botas y gafas, y no tocar el agua sucia con las manos desnudas. Si el agua sucia alcanza enchufes o aparatos eléctricos, cortar la corriente desde el cuadro sin pisar el agua. Después, limpiar y desinfectar todo lo que haya tocado el agua.',
60
);

SELECT kb_seed_safety_rule(
'agua-hirviendo',
'Agua hirviendo, vapor o riesgo de quemaduras',
ARRAY['vapor', 'hirviendo', 'hierve', 'quemadura', 'me queme', 'se quemo', 'escald', 'ardiendo', 'demasiado caliente',
      'muy caliente', '\mquema\M', '\mme quema\M'],
ARRAY['agua', 'grifo', 'termo', 'calentador', 'caldera', 'ducha', 'valvula', 'boiler', 'deposito', 'tuberia'],
'AVISO DE SEGURIDAD (agua muy caliente o vapor): mantenerse alejado del chorro y no abrir grifos de agua caliente. Cortar la electricidad o el gas del termo o calentador y dejar que se enfríe. No tapar nunca la válvula de seguridad. Si alguien se ha quemado, enfriar la zona con agua templada durante unos 20 minutos y buscar atención médica si la quemadura es grande.',
50
);

SELECT kb_seed_safety_rule(
'amianto',
'Tuberías o bajantes de fibrocemento (posible amianto)',
ARRAY['amianto', 'asbesto', 'uralita', 'fibrocemento'],
ARRAY[]::text[],
'AVISO DE SEGURIDAD (posible amianto): las bajantes, depósitos y tuberías antiguas de fibrocemento pueden contener amianto. No cortar, taladrar, lijar ni romper esas piezas. Su retirada debe hacerla una empresa autorizada para trabajos con amianto.',
40
);
