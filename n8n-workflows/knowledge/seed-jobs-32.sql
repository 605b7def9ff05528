-- Remedios knowledge base: articles for residential jobs stop 31 left without one (bench/quality/ARTICLES-31.md,
-- "Left"; bench/quality/STEAL-32.md): filling a pool from the mains without letting its water back into the network,
-- and smoke-testing drains (a heat-pump water heater was written and measured too, and left out: it took valve and
-- install questions of the electric heater's articles). Applied after seed-jobs-31.sql, on every start. Idempotent: upsert
-- by slug; kb_seed_article never overwrites an article staff have edited, and kb_seed_examples only adds example
-- questions that are missing. Each was measured on every tuning set and eval/dev-steal-9 so that it takes no question
-- of an older neighbour (its "not this article if…" rows name them).
--
-- Written from general trade knowledge by the Remedios technical team. Figures are given only where they are general;
-- the manufacturer's instructions and local regulations (in Spain the CTE DB HS 4 / HS 5 and the RITE; elsewhere the
-- local plumbing code) take precedence.
--
-- kb_seed_article(slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, source, keywords)
-- kb_seed_examples(slug, ARRAY[questions as plumbers type them])

SELECT kb_seed_article(
'piscina-llenar-red',
'Llenar una piscina con agua de la red sin que vuelva a la red: antirretorno o salto de aire, caudal y contador',
'Al llenar una piscina con una manguera o un grifo de llenado sumergido, una bajada de presión en la red puede sorber agua de la piscina hacia las tuberías de agua potable. El llenado se hace con la boca por encima del agua (salto de aire) o con un antirretorno adecuado, y a un caudal que no deje sin presión la casa ni a los vecinos.',
'Hay que llenar una piscina desde la acometida o un grifo del jardín; el agua de la piscina huele a cloro en los grifos; se quiere poner un llenado automático; la factura por el volumen de llenado.',
'1. Calcular el volumen (largo × ancho × profundidad media, en m³ = miles de litros) y avisar a la compañía de aguas si lo pide: muchas fijan horario o tarifa para llenados grandes, o un contador provisional.
2. Llenar con la manguera o el tubo de llenado sujeto por encima del borde, con la boca siempre fuera del agua (salto de aire de al menos dos veces el diámetro del tubo); nunca con la manguera dentro del vaso.
3. Si el llenado es fijo (boquilla de llenado o llenado automático con nivel), poner en esa toma un antirretorno del tipo que pida la normativa (en muchas, un desconector o un antirretorno doble con purga) y una llave de corte accesible.
4. No abrir a tope si la casa se queda sin presión: un caudal moderado, a horas de poco consumo; controlar el tiempo o el contador para no desbordar.
5. Al terminar, cerrar y retirar la manguera del vaso; si hay llenado automático, revisar el antirretorno y su purga una vez al año.',
'Una manguera sumergida puede contaminar la red de agua potable de la casa y de la calle: siempre por encima del agua o con antirretorno. No dejar el llenado sin vigilar de noche.',
'Manguera o tubo de llenado, soporte para la boca, antirretorno o desconector, llave de corte, contador o reloj.',
'Llenados automáticos conectados a la red, desconectores o acometidas nuevas: instalador autorizado; avisar a la compañía de aguas si lo exige.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'llenar piscina, llenar la piscina, llenado de piscina, piscina con agua de la red, llenado automatico de piscina, boquilla de llenado, salto de aire, desconector, alberca'
);
SELECT kb_seed_examples('piscina-llenar-red', ARRAY[
'puedo llenar la piscina con la manguera metida en el agua',
'cuánto tarda en llenarse una piscina de 40 metros cúbicos con la manguera',
'qué antirretorno lleva el llenado automático de la piscina',
'hay que pedir permiso para llenar la alberca con agua de la red',
'al llenar la pileta de natación la casa se queda sin presión'
]);

SELECT kb_seed_article(
'prueba-humo-desagues',
'Prueba de humo en la red de desagües: máquina de humo, por dónde sale y cómo sellarlo',
'Una máquina de humo llena la red de saneamiento con un humo frío y sin olor desde una arqueta o un registro: sale por las juntas abiertas, los tubos rotos, los sifones secos, las ventilaciones mal hechas o las conexiones que nadie sabía que existían, y deja ver dónde está el fallo sin romper nada.',
'Mal olor a alcantarilla que no se encuentra; hay que comprobar una instalación de desagües antes de cerrarla; se sospecha una rotura o una conexión oculta a la red.',
'1. Avisar antes a los vecinos, al edificio y, si el humo puede salir a la calle o a otras casas, a quien corresponda (el humo alarma a quien no sabe de la prueba).
2. Llenar de agua todos los sifones, botes y sumideros de la casa (un sifón seco deja salir el humo por el aparato) y tapar las ventilaciones que deban quedar cerradas durante la prueba, según el caso.
3. Meter el humo por la arqueta o el registro más bajo, con el soplador de la máquina, hasta que salga por la ventilación del tejado: la red está llena.
4. Recorrer la casa y el exterior: anotar cada punto por donde sale humo (junta, pasamuros, sifón, tapa, fachada, jardín) y fotografiarlo.
5. Parar la máquina, ventilar, y reparar cada punto: sellar la junta, cambiar el tramo, reponer el sifón o la tapa.
6. Repetir la prueba en los puntos reparados.',
'Usar solo humo frío de máquina para desagües (no bengalas ni fuego). No hacerlo con aparatos de gas encendidos cerca de una salida. No bajar a pozos ni arquetas profundas: gases y falta de oxígeno.',
'Máquina de humo para desagües con soplador, tapones, cámara o móvil para fotos, linterna.',
'Redes de edificios o de la calle, o si el humo sale en casas vecinas: empresa de saneamiento.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'prueba de humo, prueba de humo en desagues, maquina de humo, humo en el desague, smoke test, generador de humo, localizar rotura del desague, conexion oculta al saneamiento'
);
SELECT kb_seed_examples('prueba-humo-desagues', ARRAY[
'cómo se hace una prueba de humo en la red de saneamiento',
'con la máquina de humo sale humo por una junta del baño, qué hago',
'para qué sirve meter humo por la arqueta',
'dónde se alquila una máquina de humo para desagües',
'la prueba de humo sirve para encontrar un tubo roto bajo el suelo'
]);

-- ---------------------------------------------------------------------------------------------------------
-- "Not this article if the question says…": the neighbours' own words
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_exclusions('piscina-llenar-red', ARRAY['cloro', 'depuradora', 'arena', 'ph', 'fuga', 'pierde', 'verde', 'algas'],
    'a pool''s water treatment, filter or leaks: no article (a person)');
SELECT kb_seed_exclusions('piscina-llenar-red', ARRAY['bomba', 'motor', 'espuma', 'skimmer', 'skimer', 'filtro',
                                                      'limpiafondos', 'clorador', 'electrolisis'],
    'a pool''s pump, skimmer, filter or chlorinator: no article (a person); "la bomba de la piscina hace espuma '
    'en el skimmer" was answered with filling (stop 32, lead)');
SELECT kb_seed_exclusions('prueba-humo-desagues', ARRAY['gas', 'calentador', 'caldera', 'quemador', 'llama', 'chimenea'],
    'smoke from a gas appliance is the gas articles'' (and its safety rule)');
SELECT kb_seed_exclusions('piscina-llenar-red', ARRAY['riego', 'regar', 'goteo', 'aspersor', 'cesped'],
    'watering a garden: riego-antirretorno and the irrigation articles');
