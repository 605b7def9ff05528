-- Remedios knowledge base: more seed articles (Spanish) for drains, traps and vents, garbage disposals, pipe
-- materials and joints, leaks and damp, gas safety, outdoor and frozen pipes, and appliance connections.
-- Applied after knowledge/schema.sql and knowledge/seed.sql, on every start. Idempotent: upsert by slug, with
-- the same rules as seed.sql (kb_seed_article never overwrites an article staff have edited; kb_seed_examples
-- only adds example questions that are missing).
--
-- Written from general trade knowledge by the Remedios technical team. Figures are typical values; the
-- manufacturer's instructions and local regulations (in Spain the CTE DB HS 4 / HS 5, the RITE and the gas
-- regulations; in other countries the local plumbing and gas codes) take precedence.
--
-- kb_seed_article(slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, source, keywords)
-- kb_seed_examples(slug, ARRAY[questions as plumbers type them])

-- ---------------------------------------------------------------------------------------------------------
-- Drains, traps, vents and sizes
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'desague-diametros-aparatos',
'Diámetros de desagüe por aparato: medidas de tubo en mm y pulgadas',
'Un desagüe más estrecho de lo necesario desagua lento, se obstruye y puede vaciar el sifón por succión. Cada aparato tiene un diámetro mínimo de sifón y de derivación; los valores de abajo son los habituales en España (CTE DB HS 5) y parecidos a los de otros códigos, pero manda la normativa local.',
'Dudas al hacer una reforma o cambiar un aparato; desagüe que no da abasto; sifón que gorgotea porque el tubo es pequeño; no se sabe qué tubo comprar.',
'1. Lavabo y bidé: 32 mm en vivienda y 40 mm en uso público. En medida americana, 1 1/4 in.
2. Ducha y bañera: 40 mm en vivienda y 50 mm en uso público; en duchas de mucho caudal o platos extraplanos conviene 50 mm (en América, 1 1/2 in en la bañera y 1 1/2 a 2 in en la ducha según el código).
3. Fregadero de cocina: 40 mm (50 mm en uso público), 1 1/2 in.
4. Lavadora y lavavajillas: 40 mm como mínimo, mejor 50 mm (1 1/2 a 2 in) porque la bomba desagua con mucho caudal.
5. Inodoro: 100–110 mm (en España el tubo de PVC habitual es de 110 mm; en América, 3 o 4 in, nunca menos de 3 in), con pendiente hacia la bajante. No reducir nunca el diámetro aguas abajo.
6. Un tramo que recoge varios aparatos nunca puede ser menor que el mayor de los que desaguan en él, y crece con el número de aparatos según la tabla de la normativa. La bajante y el colector que reciben inodoros: 110 mm (4 in) en una vivienda; la bajante lleva un tapón de limpieza al pie y se prolonga por encima de la cubierta como ventilación.
7. La medida comercial del PVC de evacuación es el diámetro exterior (32, 40, 50, 75, 90, 110 mm). La válvula del aparato suele ser de rosca 1 1/4 in en lavabos y bidés y 1 1/2 in en fregaderos; el sifón o un reductor hace la transición.
8. Respetar la pendiente (ver el artículo de pendiente de desagües) y probar llenando y vaciando cada aparato.',
'Guantes al trabajar en desagües en uso. Adhesivo e imprimación de PVC: inflamables, ventilar. Usar solo tubo y accesorios de evacuación certificados.',
'Metro, calibre, tubo y accesorios de PVC de evacuación (32, 40, 50, 110 mm), reducciones, sifones, adhesivo e imprimación.',
'Redes de edificio, colectores y bajantes, o derivaciones que comparten varias viviendas: proyecto o profesional cualificado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'diametro de desague, diametro del tubo, medida del desague, medida del tubo, que diametro, que medida de tubo, tubo de 32, tubo de 40, tubo de 50, medidas de tuberia de desague, derivacion, caño de desague, milimetros, pulgadas, lavabo, lavamanos, bide, ducha, regadera, banera, tina, fregadero, tarja, lavadora, lavavajillas'
);
SELECT kb_seed_examples('desague-diametros-aparatos', ARRAY[
'de cuanto tiene que ser el tubo de desagüe de una ducha, 40 o 50?',
'qué diámetro de desague lleva un lavabo',
'medida del caño de desague para la pileta de la cocina',
'para el desagüe de la lavadora pongo tubo de 40 o de 50 mm?',
'de cuantas pulgadas es el desague del inodoro y de la bajante',
'diametro minimo desague bañera y bide'
]);

SELECT kb_seed_article(
'bote-sifonico',
'Bote sifónico del baño: abrirlo, sacar el pelo, quitar el olor o sustituirlo',
'En muchos baños antiguos los desagües de lavabo, bidé, bañera y ducha van a un bote sifónico en el suelo, con una tapa registrable, que hace de sifón común y desagua al manguetón del inodoro o a la bajante. Se llena de pelo y jabón, pierde el cierre hidráulico o la tapa deja de cerrar, y aparecen atascos y olores en todo el baño.',
'Bañera y lavabo desaguan lentos a la vez; olor con la tapa metálica del suelo suelta o sin junta; el agua de un aparato sale por otro del mismo baño.',
'1. Localizar la tapa del bote: redonda, cromada o de plástico, de unos 10–12 cm, en el suelo cerca de la bañera o la ducha (a veces tapada por el pavimento).
2. Desenroscar la tapa con su llave o con dos destornilladores en las muescas; si está sellada, cortar antes la silicona o el rejuntado.
3. Con guantes, sacar el pelo y la grasa y limpiar las bocas de entrada de cada aparato con un alambre o una sonda fina.
4. Comprobar el cierre hidráulico: el agua debe cubrir las entradas; si el bote está vacío (falta de uso) o pierde, huele.
5. Limpiar la rosca, poner una junta de goma nueva en la tapa y cerrarla bien para que no salgan gases.
6. Abrir el agua de todos los aparatos y comprobar que desaguan y que no sale agua por la tapa.
7. En reformas se suele sustituir por un sifón individual en cada aparato, como prefiere la práctica actual. Hay que hacerlo si el bote está roto, muy incrustado o es de plomo.',
'Guantes y gafas: restos de aguas residuales. Si el bote o los tubos son de plomo, no lijarlos ni calentarlos; retirarlos con guantes y llevarlos a un punto limpio. No echar productos químicos: quedan retenidos en el bote y salpican al abrir.',
'Llave de tapa de bote sifónico o dos destornilladores, guantes, gafas, alambre o sonda fina, junta de goma para la tapa, linterna, cubo.',
'Bote roto o de plomo empotrado en el forjado, fugas hacia el piso de abajo o reforma con sifones individuales: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'bote sifonico, bote, tapa del suelo del baño, tapa redonda del suelo, registro del baño, pileta de patio, desague comun del baño, varios aparatos del baño lentos, plomo, manguetón'
);
SELECT kb_seed_examples('bote-sifonico', ARRAY[
'como se abre el bote sifonico del baño',
'en el baño hay una tapa redonda en el suelo y huele, que es?',
'la bañera y el lavabo tragan lento los dos a la vez, será el bote?',
'limpiar pileta de patio del baño llena de pelos',
'el bote sifónico es de plomo, lo cambio por sifones?'
]);

SELECT kb_seed_article(
'sifon-botella-o-curvo',
'Sifón de botella o sifón curvo: cuál poner y cómo montarlo sin fugas',
'El sifón curvo (en U o en P) deja pasar mejor el agua y se atasca menos; el sifón de botella ocupa menos y queda mejor a la vista, pero retiene más pelo y jabón y hay que registrar su vaso a menudo. Los dos deben guardar un cierre hidráulico de entre 5 y 10 cm (2 a 4 in) para que no pasen olores.',
'Dudas al comprar un sifón; sifón de botella que se tapa a menudo; sifón que gotea por una tuerca o una junta; olor porque el sifón no guarda agua.',
'1. Fregadero de cocina: mejor sifón curvo o de tubo de 40 mm (1 1/2 in): con grasa y restos se atasca menos que uno de botella.
2. Lavabo de pie o a la vista: el de botella es aceptable (32 o 40 mm, 1 1/4 in), con vaso registrable por abajo.
3. Medir la altura de la válvula del aparato y la de la toma de la pared; los sifones con tubo telescópico permiten ajustar unos centímetros.
4. Montar cada unión así: primero la tuerca, luego la junta cónica con la parte estrecha hacia la rosca donde entra el tubo, y el tubo metido hasta el tope.
5. Apretar las tuercas de plástico a mano (como mucho un cuarto de vuelta más con la llave de sifón). No poner teflón ni silicona en las juntas cónicas.
6. La salida del sifón debe entrar recta en la toma de la pared, con su junta o un manguito con junta labiada, sin forzar.
7. Llenar el aparato hasta el rebosadero, vaciarlo de golpe, revisar cada tuerca con papel seco y comprobar que el sifón guarda su cierre hidráulico (de 5 a 10 cm de agua, 2 a 4 in).
8. Si después gorgotea o se queda sin agua, revisar la ventilación (ver el artículo de gorgoteo).',
'No dejar un aparato sin sifón ni quitarlo para ganar caudal: entran gases de la red. Si se han usado desatascadores químicos, desmontar con guantes y gafas.',
'Sifón curvo o de botella del diámetro adecuado, juntas cónicas y planas, llave de sifón, metro, cubo, papel de cocina.',
'Toma de la pared rota, desalineada o en contrapendiente, o sifón que se vacía al usar otro aparato: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'sifon de botella, sifon botella, sifon curvo, sifon en U, sifon en P, trampa, trampa P, cespol, cespol de bote, cespol curvo, cual sifon poner, que sifon compro, tipo de sifon, telescopico, junta conica, tuerca del sifon'
);
SELECT kb_seed_examples('sifon-botella-o-curvo', ARRAY[
'que es mejor sifon de botella o curvo para la cocina?',
'cespol de bote o cespol curvo, cual se tapa menos',
'trampa P o trampa de botella para lavamanos',
'hacia dónde va la parte fina de la junta cónica del sifón',
'el sifon nuevo gotea por la tuerca, le pongo teflon?'
]);

SELECT kb_seed_article(
'valvula-aireacion-averiada',
'Válvula de admisión de aire (AAV) que falla: olor en el mueble o gorgoteo junto al aparato',
'La válvula de admisión de aire (AAV, también llamada válvula de aireación) deja entrar aire a la red cuando el agua baja y se cierra para que no salgan gases. Con los años la membrana se pega, se ensucia o se deforma: si queda abierta, huele a cloaca junto al mueble; si queda cerrada, el sifón se vacía y gorgotea.',
'Olor a cloaca dentro del mueble del lavabo o del fregadero, donde está la válvula; gorgoteo y sifón vacío aunque hay válvula; válvula encerrada en un hueco sin aire.',
'1. Localizar la válvula: suele estar bajo el fregadero o el lavabo, encima del sifón, o en lo alto de una bajante en un falso techo o un armario.
2. Comprobar que está vertical, por encima del brazo del sifón que protege (los códigos americanos piden al menos 10 cm, 4 in, por encima) y en un espacio con aire.
3. Con guantes, desenroscarla (suele ir roscada a mano sobre un adaptador) y mirar la membrana: si está pegada, sucia o rota, cambiar la válvula entera; la mayoría no se reparan.
4. Montar una nueva del mismo diámetro de conexión (32–50 mm o 1 1/4–2 in para aparatos; 75–110 mm para bajantes) y con caudal suficiente para los aparatos que sirve.
5. Dejarla accesible: nunca emparedarla sin registro ni cubrirla con aislamiento.
6. Probar: vaciar el aparato lleno y descargar un inodoro cercano; no debe oler ni gorgotear y el sifón debe conservar el agua.
7. La válvula no sustituye a la ventilación principal de la bajante hacia la cubierta: si fallan varias, revisar esa ventilación.',
'Los gases de la red son molestos y pueden ser tóxicos en espacios cerrados: ventilar mientras se trabaja. No colocar la válvula por debajo del sifón ni donde pueda helarse.',
'Válvula de aireación homologada del diámetro adecuado, adaptador, guantes, linterna.',
'Si fallan varias válvulas o la bajante no tiene ventilación a cubierta: profesional para revisar la ventilación del edificio.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'valvula de admision de aire, aav, valvula antivacio, valvula de ventilacion, studor, maxivent, membrana, huele a cloaca bajo el fregadero, olor dentro del mueble, mueble del lavabo huele'
);
SELECT kb_seed_examples('valvula-aireacion-averiada', ARRAY[
'huele a cloaca dentro del mueble del fregadero donde esta la valvula de aireacion',
'la válvula antivacío del lavabo se quedó pegada?',
'como se si la valvula studor esta mala',
'la AAV de la tarja ya no sirve, se cambia entera?',
'gorgotea el lavamanos aunque tiene valvula de admision de aire'
]);

SELECT kb_seed_article(
'bajante-fuga-ruido',
'Bajante de PVC que gotea por una unión o hace ruido: reparar o cambiar un tramo',
'La bajante recoge los desagües de las plantas y baja vertical hasta el colector. En PVC, las fugas suelen estar en los manguitos o en las uniones encoladas, a menudo porque el tubo se dilata con el agua caliente; en bajantes antiguas de fundición o fibrocemento aparecen grietas y óxido. El ruido del agua al caer es normal en PVC fino, pero se puede reducir.',
'Mancha o goteo en el techo o la pared junto a la bajante; olor en el patinillo o el armario de la bajante; ruido de agua cayendo cada vez que se usa el baño de arriba.',
'1. Averiguar si la bajante es privada o comunitaria: en edificios suele ser comunitaria y la reparación la decide la comunidad (avisar al administrador).
2. Localizar la fuga abriendo el registro del patinillo o del falso techo; pedir que arriba descarguen agua para verla gotear.
3. Unión encolada o manguito que pierde: no sirve pegar por fuera. Cortar el tramo y poner un manguito de reparación (corredizo, sin tope) con junta labiada o encolado, del mismo diámetro (habitual 110 mm; 90 o 125 mm según el edificio).
4. Tubo agrietado: cambiar el tramo completo y dejar manguitos de dilatación según el fabricante (normalmente uno por planta).
5. Sujetar la bajante con abrazaderas con goma, al menos una por planta, sin estrangular el tubo.
6. Ruido: forrar la bajante con manta acústica o cambiarla por tubo insonorizado, sin impedir el acceso a los registros.
7. Probar descargando agua desde arriba y revisar la unión.',
'Bajantes de fibrocemento: pueden contener amianto; no cortar, taladrar ni romper (empresa autorizada). Trabajos en altura y patinillos: escalera segura; en fachada, arnés. Guantes y gafas: aguas residuales.',
'Manguito de reparación o de dilatación, tubo de PVC de evacuación del diámetro de la bajante, sierra, lima, adhesivo e imprimación, abrazaderas con goma, manta acústica, guantes.',
'Bajantes comunitarias, de fibrocemento o de fundición, fugas en fachada o que afectan a varios pisos: fontanero profesional y comunidad de propietarios.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'bajante, bajante de pvc, montante, caño de descarga, columna de desague, bajada, patinillo, ducto, fuga en la bajante, gotea la bajante, bajante rajada, ruido en la bajante, ruido de agua al caer, se oye caer el agua, manguito de reparacion, manguito de dilatacion, fundicion'
);
SELECT kb_seed_examples('bajante-fuga-ruido', ARRAY[
'la bajante de pvc gotea por el manguito, como la arreglo',
'se oye caer el agua por la bajante cada vez que el vecino tira de la cadena',
'fuga en el montante del edificio, le toca a la comunidad?',
'cambiar un tramo de bajante de 110 rajado',
'el caño de descarga pierde agua en la union'
]);

SELECT kb_seed_article(
'arqueta-registro',
'Arqueta o registro de desagüe: localizar, abrir y limpiar',
'Las arquetas (en el suelo de patios, garajes y plantas bajas) y los registros (tapones en codos y pies de bajante) permiten inspeccionar y limpiar la red. Con el tiempo acumulan grasa, arena y raíces, y las tapas se agarrotan o pierden el cierre y sale olor.',
'Olor en el patio o el garaje junto a una tapa; agua estancada en la arqueta; desagües lentos en la planta baja; tapa rota o que no se encuentra.',
'1. Localizar las arquetas siguiendo el recorrido de las bajantes hacia la calle: suelen estar al pie de cada bajante, en los cambios de dirección y antes de la acometida. Los registros son tapones roscados en codos y pies de bajante.
2. Abrir la tapa con una palanca o ganchos, sin meter los dedos debajo; si está sellada, picar el perímetro con cuidado.
3. Mirar el nivel: con agua estancada, el atasco está aguas abajo (en la siguiente arqueta o en la acometida); si está seca y limpia, está aguas arriba.
4. Sacar grasa y sólidos desde fuera con una pala o un cubo con mango; pasar la sonda o la manguera a presión hacia el tramo obstruido.
5. Arqueta sifónica (con codo o tabique): comprobar que conserva el agua de su sifón; si no, huele.
6. Cerrar con su tapa y la junta o el sellado; sustituir tapas rotas por otras de la clase de carga adecuada (peatonal o para vehículos).
7. Anotar dónde está cada arqueta para la próxima vez.',
'Nunca bajar ni meter la cabeza en una arqueta o un pozo: gases tóxicos (sulfhídrico) y falta de oxígeno; trabajar siempre desde fuera. Guantes, botas y gafas. Señalizar y cubrir el hueco abierto para que nadie caiga.',
'Palanca o ganchos de tapa, guantes, botas, gafas, pala o cubo con mango, sonda o máquina desatascadora, manguera, linterna, tapa de recambio.',
'Arquetas profundas, pozos, colectores con raíces o roturas y la acometida a la red pública: empresa de desatascos con cámara; nunca entrar sin equipo para espacios confinados.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'arqueta, registro, arqueta sifonica, arqueta de paso, tapa de registro, tapa de arqueta, camara de inspeccion, caja de registro, registro sanitario, pozo de registro, tapon de registro, pie de bajante, raices'
);
SELECT kb_seed_examples('arqueta-registro', ARRAY[
'¿Cómo encuentro la arqueta del patio?',
'limpiar caja de registro del garaje con grasa',
'no puedo abrir la tapa de registro, esta pegada',
'camara de inspeccion con olor en el patio, que hago',
'registro sanitario lleno de raices'
]);

SELECT kb_seed_article(
'ducha-desague-lento-pelo',
'Ducha o bañera atascada o que desagua lento (pelos): limpiar la válvula y el sifón',
'En duchas y bañeras la obstrucción casi siempre es una madeja de pelo y jabón enganchada en la rejilla, en el tapón automático (click-clack o de maneta) o en el primer codo del sifón. Se saca a mano o con herramienta; los productos químicos rara vez la disuelven.',
'El agua se queda en el plato mientras te duchas; la bañera tarda mucho en vaciarse; gorgoteo al vaciar; olor a jabón rancio en el desagüe.',
'1. Quitar la rejilla o la tapa del desagüe del plato (a presión o con un tornillo central); en bañeras, desenroscar el tapón click-clack o sacar el tapón del desagüe automático.
2. Con guantes, sacar el pelo con pinzas, un gancho o una varilla quitapelos dentada, girándola y tirando despacio.
3. Si el plato tiene sumidero sifónico extraíble (platos extraplanos), sacar el vaso o la campana interior y limpiarlo.
4. Bañera: tapar el rebosadero con un trapo húmedo y usar el desatascador de ventosa con un poco de agua en la bañera.
5. Si sigue lento, pasar una sonda fina (6–8 mm) por el desagüe hacia el sifón o el bote sifónico.
6. Montar todo con sus juntas y dejar correr agua caliente un par de minutos.
7. Prevención: rejilla atrapapelos y limpieza de la válvula cada uno o dos meses.',
'Guantes: restos de jabón y bacterias. No mezclar nunca productos desatascadores entre sí ni con lejía o salfumán: desprenden gases tóxicos. Si ya se echó producto, avisar y usar gafas.',
'Destornillador, varilla quitapelos o gancho, pinzas, guantes, desatascador de ventosa, sonda fina, rejilla atrapapelos.',
'Si la ducha se atasca a la vez que otros aparatos o sale agua al tirar de la cadena, el atasco está en el bote sifónico, el colector o la bajante: ver el artículo de atasco general o llamar a un profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'ducha, regadera, banera, tina, bañadera, plato de ducha, ducha atascada, banera atascada, tina tapada, desagua lento, tarda en vaciar, se encharca, se queda el agua, agua estancada, pelos, pelo, cabello, rejilla, coladera, click clack, tapon automatico, varilla quitapelos, destapar, desatascar, desatorar, destupir'
);
SELECT kb_seed_examples('ducha-desague-lento-pelo', ARRAY[
'la ducha tarda en tragar y se encharca el plato',
'como destapo la coladera de la regadera llena de pelos',
'la tina se vacia muy lento',
'la bañadera no desagota, tiene pelo',
'quitar pelos del desague de la bañera sin quimicos'
]);

SELECT kb_seed_article(
'sosa-caustica-riesgos',
'Destapar con sosa cáustica o desatascador químico: riesgos y cuándo no usarlo',
'La sosa cáustica (hidróxido de sodio) y los desatascadores químicos disuelven grasa y pelo, pero calientan el agua, pueden hervir y salpicar en el desagüe y queman piel y ojos. Mezclados con ácidos o con otros productos desprenden gases tóxicos o reaccionan con violencia. Con el desagüe totalmente tapado se quedan en el tubo y complican el trabajo.',
'Preguntan si se puede usar sosa o un desatascador químico; ya se vertió producto y el agua no baja; el producto hierve, humea o salpica en el desagüe.',
'1. Preguntar siempre si se ha echado algún producto, cuál y cuándo. Si es así, ventilar (ventana abierta: desprenden vapores) y trabajar con guantes de nitrilo, gafas cerradas y manga larga, y no usar ventosa ni aire a presión (salpica).
2. Con agua estancada, no echar más producto: achicar el agua a un cubo con un cazo y diluirla con mucha agua.
3. Con el desagüe vacío, desmontar el sifón sobre un cubo, despacio y con la cara apartada.
4. Solo en obstrucciones parciales y tubos de PVC en buen estado: un único producto y siguiendo la etiqueta. La sosa se echa sobre agua fría, nunca el agua sobre la sosa.
5. Dejar actuar el tiempo indicado y aclarar con abundante agua fría; no echar agua hirviendo sobre la sosa.
6. No usarla en trituradores, en casas con fosa séptica (mata las bacterias) ni en tuberías de aluminio, galvanizado o plomo viejos.
7. Preferir siempre lo mecánico: ventosa, limpieza del sifón y sonda.',
'Guantes resistentes a químicos y gafas cerradas siempre. No mezclar nunca productos (sosa, salfumán, lejía, amoniaco). Si salpica a piel u ojos: lavar con mucha agua al menos 15 minutos y buscar atención médica (en España, Información Toxicológica 91 562 04 20).',
'Guantes de nitrilo, gafas cerradas, cubo, cazo, llave de sifón, desatascador de ventosa, sonda; producto químico solo si procede.',
'Si el producto se ha quedado en un desagüe completamente tapado, hay vapores o la tubería está dañada: profesional con equipo de protección.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'sosa caustica, soda caustica, hidroxido de sodio, desatascador quimico, destapacaños, destapador quimico, diablo rojo, producto quimico, es peligroso, quemaduras, gases toxicos, mezclar productos, hierve, salpica'
);
SELECT kb_seed_examples('sosa-caustica-riesgos', ARRAY[
'puedo echar sosa caustica al lavabo tapado?',
'el cliente le echo diablo rojo al lavamanos y sigue tapado',
'con soda caustica se destapa la pileta del baño?',
'es peligroso destapar con sosa, que precauciones tomo',
'echaron destapacaños y el agua esta estancada, desarmo el sifon?'
]);

SELECT kb_seed_article(
'lavadora-desague-rebosa',
'El desagüe de la lavadora rebosa o se sale el agua por el tubo',
'Cuando la lavadora desagua, la bomba expulsa mucha agua de golpe. Si el tubo de desagüe (toma vertical con sifón) es estrecho, corto o está medio obstruido con pelusa y jabón, el agua rebosa por arriba. También da problemas si la manguera entra demasiado y cierra el paso del aire.',
'Charco detrás de la lavadora al desaguar o centrifugar; agua que sale por la boca del tubo de desagüe; el fregadero se llena cuando desagua la lavadora; gorgoteo.',
'1. Desenchufar la lavadora antes de moverla y cerrar su grifo de alimentación.
2. Comprobar la toma: de 40 mm como mínimo, mejor 50 mm (1 1/2–2 in), y con sifón.
3. Cuánto meter la manguera: unos 10–15 cm, sin llegar al agua del sifón ni quedar sellada: tiene que entrar aire (si no, la lavadora se vacía sola por sifonamiento).
4. Altura de la boca de desagüe: la del manual, normalmente entre 60 y 90–100 cm sobre el suelo (en EE. UU., tubo vertical de 18 a 42 in, 46–107 cm, sobre el sifón). Más baja, la lavadora se vacía sola; más alta, la bomba no puede.
5. Si rebosa, limpiar el tubo y el sifón de pelusa y jabón con una sonda, y desmontar el sifón si es accesible.
6. Si desagua al sifón del fregadero: toma del sifón limpia y la manguera con un bucle alto bajo la encimera.
7. Limpiar el filtro de la bomba de la lavadora (tapa abajo en el frente) con una bandeja y trapos.
8. Probar un programa de centrifugado vigilando la toma.',
'Desenchufar la lavadora antes de tocar el filtro o moverla; no trabajar con agua en el suelo cerca de enchufes. El agua del filtro puede estar caliente si acaba de lavar.',
'Sonda, llave de sifón, cubo, bandeja baja y trapos, bridas para sujetar la manguera, sifón o toma de desagüe de 40–50 mm.',
'Si rebosa con la toma limpia y del diámetro correcto, o se llenan otros desagües a la vez, el atasco está en el colector o la bajante: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'lavadora, lavarropas, desague de la lavadora, rebosa, se rebalsa, se sale el agua, se desborda, charco detras de la lavadora, toma de desague, tubo de desague, manguera de desague, sifon de lavadora, pelusa'
);
SELECT kb_seed_examples('lavadora-desague-rebosa', ARRAY[
'cuando desagota el lavarropas se rebalsa el caño',
'sale agua por el tubo donde va la manguera de la lavadora',
'la lavadora rebosa por el desague al centrifugar',
'se hace un charco detras de la lavadora cuando saca el agua'
]);

SELECT kb_seed_article(
'sumidero-terraza',
'Sumidero de terraza, patio o balcón que no traga o rebosa con la lluvia',
'Los sumideros de terrazas y patios recogen la lluvia y el agua de limpieza; se tapan con hojas, tierra, arena y nidos, y los sifónicos pierden el agua en verano y dan olor. Si falla la unión entre el sumidero y la impermeabilización, el agua pasa al techo de abajo aunque el sumidero trague.',
'Charco en la terraza después de llover; el agua llega a entrar en casa desde el balcón; olor del sumidero en verano; mancha en el techo de abajo junto al sumidero.',
'1. Quitar la rejilla y sacar a mano (con guantes) hojas, tierra y arena; en sumideros sifónicos, sacar y limpiar el vaso o la campana.
2. Echar agua con una manguera: si baja despacio, pasar una sonda hacia la bajante; si es de pluviales, limpiar también el canalón.
3. Sumidero sifónico sin agua en verano o por falta de uso: echar agua cada semana o poner una válvula antiolor (de membrana o de bola) compatible.
4. Revisar la rejilla y la pendiente del suelo hacia el sumidero (en torno al 1–2 %): charcos lejos del sumidero indican pendiente mal hecha.
5. Mancha abajo con el sumidero tragando: sospechar de la unión con la lámina impermeable; se repara levantando el pavimento alrededor y sellando con la pieza de encuentro del fabricante.
6. Si la terraza tiene un solo sumidero, poner un rebosadero o gárgola para que no se inunde si se tapa.
7. Limpiar antes de la época de lluvias y de caída de hojas. Si el barro llega cada vez que llueve, limpiar también el registro o arqueta siguiente (caja con arenero) y sacar la tierra acumulada.',
'Terrazas y balcones: cuidado con las caídas, no subirse a la barandilla. Guantes: suciedad y restos de animales.',
'Guantes, manguera, sonda, destornillador, rejilla de recambio, válvula antiolor, sellador compatible con la impermeabilización.',
'Filtraciones al piso de abajo, cambio de sumidero en una terraza impermeabilizada o bajantes de pluviales comunitarias: impermeabilizador o fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'sumidero, sumidero de terraza, desague de terraza, coladera, coladera de azotea, rejilla de piso, resumidero, sumidero sifonico, terraza, balcon, azotea, lluvia, pluviales, gargola, se inunda la terraza, charco, no traga'
);
SELECT kb_seed_examples('sumidero-terraza', ARRAY[
'el sumidero de la terraza no traga cuando llueve',
'se inunda el balcón, la coladera esta tapada',
'la coladera de la azotea se llena de tierra',
'sale olor por el resumidero del patio en verano',
'gotea al vecino de abajo justo debajo del sumidero de mi terraza'
]);

SELECT kb_seed_article(
'fosa-septica',
'Fosa séptica: vaciado periódico, qué no echar y señales de que está llena',
'En viviendas sin alcantarillado las aguas residuales van a una fosa séptica: los sólidos se depositan en el fondo (lodos), las grasas flotan y el agua clarificada sale a un filtro o campo de infiltración. Si no se vacía, los lodos pasan al drenaje, lo colmatan y la casa se atasca o huele.',
'Todos los desagües de la casa lentos a la vez; olor fuerte cerca de la fosa; terreno encharcado o hierba muy verde sobre el drenaje; gorgoteo en los inodoros.',
'1. Cada cuánto: vaciado con camión cisterna de una empresa autorizada, de forma orientativa cada 2–5 años según el tamaño y los usuarios, o cuando los lodos ocupan en torno a un tercio del volumen (manda el fabricante o la normativa local).
2. Anotar la fecha de cada vaciado y dejar las tapas accesibles.
3. No echar toallitas, compresas, aceite ni grasa, disolventes, medicamentos, mucha lejía ni desatascadores químicos: matan las bacterias que depuran.
4. El uso de aditivos activadores no sustituye al vaciado.
5. Repartir las lavadoras a lo largo de la semana para no sobrecargarla de agua.
6. No pasar con vehículos ni plantar árboles sobre la fosa y el campo de drenaje.
7. Vaciar (bombear con camión de succión por empresa autorizada) cuando los lodos ocupen un tercio. Si todo se atasca a la vez, revisar primero desde fuera la arqueta de entrada a la fosa antes de pedir el camión.',
'Nunca entrar ni asomarse a una fosa séptica: los gases (sulfhídrico, metano) pueden matar en segundos y hay riesgo de explosión; no fumar ni usar llamas cerca. Tapas siempre cerradas y seguras para niños. Guantes y lavado de manos.',
'Guantes, botas, linterna, llave de tapa; el vaciado lo hace una empresa con camión cisterna.',
'Vaciado, inspección, fosa agrietada o campo de drenaje colmatado: empresa autorizada; una fosa nueva necesita permiso o proyecto según la normativa local.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'fosa septica, pozo septico, camara septica, pozo negro, pozo ciego, biodigestor, tanque septico, depuradora, lodos, vaciar la fosa, limpieza de fosa, camion cisterna, infiltracion, campo de drenaje, sin alcantarillado'
);
SELECT kb_seed_examples('fosa-septica', ARRAY[
'cada cuanto hay que vaciar la fosa septica',
'se puede echar lejia si tengo pozo septico?',
'el pozo ciego se llena y tapa todos los baños',
'la camara septica huele y el pasto esta encharcado',
'cuando se limpia un biodigestor'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Garbage disposals (trituradores de fregadero)
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'triturador-zumba-no-gira',
'Triturador de basura que zumba y no gira: desbloquear con la llave Allen y el botón reset',
'Si el aparato zumba pero los platos no giran, algo duro (hueso, hueso de fruta, cubierto, cristal) ha bloqueado el plato. Si no hace nada al encenderlo, lo normal es que haya saltado su protección térmica y haya que pulsar el botón de rearme (reset) de la base.',
'Zumbido sin giro; se para solo y no vuelve a arrancar; la pileta no traga con el triturador parado; ligero olor a caliente.',
'1. Apagar el interruptor del triturador y desenchufarlo (o cortar su circuito en el cuadro). Nunca meter la mano por la boca.
2. Con una linterna, mirar por la boca y sacar los objetos visibles con pinzas o alicates largos.
3. Debajo del aparato, en el centro de la base, hay un hexágono: meter la llave Allen que trae el aparato (normalmente de 1/4 in, unos 6 mm) y girarla a un lado y a otro hasta que gire libre.
4. Sin llave, desde arriba: la llave de desbloqueo del fabricante o el mango de madera de una escoba apoyado en los platos, haciendo palanca, siempre con el aparato desenchufado.
5. Sacar por arriba lo que se haya soltado.
6. Esperar 5–10 minutos a que se enfríe y pulsar el botón rojo de reset de la base hasta que quede hundido.
7. Enchufar, abrir el agua fría y encender: debe girar sin zumbido.
8. Si vuelve a saltar o zumba sin estar bloqueado, el motor o el condensador están averiados.',
'Desenchufar o cortar la corriente antes de meter herramientas, y no meter nunca la mano en el triturador aunque esté apagado. No usar desatascadores químicos con triturador. Gafas si se trabaja desde abajo.',
'Llave Allen de 1/4 in (suele venir con el aparato), linterna, pinzas o alicates largos, mango de madera, guantes.',
'Si zumba sin estar bloqueado, salta el reset continuamente o huele a quemado: servicio técnico o electricista (motor o instalación eléctrica).',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'triturador, trituradora, triturador de basura, triturador de alimentos, triturador de desperdicios, garbage, garbage disposal, insinkerator, zumba, no gira, atorado, trabado, bloqueado, llave allen, hexagono, boton reset, rearme'
);
SELECT kb_seed_examples('triturador-zumba-no-gira', ARRAY[
'el triturador zumba pero no gira',
'la trituradora de la tarja hace ruido y no da vueltas, esta atorada',
'donde va la llave allen del garbage disposal',
'el triturador no prende, donde esta el boton de reset?',
'se trabó el garbage con un hueso'
]);

SELECT kb_seed_article(
'triturador-gotea',
'Triturador de basura que gotea: por arriba, por el lateral o por abajo',
'Según por dónde salga el agua la causa es distinta: por arriba, la brida del fregadero ha perdido la masilla o está floja; por el lateral, la junta de la salida de desagüe o la manguera del lavavajillas; por abajo o por el cuerpo, el sello interno está roto y normalmente hay que cambiar el aparato.',
'Agua en el mueble bajo el fregadero; goteo solo al usar el triturador o el lavavajillas; óxido o humedad en la base del aparato.',
'1. Desenchufar el triturador o cortar su circuito y secar todo con papel.
2. Tapar el fregadero, llenar unos centímetros de agua con unas gotas de colorante y mirar desde abajo con una linterna dónde aparece.
3. Por arriba (brida): sujetar el aparato, girar el anillo de montaje para soltarlo, aflojar la brida, poner masilla de fontanero nueva o la junta del fabricante, apretar por igual y volver a montar.
4. Salida lateral de desagüe: cambiar la junta del codo de salida y apretar su brida o tornillos.
5. Entrada del lavavajillas: apretar la abrazadera de la manguera y cambiarla si está agrietada.
6. Por el cuerpo o la base: el sello interno ha fallado y no se repara de forma fiable; cambiar el triturador.
7. Probar con agua y con el aparato en marcha durante un minuto.',
'Corriente cortada antes de trabajar; si gotea sobre el enchufe o la conexión eléctrica, cortar el circuito en el cuadro antes de tocar nada. No meter la mano por la boca del triturador. El aparato pesa: sujetarlo al soltarlo del anillo.',
'Linterna, colorante, destornillador, llave del anillo (o la llave Allen del aparato), masilla de fontanero, juntas de recambio, abrazadera, papel.',
'Triturador con fuga por el cuerpo (cambiarlo), agua en la conexión eléctrica, o encimera o fregadero dañados: servicio técnico o profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'triturador, trituradora, triturador de basura, garbage, garbage disposal, insinkerator, gotea, pierde agua, brida, masilla, anillo de montaje, empaque del triturador, junta, manguera del lavavajillas'
);
SELECT kb_seed_examples('triturador-gotea', ARRAY[
'El triturador gotea por abajo, ¿tiene arreglo?',
'fuga de agua en el garbage disposal por arriba donde se une a la tarja',
'la trituradora pierde agua por un costado',
'gotea el triturador desde que conectaron el lavavajillas',
'se moja el mueble debajo del triturador de basura'
]);

SELECT kb_seed_article(
'triturador-que-no-echar',
'Qué no echar al triturador de basura y cómo usarlo para que no se atasque',
'El triturador muele restos blandos de comida, pero no todo: la grasa se solidifica en el tubo, las fibras se enredan, las cáscaras, el arroz y la pasta forman una masa que tapa el desagüe, y los objetos duros bloquean el plato.',
'Triturador que se bloquea a menudo; fregadero que traga lento después de usarlo; mal olor del triturador.',
'1. Usar siempre agua fría abundante: abrir el grifo antes de encender, mantenerlo durante el triturado y unos 15–30 segundos después.
2. No echar: aceite ni grasa, huesos grandes, huesos de fruta, pieles fibrosas (apio, alcachofa, hojas de maíz, piel de cebolla), posos de café, cáscaras de huevo en cantidad, arroz, pasta y pan en cantidad, conchas de marisco, papel, colillas, vidrio ni metal.
3. Echar los restos poco a poco, no de golpe, y dejar que termine antes de apagar.
4. Contra el olor: triturar unos cubitos de hielo con cáscara de limón, y limpiar por debajo la goma antisalpicaduras.
5. Darle un uso frecuente para que no se oxide ni se agarrote.
6. No echar desatascadores químicos ni lejía concentrada: dañan sus piezas y salpican.
7. Con fosa séptica, comprobar que el triturador es compatible: aumenta mucho los lodos.
8. Si el agua sube por el otro seno del fregadero, el atasco está en el sifón o en el tubo de después: desenchufar, desmontar y limpiar el sifón y pasar la sonda, sin químicos.',
'Nunca meter la mano ni cubiertos con el triturador enchufado; para sacar algo, desenchufar y usar pinzas. No mezclar productos químicos.',
'Pinzas largas, hielo, limón, cepillo para la goma antisalpicaduras.',
'Si el desagüe se atasca después del triturador o el aparato se bloquea a menudo: revisar sifón y tubo, o profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'triturador, trituradora, triturador de basura, garbage, garbage disposal, insinkerator, que no echar, que se puede echar, huesos, cascaras, posos de cafe, arroz, como usar el triturador, mal olor del triturador, hielo, limon'
);
SELECT kb_seed_examples('triturador-que-no-echar', ARRAY[
'¿Qué cosas no se pueden tirar al triturador?',
'se pueden echar cascaras de huevo al garbage?',
'el triturador huele mal, como lo limpio',
'el arroz atasca la trituradora?',
'uso agua caliente o fria con el triturador de basura'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Pipe materials and joints
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'tuberia-galvanizada-vieja',
'Tubería de hierro galvanizado vieja: agua con óxido, poco caudal y cuándo cambiarla',
'El acero galvanizado pierde con las décadas su capa de zinc y se oxida por dentro: el óxido y la cal estrechan el tubo, baja el caudal y el agua sale marrón; al final aparecen poros y fugas en las roscas. No se desatasca: se sustituye.',
'Agua marrón o rojiza al abrir tras unas horas sin uso; caudal que empeora con los años; poros y goteos en las roscas; tubo gris unido con roscas y manguitos.',
'1. Identificar el material: tubo gris, un imán se pega, uniones roscadas; típico de casas de más de 40–50 años.
2. Medir la presión estática con un manómetro: si es buena pero el caudal es pobre al abrir grifos, la tubería está obstruida por dentro (ver el artículo de poca presión).
3. Agua con óxido solo en la caliente: puede ser el termo; en fría y caliente: tubería.
4. Poro aislado: abrazadera de reparación provisional; no recalentar ni forzar roscas viejas, se parten.
5. Solución definitiva: sustituir por cobre, PEX, multicapa o PPR, empezando desde el contador o la llave general.
6. Si queda algún tramo de galvanizado, unirlo al cobre con manguito dieléctrico y con el cobre aguas abajo, nunca antes (ver el artículo de corrosión galvánica).
7. Mientras no se cambia, si sale agua con óxido tras unas horas parada, dejar correr el agua unos minutos antes de usarla. Al terminar, purgar la instalación abriendo los grifos hasta que el agua salga limpia y sin aire.',
'Cortar el agua y vaciar el tramo antes de cortar. En casas antiguas la tubería metálica puede hacer de toma de tierra: al sustituirla por plástico, avisar a un electricista para que revise la puesta a tierra.',
'Manómetro, imán, sierra o cortatubos, terraja, abrazaderas de reparación, manguitos dieléctricos, tubo y accesorios nuevos.',
'Sustitución de la instalación completa, montantes comunitarios o tuberías que hacen de toma de tierra: fontanero profesional y electricista.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'galvanizado, hierro galvanizado, tuberia galvanizada, fierro galvanizado, caño galvanizado, acero galvanizado, tubo de hierro, oxido, agua marron, agua oxidada, agua rojiza, herrumbre, poco caudal, instalacion vieja, cambiar la tuberia'
);
SELECT kb_seed_examples('tuberia-galvanizada-vieja', ARRAY[
'sale agua marron al abrir la llave, la tuberia es de fierro galvanizado',
'vale la pena cambiar las cañerias galvanizadas viejas?',
'la tubería de hierro tiene poco caudal y óxido, se puede limpiar?',
'casa vieja con caños galvanizados que pierden en las roscas',
'sale agua con oxido en toda la casa, la instalacion es de hierro viejo'
]);

SELECT kb_seed_article(
'racor-compresion-bicono',
'Racor de compresión (bicono u oliva): montarlo y reparar una fuga',
'Los racores de compresión cierran al apretar una tuerca que clava un anillo de latón (bicono u oliva) contra el tubo y el cono del racor. Se usan en cobre, en llaves de escuadra y, con casquillo interior, en tubos plásticos. Fallan por tubo mal cortado u ovalado, anillo torcido, apriete corto o excesivo, o por reutilizar un bicono ya marcado.',
'Gota en la tuerca de una llave de escuadra o de un racor; fuga después de mover el tubo; tuerca que gira sin llegar a cerrar.',
'1. Cortar el agua y abrir un grifo para quitar la presión.
2. Primero, con dos llaves (una sujetando el cuerpo del racor), dar un cuarto de vuelta más a la tuerca. Si sigue, desmontar.
3. Cortar el tubo a escuadra con cortatubos, quitar la rebaba y comprobar que no está ovalado ni rayado donde asienta el anillo.
4. Poner la tuerca y un bicono nuevo (el viejo queda marcado; si está clavado, cortar el tubo por detrás). En tubo plástico o multicapa, meter también el casquillo interior.
5. Meter el tubo recto hasta el tope del racor.
6. Cuánto apretar: a mano y luego con llave, sujetando el cuerpo con la otra; de forma orientativa, entre media y una vuelta más tras el apriete a mano (manda el fabricante).
7. No poner teflón ni pasta en el bicono; como mucho, si el fabricante lo admite, un poco de sellador en la rosca de la tuerca.
8. Abrir el agua despacio, purgar el aire por un grifo y comprobar con papel seco.',
'Quitar la presión antes de aflojar. Sujetar siempre el cuerpo con una segunda llave para no torcer el tubo ni romper una soldadura o la llave de escuadra.',
'Dos llaves fijas o ajustables, cortatubos, desbarbador, biconos del diámetro del tubo (10, 12, 15, 22 mm o 3/8, 1/2 in), casquillos interiores, extractor de biconos.',
'Racores empotrados, tubos dañados dentro de la pared o cualquier racor de gas (solo técnico habilitado): profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'compresion, racor de compresion, union de compresion, conexion de compresion, bicono, oliva, anillo, ferrula, virola, tuerca, llave de escuadra, llave angular, casquillo, tubo de cobre'
);
SELECT kb_seed_examples('racor-compresion-bicono', ARRAY[
'¿Cuánto aprieto un racor de bicono?',
'gotea la tuerca de la llave de escuadra, cambio la oliva?',
'se puede reutilizar el bicono de un racor de compresion?',
'la ferrula de la llave angular no sella',
'como saco un bicono clavado en el tubo de cobre'
]);

SELECT kb_seed_article(
'racor-prensar-multicapa',
'Racores de prensar (press-fit) y tubo multicapa: cómo prensar sin fugas',
'Los racores de prensar unen tubo multicapa, cobre o acero inoxidable con un accesorio que lleva juntas tóricas y un casquillo que se deforma con una prensa y una mordaza del perfil correcto. Casi todas las fugas vienen de no calibrar ni biselar el tubo (se corta la junta), de no meterlo hasta el fondo o de usar una mordaza de otro perfil.',
'Accesorio prensado que gotea; gota al dar presión en una unión que se olvidó prensar; tubo que se sale del accesorio.',
'1. Cortar el tubo a escuadra con el cortatubos de multicapa (no con sierra).
2. Calibrar y biselar por dentro con el calibrador del diámetro (multicapa habitual: 16, 20, 26, 32 mm): redondea el tubo y evita cortar la junta tórica.
3. Marcar la profundidad de inserción y meter el tubo hasta el tope; comprobarlo por la ventana de control del casquillo si la tiene.
4. Usar la mordaza del perfil del fabricante (TH, U, B, M, V según el sistema) y del diámetro; no mezclar sistemas.
5. Colocar la mordaza a escuadra sobre el casquillo y prensar hasta que la máquina complete el ciclo.
6. Muchos accesorios pierden a propósito si no están prensados: la prueba de presión que indique el fabricante o la normativa descubre las uniones olvidadas. Purgar el aire del circuito antes de probar.
7. Una unión prensada que pierde no se vuelve a prensar: cortar y poner un accesorio nuevo.',
'Quitar la presión antes de cortar. Las manos fuera de la mordaza durante el prensado. Prensa y mordazas revisadas según el fabricante.',
'Prensa manual o de batería, mordazas del perfil y diámetro, cortatubos de multicapa, calibrador-biselador, rotulador, accesorios del mismo sistema, bomba de prueba.',
'Instalaciones de gas prensadas (solo accesorios homologados para gas y técnico habilitado) o sistemas desconocidos sin la mordaza correcta: profesional del sistema.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'press fit, pressfit, press-fitting, racor de prensar, accesorio prensado, prensar, prensadora, mordaza, multicapa, tubo multicapa, alpex, perfil th, biselar, mapress, viega, junta torica'
);
SELECT kb_seed_examples('racor-prensar-multicapa', ARRAY[
'el racor prensado de multicapa gotea, lo vuelvo a prensar?',
'¿Qué mordaza uso para prensar multicapa de 16?',
'hay que calibrar el tubo multicapa antes de meter el press fit?',
'tubo alpex se sale del accesorio',
'como pruebo que no quedo ninguna union sin prensar'
]);

SELECT kb_seed_article(
'manguito-dielectrico',
'Unir cobre con hierro galvanizado: manguito dieléctrico y corrosión galvánica',
'Cuando dos metales distintos (cobre o latón y acero galvanizado) se tocan con agua de por medio se forma una pila: el menos noble, el zinc y el acero, se corroe rápido junto a la unión. Además, los iones de cobre que arrastra el agua atacan el galvanizado que queda aguas abajo.',
'Óxido, costras blancas o verdes y goteo justo en la unión entre cobre y galvanizado; rosca del galvanizado comida a los pocos años; agua con óxido.',
'1. Cortar el agua y vaciar el tramo.
2. Desmontar la unión; si la rosca del galvanizado está comida, cortar y hacer rosca nueva o cambiar ese tramo.
3. Nunca unirlos directamente: poner un manguito dieléctrico, que separa los dos metales con una junta y un casquillo aislante. El lado de acero rosca al galvanizado; el de cobre se suelda o va a compresión.
4. Sellar solo las roscas (cinta PTFE o pasta apta para agua potable). Si hay que soldar el cobre, hacerlo antes de montar el manguito o lejos de él para no quemar el aislante.
5. Respetar el sentido del agua: el cobre siempre aguas abajo del galvanizado, nunca al revés.
6. Un racor de latón o bronce entre ambos reduce el problema, pero lo recomendado es el manguito dieléctrico.
7. Si la tubería hace de toma de tierra, el manguito la interrumpe: avisar a un electricista.
8. Abrir el agua, purgar el aire por un grifo y revisar la unión.',
'Cortar el agua antes de desmontar. Al soldar cerca, manta ignífuga y extintor. Continuidad de la toma de tierra: consultar a un electricista.',
'Manguito dieléctrico del diámetro (1/2, 3/4, 1 in), llaves de tubo, cinta PTFE o pasta, soplete y material de soldar o racor de compresión, terraja.',
'Instalaciones de gas (solo técnico habilitado) o galvanizado muy deteriorado que conviene sustituir: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'manguito dielectrico, manguito aislante, manguito electrolitico, union dielectrica, corrosion galvanica, pila galvanica, electrolisis, cobre y galvanizado, tubo de cobre con caño galvanizado, empalmar cobre con galvanizado, cobre con hierro, union cobre hierro, metales distintos, laton, bronce, fierro'
);
SELECT kb_seed_examples('manguito-dielectrico', ARRAY[
'como uno tubo de cobre con caño galvanizado',
'se puede empalmar cobre con fierro galvanizado directamente?',
'la union entre el cobre y el hierro se pudre a los pocos años, por que?',
'para que sirve el manguito dielectrico',
'que va primero en el sentido del agua, el cobre o el galvanizado'
]);

SELECT kb_seed_article(
'ppr-termofusion',
'Termofusión de tubo PPR (polipropileno): temperatura y tiempos',
'El PPR se une fundiendo a la vez tubo y accesorio con una termofusora (polifusor) a unos 260 °C y encajándolos sin girar. Admite agua fría y caliente a presión, a diferencia del PVC. Una unión falla por poco o demasiado calor, por girar al encajar o por moverla antes de que enfríe.',
'Fuga en una unión termofusionada; rebaba interior que estrecha el paso; unión torcida; el tubo no entra en la boquilla.',
'1. Montar las boquillas del diámetro, limpias, y esperar a que la termofusora llegue a 260 °C (±10 °C); lo indica su luz.
2. Para reparar una fuga: cortar el agua y vaciar el tramo (la unión se hace en seco, sin agua en el tubo), cortar la parte dañada y unir con manguitos o un accesorio de reparación. Cortar el tubo a escuadra con tijera de PPR, limpiar tubo y accesorio (sin grasa ni polvo) y marcar la profundidad de inserción.
3. Tubo con capa de aluminio: pelarla con la herramienta peladora antes de soldar.
4. Meter a la vez el tubo en la boquilla hembra y el accesorio en la macho, sin girar, y calentar el tiempo que toca. Cuánto, orientativo (DVS 2207-11): 20 mm 5 s, 25 mm 7 s, 32 mm 8 s, 40 mm 12 s, 50 mm 18 s.
5. Sacarlos a la vez y encajarlos en 4–6 s como máximo, rectos y sin girar, hasta la marca; debe verse un cordón uniforme.
6. Sujetar unos segundos y no mover ni forzar la unión hasta que enfríe: unos 2 minutos en 20–25 mm y 4 en 32–50 mm.
7. Probar a presión según el fabricante antes de tapar. Su tabla de tiempos manda sobre estos valores.',
'La placa y las boquillas están a 260 °C: guantes, soporte estable y no dejar la termofusora enchufada sin vigilancia. Cambiar boquillas solo con la herramienta y guantes.',
'Termofusora con boquillas del diámetro, tijera o cortatubos de PPR, peladora (tubo con aluminio), rotulador, alcohol y trapo, guantes.',
'Diámetros grandes (soldadura a tope o electrofusión) o reparaciones empotradas: profesional del sistema.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'termofusion, termofusionar, termofusora, polifusor, soldadora de ppr, ppr, pp-r, polipropileno, tubo verde, acqua system, hidro3, fusion, soldar ppr, boquillas, tubo de polipropileno'
);
SELECT kb_seed_examples('ppr-termofusion', ARRAY[
'cuantos segundos caliento el ppr de 20',
'¿A qué temperatura va la termofusora?',
'la union de termofusion pierde, que hice mal?',
'como se suelda el tubo de polipropileno',
'se gira el tubo al meterlo en la termofusion?'
]);

SELECT kb_seed_article(
'fuga-union-roscada',
'Unión roscada que gotea en una instalación en servicio: qué hacer',
'Una rosca que empieza a gotear después de años suele tener el sellador envejecido, la rosca corroída o el accesorio agrietado por un apriete excesivo o una helada. Apretar más casi nunca lo arregla: en latón y galvanizado viejos, suele partir la pieza.',
'Gota o costra verde o blanca en una rosca (llave de paso, codo, te, manguito); humedad alrededor de un accesorio roscado; goteo que empezó tras mover la tubería.',
'1. Cortar el agua del tramo y abrir un grifo para quitar la presión.
2. Buscar grietas en el accesorio (línea fina, a veces visible solo al secarlo): si está agrietado, cambiarlo, no resellar.
3. Desenroscar sujetando la pieza contigua con una segunda llave, para no transmitir el giro a otras uniones ni a la pared.
4. Limpiar la rosca macho con cepillo de alambre, sin restos de cinta, cáñamo o pasta viejos.
5. Resellar con un sistema apto para agua potable: cinta PTFE, hilo sellador de roscas o cáñamo con pasta (ver el artículo de sellado de roscas).
6. Roscar a mano y apretar con llave sin pasarse; si la rosca entra de más o está comida, cambiar la pieza o el tramo.
7. Si no se puede desenroscar sin desmontar medio circuito, cortar y poner una unión desmontable (enlace de tres piezas) para la próxima vez.
8. Abrir el agua despacio, purgar el aire por un grifo y vigilar un rato con papel seco.',
'Quitar la presión antes de desenroscar. Sujetar con dos llaves para no romper tuberías empotradas. Roscas de gas: solo técnico habilitado.',
'Dos llaves de tubo o ajustables, cepillo de alambre, cinta PTFE o hilo sellador apto para agua potable, cáñamo y pasta, enlace de tres piezas, papel absorbente.',
'Roscas empotradas, accesorios dentro de la pared o tuberías de gas: profesional (técnico de gas habilitado para el gas).',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'fuga en rosca, rosca que gotea, union roscada, niple, accesorio roscado, codo, te, manguito roscado, enlace, hilo sellador, loctite 55, rosca pasada, accesorio rajado, costra verde'
);
SELECT kb_seed_examples('fuga-union-roscada', ARRAY[
'gotea un codo roscado de la instalacion, lo aprieto mas?',
'fuga en la rosca de una te de laton vieja',
'pierde agua el niple de la llave de paso',
'le sale una costra verde a la union roscada',
'la rosca del caño galvanizado gotea despues de tantos años'
]);

SELECT kb_seed_article(
'abrazadera-reparacion',
'Abrazadera de reparación: tapar un poro o una grieta en una tubería',
'La abrazadera de reparación es una envolvente metálica con una goma interior que se aprieta sobre el tubo y tapa un poro, una grieta corta o un pinchazo. Es rápida y aguanta la presión de una vivienda, pero es una reparación de urgencia hasta cambiar el tramo.',
'Chorro fino o goteo por un poro del tubo; tubo perforado por un taladro o un clavo; grieta pequeña por una helada.',
'1. Cortar el agua y abrir un grifo para quitar la presión.
2. Medir el diámetro exterior del tubo y elegir una abrazadera de ese rango (cobre 15, 18, 22 mm; un tubo de hierro de 1/2 in mide unos 21 mm por fuera y uno de 3/4 in unos 27 mm), que cubra la grieta con 2–3 cm de margen a cada lado.
3. Cerrar la llave de paso y vaciar el tramo para trabajar sin presión. Limpiar y lijar la zona: sin óxido, restos sueltos ni rebabas que corten la goma.
4. Centrar la goma sobre el poro, con la junta de la propia abrazadera en el lado contrario a la fuga.
5. Cerrarla y apretar los tornillos por igual, alternando, hasta que la goma quede comprimida en todo el contorno.
6. Abrir el agua despacio, purgar el aire por un grifo y comprobar; reapretar si rezuma.
7. En tubos de plástico (PVC, multicapa) usar abrazaderas específicas o, mejor, cortar y poner un manguito: el plástico se deforma al apretar.
8. Programar la reparación definitiva: cortar el tramo y poner un manguito o tubo nuevo.',
'Quitar la presión antes de colocarla. Nunca usar abrazaderas ni cintas en tuberías de gas. Si hay agua cerca de enchufes, cortar la electricidad.',
'Abrazadera de reparación del diámetro, llave o carraca, lija, trapo, calibre o cinta métrica.',
'Tuberías empotradas o muy corroídas (saldrán más poros), grietas largas o en uniones, y cualquier tubo de gas: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'abrazadera de reparacion, abrazadera, collarin, collarin de reparacion, parche, poro, tubo picado, tuberia picada, grieta, fisura, perforado, tapar una fuga, reparacion rapida, chorrito'
);
SELECT kb_seed_examples('abrazadera-reparacion', ARRAY[
'como pongo una abrazadera de reparacion en un tubo picado',
'el caño tiene un poro y tira un chorrito, con que lo tapo?',
'collarin de reparacion para tubo de cobre de 22',
'le hice un agujero al tubo con el taladro, lo arreglo con abrazadera?',
'cuanto dura un parche de abrazadera en la tuberia'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Leaks and damp
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'fuga-prueba-contador',
'Prueba del contador: saber si hay una fuga y en qué zona está',
'Con todos los grifos y aparatos cerrados el contador no debe moverse. Si se mueve hay una fuga, a la vista (cisterna, grifo, termo) u oculta en paredes y suelos. Cerrando llaves por zonas se acota dónde está antes de romper nada.',
'Consumo de agua alto sin explicación; la rueda o estrella pequeña del contador gira con todo cerrado; el grupo de presión arranca solo; ruido de agua con todo cerrado.',
'1. Cerrar todos los grifos y los aparatos que gastan agua (lavadora, lavavajillas, riego, descalcificador) y esperar a que las cisternas terminen de llenar.
2. Mirar el indicador de bajo caudal del contador (estrella, rueda dentada o aguja de litros): si se mueve, hay fuga. Otra forma: anotar la lectura, no gastar agua en 1–2 horas y volver a leer.
3. Cerrar la llave de paso de la vivienda (la que está después del contador): si el contador se para, la fuga está dentro; si sigue, está entre el contador y la llave (según el tramo, a cargo del propietario o de la compañía de agua).
4. Con la llave general abierta, cerrar una a una las llaves de escuadra de cisternas y aparatos, o las llaves de cada zona (baño, cocina): cuando el contador se pare, la fuga está en lo último que se cerró.
5. Cisternas: prueba del colorante (ver el artículo de la cisterna); son la causa más frecuente.
6. Termo: mirar si la válvula de seguridad descarga sin parar.
7. Si no aparece a la vista, buscar manchas, suelo templado (fuga en agua caliente) o ruido de agua en la pared. En tramos que se pueden aislar, una prueba de presión con bombín y manómetro confirma si pierden.',
'Si hay agua cerca de enchufes o del cuadro eléctrico, cortar la corriente antes. No picar paredes sin saber por dónde van tubos y cables.',
'Linterna, papel y lápiz para las lecturas, colorante alimentario, llaves.',
'Fuga oculta en paredes, suelos, suelo radiante o en la acometida: empresa de detección de fugas (geófono, gas trazador, termografía) y, en la acometida, la compañía de agua.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'contador, contador de agua, medidor, medidor de agua, reloj del agua, prueba del contador, el contador gira, el contador se mueve, la estrella del contador, consumo alto, gasto de agua, localizar una fuga, detectar una fuga, donde esta la fuga'
);
SELECT kb_seed_examples('fuga-prueba-contador', ARRAY[
'el contador gira con todo cerrado, donde busco la fuga?',
'como hago la prueba del medidor para ver si hay fuga',
'Me llegó un consumo de agua altísimo y no veo ninguna fuga',
'la estrellita del contador se mueve sola',
'el contador sigue girando con la llave de paso cerrada, de quien es la fuga?'
]);

SELECT kb_seed_article(
'humedad-techo-vecino',
'Mancha de humedad en el techo del vecino de abajo: encontrar de dónde viene',
'Una mancha en el techo del piso de abajo puede venir de una tubería de suministro (pierde siempre), de un desagüe o de la junta de la ducha o la bañera (solo al usarlas), de la base del inodoro o de una bajante comunitaria. Antes de levantar el suelo hay que acotar el origen con pruebas sencillas.',
'El vecino avisa de una mancha o gotera en su techo bajo el baño o la cocina; mancha que crece o solo aparece después de ducharse; techo abombado o desconchado; olor.',
'1. Situar la mancha respecto a la vivienda de arriba: bajo qué aparato, bajante o tubería queda.
2. Prueba del contador con todo cerrado: si se mueve, es una fuga de suministro (ver el artículo de la prueba del contador).
3. Si no, probar cada aparato por separado, con un día entre pruebas y mirando la mancha: llenar y vaciar el lavabo; llenar y vaciar la bañera o el plato sin mojar las paredes; ducharse mojando paredes, juntas y silicona; descargar el inodoro varias veces.
4. La prueba que hace aparecer o crecer la mancha indica el origen: desagüe, junta de silicona o rejuntado, base del inodoro o grifería empotrada.
5. Si la mancha sigue sin usar nada y el contador está quieto, revisar la bajante comunitaria, la terraza o la cubierta de arriba y los pisos de al lado. Si crece solo cuando llueve y seca con tiempo seco, es una filtración de lluvia (cubierta, terraza, fachada), no de la tubería.
6. Anotar fechas y hacer fotos: sirven al seguro y a la comunidad.
7. Reparar el origen y dejar secar varias semanas antes de que el vecino arregle su techo.',
'Si el agua llega a luminarias o enchufes del techo del vecino, cortar allí la electricidad de ese circuito. Un techo de escayola muy abombado puede caer: no ponerse debajo.',
'Linterna, medidor de humedad, móvil para fotos, colorante alimentario, cubo.',
'Si no se localiza con pruebas sencillas, tuberías empotradas, bajantes comunitarias o daños en el forjado: empresa de detección de fugas y, si hay seguro, su perito.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'humedad, mancha de humedad, mancha en el techo, techo del vecino, vecino de abajo, gotera, goteras, filtracion, filtra al vecino, cae agua al vecino, se moja el techo, cielo raso, cielorraso, plafon, seguro'
);
SELECT kb_seed_examples('humedad-techo-vecino', ARRAY[
'al vecino de abajo le sale una mancha de humedad en el techo del baño',
'el vecino dice que le cae agua, como se de donde viene',
'gotera en el cielorraso del departamento de abajo',
'mancha en el plafon del vecino solo cuando me baño',
'filtracion al piso de abajo, como la localizo sin romper'
]);

SELECT kb_seed_article(
'condensacion-o-fuga',
'Mancha por condensación o por fuga: cómo distinguirlas',
'Las tuberías de agua fría, la cisterna o los muros fríos sudan cuando el aire húmedo y templado de la casa toca una superficie fría: el agua de condensación gotea y mancha como una fuga. No hace falta romper nada: se corrige aislando y ventilando.',
'Gotas por fuera de un tubo de agua fría o de la cisterna en verano o al ducharse; moho en esquinas y detrás de muebles; manchas bajas en muros exteriores en invierno; contador quieto.',
'1. Prueba del contador con todos los grifos cerrados: si se mueve, hay fuga; cerrar la llave de paso del tramo sospechoso (el agua caliente, por ejemplo) y ver si se para. Si está quieto, no es una fuga de suministro.
2. Prueba de la lámina: pegar con cinta un cuadrado de papel de aluminio o plástico de unos 30 × 30 cm sobre la mancha, sellado por los bordes, y esperar 24–48 horas.
3. Si aparece humedad por fuera (lado de la habitación), es condensación; si aparece por debajo (lado del muro), el agua viene de dentro: fuga o filtración.
4. Tubos de agua fría que sudan: secarlos y forrarlos con coquilla aislante de célula cerrada (9–13 mm de espesor suele bastar en interior), con las juntas bien pegadas.
5. Cisterna que suda: ventilar el baño; hay kits aislantes para el interior de la cisterna.
6. Ventilar baño y cocina (extractor, abrir tras la ducha), no tender ropa dentro y mantener una temperatura estable.
7. Un higrómetro ayuda: por encima de un 60–65 % de humedad relativa la condensación y el moho son frecuentes.
8. Salitre y pintura que se levanta en la parte baja del muro sin tubos cerca: humedad que sube del suelo por capilaridad; la arregla un especialista en humedades, no el fontanero.
9. Limpiar el moho con un fungicida, con guantes.',
'No mezclar lejía con amoniaco ni con otros limpiadores al quitar moho. Guantes y mascarilla si hay mucho moho.',
'Papel de aluminio o plástico, cinta adhesiva, higrómetro, medidor de humedad, coquilla aislante de célula cerrada, adhesivo o cinta para coquilla.',
'Si la prueba indica agua desde dentro del muro, o hay humedad que sube del suelo en plantas bajas: empresa de detección de fugas o de humedades.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'condensacion, suda, sudan, tubo sudando, tuberia que suda, transpira, chorrea por fuera, cisterna suda, gotas en el tubo, agua fria, rocio, humedad, moho, hongos, mancha negra, prueba del papel de aluminio, es fuga o condensacion'
);
SELECT kb_seed_examples('condensacion-o-fuga', ARRAY[
'el tubo del agua fria suda y gotea, es una fuga?',
'como se si la mancha es de condensacion o de fuga',
'prueba del papel de aluminio para la humedad'
]);

SELECT kb_seed_article(
'ducha-filtracion-juntas',
'La ducha o la bañera filtra al piso de abajo: silicona, rejuntado o desagüe',
'Muchas filtraciones de duchas no vienen de una tubería sino del agua que pasa por el cordón de silicona despegado entre el plato (o la bañera) y el azulejo, por juntas de azulejo agrietadas o porosas, o por la unión de la válvula de desagüe con el plato. El agua se acumula bajo el plato y aparece abajo o en la habitación de al lado.',
'Mancha abajo solo después de ducharse; silicona negra, despegada o agrietada; juntas de azulejo oscuras que tardan en secar; azulejos que suenan huecos; rodapié hinchado en la habitación contigua.',
'1. Descartar la tubería: prueba del contador con todo cerrado.
2. Prueba del desagüe: echar unos litros en el plato sin mojar las paredes y dejar que desagüe; repetir varias veces y mirar abajo.
3. Prueba de juntas: otro día, con la alcachofa baja, mojar solo la silicona perimetral; otro día, solo las juntas de azulejo.
4. Silicona: quitar toda la vieja y sellar de nuevo (ver el artículo de sellado con silicona).
5. Rejuntado: rascar las juntas agrietadas 2–3 mm, rellenar con mortero de juntas impermeable o epoxi y dejar curar sin mojar el tiempo del fabricante.
6. Desagüe: si pierde la unión de la válvula con el plato, cambiar su junta (a veces hay que levantar el plato o acceder desde abajo).
7. Esperar a que seque abajo y repetir la prueba que dio positivo.
8. Cañería o juntas: sin usar la ducha, cerrar todos los grifos y mirar el contador. Si avanza o la mancha crece sin ducharse, pierde la tubería o la grifería empotrada (embutida); si solo moja al duchar, juntas o desagüe.',
'Si la humedad llega a enchufes o luminarias del piso de abajo, cortar ese circuito. Guantes y gafas al rascar juntas y al cortar silicona con cuchilla.',
'Cuchilla o cúter, rascador de juntas, silicona sanitaria antimoho, mortero de juntas impermeable o epoxi, alcohol, cinta de carrocero, linterna.',
'Plato de obra sin impermeabilización, filtraciones que siguen tras resellar o hay que levantar el plato: profesional (fontanero y alicatador).',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'filtracion de la ducha, filtra la ducha, filtra la banera, junta de silicona, rejuntado, lechada, pastina, boquilla, fragüe, junta porosa, plato de ducha, regadera, tina, mancha abajo al ducharse'
);
SELECT kb_seed_examples('ducha-filtracion-juntas', ARRAY[
'la ducha filtra al piso de abajo pero las tuberias estan bien',
'Pasa agua por las juntas del azulejo de la regadera',
'la pastina de la ducha esta rota y moja el otro lado de la pared',
'como se si la filtracion es de la silicona o del desague del plato',
'hay que cambiar la boquilla de la regadera por filtracion?'
]);

SELECT kb_seed_article(
'fregadero-fuga-latiguillos',
'Agua en el mueble bajo el fregadero: latiguillos, llaves de escuadra, sifón o válvula',
'Bajo el fregadero hay varias uniones que pueden perder: los latiguillos (flexos) de alimentación del grifo, las llaves de escuadra, la válvula de desagüe del fregadero, el sifón y la toma del lavavajillas. Los latiguillos de malla trenzada se oxidan y revientan con los años y causan muchas inundaciones.',
'Fondo del mueble mojado o hinchado; goteo solo al usar el fregadero (desagüe) o todo el rato (alimentación); latiguillo con óxido o hilos rotos en la malla.',
'1. Vaciar el mueble, secar todo y poner papel seco en el fondo.
2. Sin usar el agua unos minutos: si gotea igual, es la alimentación (latiguillos o llaves); si solo gotea al vaciar el fregadero, es el desagüe (válvula, sifón o toma del lavavajillas).
3. Latiguillo: cerrar la llave de escuadra, aflojar la tuerca y cambiarlo por uno de la misma rosca (habitualmente 3/8 in hembra a la llave y M10 o M8 al grifo) y longitud, con su junta plana, sin teflón en la junta. Apretar a mano y después como mucho un cuarto de vuelta con la llave: de más, la junta se corta.
4. Cuánto duran: muchos fabricantes recomiendan renovarlos cada 5 años; si son viejos, cambiar los dos. Cambiarlos antes si la malla tiene óxido, hilos rotos o un bulto, o si el latiguillo quedó doblado o torcido.
5. Llave de escuadra que gotea por el vástago: apretar un poco su tuerca; si sigue, cambiarla (ver el artículo de racor de compresión si va a compresión).
6. Válvula del fregadero: desmontarla, limpiar y poner junta o masilla nueva bajo la brida y apretar la tuerca grande.
7. Sifón y toma del lavavajillas: revisar juntas y la abrazadera de la manguera. Si gotea por una tuerca del sifón, aflojarla, alinear bien los tubos (desalineado no cierra), poner la junta cónica en su sentido y apretar a mano.
8. Abrir el agua, llenar y vaciar el fregadero y comprobar con papel seco.',
'Cerrar el agua antes de desmontar. Si hay enchufes o un triturador bajo el fregadero y está todo mojado, cortar la corriente antes.',
'Llave ajustable, llave de lavabo (para tuercas de difícil acceso), latiguillos nuevos, juntas, linterna, papel absorbente, cubo.',
'Llaves de escuadra que no cierran, tubo de la pared dañado, mueble o suelo podridos por la humedad: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'latiguillo, latiguillos, cambiar los latiguillos, flexo, flexible, flexibles, manguera del grifo, coflex, chicote, conexion flexible, llave de escuadra, llave angular, debajo del fregadero, bajo la tarja, mueble mojado, lavaplatos, agua debajo del fregadero, reventó el latiguillo'
);
SELECT kb_seed_examples('fregadero-fuga-latiguillos', ARRAY[
'Hay agua en el mueble de abajo del fregadero, ¿de dónde sale?',
'el latiguillo del grifo de la cocina gotea',
'cambiar coflex de la tarja',
'se revento el flexible debajo de la pileta de la cocina',
'cada cuanto se cambian los latiguillos',
'gotea el chicote debajo del lavaplatos'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Gas appliances: safety (the plumber's part; gas work itself only by an authorised gas technician)
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'gas-rejillas-ventilacion',
'Rejillas de ventilación de los aparatos de gas: por qué no se pueden tapar',
'Los aparatos de gas necesitan aire para quemar bien y el local necesita una salida por si hay un escape. Por eso la normativa exige rejillas o aberturas permanentes. Tapadas con cinta, muebles o papel, la combustión empeora y se forma monóxido de carbono, y el gas de una fuga se acumula.',
'Rejillas tapadas por el frío o el ruido; reforma que ha eliminado la rejilla; aparato con llama amarilla; olor a combustión; condensación en los cristales.',
'1. Identificar las aberturas: normalmente una baja, junto al suelo (entrada de aire), y otra alta, junto al techo (salida), o una abertura directa al exterior. Su tamaño y posición los fija la normativa según la potencia y el tipo de los aparatos (en España, UNE 60670-6).
2. Comprobar que están libres: sin cinta, papel, muebles, cortinas ni filtros que reduzcan el paso.
3. Con butano o propano (más pesados que el aire) la abertura baja es imprescindible: el gas escapado se acumula en el suelo.
4. No sustituir una rejilla por un extractor: un extractor de cocina o de baño puede invertir el tiro de un calentador atmosférico y meter los humos en casa.
5. Si el cliente quiere quitar el frío o el ruido, la solución es cambiar o reubicar el aparato (por ejemplo uno estanco), no tapar la rejilla: lo decide un instalador de gas habilitado.
6. Recomendar un detector de monóxido de carbono homologado.
7. Anotar en el parte de trabajo las rejillas tapadas y avisar al cliente por escrito.',
'Nunca tapar ni reducir las rejillas de ventilación del gas. Con olor a gas, síntomas de monóxido (dolor de cabeza, mareo) o llama amarilla: apagar el aparato, ventilar, salir y llamar a la compañía de gas o al 112. Modificar ventilaciones o instalaciones de gas: solo técnico habilitado.',
'Linterna, metro, detector de monóxido de carbono homologado.',
'Cualquier modificación de rejillas, conductos de humos o aparatos de gas, y la revisión periódica obligatoria: instalador o empresa de gas habilitada.',
'Equipo técnico Remedios, base de conocimiento interna; criterios generales de seguridad en aparatos de gas.',
'rejilla de ventilacion, rejillas, rejilla del gas, ventilacion del gas, entrada de aire, aberturas, tapar la rejilla, entra frio por la rejilla, butano, propano, bombona, garrafa, gas natural'
);
SELECT kb_seed_examples('gas-rejillas-ventilacion', ARRAY[
'puedo tapar la rejilla de la cocina que entra mucho frio?',
'¿Para qué sirven las rejillas de ventilación del gas?',
'el cliente tapo la rejilla del calefon con cinta',
'hace falta rejilla abajo si tengo garrafa de gas?',
'puse un extractor y quitaron la rejilla, es legal?'
]);

SELECT kb_seed_article(
'gas-tubo-flexible-caducado',
'Tubo flexible de gas (bombona o cocina) caducado: revisar la fecha y sustituirlo',
'Los tubos flexibles de goma que conectan la bombona o la cocina al gas llevan la fecha de caducidad impresa en el propio tubo; con el tiempo y el calor se endurecen, se agrietan y pueden perder gas. Los flexibles metálicos de acero inoxidable duran mucho más, pero también deben estar homologados y sin daños.',
'Fecha impresa en el tubo ya pasada; goma dura, cuarteada o aplastada; tubo que pasa por detrás del horno o toca zonas calientes; olor a gas junto a la conexión.',
'1. Si huele a gas: no encender nada, cerrar la llave o la válvula de la bombona si se puede sin riesgo, ventilar, salir y llamar a la compañía de gas o al 112.
2. Leer la fecha de caducidad impresa a lo largo del tubo: si ha pasado o está cerca, hay que cambiarlo. Mejor poner un flexible metálico de acero inoxidable homologado, que dura mucho más que la goma.
3. Revisar el recorrido: el tubo de goma no debe pasar por detrás del horno ni cerca de fuentes de calor, ni quedar tenso, doblado o aplastado; la longitud máxima habitual es 1,5 m (manda la normativa y el fabricante).
4. El tubo nuevo debe estar homologado para el gas que se usa (butano/propano o gas natural), con sus abrazaderas o conexiones roscadas según el sistema.
5. Con gas natural o instalación fija, la conexión del aparato la hace un instalador de gas habilitado; con bombona, el servicio técnico del distribuidor o un instalador habilitado.
6. Tras el cambio, comprobar la estanqueidad con agua jabonosa o spray detector, nunca con llama (ver el artículo de prueba de fugas).
7. Con bombona, revisar también el regulador (fecha, junta, sin golpes) y cambiarlo si está viejo o pierde. Aprovechar para revisar la fecha de la revisión periódica obligatoria.',
'Nunca buscar fugas con una llama o un mechero. El fontanero sin habilitación de gas no debe hacer conexiones de gas. Cerrar la llave del gas antes de cualquier manipulación.',
'Agua jabonosa o spray detector de fugas, linterna; el tubo y sus abrazaderas homologados los pone el técnico.',
'Cambio del tubo o de la conexión en gas natural o instalaciones fijas, olor a gas, tubo dañado: instalador de gas habilitado o servicio técnico del distribuidor.',
'Equipo técnico Remedios, base de conocimiento interna; criterios generales de seguridad en aparatos de gas.',
'tubo de gas, tubo del butano, goma del butano, manguera de gas, flexible de gas, conexion flexible, caducado, caducidad, fecha de caducidad, tubo de la bombona, manguera del tanque de gas, garrafa, balon de gas, cilindro de gas, pipeta de gas, cocina de gas, estufa'
);
SELECT kb_seed_examples('gas-tubo-flexible-caducado', ARRAY[
'¿Cada cuánto se cambia la goma del butano?',
'el tubo de la bombona pone caducado en 2019, es peligroso?',
'la manguera del tanque de gas esta cuarteada',
'puedo cambiar yo el flexible de gas de la cocina?',
'cuanto puede medir la manguera del balon de gas'
]);

SELECT kb_seed_article(
'gas-prueba-fugas-jabon',
'Comprobar si una conexión de gas pierde: agua jabonosa o spray, nunca con llama',
'Después de cambiar un tubo o un aparato, o si se sospecha de una conexión, la estanqueidad se comprueba con agua jabonosa o con un spray detector homologado: donde hay escape se forman burbujas. Buscar un escape con un mechero o una cerilla puede provocar una explosión.',
'Duda de si una rosca o una conexión de gas pierde; olor leve a gas junto a la bombona o la llave; se acaba de cambiar el tubo flexible.',
'1. Si el olor es fuerte, no hacer la prueba: no tocar interruptores, ventilar, cerrar el gas si se puede, salir y llamar a la compañía de gas o al 112.
2. Ventilar y asegurarse de que no hay llamas ni aparatos encendidos cerca.
3. Preparar agua con jabón líquido que haga espuma, o usar un spray detector de fugas de gas.
4. Con el gas abierto y los aparatos apagados, aplicarla con un pincel o pulverizarla en cada unión: regulador, roscas, abrazaderas y los dos extremos del tubo.
5. Observar 1–2 minutos: burbujas que crecen indican escape. Cerrar el gas y no usar el aparato hasta que lo repare un técnico habilitado.
6. Limpiar los restos de jabón con un trapo húmedo (algunos jabones atacan el latón con el tiempo; los sprays homologados no).
7. Un detector electrónico de gas ayuda con escapes pequeños; la prueba oficial de estanqueidad con manómetro la hace el instalador.',
'Nunca usar llama, mechero ni cerilla para buscar fugas. Con olor a gas no accionar interruptores ni timbres ni usar el móvil dentro. Reparar cualquier fuga: solo técnico de gas habilitado.',
'Agua y jabón líquido o spray detector de fugas de gas, pincel o pulverizador, trapo, detector electrónico de gas (opcional).',
'Cualquier burbuja, u olor a gas que no desaparece al cerrar la llave, y toda reparación en la instalación de gas: técnico de gas habilitado; con olor fuerte, compañía de gas o 112.',
'Equipo técnico Remedios, base de conocimiento interna; criterios generales de seguridad en aparatos de gas.',
'prueba de fugas, probar fuga de gas, agua jabonosa, agua con jabon, espuma, burbujas, spray detector, detector de gas, mechero, cerilla, encendedor, con llama, estanqueidad, revisar conexion de gas, fuga en la conexion de gas, tanque de gas, regulador'
);
SELECT kb_seed_examples('gas-prueba-fugas-jabon', ARRAY[
'como compruebo que no pierde gas la conexion nueva',
'¿Se puede buscar una fuga de gas con el encendedor?',
'prueba con agua jabonosa en el regulador de la garrafa',
'salen burbujas en la rosca del gas al echar jabon',
'como se si el tanque de gas tiene fuga'
]);

SELECT kb_seed_article(
'gas-quien-puede-trabajar',
'¿Puede un fontanero trabajar en el gas? Quién está habilitado y qué no tocar',
'Las instalaciones de gas (tuberías, llaves, conexiones de aparatos, calentadores, calderas y conductos de humos) solo las puede montar, modificar y reparar un instalador de gas habilitado o autorizado según el país. Un fontanero sin esa habilitación puede trabajar en el agua del aparato, pero no en la parte de gas.',
'El cliente pide mover la cocina o el calentador de gas, cambiar una llave de gas o alargar un tubo; reforma de cocina con gas; duda sobre qué se puede hacer sin carné.',
'1. España: instalador de gas habilitado (categorías A, B o C según el trabajo) de una empresa instaladora registrada; al terminar emite el certificado de la instalación.
2. Otros países: Argentina, gasista matriculado; Chile, instalador autorizado por la SEC; Colombia, técnico certificado en competencias de gas; México, instalador con el dictamen de una unidad de verificación cuando la norma lo exige. Manda siempre la normativa local.
3. Sin habilitación no se puede: cortar, soldar, roscar o alargar tuberías de gas, cambiar llaves de gas, conectar o desconectar aparatos de gas canalizado, ni tocar quemadores, válvulas de gas o conductos de humos.
4. Sí puede el fontanero: conectar el agua fría y caliente de un calentador o caldera, cambiar sus latiguillos de agua y la válvula de seguridad del agua, y cerrar la llave del gas en una emergencia.
5. En reformas, coordinarse con el instalador de gas: él desconecta y vuelve a conectar el aparato, prueba la estanqueidad y firma el certificado.
6. Si se detecta olor a gas, rejillas tapadas o llama amarilla: parar, avisar al cliente y al técnico de gas y anotarlo en el parte.
7. Recordar la revisión periódica obligatoria (en España, cada 5 años).',
'El gas y el monóxido de carbono matan: no improvisar. Una conexión de gas mal hecha puede causar una explosión o una intoxicación y deja al fontanero sin cobertura del seguro. Con olor a gas: no accionar interruptores, ventilar, salir y llamar a la compañía de gas o al 112.',
'Para el gas, ninguna: coordinarse con el instalador habilitado. Detector de monóxido de carbono para recomendar al cliente.',
'Cualquier trabajo en la parte de gas: instalador o empresa de gas habilitada; inspecciones y certificados, la empresa instaladora o la distribuidora.',
'Equipo técnico Remedios, base de conocimiento interna; criterios generales de seguridad en aparatos de gas.',
'quien puede, habilitado, habilitacion, carnet de gas, carne de gas, instalador de gas, instalador autorizado, gasista, gasista matriculado, matricula, certificado de gas, puedo tocar el gas, mover la cocina de gas, llave de gas, alargar el tubo de gas, legal, permiso'
);
SELECT kb_seed_examples('gas-quien-puede-trabajar', ARRAY[
'¿Puedo mover la cocina de gas si soy fontanero?',
'hace falta carnet para conectar un calentador de gas',
'el cliente quiere que le alargue el tubo del gas, lo puedo hacer?',
'necesito ser gasista matriculado para cambiar una llave de gas?',
'que parte del calentador puede tocar el plomero y cual no'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Outdoor work and frost
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'grifo-exterior-antihielo',
'Grifo exterior antihielo (antiheladas, frost-free): cómo funciona, cómo instalarlo y por qué revienta',
'En un grifo de jardín, patio o terraza normal el agua queda en el grifo y en el tubo que atraviesa la fachada, y con heladas revienta. El grifo antihielo cierra el paso en el extremo interior de un cuerpo largo (de unos 15 a 30 cm o más), dentro de la zona caliente de la casa, y el tramo exterior se vacía solo al cerrar, siempre que tenga pendiente hacia fuera y no tenga la manguera puesta.',
'Grifo exterior que revienta o gotea dentro del muro después de una helada; agua en el sótano o el garaje al abrir el grifo de fuera en primavera; grifo que no corta bien.',
'1. Medir el espesor del muro y elegir la longitud del cuerpo (de unos 15 a 30 cm o más) para que el asiento de cierre quede dentro de la zona calefactada o protegida.
2. Montarlo con una ligera pendiente hacia fuera, para que se vacíe al cerrar.
3. Poner antes, en el interior, una llave de corte con purga para poder aislarlo.
4. Muchos llevan antirretorno o rompedor de vacío incorporado; si no, añadir uno en la boca (obligatorio en muchas normativas si se conectan mangueras o riego).
5. Fijar bien la brida a la fachada y sellar el paso del muro.
6. En invierno, quitar la manguera y cualquier accesorio enroscado: con la manguera puesta el agua no sale y el grifo revienta dentro del muro.
7. Grifo reventado: cerrar la llave interior, sacar el grifo, revisar el tubo interior y cambiar el cuerpo completo.
8. Sin antihielo: cerrar la llave interior antes de las heladas, abrir su purga y dejar el grifo exterior abierto todo el invierno.',
'Cortar el agua antes de desmontar. Si hay una fuga dentro del muro cerca de enchufes exteriores o de la instalación eléctrica, cortar la corriente. No usar llama para deshelar.',
'Grifo antihielo de la longitud adecuada, llave de corte con purga, taladro con broca larga o corona, sellador de fachada, llaves, cinta PTFE.',
'Tubo reventado dentro del muro, paso por muros de carga o fachadas con aislamiento exterior: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'grifo exterior, grifo de jardin, grifo antihielo, grifo antiheladas, llave antihielo, llave de jardin, llave de manguera, canilla de jardin, canilla exterior, canilla de servicio, llave exterior, revienta el grifo, se rompe en invierno, frost free, manguera, helada'
);
SELECT kb_seed_examples('grifo-exterior-antihielo', ARRAY[
'¿Qué es un grifo antihielo y cómo se pone?',
'la canilla del jardin revento con la helada',
'la llave de la manguera de afuera gotea por dentro de la pared despues del invierno',
'como evito que se rompa el grifo exterior en invierno',
'grifo antiheladas con la manguera puesta se revienta?'
]);

SELECT kb_seed_article(
'vaciar-instalacion-invierno',
'Vaciar la instalación de agua de una casa que se cierra en invierno',
'En segundas viviendas, casas de campo o locales sin calentar que quedan cerrados con heladas, el agua que queda en tuberías, termo, cisternas y sifones se hiela y revienta tubos y aparatos. Vaciar la instalación antes de cerrar impide la avería.',
'Casa cerrada en invierno en zona de heladas; tuberías, termo o cisterna reventados al volver; hielo en los sifones.',
'1. Cerrar la llave de paso general (si hay pozo o grupo de presión, desconectar la bomba).
2. Cortar la electricidad del termo eléctrico en el cuadro (o apagar el calentador de gas según el fabricante) y dejar enfriar el agua.
3. Abrir todos los grifos de fría y caliente, empezando por los más altos, para que entre aire.
4. Abrir la llave de vaciado del punto más bajo de la instalación, o su tapón de purga, y recoger el agua.
5. Vaciar el termo por su llave de vaciado con una manguera, con un grifo de caliente abierto.
6. Descargar las cisternas y secar el fondo con una esponja; vaciar los latiguillos de lavadora y lavavajillas y el grifo exterior.
7. Sifones e inodoros no se vacían (entraría olor): echar anticongelante apto para sifones, a base de propilenglicol, nunca el del coche.
8. Dejar los grifos abiertos y una nota en la llave general.
9. Al volver: cerrar grifos y vaciados, abrir la general despacio, purgar cada grifo y llenar el termo del todo (grifo de caliente abierto hasta que salga agua sin aire); solo entonces conectar su electricidad.',
'Nunca conectar un termo eléctrico vacío: la resistencia se quema. El agua del termo puede estar muy caliente: dejar enfriar. No usar anticongelante de automóvil en la instalación ni en sifones: es tóxico.',
'Manguera, cubo, esponja, llaves, anticongelante para sifones (propilenglicol), etiqueta para la llave general.',
'Instalaciones con grupo de presión, descalcificador, placas solares o circuitos que hay que proteger con anticongelante: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'vaciar la instalacion, vaciar las tuberias, vaciar el agua de la casa, casa cerrada, segunda vivienda, casa de campo, cabaña, invierno, heladas, drenar, anticongelante, cerrar la casa, llave de vaciado'
);
SELECT kb_seed_examples('vaciar-instalacion-invierno', ARRAY[
'como vacio el agua de la casa de campo para el invierno',
'cerramos la segunda vivienda hasta primavera, que hago con el agua',
'se puede echar anticongelante en los sifones?',
'drenar la cañeria de la cabaña por las heladas',
'al volver a la casa como lleno el termo otra vez'
]);

SELECT kb_seed_article(
'aislar-tuberias-coquilla',
'Aislar tuberías con coquilla: contra heladas, condensación y pérdidas de calor',
'La coquilla (tubo aislante de espuma elastomérica o de polietileno) protege las tuberías del frío, impide que las de agua fría suden y reduce lo que pierden las de agua caliente. Solo sirve si cubre todo el tubo, sin huecos, y con el espesor adecuado.',
'Tuberías en garajes, fachadas, terrazas o buhardillas que se hielan; tubos de agua fría que gotean por condensación; el agua caliente tarda mucho o llega tibia.',
'1. Medir el diámetro exterior del tubo (cobre 15, 18, 22 mm; multicapa 16, 20, 26 mm; hierro 1/2, 3/4 in) y comprar coquilla de ese diámetro interior.
2. Espesor: contra la condensación en interior suelen bastar 9–13 mm de espuma elastomérica; en exterior o con heladas, más. Para agua caliente, en España el RITE fija mínimos (por ejemplo 25 mm en interior para tubos de hasta 35 mm con aislante de 0,040 W/m·K, y 10 mm más en exterior).
3. Abrir la coquilla por su corte (o cortarla a lo largo), colocarla sobre el tubo limpio y seco y pegar el corte con el adhesivo del fabricante o su tira autoadhesiva.
4. Unir los tramos a tope con adhesivo o cinta del mismo material; en codos, cortar a inglete; en tes y llaves, recortar piezas sin dejar huecos.
5. En exterior, proteger la coquilla de los rayos UV con su recubrimiento específico o una funda de aluminio o PVC: la espuma se degrada con el sol.
6. Con heladas fuertes la coquilla solo retrasa el hielo: en tramos exteriores añadir cable calefactor con termostato bajo la coquilla, o vaciar el tramo.
7. No aplastar la coquilla con las abrazaderas: usar abrazaderas del diámetro exterior aislado.',
'Los adhesivos de contacto son inflamables: ventilar y no fumar. Cable calefactor: solo homologado, con protección diferencial e instalado según el fabricante.',
'Coquilla del diámetro y espesor adecuados, cúter o cuchillo de aislamiento, adhesivo de contacto, cinta para coquilla, cable calefactor, funda o recubrimiento de protección UV.',
'Aislamiento de salas de calderas, instalaciones térmicas de edificio o tuberías de refrigeración: instalador térmico.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'coquilla, aislante, aislar tuberias, aislamiento, armaflex, espuma, cañuela, forrar tubos, proteger del frio, antiheladas, perdidas de calor, cable calefactor, espesor de aislamiento'
);
SELECT kb_seed_examples('aislar-tuberias-coquilla', ARRAY[
'que espesor de coquilla le pongo al tubo de agua caliente',
'como forro los caños del patio para el frio',
'aislar tuberia de cobre de 15 con armaflex',
'la coquilla al sol se estropea?',
'con aislante basta para que no se hiele el tubo de fuera?'
]);

SELECT kb_seed_article(
'riego-antirretorno',
'Conectar el riego a la red de agua: antirretorno, filtro y vaciado',
'Una manguera o un riego de jardín o terraza conectado al agua de la casa puede aspirar agua sucia (de charcos, abonos o depósitos) hacia la red potable si baja la presión. Por eso la toma de riego debe llevar un dispositivo antirretorno adecuado al riesgo. Además, los tubos de riego se estropean con heladas y sol.',
'Instalación de riego nueva o ampliada; riego con abonadora o depósito; agua de la casa con sabor o color raro después de regar; tubos de riego reventados tras el invierno.',
'1. Hacer la toma de riego con su propia llave de corte, después del contador y separada del consumo de la casa.
2. Instalar justo después una válvula antirretorno. Si hay abonadora, depósito o aspersores enterrados, el riesgo es mayor y hace falta un dispositivo de más nivel (desconector o rompedor de vacío) según la norma EN 1717 o el código local.
3. Montar a continuación el filtro de malla o de anillas (para goteo suele pedirse 120 mesh).
4. Si los goteros lo piden, un reductor de presión: muchos trabajan en torno a 1–2 bar (15–30 psi); ver el dato del fabricante.
5. Electroválvulas del programador en una arqueta registrable, respetando la flecha del sentido del agua.
6. En zonas de heladas, dejar un punto bajo de vaciado y vaciar el riego antes del invierno.
7. No dejar mangueras sumergidas en piscinas, cubos o depósitos: con una bajada de presión el agua sucia vuelve por sifonaje (reflujo) y contamina la red. En el grifo de jardín, enroscar un rompevacío en su rosca de 3/4 in.',
'Contaminar la red de agua potable pone en riesgo la salud de todo el edificio o la calle: el antirretorno no es opcional. Programadores y electroválvulas de 230 V: instalación eléctrica exterior protegida y con diferencial.',
'Válvula antirretorno o desconector, llave de corte, filtro, reductor de presión, programador, electroválvulas, arqueta, tubo de polietileno y accesorios.',
'Riego con abonadora o con agua de pozo conectado a la red, desconectores controlables o conexión en la acometida: instalador autorizado; en algunos lugares lo revisa la compañía de agua.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'riego, instalacion de riego, riego automatico, aspersor, aspersores, programador de riego, electrovalvula, antirretorno, valvula antirretorno, valvula check, check, contaminacion, retroceso, vacuum breaker, jardin, goteros, abonadora'
);
SELECT kb_seed_examples('riego-antirretorno', ARRAY[
'¿Hace falta válvula antirretorno para conectar el riego a la casa?',
'donde pongo la valvula check del sistema de riego',
'el riego automatico con abonadora puede contaminar el agua?',
'conectar aspersores a la red de agua potable',
'como vacio el riego antes de las heladas'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Appliances, sealing and fitting jobs
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'lavadora-lavavajillas-conexion',
'Conectar una lavadora o un lavavajillas: toma de agua, desagüe y altura del sifón',
'La lavadora y el lavavajillas necesitan una toma de agua con llave propia (normalmente con rosca de 3/4 in) y un desagüe con sifón a la altura correcta. Un desagüe demasiado bajo o sin bucle alto hace que el aparato se vacíe solo o que le entre agua sucia del fregadero; uno demasiado alto fuerza la bomba.',
'Lavadora o lavavajillas nuevo por instalar; el aparato no deja de cargar agua porque se vacía por sifonamiento; agua sucia del fregadero que entra en el lavavajillas; olor en el lavavajillas.',
'1. Toma de agua: grifo de lavadora (llave de corte con entrada de 1/2 in a la tubería y salida de 3/4 in para la manguera) en agua fría, salvo que el fabricante admita caliente. Usar la manguera nueva del aparato, con su junta, apretada a mano.
2. Desagüe a tubo vertical con sifón: de 40 mm como mínimo, mejor 50 mm, con la boca a la altura del manual (normalmente entre 60 y 90–100 cm sobre el suelo).
3. Meter la manguera solo unos 10–15 cm y sujetarla con brida o con su codo soporte, sin sellar la boca: tiene que entrar aire.
4. Desagüe al sifón del fregadero: sifón con toma para electrodoméstico; subir la manguera en un bucle alto, pegado bajo la encimera, antes de bajar a la toma; quitar el tapón interno de la toma si es nueva.
5. Si el desagüe queda más bajo de lo recomendado o el aparato se vacía solo, poner una válvula antirretorno en la manguera o un antisifón y mantener el bucle alto.
6. Lavavajillas con triturador: conectar a la entrada lateral del triturador y quitar antes su tapón ciego.
7. Si no hay toma, hacer una derivación con una te en la tubería de agua y poner una llave de lavadora de cuarto de vuelta (llave de bola con salida de 3/4 in). Nivelar el aparato, abrir la llave y probar un programa corto revisando fugas.',
'Enchufe en lugar seco, lejos de las tomas de agua y con toma de tierra; no usar alargadores ni regletas. Cerrar la llave del aparato en ausencias largas.',
'Grifo de lavadora de 3/4 in, manguera de entrada nueva, sifón con toma de electrodoméstico o toma de desagüe de 40–50 mm, bridas, válvula antirretorno, nivel, llave.',
'Si no hay toma ni desagüe y hay que abrir rozas y hacer tubería nueva, o el desagüe queda por encima del aparato sin poder cumplir las alturas: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'conectar lavadora, instalar lavadora, conectar lavavajillas, instalar lavavajillas, lavarropas, lavaplatos, toma de agua, grifo de lavadora, llave de lavadora, llave del lavavajillas, rosca de la llave, manguera de entrada, desague de la lavadora, altura del desague, antisifon, antirretorno, sifon con toma, se vacia sola, no para de cargar agua'
);
SELECT kb_seed_examples('lavadora-lavavajillas-conexion', ARRAY[
'como conecto la lavadora nueva al agua y al desagüe',
'la lavadora carga y desagota a la vez sin parar',
'a que altura pongo el desague del lavavajillas',
'conectar el lavavajillas al sifon del fregadero',
'instalar lavarropas, que rosca tiene la canilla?',
'hace falta valvula antirretorno en la manguera de la lavadora?'
]);

SELECT kb_seed_article(
'sellar-banera-silicona',
'Sellar con silicona la bañera o el plato de ducha contra la pared',
'El cordón de silicona entre la bañera o el plato y el azulejo impide que el agua pase por detrás. Con los años se ennegrece, se despega o se agrieta. Un sellado nuevo dura si se quita toda la silicona vieja, la superficie está limpia y seca y la bañera se sella cargada de agua.',
'Silicona negra, despegada o con huecos; agua detrás de la bañera; mancha abajo después de ducharse.',
'1. Cortar la silicona vieja con cúter o cuchilla, a ras del azulejo y de la bañera, y quitar los restos con un rascador de plástico y quitasiliconas.
2. Limpiar con alcohol, eliminar el moho con un fungicida (o lejía diluida, aclarando) y dejar secar bien, mejor 24 horas.
3. Bañera: llenarla de agua antes de sellar para que baje a su posición de uso; en un plato de ducha, apoyarse dentro.
4. Poner cinta de carrocero a los dos lados de la junta, dejando la anchura del cordón (unos 5–8 mm).
5. Aplicar silicona sanitaria antimoho con la pistola, en un cordón continuo (neutra en piedra natural, mármol y acrílico; acética vale en cerámica y esmalte).
6. Alisar con el dedo mojado en agua con jabón o con una espátula y quitar la cinta enseguida, antes de que forme piel.
7. Dejar curar sin mojar el tiempo del cartucho (normalmente 24 horas) y después vaciar la bañera.
8. Sellar la bañera llena de agua: baja con el peso y la junta no se despega después al usarla. Juntas de más de unos 10 mm: poner antes un cordón de espuma de fondo de junta o un perfil de sellado.',
'Ventilar: la silicona acética desprende vapores de ácido acético. No mezclar lejía con otros limpiadores. Cuidado con la cuchilla sobre esmalte y acrílico: los raya.',
'Cúter o cuchilla, rascador de plástico, quitasiliconas, alcohol, cinta de carrocero, silicona sanitaria antimoho, pistola, espátula de alisar, fondo de junta.',
'Si hay agua bajo el plato o la bañera, azulejos sueltos o la filtración sigue tras resellar: fontanero y alicatador (puede faltar impermeabilización).',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'silicona, silicon, silicona sanitaria, sellar la banera, sellar la tina, sellar el plato de ducha, sellar la regadera, cordon de silicona, sellador, siliconar, quitar silicona, silicona negra, moho, bañadera'
);
SELECT kb_seed_examples('sellar-banera-silicona', ARRAY[
'como pongo silicona en la bañera para que quede bien',
'quitar la silicona negra del plato de ducha y volver a sellar',
'que silicon uso para sellar la tina',
'hay que llenar la bañera antes de siliconar?',
'sellar la bañadera contra los azulejos'
]);

SELECT kb_seed_article(
'instalar-lavabo',
'Instalar un lavabo o lavamanos: altura, fijación y conexiones',
'Un lavabo mal fijado se mueve, despega la junta con la pared y acaba haciendo perder el sifón y las conexiones. El montaje correcto sigue un orden: grifo y válvula en el lavabo antes de colgarlo, fijación firme a la pared o al mueble, y conexiones de agua y desagüe sin tensiones.',
'Lavabo nuevo por colocar; lavabo que se mueve o se separa de la pared; fugas en la válvula o el sifón después de cambiarlo.',
'1. Altura habitual del borde: 80–90 cm desde el suelo (85 cm es lo más común). Marcar con nivel la línea y los taladros según la plantilla del fabricante.
2. Montar antes en el lavabo el grifo con sus latiguillos y la válvula de desagüe, con su junta o un cordón de silicona bajo la brida, apretando la tuerca sin forzar la porcelana.
3. Válvula con rebosadero: alinear su agujero con el canal del rebosadero.
4. Taladrar con la broca adecuada al material y poner tacos o, en tabique hueco, anclajes para hueco o un refuerzo; colocar los espárragos o las escuadras.
5. Colgar el lavabo, nivelarlo y apretar las tuercas con su arandela de goma, poco a poco.
6. Conectar los latiguillos a las llaves de escuadra (junta plana, sin teflón) y montar el sifón del diámetro de la válvula (1 1/4 in, 32 mm) hasta la toma de la pared.
7. Sellar el encuentro con la pared con silicona sanitaria.
8. Abrir las llaves, llenar hasta el rebosadero, vaciar y revisar todas las uniones con papel seco.',
'Cortar el agua antes de conectar. Antes de taladrar, comprobar con un detector que no hay tubos ni cables. La porcelana se parte si se aprieta de más: apretar poco a poco.',
'Nivel, metro, taladro y brocas, tacos o anclajes, llave de lavabo, llave ajustable, silicona sanitaria, latiguillos, sifón, válvula de desagüe, detector de cables y tubos.',
'Lavabos suspendidos en tabique de placa de yeso sin refuerzo, o mover las tomas de agua o de desagüe: profesional (albañil o fontanero).',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'instalar lavabo, colocar lavabo, montar lavabo, poner lavabo, instalar lavamanos, colocar lavamanos, lavatorio, pileta del baño, lavabo suspendido, lavabo de pie, pedestal, mueble de baño, altura del lavabo, fijar lavabo, lavabo se mueve'
);
SELECT kb_seed_examples('instalar-lavabo', ARRAY[
'como instalo un lavabo suspendido',
'¿A qué altura se pone el lavamanos?',
'colocar lavatorio con pedestal paso a paso',
'el lavabo se mueve y se despega de la pared',
'que se monta primero, el grifo o colgar el lavabo?'
]);

SELECT kb_seed_article(
'fregadero-cambiar-sifon',
'Cambiar el sifón del fregadero (uno o dos senos, con toma para lavavajillas)',
'Los sifones de plástico del fregadero se agrietan, las tuercas se pasan de rosca y las juntas se endurecen. Cuando el sifón gotea por el cuerpo o no cierra al apretar, lo práctico es cambiarlo entero por un kit nuevo del mismo diámetro (normalmente 40 mm, 1 1/2 in).',
'Goteo bajo la tarja o el fregadero al vaciarlo; sifón agrietado o amarillento; tuercas que giran sin apretar; hay que añadir la toma del lavavajillas o de la lavadora.',
'1. Cerrar los grifos, poner un cubo y vaciar el sifón aflojando las tuercas a mano.
2. Desmontar el sifón viejo y, si también pierde, la válvula del fregadero. Anotar la altura de las válvulas, la distancia a la toma de la pared y el diámetro (normalmente 40 mm, 1 1/2 in).
3. Elegir el kit: para dos senos, sifón doble con un solo cierre hidráulico; si hay lavavajillas o lavadora, con toma (oliva) y su tapón que se corta al usarla.
4. Presentar en seco y cortar los tubos a medida con sierra fina, sin rebabas.
5. Montar cada unión con su tuerca y su junta cónica, con la parte estrecha hacia la rosca donde entra el tubo.
6. Apretar las tuercas a mano y, como mucho, un cuarto de vuelta con la llave de sifón. Nada de teflón ni silicona en las juntas cónicas.
7. Conectar la manguera del lavavajillas a la oliva con una abrazadera.
8. Llenar los dos senos, vaciarlos a la vez y revisar con papel seco.',
'Si se usó desatascador químico, desmontar con guantes y gafas. No forzar las tuercas de plástico: se rajan.',
'Kit de sifón de 40 mm (1 1/2 in) de uno o dos senos, juntas cónicas y planas, llave de sifón, sierra fina, metro, abrazadera, cubo.',
'Toma de la pared rota o a una altura que no permite el sifón, o senos con desagües a alturas que ningún kit resuelve: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'cambiar sifon, sifon del fregadero, sifon de fregadero, sifon doble, dos senos, doble seno, kit de sifon, cespol de tarja, trampa del fregadero, sifon de la tarja, sifon de la pileta, toma de lavavajillas, oliva, sifon agrietado, sifon rajado, gotea el sifon'
);
SELECT kb_seed_examples('fregadero-cambiar-sifon', ARRAY[
'como cambio el sifon del fregadero de dos senos',
'cambiar cespol de la tarja que gotea',
'sifon para pileta doble con toma para lavarropas',
'el sifón de la cocina está rajado, cual compro?',
'como se conecta la oliva del sifon al lavavajillas'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Stop 26 (helper articles2): common jobs the base lacked (eval/dev-facts-2.jsonl's null topics).
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'bomba-achique-fecales',
'Bomba sumergible de achique o de aguas fecales (pozo de bombeo) para sótanos: instalación y averías (no arranca o no saca el agua)',
'Las bombas sumergibles de sótano, garaje o baño bajo el nivel del alcantarillado arrancan con un flotador (boya o interruptor de nivel) y empujan el agua por una tubería con válvula antirretorno. Si el flotador se engancha en la pared o en los cables, la bomba no arranca; si la antirretorno se traba, el impulsor está obstruido o hay aire en el cuerpo, la bomba funciona y hace ruido pero no saca el agua.',
'El pozo se llena y la bomba no arranca; la bomba suena pero el nivel no baja; arranca y para sin parar; el agua vuelve al pozo al pararse; salta la alarma de nivel alto.',
'1. Cortar la corriente (desenchufar o bajar el automático) antes de meter las manos o herramientas en el pozo.
2. Comprobar el enchufe, el automático y el diferencial; si el diferencial salta al conectar la bomba, no insistir: posible fallo del motor o del cable.
3. Mirar el flotador: que suba libre, sin engancharse en la pared, en el cable o en suciedad. Con corriente y fuera del agua, levantarlo con la mano debe arrancar la bomba.
4. Funciona pero no saca el agua: con la corriente cortada, revisar la válvula antirretorno (check) de la impulsión, que puede estar trabada o montada al revés, y la tubería de salida (tapada o helada).
5. Sacar la bomba y limpiar la rejilla de aspiración y el impulsor (impeller) trabado u obstruido por trapos, toallitas o piedras.
6. Si tiene aire dentro, hacer o limpiar el pequeño agujero de purga (unos 3 mm) entre la bomba y la antirretorno.
7. Baño o cocina por debajo del alcantarillado: estación de bombeo de fecales (o un inodoro triturador para un solo baño); el pozo debe ser estanco, con ventilación al exterior, antirretorno y alarma de nivel alto; probar la alarma.
8. No se apaga con el pozo vacío: flotador trabado arriba o interruptor de nivel pegado; liberarlo o cambiarlo, porque la bomba en seco se quema.',
'Cortar la corriente antes de tocar la bomba o meter las manos en el pozo. Los pozos de fecales desprenden gases tóxicos: no entrar, ventilar y usar guantes; lavarse bien las manos.',
'Guantes, linterna, llaves, destornilladores, comprobador de tensión, válvula antirretorno de recambio, cubo, manguera.',
'Motor quemado, cuadros de control con alarma, pozos de fecales grandes o que hay que vaciar: empresa especializada o electricista.',
'Equipo técnico Remedios, base de conocimiento interna; prevalece el manual del fabricante de la bomba.',
'bomba de achique, bomba sumergible, bomba del sotano, bomba del garaje, bomba de pozo de achique, sump pump, ejector pump, bomba de fecales, bomba de aguas negras, bomba de aguas residuales, estacion de bombeo, pozo de bombeo, carcamo, flotador, boya, interruptor de nivel, alarma de nivel alto, no saca el agua, no achica'
);
SELECT kb_seed_examples('bomba-achique-fecales', ARRAY[
'la bomba sumergible del garaje no se pone en marcha y se inunda',
'el sump pump corre pero no baja el agua del pozo',
'bomba de aguas negras del baño del sotano hace ruido y no bombea',
'el flotador de la bomba de achique se queda pegado',
'el agua vuelve al carcamo cuando se apaga la bomba'
]);

SELECT kb_seed_article(
'plato-ducha-encharca',
'Plato de ducha que encharca o no desagua bien: nivel, pendiente y válvula',
'El plato de ducha tiene su propia pendiente hacia el desagüe y debe quedar asentado y a nivel; si se colocó torcido o se hundió, el agua se queda en una esquina. También desagua mal si el desagüe es pequeño para el caudal de la ducha (con platos extraplanos y rociadores grandes hace falta un desagüe de 90 mm con salida de 40–50 mm y buen caudal) o si el tubo tiene poca pendiente o está tapado.',
'Agua encharcada en una esquina o junto a la mampara; el agua sube en el plato mientras se ducha y se va al cerrar; plato nuevo que no vacía.',
'1. Poner un nivel sobre los bordes del plato en las dos direcciones: los bordes deben estar a nivel (la pendiente la da el propio plato hacia el desagüe).
2. Si el agua queda en la esquina contraria al desagüe, el plato está desnivelado o se ha hundido: hay que levantarlo y asentarlo de nuevo sobre mortero o patas regulables y volver a sellar.
3. Si el agua sube mientras se ducha y baja al cerrar, falta caudal de desagüe: limpiar el desagüe y el sifón (pelos) y comprobar su medida.
4. Comprobar el desagüe: para platos extraplanos, válvula de 90 mm con caudal suficiente para el rociador; una de 60 mm puede quedarse corta.
5. Revisar el tubo de desagüe: diámetro de 40 mm como mínimo (mejor 50 mm) y pendiente del 1–2 % hacia la bajante, sin contrapendientes.
6. Tras cualquier arreglo, sellar el perímetro con silicona sanitaria y probar con la ducha abierta a tope varios minutos.',
'Al levantar un plato, cortar el agua y cuidado con los cantos rotos: guantes y gafas. Proteger el desagüe para que no caiga mortero.',
'Nivel, silicona sanitaria, espátula, mortero o patas regulables, válvula de 90 mm si hace falta, sonda o gancho para pelos, guantes.',
'Si hay que levantar el plato, rehacer el desagüe bajo el suelo o hay filtraciones al vecino: fontanero o alicatador profesional.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen las instrucciones del fabricante del plato.',
'plato de ducha encharca, plato de ducha no desagua, plato de ducha desnivelado, agua encharcada en la ducha, se queda agua en una esquina, receptaculo de ducha, base de ducha, plato extraplano, valvula de 90, valvula del plato de ducha, pendiente del plato, nivelar el plato'
);
SELECT kb_seed_examples('plato-ducha-encharca', ARRAY[
'se me queda un charco en una esquina del plato de ducha',
'la base de la regadera nueva no escurre hacia la coladera',
'el receptaculo de ducha se llena mientras me ducho',
'que valvula pongo a un plato de ducha extraplano para que trague'
]);

-- Stop 26: the sump/sewage pump article is not the macerating toilet's (its own article, inodoro-triturador).
SELECT kb_seed_exclusions('bomba-achique-fecales', ARRAY['triturador', 'trituradora', 'macerador', 'sanitrit'],
    'a macerating toilet: inodoro-triturador');
