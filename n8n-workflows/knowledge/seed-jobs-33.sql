-- Remedios knowledge base: articles for residential jobs the base still lacked at stop 33 (bench/quality/JOBS-33.md),
-- found on the tuning set eval/dev-jobs-10.jsonl (written before its author read the article list) and on the
-- questions of the older tuning sets labelled "no article": a heat-pump water heater, pipe clips and expansion, a tank
-- or built cistern that leaks through a crack, a borehole pump, freezing a pipe to work without draining it, and a
-- cooker's yellow or sooty gas flame. (A gas heater in a bathroom or without a flue, and a smell of gas, were written
-- and measured too and left out: the tuning sets label those questions with calentador-gas-piloto and
-- gas-rejillas-ventilacion, and the new articles took them; bench/quality/JOBS-33.md.)
-- Applied after seed-jobs-32.sql, on every start. Idempotent: upsert by slug; kb_seed_article never overwrites an
-- article staff have edited, and kb_seed_examples only adds example questions that are missing. Each was measured on
-- every tuning set (bench/quality/steal_moves.py) so that it takes no question of an older neighbour (its "not this
-- article if…" rows at the end name them).
--
-- Written from general trade knowledge by the Remedios technical team. Figures are given only where they are general
-- and as a guide; the manufacturer's instructions and local regulations (in Spain the CTE DB HS 4 / HS 5, the RITE and
-- the gas regulations; elsewhere the local plumbing and gas codes) take precedence.
--
-- kb_seed_article(slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, source, keywords)
-- kb_seed_examples(slug, ARRAY[questions as plumbers type them])

SELECT kb_seed_article(
'aerotermia-acs',
'Aerotermia para agua caliente (bomba de calor ACS): rendimiento en invierno, desagüe de condensados y filtro de aire',
'Un acumulador con bomba de calor toma el calor del aire con un compresor, como un aire acondicionado al revés: gasta tres o cuatro veces menos que una resistencia, pero calienta despacio, rinde menos con el aire frío y, por debajo de la temperatura mínima de su ficha, pasa a la resistencia de apoyo. Produce agua de condensación que hay que llevar a un desagüe con sifón.',
'Tarda horas en calentar o en invierno gasta como un eléctrico; la pantalla dice que trabaja con la resistencia; gotea agua por abajo o por el tubito de condensados; hace más ruido que antes o sopla aire muy frío; hielo en la rejilla.',
'1. Leer en la pantalla el modo (eco, auto, boost) y la temperatura de consigna: en eco y con 55 °C una carga completa tarda varias horas; es normal.
2. Mirar la temperatura del aire que aspira: por debajo del mínimo de su ficha (a menudo entre -5 y 5 °C) trabaja solo con la resistencia. Si está en un cuarto pequeño y cerrado, el aire se enfría: conductos al exterior o más volumen de aire, según el fabricante.
3. Limpiar el filtro de aire y la rejilla del evaporador (aspirador o agua templada) cada pocos meses: sucio, baja el rendimiento y hiela.
4. Condensados: el tubito del equipo a un desagüe con sifón o a una bajante, con pendiente continua y sin subir; si gotea por la carcasa, el tubo está tapado o doblado.
5. Una vez al año, como cualquier acumulador: probar el grupo de seguridad, revisar el ánodo y vaciar el fondo.
6. Si el compresor no arranca o da un código de error, anotar el código y llamar al servicio técnico de la marca.',
'Cortar la corriente antes de abrir la carcasa: el compresor y la resistencia van a la red. El circuito de gas refrigerante no lo toca el fontanero: solo un técnico frigorista habilitado.',
'Destornilladores, aspirador o cepillo suave, tubo de condensados con sifón, manómetro si hay vaso de expansión.',
'Códigos de error, compresor que no arranca, fugas de refrigerante o hielo que vuelve: servicio técnico o frigorista habilitado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'aerotermia, aerotermico, aerotermica, bomba de calor, bomba de calor acs, bomba de calor para agua caliente, acumulador aerotermico, compresor, evaporador, condensados, tubo de condensados, filtro de aire'
);
SELECT kb_seed_examples('aerotermia-acs', ARRAY[
'el equipo de aerotermia del agua caliente tarda toda la tarde en calentar y en invierno pone resistencia',
'por dónde saco el agua de condensación de la bomba de calor del acumulador',
'la bomba de calor del agua sanitaria hace hielo en la rejilla de arriba',
'cada cuánto se limpia el filtro de aire del termo aerotérmico',
'vale la pena poner aerotermia para el agua caliente de la casa en lugar del eléctrico'
]);

SELECT kb_seed_article(
'tuberia-soportes-dilatacion',
'Sujetar tuberías: distancia entre grapas o abrazaderas de sujeción, puntos fijos y dilatación (liras)',
'Una tubería mal sujeta cuelga, vibra, golpea y carga las uniones; una de plástico con agua caliente se alarga con el calor (el PPR y el PEX mucho más que el cobre) y, si no tiene por dónde, se comba o cruje. Se sujeta con grapas a la distancia que pide su material y diámetro, con puntos fijos y puntos que dejan deslizar, y los tramos largos calientes llevan liras o cambios de dirección que absorban la dilatación.',
'Tubería que cuelga o hace barriga entre grapas; tubos que crujen o chasquean al pasar el agua caliente; bajante que suena; tubería que vibra al abrir un grifo; uniones que gotean en tramos largos; hay que saber cada cuántos centímetros poner las grapas.',
'1. Distancias orientativas en horizontal (en vertical, algo más): cobre 15-18 mm cada 1,2 m, 22-28 mm cada 1,8 m; multicapa 16-20 mm cada 0,8-1 m; PEX cada 0,5 m o en canaleta; PPR 20-25 mm cada 0,6 m en frío y 0,4-0,5 m en caliente; PVC de desagüe unas 10 veces su diámetro (110 mm cada 1-1,1 m) y bajantes una grapa por planta y cada 1,5-2 m. Manda la tabla del fabricante.
2. Poner grapa a menos de unos 30 cm de cada codo, te, llave o aparato, y donde haya un peso (una llave, un contador).
3. Agua caliente en plástico: un punto fijo (grapa apretada) entre dos tramos y las demás grapas deslizantes, para que el tubo se mueva a lo largo.
4. Tramos rectos largos de agua caliente (más de unos 10 m en PPR): lira o compensador, o aprovechar un cambio de dirección con holgura.
5. Bajantes de PVC: la grapa fija bajo la copa de cada planta y dejar 1 cm de holgura dentro de la copa para la dilatación.
6. Grapas con goma en cobre y en tubos que vibran; nunca grapa de acero directa sobre cobre sin aislante.',
'Taladrar con cuidado de no tocar cables ni otras tuberías empotradas (detector). En altura, escalera o andamio firme.',
'Grapas o abrazaderas de sujeción del diámetro (con goma), tacos y tornillos, taladro, nivel, metro, detector de cables.',
'Redes de edificios o tramos largos de agua caliente sanitaria con retorno: instalador con el cálculo de dilatación.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'grapa, grapas, clips, soportes de tuberia, sujetar tuberia, sujecion de tuberias, abrazadera de sujecion, abrazadera isofonica, punto fijo, dilatacion, dilata, lira, compensador de dilatacion'
);
SELECT kb_seed_examples('tuberia-soportes-dilatacion', ARRAY[
'a qué distancia se fijan las grapas del tubo de cobre en horizontal',
'el tubo de pp-r del agua caliente se ha combado entre las grapas',
'la bajante cruje cuando bajan agua caliente de la lavadora, cómo la sujeto',
'cuántas abrazaderas necesita el tubo colgado del falso techo',
'hace falta lira en un tramo largo de agua caliente de polipropileno'
]);

SELECT kb_seed_article(
'deposito-grieta-reparar',
'Depósito, tinaco o cisterna de obra que pierde agua por una grieta o fisura: reparar o cambiar según el material',
'Un depósito de agua que se raja (polietileno por el sol, los golpes o una base desigual; obra de hormigón por asentamientos; fibra de vidrio por la edad) pierde agua y, si está enterrado, también puede dejar entrar agua sucia. Cada material se repara de una manera, y en agua potable solo con productos aptos para ella. Los viejos de fibrocemento llevan amianto: no se reparan, se cambian.',
'El nivel baja sin consumo; mancha o charco bajo el depósito o en la pared de la cisterna enterrada; grieta o poro visible; el agua de una cisterna enterrada sale con tierra.',
'1. Cerrar la entrada, vaciar el depósito por debajo de la grieta y dejarlo secar; localizar la fisura con buena luz.
2. Polietileno (tinaco de plástico): las colas y parches no aguantan; una grieta pequeña se suelda con aporte de polietileno (pistola de aire caliente o extrusora) por un técnico; con el fondo rajado o el plástico cuarteado por el sol, cambiar el depósito y nivelar la base.
3. Fibra de vidrio: lijar alrededor, parche de tela de fibra y resina apta para agua potable, dejar curar lo que diga el fabricante.
4. Obra (hormigón o bloque): abrir la fisura en V, limpiar, rellenar con mortero de reparación y dar por dentro un revestimiento impermeable cementoso apto para agua potable; grietas que se mueven, revisar la estructura.
5. Fibrocemento: no cortar, lijar ni taladrar (amianto); cambiarlo por uno nuevo con empresa autorizada.
6. Antes de volver a usarlo: lavar y desinfectar el depósito y no beber el agua hasta entonces si entró agua de fuera.',
'No entrar en una cisterna enterrada sin ventilarla y sin alguien fuera (falta de oxígeno, vapores de los productos). Depósitos en azoteas: cuidado con el peso y las caídas. Amianto: no manipular.',
'Linterna, cepillo, radial o rascador (obra), mortero de reparación y revestimiento apto para agua potable, tela de fibra y resina, equipo de soldadura de plástico.',
'Cisternas enterradas grandes, grietas estructurales, soldadura de polietileno o depósitos de fibrocemento: empresa especializada o autorizada.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'deposito rajado, tinaco rajado, tinaco roto, grieta en el deposito, fisura en el deposito, cisterna de obra, cisterna de concreto, impermeabilizar cisterna, parchar el tinaco, fibrocemento, uralita, eternit, amianto'
);
SELECT kb_seed_examples('deposito-grieta-reparar', ARRAY[
'el tinaco de plástico tiene una rajadura en el fondo y se sale el agua',
'cómo impermeabilizo por dentro una cisterna de hormigón que filtra',
'se puede pegar una grieta en un depósito de polietileno',
'el depósito de agua de la azotea es de uralita, hay que quitarlo',
'la cisterna enterrada tiene fisuras y se le mete agua de afuera'
]);

SELECT kb_seed_article(
'bomba-pozo-sumergible',
'Bomba sumergible de pozo o sondeo: da poco caudal, salta la protección o no para; y cómo elegirla por la profundidad',
'La bomba de un pozo profundo va colgada dentro del agua y sube el agua por un tubo hasta la casa. Si el nivel del pozo baja por debajo de la bomba, trabaja en seco y se calienta; si aspira arena, se gastan los rodetes; si el condensador o el cable fallan, no arranca o salta la protección; y si la altura que tiene que vencer es mayor que la de su curva, da poca agua.',
'Sale poca agua o con aire y arena; la protección térmica o el diferencial saltan; la bomba arranca y para o no para nunca; el agua sale turbia después de mucho rato bombeando.',
'1. Cortar la corriente en el cuadro antes de tocar nada: la bomba trabaja a 230 o 400 V dentro del agua.
2. Medir con la sonda de nivel el agua en reposo y bombeando (nivel dinámico): si baja hasta la bomba, reducir el caudal, bajar la bomba si el pozo lo permite y poner protección contra marcha en seco (sondas o relé).
3. En monofásicas, revisar el condensador de la caja de arranque; con pinza, comparar el consumo con la placa; medir el aislamiento del cable y el motor (megóhmetro).
4. Si no para: buscar fugas en el tubo de subida y la retención, y ajustar el presostato o el press-control.
5. Arena o caudal que baja con los años: subir la bomba (con trípode y cuerda, nunca tirando del cable) y revisar rodetes y filtro.
6. Para elegirla: altura total = profundidad del nivel dinámico + altura hasta la casa + presión deseada (1 bar = 10 m) + pérdidas; con el caudal necesario, buscar ese punto en su curva y el diámetro del pozo (3, 4 o 6 pulgadas).',
'Tensión de red dentro del agua: diferencial de 30 mA, tierra y corriente cortada antes de trabajar. La bomba y el tubo lleno pesan mucho: trípode, cuerda de seguridad y dos personas. No asomarse ni bajar a pozos abiertos.',
'Sonda de nivel, pinza amperimétrica, megóhmetro, trípode o polipasto, cuerda de acero inoxidable, manómetro.',
'Subir o bajar bombas de pozos profundos, cables o protecciones de motor: pocero o electricista / empresa de bombas.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'bomba de pozo, pozo profundo, bomba sumergible de pozo, bomba de sondeo, sondeo, perforacion, nivel dinamico, nivel del pozo, marcha en seco, bomba de 4 pulgadas, bomba de 3 pulgadas, cable de la bomba'
);
SELECT kb_seed_examples('bomba-pozo-sumergible', ARRAY[
'la bomba del pozo da cada vez menos agua y sale con arena',
'qué bomba sumergible necesito para un sondeo de 60 metros',
'salta el térmico de la bomba del pozo al rato de estar bombeando',
'cómo se sube la bomba sumergible del pozo para revisarla',
'la bomba del sondeo no para y la presión no sube'
]);

SELECT kb_seed_article(
'congelar-tuberia-kit',
'Tapón de hielo con kit de CO2 o eléctrico: trabajar en un tubo lleno sin vaciar la instalación',
'Un kit de congelación forma un tapón de hielo dentro del tubo, con una bombona o un spray de CO2 o con un equipo eléctrico de frío, y permite cambiar una llave o un tramo cuando no se puede cortar el agua del edificio o vaciar la instalación. Solo funciona con el agua quieta y en tubos del diámetro de sus cabezales.',
'Hay que cambiar una llave de paso o un tramo y la llave general no cierra o es del edificio; no se puede vaciar la calefacción o la montante; se pregunta cómo funciona el congelador de tuberías.',
'1. Elegir el kit: CO2 en bombonas pequeñas o spray para cobre o acero de 10-22 mm y trabajos cortos; eléctrico para diámetros mayores o trabajos largos. En tubo de plástico el hielo tarda más y aguanta menos: mirar si el fabricante lo permite.
2. Dejar el agua quieta: cerrar grifos aguas abajo, parar bombas, recirculación y calefacción. Con agua corriendo no se forma el tapón.
3. Elegir un tramo recto, limpio y a más de unos 30 cm del punto donde se va a soldar (el calor deshace el tapón), en el lado de la presión.
4. Colocar los cabezales o la manga, aislarlos y congelar el tiempo del fabricante según el diámetro (unos minutos en 15 mm, más en 28 mm); comprobar abriendo un poco aguas abajo que no pasa agua.
5. Trabajar rápido y con el equipo encendido todo el rato; no golpear ni doblar el tramo congelado.
6. Terminado, apagar y dejar que se deshiele solo, sin calor; abrir despacio y revisar las uniones.',
'El CO2 y el tubo congelado queman la piel: guantes y gafas. Con CO2 en un cuarto pequeño, ventilar. Un tapón puede salir disparado con mucha presión: no ponerse delante del tubo abierto. Nunca en tuberías de gas ni con anticongelante en el agua.',
'Kit de congelación (CO2 o eléctrico) con cabezales del diámetro, aislante, guantes, gafas, herramienta para la llave nueva.',
'Diámetros grandes, montantes de edificio o presiones altas: empresa con equipo eléctrico de congelación.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'tapon de hielo, kit de co2, spray de co2, cabezales de frio, equipo electrico de frio, tubo lleno'
);
SELECT kb_seed_examples('congelar-tuberia-kit', ARRAY[
'se puede congelar el tubo para cambiar la llave de paso sin cortar el agua de todo el edificio',
'cuánto tiempo hay que congelar un tubo de cobre de 22 con el spray de co2',
'el tapón de hielo no se forma con el kit de congelar, qué hago mal',
'sirve el congelador de tuberías en tubo de plástico',
'cambiar una llave de radiador congelando el tubo sin vaciar la calefacción'
]);

SELECT kb_seed_article(
'gas-llama-amarilla',
'Llama amarilla, baja o que deja hollín en la cocina de gas (fogón, hornalla): quemadores, inyectores y regulador',
'Una llama de gas sana es azul y firme. Amarilla, alta y sucia quiere decir que el gas quema con poco aire: quemadores sucios o mal colocados, inyector de otro gas, falta de ventilación o un aparato que necesita revisión; deja hollín y produce monóxido de carbono. Una llama muy baja suele ser el regulador o la bombona que se acaba.',
'Llama amarilla o anaranjada; ollas negras de hollín; llama pequeña que no sube; el regulador de la bombona silba o se escarcha; manchas negras en la pared encima de la cocina.',
'1. Ventilar y, si el aparato es un calentador o una estufa en un cuarto cerrado, dejar de usarlo hasta revisarlo (monóxido).
2. Cocina: quitar las tapas y coronas de los quemadores, limpiarlas con cepillo y agua con jabón, destapar los agujeros con una aguja (no agrandarlos), secar bien y volver a colocarlas asentadas.
3. Comprobar que los inyectores son del gas que se usa (butano, propano o natural): después de un cambio de gas, si no se cambiaron, la llama sale amarilla; el cambio lo hace el técnico de gas.
4. Llama baja con bombona: mirar si está casi vacía o helada; probar otra bombona; si sigue, cambiar el regulador y revisar el tubo flexible y su fecha.
5. Calentador o caldera con llama amarilla o hollín: no se limpia por dentro en casa; aviso al servicio técnico.
6. Revisar que las rejillas de ventilación del cuarto no estén tapadas.',
'La llama amarilla produce monóxido de carbono: ventilar y no usar calentadores o estufas en cuartos cerrados hasta revisarlos. Los inyectores, el quemador de un calentador y las conversiones de gas son del técnico de gas habilitado.',
'Cepillo, aguja fina, agua con jabón, trapo, regulador de recambio.',
'Llama amarilla en un calentador, una caldera o una estufa, o después de un cambio de gas: servicio técnico o instalador de gas habilitado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'llama amarilla, llama naranja, llama anaranjada, hollin, tizne, llama baja, llama debil, combustion, quemador sucio, inyector, inyectores, regulador de la bombona, regulador del cilindro'
);
SELECT kb_seed_examples('gas-llama-amarilla', ARRAY[
'la cocina de gas tiene la llama amarilla y tizna las cacerolas',
'el fogón da una llama muy baja aunque la bombona es nueva',
'por qué sale la llama naranja en los quemadores después de cambiar de butano a natural',
'el regulador del tanque de gas se escarcha y la hornalla casi no da fuego',
'la estufa de la cocina hace llama alta y amarilla y tizna la pared'
]);

-- ---------------------------------------------------------------------------------------------------------
-- The pipe-freezing kit's names, read as its own words (the ice plug): "congelar" stays the frozen-pipe article's
-- word (tuberias-congeladas), rarer there than if both articles had it in their titles.
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_synonym('kit de congelacion', 'tapon de hielo', 'the pipe-freezing kit: congelar-tuberia-kit');
SELECT kb_seed_synonym('kit para congelar', 'tapon de hielo', 'the pipe-freezing kit: congelar-tuberia-kit');
SELECT kb_seed_synonym('congelador de tuberias', 'tapon de hielo', 'the pipe-freezing kit: congelar-tuberia-kit');
SELECT kb_seed_synonym('congeladora de tubos', 'tapon de hielo', 'the pipe-freezing kit: congelar-tuberia-kit');
SELECT kb_seed_synonym('spray de congelacion', 'tapon de hielo', 'the pipe-freezing kit: congelar-tuberia-kit');

-- ---------------------------------------------------------------------------------------------------------
-- "Not this article if the question says…": the neighbours' own words
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_exclusions('aerotermia-acs', ARRAY['valvula de seguridad', 'grupo de seguridad', 'valvula gotea', 'brida',
                                                  'por abajo del tanque', 'anodo', 'huevo podrido', 'ducha electrica',
                                                  'aire acondicionado', 'acondicionado', 'split', 'enfria', 'climatizador',
                                                  'caldera', 'radiador', 'calefaccion'],
    'an electric water heater''s safety valve, flange or anode: termo-valvula-seguridad, termo-fuga-brida-resistencia, '
    'termo-anodo-olor; an air conditioner (no article); a heating boiler''s circulating pump (bomba-no-arranca-zumba)');
SELECT kb_seed_exclusions('tuberia-soportes-dilatacion', ARRAY['poro', 'grieta', 'fisura', 'tapar', 'reparacion', 'fuga',
                                                               'golpe', 'martillazo', 'pendiente', 'inodoro', 'vater', 'wc',
                                                               'agujero', 'agujereado', 'broca', 'conviene', 'mejor'],
    'a repair clamp over a leak, water hammer, a drain''s slope, a toilet''s outlet, a pipe drilled through, which pipe to '
    'choose: abrazadera-reparacion, golpe-de-ariete, pendiente-desague, inodoro-instalar-nuevo, elegir-pvc-cpvc-pex');
SELECT kb_seed_exclusions('deposito-grieta-reparar', ARRAY['inodoro', 'vater', 'taza', 'wc', 'porcelana', 'mochila',
                                                           'descarga', 'termo', 'calentador', 'boiler', 'flotador',
                                                           'desborda', 'rebosa', 'cobre', 'turbia', 'lava',
                                                           'lavar', 'desinfecta', 'desinfectar', 'lamas', 'congelo',
                                                           'helada', 'teja', 'tejado', 'techo', 'gotera', 'lona',
                                                           'costura'],
    'a toilet''s cistern, a water heater''s tank, a float valve, a copper joint, washing a tank, a frozen pipe: '
    'inodoro-cisterna-rajada, termo-pierde-por-abajo, tinaco-desborda, soldadura-cobre, tinaco-limpiar-desinfectar, '
    'tuberias-congeladas');
SELECT kb_seed_exclusions('bomba-pozo-sumergible', ARRAY['achique', 'sotano', 'fecales', 'foso', 'aguas negras',
                                                         'inundacion', 'periferica', 'tinaco', 'cisterna', 'motobomba',
                                                         'se calienta'],
    'a sump or sewage pump, a surface pump, a tank''s pump: bomba-achique-fecales, bomba-no-arranca-zumba, '
    'cisterna-enterrada-bomba');
SELECT kb_seed_exclusions('congelar-tuberia-kit', ARRAY['descongelar', 'descongelo', 'helada', 'heladas', 'helo',
                                                        'invierno', 'revento', 'reventado', 'no sale agua', 'frio',
                                                        'noche', 'afuera', 'exterior', 'azotea', 'arranque', 'rajadura',
                                                        'rompio', 'roto', 'no cierra', 'compresion', 'pvc', 'gas'],
    'a pipe frozen by the cold, a stop valve that does not close or broke, a compression valve: tuberias-congeladas, '
    'llave-paso-no-cierra, llave-de-paso-fuga, racor-compresion-bicono');
SELECT kb_seed_exclusions('gas-llama-amarilla', ARRAY['piloto', 'no enciende', 'no prende', 'olor a gas', 'huele a gas',
                                                      'calentador', 'calefon', 'calefont', 'boiler', 'termotanque', 'terma',
                                                      'caldera', 'se apaga', 'fuga', 'flexible', 'caducado'],
    'a water heater or boiler (its flame is the gas technician''s: calentador-gas-piloto), a pilot, a gas smell or leak, '
    'an expired hose: calentador-gas-piloto, calentador-paso-no-enciende, gas-prueba-fugas-jabon, '
    'gas-tubo-flexible-caducado');
