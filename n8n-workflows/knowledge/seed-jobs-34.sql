-- Remedios knowledge base: articles for residential jobs the base still lacked at stop 34 (bench/quality/JOBS-34.md),
-- found on the tuning set eval/dev-jobs-11.jsonl (written before its author read the article list) and on the jobs
-- bench/quality/JOBS-33.md left: the size, distance and outlet of a drain's vent pipe; the size of a pump's pressure
-- tank; pipes through walls and slabs or embedded in concrete; heating cable on pipes; rainwater into the foul drain;
-- a wall-hung WC on its frame; the distance between gas pipes and water pipes; the size of a house's storage tank; and
-- a gas heater's flue (its duct, spillage, the draught sensor, a carbon-monoxide detector). A gas heater in a bathroom
-- or without ventilation and a smell of gas stay with their older articles (gas-rejillas-ventilacion,
-- calentador-gas-piloto); the first gets example questions here (bench/quality/JOBS-34.md, "The gas articles").
-- Applied after seed-jobs-33.sql, on every start. Idempotent: upsert by slug; kb_seed_article never overwrites an
-- article staff have edited, and kb_seed_examples only adds example questions that are missing. Each was measured on
-- every tuning set (bench/quality/steal_moves.py) so that it takes no question of an older neighbour (its "not this
-- article if…" rows at the end name them).
--
-- Written from general trade knowledge by the Remedios technical team. Figures are given only where they are general
-- and as a guide; the manufacturer's instructions and local regulations (in Spain the CTE DB HS 4 / HS 5, the REBT, the
-- RITE and the gas regulations UNE 60670; elsewhere the local plumbing, electrical and gas codes) take precedence.
--
-- kb_seed_article(slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, source, keywords)
-- kb_seed_examples(slug, ARRAY[questions as plumbers type them])

SELECT kb_seed_article(
'ventilacion-desague-dimensionar',
'Tubo de ventilación o venteo: qué medida lleva, hasta dónde puede alejarse un sifón sin ventilar y cuánto sobresale de la cubierta',
'Cada desagüe necesita aire detrás del agua que baja: sin ventilación, la descarga de un aparato aspira el agua de los sifones de los demás (sifonamiento) y entra el olor de la red. La bajante se prolonga por encima de la cubierta (ventilación primaria); un aparato lejos de la bajante, o un edificio alto, lleva en su ramal un tubo de ventilación propio (secundaria o terciaria) o una válvula de aireación.',
'Obra nueva o reforma en la que hay que decidir el diámetro del tubo de ventilación, hasta dónde puede ir el aparato sin ventilar o a qué altura sale por el tejado; un baño que se hizo sin ventilación; el arquitecto o el inspector piden ventilar un ramal.',
'1. Ventilación primaria: prolongar la bajante con su mismo diámetro, sin reducirla, por encima de la cubierta (orientativo: 1,3 m en cubierta no transitable y 2 m en transitable, en España CTE DB HS 5), con sombrerete, a varios metros de ventanas y tomas de aire o por encima de ellas.
2. Distancia sifón - bajante o tubo ventilado (orientativo): lavabo y bidé de 32-40 mm hasta 1,5-2 m; fregadero y ducha de 40-50 mm hasta 2-2,5 m; bote sifónico a bajante hasta 2 m; inodoro de 100-110 mm hasta 1 m de su manguetón. Más lejos, o con mucha caída, ventilar el ramal.
3. Diámetro del tubo de ventilación de un ramal o aparato: al menos la mitad del desagüe que ventila y nunca menos de 32-40 mm (muchos códigos americanos: 1 1/4" (32 mm) como mínimo); el de una bajante, el de la bajante.
4. Conectar la ventilación por encima del sifón, subiendo (nunca en horizontal por debajo del rebose del aparato), con caída hacia el desagüe para que escurra la condensación.
5. Donde no se puede salir a la cubierta, una válvula de aireación (de admisión de aire, tipo Maxivent) en el ramal o en la bajante: por encima del sifón que protege, accesible y en un sitio ventilado; al menos una bajante del edificio sigue saliendo al exterior: la válvula deja entrar aire pero no salir la presión de la red.
6. Comprobar: llenar un lavabo y la bañera y vaciarlos a la vez, y descargar el inodoro; ningún sifón debe gorgotear ni quedarse sin agua.',
'En la cubierta, trabajo en altura: arnés o línea de vida. No cortar forjados ni vigas para pasar la ventilación sin el visto bueno del técnico de la obra.',
'Tubo y accesorios de PVC de saneamiento, sombrerete, válvula de aireación, nivel, metro, sierra de calar o corona.',
'Edificios de varias plantas (ventilación secundaria), cambios en la cubierta o dudas de normativa: proyectista o instalador autorizado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'tubo de ventilacion, ventilacion primaria, ventilacion secundaria, ventilacion del ramal, tubo de venteo, sombrerete, sifonamiento, venteo, respiradero'
);
SELECT kb_seed_examples('ventilacion-desague-dimensionar', ARRAY[
'de qué medida pongo el tubo de ventilación del baño nuevo',
'hasta cuántos metros puede estar el fregadero de la bajante sin ventilar',
'a qué altura tiene que salir el tubo de ventilación por encima del tejado',
'el respiradero de 2 pulgadas alcanza para el baño y la cocina',
'puedo hacer el baño sin sacar la ventilación arriba'
]);

SELECT kb_seed_article(
'calderin-tamano',
'De cuántos litros poner el calderín o tanque hidroneumático de la bomba: volumen, arranques por hora y bombas con variador',
'El calderín (tanque hidroneumático, tanque de presión) guarda agua a presión para que la bomba no arranque con cada grifo. Si es pequeño para el caudal de la bomba, la bomba arranca y para muchas veces por hora y el motor y el presostato se gastan; el agua útil que da entre la parada y el arranque es solo una parte de sus litros (aproximadamente una cuarta o una tercera parte con presiones de vivienda).',
'Hay que comprar el calderín de una bomba nueva o cambiar uno picado; la bomba arranca muy a menudo aunque la precarga esté bien; se duda si una bomba con variador de frecuencia necesita calderín.',
'1. Saber el caudal de la bomba en el punto de trabajo (litros por minuto) y cuántos arranques por hora admite el motor (ficha del fabricante; orientativo 15-20 en motores pequeños, menos en grandes).
2. Agua útil necesaria (orientativo): la que da la bomba en 1 minuto de marcha, o más si admite pocos arranques. Ejemplo: 40 L/min → unos 40 L de agua útil.
3. Volumen del calderín = agua útil ÷ fracción útil. Con arranque a 2 bar y paro a 3,5 bar la fracción útil ronda 0,3: 40 L ÷ 0,3 ≈ 130 L. Tablas del fabricante del calderín dan la fracción para cada pareja de presiones.
4. Orientativo de vivienda: 24-50 L para un piso o una casa pequeña con bomba de 0,5-0,75 CV; 50-100 L para una casa con dos baños y bomba de 1 CV; pozos y riego, más. Dos calderines en paralelo suman sus litros.
5. Precarga de aire, con el calderín vacío de agua y la bomba parada: 0,2-0,3 bar (3-4 psi) por debajo de la presión de arranque (arranque a 2 bar → unos 1,7-1,8 bar).
6. Bomba con variador de frecuencia: basta un vaso pequeño (orientativo 8-24 L) precargado a lo que diga el variador (a menudo un 60-70 % de la presión de consigna): evita que arranque por una fuga pequeña o por un grifo de un segundo.',
'El calderín está a presión: antes de aflojar nada, parar la bomba y abrir un grifo hasta que baje a 0. No inflar por encima de la presión máxima de su placa. Un calderín oxidado, abollado o hinchado se cambia, no se repara.',
'Manómetro de neumáticos, inflador o compresor, llave de tubo, cinta de teflón, ficha de la bomba y del calderín.',
'Grupos de presión de edificios, varias bombas o riego grande: instalador o empresa de bombas, con el cálculo del fabricante.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'tamano del calderin, capacidad del calderin, litros del calderin, volumen del calderin, tamano del tanque hidroneumatico, litros del hidroneumatico, tamano del tanque de presion, tanque precargado, variador de frecuencia, bomba con variador, arranques por hora'
);
SELECT kb_seed_examples('calderin-tamano', ARRAY[
'cuántos litros de calderín le pongo a una bomba de 1 cv para toda la casa',
'el tanque hidroneumático de 24 litros se queda chico para mi bomba',
'qué capacidad de tanque de presión necesita una bomba de pozo de 60 litros por minuto',
'una bomba con variador lleva calderín o no hace falta',
'mejor un calderín de 100 litros o dos de 50'
]);

SELECT kb_seed_article(
'tuberia-pasamuros-empotrada',
'Tubería que atraviesa un muro, una losa o un forjado, o que va empotrada en hormigón o mortero: pasamuros, funda y protección',
'Un tubo metido a pelo en la obra no puede dilatar, se daña con el movimiento del edificio y, en cobre, lo atacan el yeso, el cemento fresco y la humedad con sales; sin funda tampoco se puede cambiar. Donde atraviesa un muro de fachada o una losa, el hueco tiene que quedar sellado contra el agua (y contra el fuego entre sectores) sin apretar el tubo.',
'Hay que pasar el agua o el desagüe a través de un muro, una fachada, una losa o un forjado; se duda si el cobre, el PEX, el PPR u otro tubo plástico pueden ir sin nada dentro del hormigón o del mortero; entra agua por el hueco del tubo en la fachada; un tubo de cobre empotrado aparece picado.',
'1. Paso por muro, losa o forjado: dejar un pasamuros o camisa (un tubo uno o dos diámetros mayor) antes de hormigonar, o abrir el hueco con corona; en elementos estructurales (vigas, pilares, losas) solo con el visto bueno del técnico de la obra: no cortar armaduras.
2. Centrar el tubo en la camisa y rellenar el espacio con material elástico (masilla de poliuretano, espuma con sellador o manguito de goma), nunca con mortero que lo aprisione.
3. Fachada o cubierta: pasamuros estanco o sellado exterior con masilla y un poco de caída hacia fuera; entre sectores de incendio, collarín o sellador intumescente (obligatorio en tubos de plástico).
4. Empotrado en hormigón o mortero: el cobre con funda (tubo preaislado o vaina corrugada), nunca en contacto con yeso; los tubos plásticos flexibles (PEX y de capas) dentro de tubo corrugado (permite cambiarlo y dilatar); el PPR admite empotrarse directo en frío, en caliente mejor con coquilla. El agua caliente siempre con aislamiento.
5. Evitar uniones dentro de la obra; si hace falta alguna, que sea de las que el fabricante permite empotrar (prensar, soldar, termofusión), nunca rosca, compresión ni racor rápido.
6. Antes de tapar: prueba de presión, foto con medidas del recorrido y recorridos rectos, verticales u horizontales, para no taladrarlo después.',
'Antes de perforar una losa, un muro de carga o una viga: permiso del técnico de la obra y detector de cables y tubos. Corona y martillo: gafas, protección auditiva y mascarilla contra el polvo de sílice.',
'Camisa o pasamuros del diámetro, vaina corrugada o tubo preaislado, masilla de poliuretano, collarín intumescente, taladro con corona, detector.',
'Pasos por estructura, juntas de dilatación del edificio o sectores de incendio: técnico de la obra o instalador autorizado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'pasamuros, pasatubos, camisa, funda, vaina, vaina corrugada, tubo corrugado, empotrar, empotrada, embutido, embutida, atravesar muro, atravesar losa, atravesar forjado, hormigon, mortero, losa, forjado'
);
SELECT kb_seed_examples('tuberia-pasamuros-empotrada', ARRAY[
'se puede meter el tubo de cobre dentro del hormigón sin funda',
'qué le pongo al tubo que pasa por la losa para que no se rompa',
'por el hueco del tubo de la fachada entra agua cuando llueve, cómo lo sello',
'el tubo de pex empotrado en el suelo va con corrugado o directo',
'tengo que atravesar un muro de 30 cm con el tubo de desagüe, le dejo camisa'
]);

SELECT kb_seed_article(
'cable-calefactor-tuberia',
'Cable calefactor o cinta calefactora en tuberías contra heladas: autorregulable o de potencia fija, montaje bajo el aislante y protección',
'Un cable calefactor mantiene por encima de 0 °C un tubo que va por el exterior, un sótano o un local sin calefacción. El autorregulable sube o baja su potencia solo con la temperatura y se puede cortar a medida; el de potencia fija calienta siempre igual, tiene longitud fija y necesita termostato. Solo protege si va pegado al tubo y debajo del aislante.',
'Tubería o contador en el exterior, en una terraza, un pozo o una casa de campo que se hiela en invierno; se pregunta qué cable comprar, cómo ponerlo, si va enrollado o recto y cuánto gasta.',
'1. Elegir: autorregulable para casi todo (se puede cruzar y cortar; en tubo de plástico, el de baja potencia que admita plástico); de potencia fija solo con su longitud exacta, sin cruzarse nunca ni cortarse, y con termostato.
2. Potencia orientativa: 10-20 W por metro según el diámetro, el aislamiento y el frío del lugar (tablas del fabricante). Gasta solo cuando hace frío: 10 m a 15 W son 150 W mientras funciona.
3. Tender el cable recto a lo largo de la parte baja del tubo (a las 4 o las 8 de un reloj), sujeto con cinta de aluminio o bridas cada 30 cm; en espiral solo si el fabricante pide más metros por metro de tubo, y con un lazo extra en llaves, contadores y bridas.
4. En tubo de plástico, primero cinta de aluminio a lo largo del tubo y el cable encima, para repartir el calor.
5. Aislar por encima con coquilla del espesor adecuado (el cable siempre debajo del aislante) y proteger la coquilla del sol y la lluvia; señalizar "cable calefactor" cada pocos metros.
6. Conexión eléctrica: kit de conexión y de final del fabricante, enchufe o caja estanca exterior, diferencial de 30 mA y malla de tierra conectada; termostato de ambiente (enciende a unos +3/+5 °C) en los de potencia fija y recomendable en los autorregulables para ahorrar.',
'Es un aparato eléctrico en un lugar húmedo: diferencial de 30 mA, tierra y cajas estancas; la conexión al cuadro la hace un electricista. No cruzar ni cortar un cable de potencia fija, no taparlo sin aislante de por medio en plásticos ni ponerlo encima de la coquilla.',
'Cable calefactor y su kit de conexión y final, cinta de aluminio, bridas, coquilla, termostato, etiquetas.',
'Instalaciones largas, depósitos o bajantes, o conexión al cuadro eléctrico: electricista o instalador del fabricante.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'cable calefactor, cable calefactante, cinta calefactora, cinta termica, cable de calor, cable autorregulable, autorregulable, traceado electrico, calefactor de tuberia'
);
SELECT kb_seed_examples('cable-calefactor-tuberia', ARRAY[
'qué cable calefactor compro para la tubería del jardín que se hiela',
'la cinta calefactora va por encima o por debajo de la coquilla',
'cuánta luz gasta un cable calefactor de 10 metros en la tubería',
'se puede poner cinta térmica en un tubo de polietileno',
'el cable de calor de la tubería de fuera tiene que llevar termostato'
]);

SELECT kb_seed_article(
'pluviales-red-separativa',
'Aguas pluviales a la red de saneamiento: cuándo se pueden juntar con las fecales, red separativa o unitaria y cierre hidráulico',
'El agua de lluvia de tejados y azoteas llega toda a la vez y en mucha cantidad. Si va al mismo tubo que los inodoros sin haberlo calculado, en un chaparrón el colector se llena y el agua sucia sube por los sumideros y las duchas más bajas; y si el municipio tiene red separativa, mezclarlas está prohibido porque manda agua de lluvia a la depuradora. Donde se permite (red unitaria), se juntan al final y con un cierre hidráulico para que los olores no salgan por los canalones.',
'Se quiere conectar una bajante de pluviales o un canalón al desagüe de la casa o a una arqueta; cuando llueve fuerte se regresa el agua por una coladera o una ducha; olor a alcantarilla por los sumideros o los canalones; el ayuntamiento o la compañía de agua pide separar las redes.',
'1. Preguntar en el ayuntamiento o la compañía de agua cómo es la red de la calle: separativa (un tubo para lluvia y otro para fecales) o unitaria (uno solo). En muchas ciudades de Latinoamérica las pluviales van a la calle, al cordón o a un pozo de absorción, nunca a la cloaca o al drenaje sanitario.
2. Red separativa: llevar las pluviales por su propio colector hasta la acometida de pluviales, a la calle, a un pozo de absorción en el terreno o a un depósito de aprovechamiento; nunca a una arqueta de fecales.
3. Red unitaria: juntarlas lo más abajo posible, en la arqueta general, con un cierre hidráulico (arqueta sifónica o sifón) entre las pluviales y el resto, para que el olor del colector no salga por los canalones y sumideros.
4. Dimensionar el colector común para la lluvia (superficie de cubierta e intensidad de lluvia de la zona, tablas de la norma): uno de 110 mm para fecales suele quedarse corto al sumar un tejado grande.
5. Si el agua sucia sube por los sumideros al llover: separar las pluviales de ese ramal o poner válvula antirretorno en los aparatos por debajo de la calle.
6. Registros accesibles donde se juntan y en cada cambio de dirección.',
'No bajar a arquetas ni pozos de registro hondos: gases de la red (falta de oxígeno, ácido sulfhídrico). Trabajo en tejados: arnés.',
'Tubo de PVC de saneamiento, arqueta sifónica o sifón registrable, válvula antirretorno, nivel, plano de la red.',
'Conexión a la red municipal, cálculo del colector o permisos: instalador autorizado o técnico municipal.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'pluviales, aguas pluviales, agua de lluvia, aguas lluvias, bajante de pluviales, red separativa, red unitaria, cierre hidraulico'
);
SELECT kb_seed_examples('pluviales-red-separativa', ARRAY[
'se puede tirar el agua del tejado al mismo tubo que el váter',
'la bajante del canalón va a la arqueta de aguas negras, está bien',
'cuando llueve fuerte brota agua por la coladera del baño de abajo',
'hay que separar las pluviales de las fecales, cómo se hace',
'el agua de lluvia del patio puede ir a la cloaca'
]);

SELECT kb_seed_article(
'inodoro-suspendido-bastidor',
'Inodoro suspendido (colgado de la pared) con bastidor y cisterna empotrada: montar el bastidor, altura de la taza y fijación',
'El inodoro suspendido no apoya en el suelo: cuelga de dos varillas roscadas de un bastidor (estructura metálica) que lleva dentro la cisterna empotrada y el codo de desagüe. El bastidor tiene que ir anclado al suelo y a la pared (o a los montantes si es tabique de placa de yeso) para aguantar el peso de una persona con palanca; si se monta en un tabique débil o mal anclado, la taza se mueve o se agrieta.',
'Se va a montar un inodoro suspendido en obra nueva, en ladrillo o en tabique de placa de yeso (pladur, drywall); la taza colgada se mueve al sentarse; hay que saber la altura o el peso que aguanta.',
'1. Elegir el bastidor según la pared: autoportante (anclado al suelo y a la pared) para ladrillo hueco, tabiques ligeros o pared débil; para placa de yeso, el modelo con fijaciones a los montantes metálicos, reforzados con perfiles o travesaños.
2. Replantear: eje del inodoro; altura de la taza colocada unos 40-42 cm del suelo terminado (45-48 cm para personas mayores o baño adaptado), usando la marca de suelo terminado del bastidor; desagüe de 90-110 mm y toma de agua a la válvula de la cisterna.
3. Fijar las patas al suelo y los anclajes a la pared con los tacos del fabricante (químicos en ladrillo hueco); nivelar y aplomar. Aguantan orientativamente 400 kg si está bien anclado (EN 997).
4. Conectar la toma de agua (con llave) y el codo de desagüe; probar llenado, descargas y estanqueidad antes de cerrar.
5. Cerrar con doble placa (hidrófuga) o fábrica y alicatar; cortar las varillas y el codo a la medida de la plantilla.
6. Colgar la taza con su junta o manguito, las arandelas y las tuercas; apretar con la mano y media vuelta, sin forzar (la porcelana se raja). Si se mueve: reapretar las tuercas; si sigue, el bastidor está suelto: abrir por el hueco del pulsador o desmontar y anclar de nuevo.',
'No apretar de más las tuercas sobre la porcelana. Taladrar con detector (tubos y cables en la pared). La taza pesa: dos personas para colgarla.',
'Bastidor y kit de fijación, nivel, taladro, tacos químicos, llave de tubo, sierra para las varillas, silicona sanitaria.',
'Paredes que no aguantan, cambios de tabiquería o de desagüe en forjado: albañil o técnico de la obra.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'inodoro suspendido, wc suspendido, sanitario suspendido, taza suspendida, inodoro colgado, bastidor, estructura autoportante, autoportante, varillas roscadas, geberit, inodoro de pared'
);
SELECT kb_seed_examples('inodoro-suspendido-bastidor', ARRAY[
'cómo monto la estructura del wc suspendido en un tabique de yeso laminado',
'a cuántos centímetros del suelo va la taza del inodoro colgado',
'el váter suspendido baila un poco, está mal anclado',
'en pared de ladrillo hueco aguanta un inodoro suspendido o necesito bastidor autoportante',
'qué altura de suelo terminado marco en el bastidor del inodoro'
]);

SELECT kb_seed_article(
'gas-agua-separacion',
'Separación entre la tubería de gas y las de agua: recorridos paralelos, cruces y rozas compartidas',
'Las normas de gas piden separar su tubería de las demás instalaciones para que una avería de una no dañe la otra, para poder trabajar en cada una sin tocar la de gas y para que el tubo de gas no toque metales ni cables. El trazado y las distancias exactas los fija la norma de cada país y los hace un instalador de gas autorizado; el fontanero debe respetarlas cuando pasa el agua cerca.',
'Hay que pasar el agua, el desagüe o un cable junto a una tubería de gas existente, en la misma pared o la misma roza; se duda si el gas y el agua pueden ir juntos, cruzarse o ir empotrados.',
'1. No tocar ni mover la tubería de gas: si estorba, la desvía un instalador de gas autorizado.
2. Recorridos paralelos: dejar separación entre el tubo de gas y los de agua, desagüe o electricidad (orientativo en la norma española UNE 60670: 3 cm en paralelo y 1 cm en un cruce; otras normas piden más, consultar la local).
3. En los cruces, los tubos no deben tocarse; si no se puede dejar la distancia, interponer una protección aislante (vaina o pasatubos de material no conductor).
4. No compartir la misma roza ni la misma vaina el gas y el agua; el gas empotrado va en su vaina o trazado propio, según la norma, y nunca junto a un tubo de agua caliente sin separación.
5. No apoyar ni sujetar otras tuberías o cables en la tubería de gas, ni usarla como toma de tierra.
6. Dejar registrable todo lo que se haga cerca del gas y avisar al titular de la instalación de gas de cualquier cambio.',
'La tubería de gas solo la modifica un instalador de gas autorizado. Antes de taladrar o picar una pared con gas, localizarla con detector. Si huele a gas: no accionar interruptores, ventilar, cerrar la llave del gas, salir y llamar a la compañía de gas o al 112.',
'Detector de tubos y cables, metro, vainas o pasatubos aislantes, abrazaderas.',
'Cualquier cambio en la tubería de gas o dudas de distancias: instalador de gas autorizado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'separacion gas agua, separacion entre tuberias, cruce de tuberias, tuberias paralelas, misma roza, tuberia de gas junto al agua, gas y agua juntos'
);
SELECT kb_seed_examples('gas-agua-separacion', ARRAY[
'cuánto tiene que separarse el tubo de agua del tubo de gas en la pared de la cocina',
'puede ir la tubería del agua en la misma roza que la del gas',
'qué separación dejo entre la cañería de gas y el cable de la luz',
'el tubo de gas y el de agua se cruzan, tienen que tocarse o no',
'a qué distancia del gas paso la tubería de cobre nueva'
]);

SELECT kb_seed_article(
'deposito-reserva-capacidad',
'De cuántos litros poner el depósito de reserva, aljibe, cisterna o tinaco de una casa: consumo por persona y días de reserva',
'Un depósito de reserva guarda agua para los cortes o para cuando la red no da presión. Su tamaño sale de cuántas personas viven, cuánto gasta cada una al día y cuántos días tiene que durar; si es enorme y se renueva poco, el agua se estanca y pierde el cloro.',
'Hay que elegir la capacidad de una cisterna enterrada, un aljibe, un tinaco, un depósito de reserva o un tanque elevado para una casa o un local; cortes de agua frecuentes o tandeo.',
'1. Consumo por persona (orientativo): 150-200 litros al día en vivienda; menos con aparatos ahorradores, más con jardín o piscina.
2. Días de reserva: 1 día donde los cortes son raros; 2-3 días con cortes frecuentes o servicio por tandeo.
3. Capacidad = personas × consumo × días. Ejemplo: 5 personas × 150 L × 2 días = 1.500 L.
4. Con cisterna abajo y tinaco o depósito arriba (México y otros): el tinaco suele cubrir un día (1.100 L para 4-5 personas) y la cisterna 2-3 días; el elevado da la presión y la cisterna la reserva.
5. No sobredimensionar: el agua debe renovarse en pocos días. Tapa estanca, respiradero con malla, rebosadero y vaciado; limpieza y desinfección una vez al año.
6. En azoteas y techos, el peso: 1 litro pesa 1 kg; un tanque de 1.100 L lleno pesa más de una tonelada: base firme sobre muros o vigas, con el visto bueno del técnico si la losa es ligera.',
'Un depósito lleno pesa mucho: no subirlo a una losa o un tejado sin comprobar que aguanta. No entrar en cisternas enterradas sin ventilarlas y sin alguien fuera.',
'Metro, calculadora, ficha del depósito (litros útiles, medidas, peso lleno).',
'Edificios, locales con mucho consumo, reserva contra incendios o dudas de estructura: proyectista o técnico de la obra.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'capacidad del deposito, capacidad de la cisterna, capacidad del tinaco, litros del deposito, tamano del deposito, tamano de la cisterna, tanque de reserva, deposito de reserva, aljibe, tandeo, cortes de agua, consumo por persona'
);
SELECT kb_seed_examples('deposito-reserva-capacidad', ARRAY[
'de cuántos litros hago la cisterna para 4 personas',
'qué tamaño de depósito de reserva necesito si cortan el agua dos días',
'cuántos litros gasta una persona al día para calcular el tinaco',
'alcanza un tinaco de 1100 litros para 6 personas',
'qué capacidad tiene que tener el aljibe de una casa con cortes de agua'
]);

SELECT kb_seed_article(
'calentador-gas-conducto-humos',
'Conducto de salida de humos del calentador o calefón de gas: diámetro, tramo vertical, revoco de humos y detector de monóxido',
'Un calentador atmosférico saca los humos por tiro natural: el conducto tiene que ser del diámetro de su collarín, subir en vertical al salir del aparato y llegar al exterior sin reducciones, tramos bajando ni juntas abiertas. Si el tiro no basta, los humos vuelven al local (revoco): manchas negras sobre el cortatiro, olor a quemado y monóxido de carbono. El sensor antirrevoco corta el gas cuando pasa eso; puentearlo es jugarse la vida.',
'Manchas negras u hollín encima del aparato o en la pared junto a la salida; olor a humo o a quemado al ducharse; salta el sensor de tiro; conducto de humos de diámetro menor, aplastado, con codos o que baja; no se sabe qué diámetro o qué altura necesita la salida; dónde poner un detector de monóxido.',
'1. Si hay síntomas de monóxido (dolor de cabeza, mareo, náuseas) o manchas de revoco: apagar el aparato, ventilar, no usarlo y llamar a un técnico de gas autorizado.
2. Diámetro: el del collarín del aparato (a menudo 110-130 mm en calentadores de 11-14 L/min), sin reducir nunca; el material, el que indique el fabricante (aluminio o acero inoxidable; nunca flexible de plástico).
3. Tramo vertical al salir del cortatiro (orientativo al menos 20 cm) antes del primer codo; los tramos horizontales subiendo hacia fuera (un 3 % o más), cortos y con pocos codos, según el fabricante.
4. Salida al exterior o a un conducto colectivo autorizado, con deflector o sombrerete, lejos de ventanas; juntas encajadas en el sentido de los humos y bien sujetas.
5. Nunca anular, puentear ni tapar el sensor de tiro (antirrevoco): si salta, el problema es el conducto (obstruido, nido, hollín) o un extractor o una campana que roba el aire del local; y nunca poner un extractor en el local de un aparato atmosférico sin que lo valide el técnico.
6. Detector de monóxido homologado (EN 50291) en el local del aparato y cerca de los dormitorios, a la altura que diga su fabricante (a menudo a la altura de la cabeza y a 1-3 m del aparato), probarlo y cambiarlo cuando caduque. Un aparato estanco (de tiro forzado, con tubo concéntrico) evita el revoco y es la solución en baños y locales pequeños.',
'El monóxido de carbono no huele y mata. El conducto, el quemador y el sensor de tiro los revisa un técnico de gas autorizado. Nunca anular el sensor antirrevoco ni el termopar.',
'Linterna, espejo, metro, analizador de combustión y de monóxido (técnico), detector de monóxido homologado.',
'Manchas de revoco, sensor de tiro que salta, conductos colectivos o cambios de conducto: técnico de gas autorizado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'conducto de humos, salida de humos, tubo de humos, chimenea del calentador, tiro natural, revoco, revoco de humos, cortatiro, collarin, sensor de tiro, antirrevoco, detector de monoxido, monoxido de carbono, calentador estanco'
);
SELECT kb_seed_examples('calentador-gas-conducto-humos', ARRAY[
'qué diámetro tiene que tener el tubo de salida de humos del calefón',
'salen manchas negras en la pared encima del calentador de gas',
'el sensor de tiro del calentador corta al rato de encenderlo, se puede quitar',
'dónde pongo el detector de monóxido de carbono en la casa',
'el tubo de humos del calentador baja un poco antes de salir a la calle, está mal'
]);

-- ---------------------------------------------------------------------------------------------------------
-- A gas heater in a bathroom or a room without ventilation: its older article answers it (gas-rejillas-ventilacion says
-- why a room with a gas appliance needs its openings and names the carbon-monoxide detector), and the tuning sets label
-- it so; the article written for it at stop 33 took those questions (JOBS-33.md §3). Here that older article gets the
-- plumbers' ways of asking instead. (A smell of gas stays calentador-gas-piloto's, whose first step is what to do:
-- example questions for it there were measured and left out, they took six of that article's neighbours' questions
-- about a heater that goes out; bench/quality/JOBS-34.md, "The gas articles".)
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_examples('gas-rejillas-ventilacion', ARRAY[
'el calentador de gas atmosférico está instalado dentro del baño'
]);

-- ---------------------------------------------------------------------------------------------------------
-- "Not this article if the question says…" (kb_exclusions): the new articles' neighbours keep their questions.
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_exclusions('ventilacion-desague-dimensionar', ARRAY['gas', 'calentador', 'calefon', 'calefont', 'boiler',
                                                                   'caldera', 'rejilla', 'rejillas', 'humos'],
    'a gas appliance''s air or flue, not a drain''s vent: gas-rejillas-ventilacion, calentador-gas-conducto-humos');
SELECT kb_seed_exclusions('ventilacion-desague-dimensionar', ARRAY['gorgotea', 'gorgoteo', 'huele', 'olor', 'mal olor',
                                                                   'averiada', 'falla'],
    'a drain that gurgles or smells now, or an air admittance valve that fails: ventilacion-gorgoteo, valvula-aireacion-averiada');
SELECT kb_seed_exclusions('calderin-tamano', ARRAY['presion de aire', 'inflar', 'infla', 'inflo', 'precarga',
                                                   'pierde aire'],
    'the air pre-charge of the tank in place, not its size: hidroneumatico-precarga');
SELECT kb_seed_exclusions('calderin-tamano', ARRAY['termo', 'calentador', 'caldera', 'calefaccion', 'agua caliente'],
    'a water heater''s or a boiler''s expansion vessel: vaso-expansion-sanitario, caldera-presion-sube');
-- stop 36 (bench/quality/LAY-36.md): "cuánto cobra un fontanero por hora" met the title's "arranques por hora". Two
-- words each ("cobra" and "cobre" are one stem, cobr: a copper pipe alone must not push the article away).
SELECT kb_seed_exclusions('calderin-tamano', ARRAY['cobra por hora', 'precio por hora', 'tarifa', 'mano de obra',
                                                   'honorarios'],
    'what a plumber charges, not a pump''s starts per hour (no article)');
SELECT kb_seed_exclusions('tuberia-pasamuros-empotrada', ARRAY['fuga', 'gotea', 'poro', 'pinchazo', 'coquilla', 'helada',
                                                               'congela', 'condensacion', 'humedad', 'mancha'],
    'a leak, insulation, frost or damp: abrazadera-reparacion, aislar-tuberias-coquilla, humedad-techo-vecino');
SELECT kb_seed_exclusions('cable-calefactor-tuberia', ARRAY['descongelar', 'descongelo', 'soplete', 'secador', 'revento',
                                                            'reventado', 'reventó', 'antihielo', 'vaciar', 'vacio'],
    'a pipe already frozen or burst, an outdoor frost-free tap, draining the house: tuberias-congeladas, '
    'grifo-exterior-antihielo, vaciar-instalacion-invierno');
SELECT kb_seed_exclusions('pluviales-red-separativa', ARRAY['aprovechar', 'riego', 'regar', 'reutilizar', 'sotano',
                                                            'atascado', 'atascada', 'no traga', 'se sale por fuera',
                                                            'gotea'],
    'using rainwater, a basement''s backflow valve, a blocked gutter or floor drain: agua-lluvia-aprovechar, '
    'antirretorno-saneamiento, canalon-bajante-pluvial, sumidero-terraza');
SELECT kb_seed_exclusions('inodoro-suspendido-bastidor', ARRAY['pulsador', 'placa', 'no descarga', 'descarga poco',
                                                               'no llena', 'mecanismo', 'pierde agua'],
    'the concealed cistern''s flush or fill: cisterna-empotrada');
SELECT kb_seed_exclusions('gas-agua-separacion', ARRAY['huele', 'olor', 'fuga', 'escape', 'jabon', 'flexible', 'caducado',
                                                       'goma'],
    'a gas smell or leak, a gas hose: calentador-gas-piloto, gas-prueba-fugas-jabon, gas-tubo-flexible-caducado');
SELECT kb_seed_exclusions('deposito-reserva-capacidad', ARRAY['inodoro', 'wc', 'vater', 'descarga', 'termo',
                                                              'calentador', 'agua caliente', 'presion', 'no se llena',
                                                              'desborda', 'derrama', 'marron', 'oxido', 'turbia',
                                                              'sucia', 'limpiar', 'lavar', 'grieta', 'altura',
                                                              'flotador'],
    'a toilet''s cistern, a water heater''s size, pressure, a tank that fills badly, dirty water, cleaning, a crack, its '
    'height: cisterna-doble-descarga, termo-elegir-capacidad, presion-agua-baja, tinaco-no-se-llena, '
    'tinaco-limpiar-desinfectar, deposito-grieta-reparar, tinaco-instalar-altura');
SELECT kb_seed_exclusions('calentador-gas-conducto-humos', ARRAY['rejilla', 'rejillas', 'piloto', 'termopar', 'pilas',
                                                                 'chispa', 'no enciende', 'no prende', 'tibia', 'ruido',
                                                                 'pitido', 'silba', 'desague', 'ducha electrica'],
    'the room''s air vents, a pilot, an ignition, lukewarm water, a noise, a drain: gas-rejillas-ventilacion, '
    'calentador-gas-piloto, calentador-paso-no-enciende, calentador-paso-agua-tibia, calentador-paso-ruido');

-- (stop 34, second round: the words by which the new articles still took older questions on the tuning sets)
SELECT kb_seed_exclusions('ventilacion-desague-dimensionar', ARRAY['inodoro', 'wc', 'escusado', 'excusado', 'sanitario',
                                                                   'lavadora', 'lavadero', 'cloaca', 'alcantarilla',
                                                                   'alcantarillado', 'drenaje', 'se vacian', 'trampas',
                                                                   'para que sirve'],
    'a drain''s own size, a toilet''s outlet, a washing machine''s drain, a smell or traps that empty: '
    'desague-diametros-aparatos, inodoro-instalar-nuevo, lavadora-desague-rebosa, ventilacion-gorgoteo');
SELECT kb_seed_exclusions('gas-agua-separacion', ARRAY['inodoro', 'wc', 'sanitario', 'desague', 'ducha', 'regadera',
                                                       'breaker', 'corrientazo', 'corriente', 'conectar', 'conecto',
                                                       'instalador', 'autorizado', 'habilitado', 'matriculado',
                                                       'tankless', 'venteo'],
    'a toilet''s outlet, an electric shower, who may connect a gas appliance: inodoro-instalar-nuevo, ducha-electrica, '
    'gas-quien-puede-trabajar');
SELECT kb_seed_exclusions('deposito-reserva-capacidad', ARRAY['excusado', 'escusado', 'sanitario', 'taza', 'mochila',
                                                              'corriendo', 'corre', 'cargando', 'aire', 'vacia',
                                                              'sin fuerza', 'regadera', 'bomba', 'check', 'retencion'],
    'a toilet''s cistern that runs, air in the pipes, a tank that empties, a pump: cisterna-pierde-agua, '
    'cisterna-enterrada-bomba, bomba-pierde-cebado, presion-agua-baja');
SELECT kb_seed_exclusions('calderin-tamano', ARRAY['poca presion', 'no apaga', 'recalienta',
                                                   'arranca y para', 'golpe', 'reventaron', 'osmosis'],
    'low pressure, a pump that starts and stops or does not stop, water hammer: presion-agua-baja, bomba-ciclos-cortos, '
    'presurizador, golpe-de-ariete');
SELECT kb_seed_exclusions('inodoro-suspendido-bastidor', ARRAY['base', 'vase', 'cera', 'huele', 'olor', 'oler', 'lavadora',
                                                               'diametro'],
    'a floor toilet that leaks or smells at its base, a drain''s size: inodoro-junta-cera, desague-diametros-aparatos');
SELECT kb_seed_exclusions('pluviales-red-separativa', ARRAY['olor', 'huele', 'oler', 'tira olor', 'raices', 'destapa',
                                                            'regresan', 'regresa', 'sube', 'suben', 'desborda',
                                                            'sifon', 'bote'],
    'a drain''s smell, roots, sewage coming back, a trap: ventilacion-gorgoteo, colector-raices-camara, '
    'antirretorno-saneamiento, bote-sifonico');
SELECT kb_seed_exclusions('tuberia-pasamuros-empotrada', ARRAY['agujereado', 'agujeree', 'agujero', 'broca', 'taladre',
                                                               'taladrado', 'pico', 'picó', 'reparo', 'reparar', 'cople',
                                                               'coples', 'descarga', 'valvula'],
    'a pipe drilled or holed, a repair, a flush valve in the wall: pex-reparacion, abrazadera-reparacion, fluxometro');
SELECT kb_seed_exclusions('cable-calefactor-tuberia', ARRAY['termo', 'termotanque', 'calentador', 'resistencia', 'ducha'],
    'a water heater''s or an electric shower''s element: termo-electrico-no-calienta, ducha-electrica');
SELECT kb_seed_exclusions('calentador-gas-conducto-humos', ARRAY['apaga', 'se apaga', 'minutos', 'electrico', 'breaker',
                                                                 'cloaca', 'drenaje', 'bajante', 'capacidad', 'litros'],
    'a heater that goes out by itself, an electric heater, a drain, a heater''s size: calentador-paso-no-enciende, '
    'termo-electrico-no-calienta, termo-elegir-capacidad');
SELECT kb_seed_exclusions('ventilacion-desague-dimensionar', ARRAY['cespol', 'rompio', 'roto', 'sonda', 'guia', 'atasco',
                                                                   'atascado', 'desatasco', 'desatascos', 'maquina',
                                                                   'latiguillo', 'flexible', 'inundado'],
    'a trap, a drain rod or machine, a supply hose: fregadero-cambiar-sifon, sonda-desatascar, fregadero-fuga-latiguillos');
SELECT kb_seed_exclusions('deposito-reserva-capacidad', ARRAY['rebosadero', 'rebosa', 'rebose', 'rebalsa', 'no corta'],
    'a cistern or tank that overflows or does not shut off: cisterna-pierde-agua, tinaco-desborda');
SELECT kb_seed_exclusions('pluviales-red-separativa', ARRAY['llave de paso', 'cortar el agua', 'diametro', 'pulgadas',
                                                            'sucia', 'limpia', 'limpiar'],
    'a stop valve, a drain''s size, dirty water in a chamber: llave-paso-no-cierra, desague-diametros-aparatos, '
    'arqueta-registro, atasco-general-retorno');
SELECT kb_seed_exclusions('inodoro-suspendido-bastidor', ARRAY['desague', 'distancia'],
    'a toilet''s outlet and its distance to the wall: inodoro-instalar-nuevo');
SELECT kb_seed_exclusions('calentador-gas-conducto-humos', ARRAY['baño', 'tuberia', 'fria', 'sanitario', 'valvula'],
    'a gas heater in a bathroom (gas-rejillas-ventilacion), water pipes or a shower''s temperature: '
    'tuberia-alimentacion-diametros, ducha-cambia-temperatura');
SELECT kb_seed_exclusions('tuberia-pasamuros-empotrada', ARRAY['conviene', 'mejor', 'elegir', 'casa nueva'],
    'which pipe to choose: elegir-pvc-cpvc-pex');
SELECT kb_seed_exclusions('calderin-tamano', ARRAY['inodoro', 'wc', 'sanitario', 'descarga'],
    'a toilet cistern''s litres: cisterna-doble-descarga');
SELECT kb_seed_exclusions('deposito-reserva-capacidad', ARRAY['diametro', 'bajante', 'aguas negras'],
    'a drain''s size: desague-diametros-aparatos');
SELECT kb_seed_exclusions('calentador-gas-conducto-humos', ARRAY['olor a gas', 'huele a gas', 'garrafa', 'bombona'],
    'a smell of gas (not of smoke), a gas bottle: calentador-gas-piloto, gas-tubo-flexible-caducado');

-- (stop 35: a kitchen hood that does not draw is not a gas heater's flue; it was the browser feedback test's question
-- without an article, tests/integration/test_feedback_loop.py)
SELECT kb_seed_exclusions('calentador-gas-conducto-humos', ARRAY['campana chupa', 'campana aspira', 'campana jala',
                                                                 'campana succiona', 'extractor chupa', 'extractor aspira'],
    'a kitchen hood or extractor that does not draw (no article yet); a hood that trips the heater''s draught sensor '
    'stays the flue''s');
