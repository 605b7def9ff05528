-- Remedios knowledge base: water-supply articles (Spanish) — valves and faucets, toilets and cisterns,
-- rooftop and ground tanks, pumps and pressure tanks, water heaters, mixing valves, pressure,
-- softeners and filters. Applied after knowledge/seed.sql and seed-drains.sql, on every start. Idempotent:
-- upsert by slug, and a seeded article that staff have edited is never overwritten (kb_seed_article in schema.sql).
--
-- Written from general trade knowledge by the Remedios technical team. Figures are typical values; the
-- manufacturer's instructions and local regulations (in Spain the CTE DB HS 4 and the RITE; in other countries
-- the local plumbing code) take precedence. Gas work is for an authorised gas technician only.
--
-- kb_seed_article(slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, source, keywords)
-- kb_seed_examples(slug, questions): how plumbers ask for the article (kept apart from the article text).

-- ---------------------------------------------------------------------------------------------------------
-- Valves and faucets
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'llave-paso-no-cierra',
'Llave de paso que no cierra del todo o pierde por el vástago (de esfera o de volante)',
'Las llaves de paso de esfera (de cuarto de vuelta) y las de volante (de asiento o de compuerta) se agarrotan con la cal o se desgastan. Si pierden por el eje, suele ser el prensaestopas o la junta del vástago; si no cortan el agua, la esfera o el asiento están dañados.',
'Sale agua por el eje o la tuerca de la maneta al abrir o cerrar; con la llave cerrada los grifos siguen echando agua; la palanca o el volante están duros o giran sin cerrar.',
'1. Identificar el tipo: palanca de cuarto de vuelta = llave de esfera; volante de varias vueltas = llave de asiento o de compuerta.
2. Pérdida por el eje: apretar poco a poco (1/8 a 1/4 de vuelta) la tuerca del prensaestopas que está bajo la maneta. Si la llave de esfera no tiene tuerca accesible o sigue perdiendo, hay que cambiarla.
3. Para cualquier otra reparación, cortar el agua antes de esa llave (llave de la compañía o de la comunidad antes del contador, o la general) y abrir un grifo bajo para quitar la presión.
4. Llave de volante que pierde por el eje: sacar el volante y la tuerca, rehacer la empaquetadura con cordón de teflón o grafito, o cambiar la junta tórica del vástago.
5. Llave de asiento que no cierra: cambiar la zapata o la montura, como en un grifo. Llave de compuerta que no cierra: no tiene arreglo fiable; cambiarla por una de esfera.
6. Llave que no cierra o partida, también la general junto al contador: sustituirla por una de esfera (de bola, cuarto de vuelta) de paso total del mismo diámetro (1/2, 3/4 o 1 in; 15, 20 o 25 mm), con racores o uniones para poder desmontarla y las roscas selladas con cinta de teflón o pasta selladora.
7. Abrir el agua despacio, purgar el aire por los grifos y comprobar que no gotea.
8. Llave agarrotada: no forzarla; echar aceite penetrante (aflojatodo) en el eje, esperar unos minutos y moverla poco a poco adelante y atrás. Prevención: abrirlas y cerrarlas una o dos veces al año.',
'No forzar con llave grifa una llave agarrotada: el eje o el cuerpo pueden partirse y dejar el agua sin control. Antes de desmontar, confirmar que el agua está cortada aguas arriba y saber dónde está la llave de la compañía.',
'Llaves fijas o inglesa, llave grifa, cordón de empaquetadura (teflón o grafito), juntas tóricas, zapatas, llave de esfera de paso total, racores, cinta PTFE.',
'Si la llave que falla es la de la compañía o de la acometida (antes del contador), o la general de un edificio: avisar a la compañía de agua o a la comunidad. Tuberías de plomo o muy corroídas: profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'llave de paso, llave general, llave de corte, llave de esfera, llave de bola, valvula de bola, valvula de esfera, llave de volante, llave de compuerta, valvula de compuerta, no cierra, no corta el agua, pierde por el vastago, pierde por el eje, llave de paso gotea, prensaestopas, empaquetadura, agarrotada, llave de la entrada, cambiar la llave de paso'
);
SELECT kb_seed_examples('llave-paso-no-cierra', ARRAY[
'la llave de paso general no cierra del todo, sigue saliendo agua por los grifos',
'me gotea la llave de paso por el vástago cuando la abro',
'la valvula de bola pierde agua por la palanca, se puede apretar?',
'llave de compuerta vieja que no corta el agua, ¿la cambio por una de esfera?',
'tengo la llave de corte agarrotada y no la puedo girar',
'como empaco una llave de volante que bota agua por el eje'
]);

SELECT kb_seed_article(
'llave-escuadra-cambiar',
'Cambiar una llave de escuadra (llave de corte bajo el lavabo, el fregadero o el inodoro)',
'La llave de escuadra es la pequeña llave de corte entre la tubería de la pared y el latiguillo de cada aparato. Con los años se agarrota, no cierra o pierde por el mando o por la rosca, y normalmente no se repara: se cambia.',
'La llave no corta el agua al cerrarla; gotea por el mando o por la rosca de la pared; está tan dura que no gira; al cambiar un grifo no se puede cortar el agua del aparato.',
'1. Cerrar la llave de paso general y abrir un grifo para quitar la presión; poner un cubo y un trapo debajo.
2. Desenroscar el latiguillo de la llave de escuadra.
3. Desenroscar la llave vieja de la pared con una llave fija y quitar el embellecedor; si el tubo gira dentro de la pared, parar.
4. Limpiar la rosca de la pared de restos de cinta, cáñamo o pasta y comprobar la medida: lo más habitual es entrada de 1/2 in y salida de 3/8 in para el latiguillo (en América también hay entradas de compresión para tubo de 1/2 in: llevan tuerca y anillo de latón, la férula o casquillo; poner anillo nuevo, sin cinta, y apretar la tuerca sin pasarse).
5. Sellar la rosca macho con cinta PTFE (unas 4–6 vueltas en el sentido de apriete) o usar una llave con junta o sellador incorporado. No poner cinta en la salida del latiguillo: cierra con su junta.
6. Roscar la llave nueva con el embellecedor puesto, apretar sin pasarse y dejar la salida orientada hacia el aparato.
7. Conectar el latiguillo con su junta (cambiarlo si es viejo o tiene la malla oxidada), cerrar la llave de escuadra y abrir la general.
8. Abrir la llave de escuadra y comprobar con presión que no pierde por la rosca ni por el mando.',
'Trabajar con la llave general cerrada y sin presión. No apretar en exceso: las roscas de latón se parten y el tubo de la pared puede romperse dentro del muro.',
'Llave fija o inglesa, cinta PTFE o pasta apta para agua potable, llave de escuadra nueva (1/2 x 3/8 in habitual), latiguillo nuevo, anillos (férulas) de compresión si la toma es de compresión, cubo, trapos, linterna.',
'Si la rosca de la pared está rota o muy corroída, o el tubo gira dentro del muro: hay que abrir la pared y rehacer la toma; fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'llave de escuadra, llave escuadra, llave angular, valvula angular, llave de angulo, llave de arresto, llave stop, llavecita de abajo, llave de corte del aparato, no corta, latiguillo, flexible, manguera de abasto, toma de agua'
);
SELECT kb_seed_examples('llave-escuadra-cambiar', ARRAY[
'la llave de escuadra del lavabo no corta el agua, como la cambio',
'se me partió la llave angular del baño al cerrarla',
'cambiar llave de arresto del wc que gotea por la perilla',
'¿qué medida es la llavecita de abajo del lavamanos?',
'la llave stop de la tarja esta dura y no gira'
]);

SELECT kb_seed_article(
'aireador-limpiar-cambiar',
'Aireador (perlizador) del grifo obstruido: limpiarlo o cambiarlo',
'El aireador es la pieza roscada en la punta del caño que mezcla aire con el agua. Su rejilla retiene arenilla, cal y restos de obra; cuando se obstruye, el grifo da menos caudal, salpica o echa el agua torcida. Algunos llevan además un limitador de caudal.',
'Un grifo concreto da menos caudal que antes; el agua sale torcida, en abanico o salpicando; ocurre después de una obra o de un corte de agua que arrastró suciedad.',
'1. Desenroscar el aireador a mano (en sentido antihorario mirando desde abajo); si está duro, con una llave envuelta en un trapo, o con la llave de plástico de los aireadores ocultos.
2. Desmontar las piezas en orden (rejillas, cuerpo, junta) y fijarse en cómo van.
3. Quitar la arenilla con agua y un cepillo de dientes; si hay cal (sarro), dejarlo unas horas en vinagre o antical y aclarar.
4. Con el aireador quitado, abrir el grifo: si el caudal sigue siendo bajo, el problema no es el aireador (revisar llaves de escuadra, filtros de los latiguillos o el cartucho).
5. Si las rejillas están rotas o la cal no sale, cambiarlo por uno de la misma rosca: en Europa lo habitual es M22 macho o M24 hembra; en América, 15/16 in macho o 55/64 in hembra. Llevar el viejo a la tienda.
6. Elegir el caudal: los aireadores ahorradores limitan a unos 5–6 l/min (1,3–1,6 gpm); si el cliente quiere más caudal, uno sin limitador.
7. Montar con su junta, apretar a mano y comprobar que no pierde por la rosca.',
'El antical y el vinagre irritan: usar guantes. No agarrar la grifería cromada con alicates sin protección: se marca. En grifos de agua caliente, dejar correr agua fría antes de tocar.',
'Llave para aireadores ocultos, trapo, cepillo, vinagre o antical, aireador de recambio de la misma rosca, junta.',
'Si sin aireador sigue saliendo poca agua en ese grifo o en varios, el problema está en la instalación o en la red: ver el artículo de poca presión o llamar a un fontanero.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'aireador, perlizador, atomizador, rompechorros, difusor del grifo, filtro del grifo, filtro de la punta del grifo, pico de la canilla, canilla, un grifo tira poca agua, boquilla, rejilla, sarro, cal, salpica, limitador de caudal, ahorrador de agua, M22, M24'
);
SELECT kb_seed_examples('aireador-limpiar-cambiar', ARRAY[
'el grifo del lavabo tira poca agua desde que cortaron el agua en la calle',
'como saco el aireador de un grifo que no tiene rosca a la vista',
'la canilla de la cocina salpica para todos lados, ¿es el aireador?',
'el perlizador está lleno de sarro, lo cambio o lo limpio',
'que medida de rosca tiene el filtrito de la punta de la llave'
]);

SELECT kb_seed_article(
'grifo-termostatico-cartucho',
'Grifo termostático que no regula la temperatura: limpiar, ajustar a 38 °C o cambiar el cartucho termostático',
'El grifo termostático mezcla fría y caliente con un cartucho que mantiene la temperatura elegida. La cal, la suciedad en los filtros de entrada o un cartucho gastado hacen que salga fría o caliente sin regular, o que la temperatura real no coincida con la marcada.',
'La ducha no se calienta aunque haya agua caliente en el resto de la casa; sale demasiado caliente o la temperatura sube y baja; marcando 38 °C sale fría o quemando; poco caudal en el termostático.',
'1. Comprobar el suministro: el agua caliente debe llegar a unos 50–60 °C y con presión parecida a la fría (según fabricante). Con calentador de paso, comprobar que enciende con el caudal del termostático.
2. Cerrar las llaves de paso del baño o la general y abrir el grifo para quitar la presión.
3. Soltar el grifo de las excéntricas (conexiones de la pared) y limpiar los filtros de entrada y las válvulas antirretorno; cambiarlas si están pegadas.
4. Quitar la maneta de temperatura (tornillo bajo el embellecedor) y desenroscar el cartucho termostático con una llave fija.
5. Dejar el cartucho un par de horas en antical o vinagre, aclarar y engrasar las juntas con grasa de silicona. Si sigue sin regular, cambiarlo por el original de la marca y modelo.
6. Montar, abrir el agua y calibrar: con un termómetro en el chorro, girar el eje hasta que salga a 38 °C y colocar la maneta con la marca de 38 °C en esa posición.
7. Comprobar que la maneta no pasa de 38 °C sin pulsar el botón de tope de seguridad.',
'Riesgo de quemaduras: comprobar la temperatura con termómetro antes de que lo use nadie, sobre todo niños y mayores. No anular el tope de seguridad de 38 °C. Quitar la presión antes de desmontar.',
'Llaves fijas, llave Allen, termómetro, vinagre o antical, grasa de silicona, cartucho termostático original, filtros y antirretornos de recambio.',
'Si el agua caliente llega por debajo de 50 °C o el calentador no enciende con poco caudal, revisar el calentador (servicio técnico). Cuerpos empotrados que pierden dentro de la pared: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'grifo termostatico, termostatica, mezclador termostatico, mezcladora termostatica, monomando termostatico, cartucho termostatico, 38 grados, no regula la temperatura, tope de seguridad, excentricas'
);
SELECT kb_seed_examples('grifo-termostatico-cartucho', ARRAY[
'el termostático del baño sale frío aunque el resto de la casa tiene agua caliente',
'como calibro un grifo termostatico, marca 38 y sale quemando',
'cartucho termostatico lleno de cal, se puede limpiar?',
'la regadera termostatica no calienta bien con calentador de paso',
'mi mezcladora termostática sube y baja de temperatura sola'
]);

SELECT kb_seed_article(
'ducha-grifo-gotea-inversor',
'Grifo de la ducha o de la bañera que gotea por la alcachofa o el caño, inversor que no cambia o flexo de ducha que pierde',
'El grifo de la ducha o de la bañera cierra con un cartucho (un solo mando) o con zapatas (dos mandos, fría y caliente); gastados o con cal, dejan pasar agua y la alcachofa o el caño gotean. En la bañera, el inversor (desviador) manda el agua al caño o a la ducha: si su junta está gastada, sale agua por los dos sitios a la vez. El flexo de la ducha pierde por sus juntas o se rompe.',
'La alcachofa (regadera) gotea sin parar con el grifo cerrado; el caño de la bañera gotea; al tirar del inversor sigue saliendo agua por el caño y la ducha sale floja; el flexo pierde por las tuercas, por la malla o está hinchado; la ducha de mano salpica por la unión.',
'1. Esperar un minuto tras cerrar: unas gotas que paran solas son el agua que queda en el flexo y la alcachofa (normal). Si gotea sin parar con el mando cerrado, el fallo está en el cierre del grifo.
2. Cortar el agua del baño (llaves de paso o la general), abrir el grifo para quitar la presión y tapar el desagüe para no perder piezas.
3. Grifo de un solo mando: quitar el mando y el embellecedor, soltar la tuerca del cartucho y cambiarlo por uno igual (llevar el viejo a la tienda: suelen ser de 35 o 40 mm). Si es termostático, ver el artículo del grifo termostático.
4. Grifo de dos mandos: desmontar el del lado que gotea (si el goteo sale caliente, el de la caliente), sacar la montura y cambiar la zapata o la montura entera con la misma rosca.
5. Inversor que deja salir agua por el caño: sacar el pulsador o el mando giratorio, quitar la cal con vinagre y cambiar sus juntas tóricas o el cartucho inversor de la marca; si el inversor va dentro del caño y no se desmonta, cambiar el caño o el grifo.
6. Flexo que pierde por las tuercas: cambiar las juntas planas de cada extremo (1/2") y apretar a mano más un cuarto de vuelta; si pierde por la malla o está hinchado, cambiar el flexo entero.
7. Abrir el agua despacio y comprobar con fría y caliente: no gotea, el inversor pasa toda el agua a la ducha y el flexo no pierde.',
'Cerrar la caliente y dejar salir el agua caliente antes de desmontar: riesgo de quemaduras. Poner un trapo en el fondo de la bañera o del plato: una herramienta que cae rompe el esmalte. No girar ni forzar el cuerpo de un grifo empotrado: puede romper la tubería dentro de la pared.',
'Llaves fijas, llave Allen, destornillador, cartucho o monturas y zapatas de recambio, juntas tóricas y planas de 1/2", flexo de ducha, vinagre o antical, grasa de silicona, trapos.',
'Si el grifo empotrado pierde dentro de la pared (humedad en la pared o en el techo de abajo) o no hay recambios y hay que cambiar el cuerpo empotrado: fontanero profesional, con obra de alicatado. Que la alcachofa gotee uno o dos minutos después de cerrar es normal (se vacía el agua que queda); si sigue goteando más tiempo, pierde el cartucho o la zapata: repararlo y, si no se corta, fontanero.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'grifo de ducha, grifo de la ducha, grifo de bañera, grifo de la bañera, llave de la ducha, llave de la regadera, llave de la tina, mezclador de ducha, mezcladora de regadera, alcachofa gotea, gotea la ducha, gotea la regadera, teleducha, ducha de mano, flexo de ducha, manguera de la ducha, inversor, desviador, registro de la ducha, cambiar el registro, valvula de la regadera, cartucho de la regadera, cartucho de la ducha, pulsador del inversor, caño de la bañera'
);
SELECT kb_seed_examples('ducha-grifo-gotea-inversor', ARRAY[
'cierro bien la ducha y la alcachofa se pasa la noche goteando',
'levanto el botón para pasar el agua a la regadera y sigue cayendo por la llave de la tina',
'el tubo de la teleducha se hinchó y pierde por la tuerca de abajo',
'en la bañera de mi clienta gotea el caño aunque el mezclador está cerrado',
'qué pieza cambio si la ducha sigue chorreando con el mando cerrado',
'el registro de la regadera gotea, como lo desarmo y saco el cartucho'
]);

SELECT kb_seed_article(
'ducha-cambia-temperatura',
'La ducha se enfría o quema al usar otro grifo o tirar de la cadena',
'Al abrir otro grifo o llenarse una cisterna baja la presión de la fría (o de la caliente) y la mezcla de la ducha cambia bruscamente. Pasa sobre todo con tuberías estrechas, presión baja o calentador de paso. Se corrige con una válvula de equilibrio de presión o un grifo termostático, y mejorando el suministro.',
'La ducha pasa de templada a muy caliente cuando se llena una cisterna, o se queda fría al abrir el grifo de la cocina o la lavadora; el calentador se apaga cuando se abre otro grifo.',
'1. Medir la presión estática y con varios grifos abiertos: si cae mucho, el problema de fondo es de caudal (tubería estrecha u obstruida, llave medio cerrada) o de presión baja.
2. Comprobar que las llaves de paso están abiertas del todo y que filtros y aireadores están limpios.
3. Si la presión de la red es alta y varía (día y noche), un reductor de presión a la entrada la estabiliza.
4. Cambiar el mezclador de la ducha por uno termostático (mantiene la temperatura aunque cambien presión y temperatura) o por una válvula de equilibrio de presión (balance de presión), que compensa las caídas de presión de una de las dos aguas.
5. Si el grifo ya es de equilibrio de presión o termostático y falla, limpiar o cambiar su cartucho y sus antirretornos.
6. Con calentador de paso: comprobar que el caudal de la ducha no baja del mínimo de encendido cuando se abre otro grifo (ver el artículo del calentador de paso).
7. Ajustar el tope de temperatura máxima del mezclador para limitar el riesgo de quemaduras.',
'Un cambio brusco a agua muy caliente puede quemar, sobre todo a niños y mayores: mientras no se resuelva, limitar la temperatura del termo o el tope del mezclador y no abrir otros grifos durante la ducha.',
'Manómetro, llaves, grifo termostático o válvula de equilibrio de presión, cartucho de recambio, termómetro.',
'Si hay que cambiar tuberías generales por diámetro insuficiente o instalar un grupo de presión: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'ducha cambia de temperatura, se enfria la ducha, quema la ducha, sale caliente de repente, al usar otro grifo, valvula de equilibrio de presion, balance de presion, valvula de presion balanceada, mezclador de ducha, monomando de ducha, temperatura inestable'
);
SELECT kb_seed_examples('ducha-cambia-temperatura', ARRAY[
'cuando tiran la cadena la ducha sale quemando',
'se me enfría la regadera cada vez que abren la llave de la cocina',
'que valvula pongo para que no cambie la temperatura de la ducha',
'en la ducha el agua pasa de fria a caliente sola cuando alguien usa otro baño',
'valvula de balance de presion para regadera, ¿sirve?'
]);

SELECT kb_seed_article(
'cruce-agua-fria-caliente',
'Se cruzan el agua fría y la caliente: antirretornos de monomandos y termostáticos',
'Cuando la válvula antirretorno de un mezclador (monomando, termostático, grifo de ducha) falla o no existe y ese grifo queda a medias, el agua pasa de un circuito al otro por la diferencia de presión: la fría entra en la tubería de caliente o al revés.',
'Por el grifo de caliente sale templada o fría aunque el termo está caliente; el calentador de paso no enciende porque el agua entra por otro lado; sale caliente por el grifo de fría o llega a la cisterna; la temperatura cambia según qué grifo quedó abierto.',
'1. Confirmar el cruce: cerrar la llave de entrada de agua fría del termo o calentador y abrir un grifo de caliente. Si sigue saliendo agua mucho rato, está entrando fría en el circuito de caliente por algún mezclador.
2. Con ese grifo abierto, cerrar una a una las llaves de escuadra de caliente de cada aparato: cuando deje de salir agua, el culpable es el último aparato cerrado.
3. Revisar primero los mezcladores de ducha y bañera, los termostáticos y los monomandos con ducha extraíble, que son los que llevan antirretornos.
4. Cortar el agua del aparato, desmontarlo y localizar los antirretornos (en las excéntricas, en la entrada del cartucho o en los latiguillos). Limpiarlos o cambiarlos por unos iguales; si el cartucho del monomando está dañado, cambiarlo.
5. Si el mezclador no lleva antirretornos y hay cruce, instalarlos en las entradas o cambiar el grifo. Grifo nuevo o recién reparado que da fría con la maneta en caliente: tomas o latiguillos invertidos (la caliente va a la izquierda) o cartucho montado al revés: girarlo 180° o cruzar las tomas.
6. Comprobar de nuevo con la prueba del paso 1.',
'Quitar la presión antes de desmontar. Si puede salir agua caliente por la red de fría, avisar al cliente: hay riesgo de quemaduras en grifos donde no se espera agua caliente.',
'Llaves fijas, llave Allen, antirretornos de recambio del diámetro del grifo, juntas, grasa de silicona, termómetro.',
'Si el cruce está en una instalación comunitaria o en la caldera (llave de llenado o intercambiador): técnico de la caldera o profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'cruce de agua, se cruza el agua, se mezcla la fria con la caliente, antirretorno, antiretorno, antirretornos del grifo, check del monomando, retencion, sale fria por la caliente, sale caliente por la fria, se mete el agua fria en la caliente, agua tibia, paso de agua, mezclador'
);
SELECT kb_seed_examples('cruce-agua-fria-caliente', ARRAY[
'por la llave de agua caliente sale tibia y el boiler esta bien caliente',
'se me mete el agua fria en la caliente, como encuentro que grifo es',
'sale agua caliente por el grifo de fría de la cocina, ¿qué puede ser?',
'el calefon no prende y creo que se cruza el agua en la ducha',
'donde van los antirretornos del monomando de la bañera'
]);

SELECT kb_seed_article(
'grifo-cocina-extraible',
'Grifo de cocina extraíble (caño o ducha extraíble): manguera que pierde, no recoge o ducha rota',
'Los grifos de cocina con caño o ducha extraíble llevan una manguera flexible que baja por dentro del grifo hasta debajo del fregadero, con un contrapeso que la recoge. Fallan la manguera (se pica o se afloja la conexión), el contrapeso mal colocado o el cabezal (junta, filtro o botón de cambio de chorro).',
'Agua en el mueble bajo el fregadero cada vez que se usa el grifo; la ducha no vuelve a su sitio o se queda colgando; pierde por la unión del cabezal; el botón de cambio de chorro se queda pegado o sale poca agua por el cabezal.',
'1. Localizar la pérdida: secar el mueble, poner papel bajo las conexiones, abrir el grifo con la ducha extendida y mirar dónde se moja (manguera, conexión rápida, latiguillos o cartucho).
2. Cerrar las llaves de escuadra y abrir el grifo para quitar la presión.
3. Cabezal que pierde o con poco caudal: desenroscarlo de la manguera, cambiar la junta, limpiar el filtro y las salidas de cal con vinagre y montarlo.
4. Manguera que pierde: bajo el fregadero, soltar la conexión rápida (clip o tuerca) y marcar la posición del contrapeso; sacar la manguera por arriba y montar una nueva del fabricante o compatible (comprobar rosca y longitud).
5. Colocar el contrapeso en la parte más baja del bucle, de modo que la manguera se recoja sin rozar con botes ni con el sifón.
6. Abrir el agua y revisar las conexiones con el grifo abierto y la ducha extendida.',
'Quitar la presión antes de soltar la manguera. Sacar los productos de limpieza guardados bajo el fregadero antes de trabajar y usar guantes. Si hay agua cerca de enchufes o del lavavajillas, cortar la corriente.',
'Llaves fijas, destornillador, linterna, papel de cocina, manguera de recambio, juntas, vinagre, cinta para marcar.',
'Si pierde por el cuerpo del grifo o por el cartucho y no hay recambios de la marca, cambiar el grifo completo.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'grifo extraible, grifo de cocina con ducha, ducha extraible, caño extraible, mezcladora extraible, manguera extraible, contrapeso, no recoge, no regresa, canilla extensible'
);
SELECT kb_seed_examples('grifo-cocina-extraible', ARRAY[
'el grifo extraíble de la cocina pierde agua por abajo del mueble',
'la manguera de la mezcladora de la tarja no regresa sola',
'como cambio la manguera de una canilla extensible de cocina',
'pierde agua la unión de la duchita del grifo extraíble',
'¿dónde va el contrapeso de la manguera del grifo de cocina?'
]);

SELECT kb_seed_article(
'valvula-antirretorno-acometida',
'Válvula antirretorno (check) después del contador o en la acometida: para qué sirve e instalación',
'La válvula antirretorno (de retención o check) deja pasar el agua en un único sentido. Después del contador impide que el agua de la vivienda vuelva a la red pública o a otras viviendas (contaminación por retorno). Si falla, deja volver el agua; si está sucia, reduce el caudal o hace ruido.',
'Hay que montar o revisar el conjunto del contador; el contador gira hacia atrás; golpeteo en la entrada; al cortar la red, la instalación se vacía hacia la calle; la válvula de seguridad del termo gotea desde que se puso el antirretorno.',
'1. Ubicación: después del contador (en España el conjunto suele ser llave de corte, filtro, contador, grifo de prueba, válvula de retención y llave de salida, según CTE DB HS 4 y la compañía).
2. Tipo: de resorte (sirve en cualquier posición) o de clapeta (en las posiciones que indique el fabricante), del diámetro de la tubería (1/2, 3/4 o 1 in). Para riesgos de contaminación (riego con abono, calderas, piscinas) se exigen antirretornos dobles o desconectores, no uno simple.
3. Cortar el agua, vaciar el tramo e instalar la válvula respetando la flecha (sentido del agua), con llaves o racores para poder desmontarla.
4. Con antirretorno el circuito queda cerrado: si hay termo o acumulador, instalar o revisar el vaso de expansión sanitario, porque la dilatación del agua caliente sube la presión.
5. Abrir el agua despacio y purgar por los grifos.
6. Mantenimiento: con el grifo de prueba, comprobar una vez al año que no vuelve agua; limpiar o cambiar la válvula si está sucia o pierde.',
'No quitar un antirretorno exigido por la compañía o por la normativa. No instalar nunca una válvula entre el termo y su válvula de seguridad. Quitar la presión antes de desmontar.',
'Válvula antirretorno del diámetro correcto, llaves de corte, racores, cinta PTFE, llaves fijas, vaso de expansión sanitario si hay acumulador.',
'La acometida y el contador suelen ser de la compañía de agua: cualquier cambio antes del contador lo hace o lo autoriza la compañía. Desconectores para riesgos de contaminación: instalador autorizado.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen la normativa local y las condiciones de la compañía de agua.',
'valvula antirretorno, antirretorno, antiretorno, valvula de retencion, valvula check, check, chek, valvula de no retorno, clapeta, resorte, acometida, contador, medidor, desconector, contaminacion de la red'
);
SELECT kb_seed_examples('valvula-antirretorno-acometida', ARRAY[
'¿dónde va la válvula check después del medidor?',
'es obligatoria la valvula de retencion despues del contador?',
'el medidor de agua gira para atras, sera la check?',
'puse antirretorno en la entrada y ahora gotea la valvula del termo',
'que antirretorno pongo en la acometida, de clapeta o de resorte'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Toilets and cisterns
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'cisterna-mecanismo-descarga',
'Cambiar el mecanismo de descarga completo de la cisterna (pulsador o tirador)',
'Cuando el mecanismo de descarga está roto, la junta ya no sella o el pulsador no funciona, lo más fiable suele ser cambiarlo completo por uno original o universal compatible. En muchas cisternas de tanque bajo (sobre la taza) hay que separar la cisterna de la taza para cambiarlo.',
'El pulsador se queda hundido o no descarga; el tirador está roto; la válvula de descarga está rajada o la junta no sella aunque se limpie; piezas de plástico partidas dentro de la cisterna.',
'1. Cerrar la llave de escuadra de la cisterna, descargar y secar el fondo con una esponja.
2. Quitar el pulsador (se desenrosca la corona) y la tapa. Anotar marca y modelo o hacer una foto; medir el agujero de salida y la altura disponible (en América, válvulas de 2 o 3 in).
3. Mecanismo de bayoneta: girarlo un cuarto de vuelta y sacarlo sin tocar la cisterna. Mecanismo roscado bajo la cisterna: desconectar el latiguillo, soltar los tornillos cisterna-taza y levantar la cisterna.
4. Soltar la tuerca grande de la válvula, sacarla y limpiar el asiento.
5. Montar la válvula nueva con su junta, apretar a mano y un poco más con llave; cambiar también la junta cisterna-taza y los tornillos con sus juntas.
6. Ajustar la altura del rebosadero y del pulsador a la tapa: el pulsador no debe quedar apretado al cerrar la tapa.
7. Colocar la cisterna, apretar los tornillos alternando sin forzar la porcelana, conectar el latiguillo y abrir el agua.
8. Probar varias descargas y comprobar que no hay pérdidas entre cisterna y taza.',
'La porcelana se raja si se aprietan de más los tornillos. Dejar la tapa sobre una toalla en el suelo. Cerrar el agua antes de desmontar.',
'Mecanismo de descarga original o universal compatible, junta cisterna-taza, tornillos con juntas, llave fija, destornillador, esponja, cubo.',
'Cisternas empotradas (pulsador en la pared): recambio original y acceso por el registro del pulsador; si hay que abrir el bastidor o la pared, profesional. Porcelana rajada: cambiar la pieza.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'mecanismo de descarga, valvula de descarga, descargador, pulsador, boton de la cisterna, tirador, perilla, manija del tanque, palanca del tanque, herrajes, herraje del inodoro, kit de cisterna'
);
SELECT kb_seed_examples('cisterna-mecanismo-descarga', ARRAY[
'se rompió el pulsador de la cisterna, ¿cambio todo el mecanismo?',
'como cambio los herrajes del tanque del inodoro',
'el boton del wc se queda hundido y no descarga',
'hay que quitar la mochila del inodoro para cambiar la valvula de descarga?',
'mecanismo universal de descarga sirve para cualquier estanque?'
]);

SELECT kb_seed_article(
'cisterna-doble-descarga',
'Cisterna de doble descarga: ajustar la descarga corta y la completa',
'Los mecanismos de doble descarga tienen dos botones: descarga parcial (unos 3 litros) y completa (unos 6 litros; en modelos americanos 4,8 o 6 litros, 1,28 o 1,6 galones). Si están mal ajustados, la descarga corta no limpia, la completa se queda corta o un botón no hace nada.',
'El botón pequeño no descarga o descarga demasiado; con la descarga grande no se vacía la taza; hay que pulsar dos veces; un botón se queda hundido.',
'1. Quitar el pulsador y la tapa; para ajustar no hace falta cortar el agua.
2. Comprobar que el nivel de agua llega a la marca del mecanismo: con menos agua, ninguna descarga es completa (ajustar el grifo flotador).
3. Revisar las varillas o cables del pulsador: deben tocar las levas del mecanismo sin quedar presionadas. Ajustar su longitud (se cortan o se enroscan, según modelo) para que cada botón accione su parte.
4. Descarga corta: subir o bajar el flotador o tope de la media descarga (pieza deslizante en el cuerpo del mecanismo); en la mayoría, más alto descarga menos y más bajo descarga más (ver instrucciones).
5. Descarga completa: ajustar su tope o flotador al volumen que pide la taza (marcado en la taza o en su ficha).
6. Probar cada botón varias veces: la taza debe quedar limpia y el mecanismo debe cerrar bien al final.
7. Si el pulsador está roto o las levas partidas, cambiar el pulsador o el mecanismo completo por uno compatible.',
'Dejar la tapa de cerámica sobre una toalla en el suelo. No ajustar por debajo del volumen que necesita la taza: se atasca más.',
'Destornillador, alicates, cúter para ajustar varillas, pulsador o mecanismo de recambio compatible.',
'Cisternas empotradas: seguir el manual del fabricante para acceder por el registro del pulsador; si hay que abrir la pared, profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'doble descarga, dos botones, boton pequeno, boton grande, media descarga, descarga parcial, descarga completa, descarga corta, pulsador doble, dual, litros de descarga, ajustar la descarga'
);
SELECT kb_seed_examples('cisterna-doble-descarga', ARRAY[
'el boton pequeño de la cisterna no hace nada',
'con la media descarga no se va todo, ¿cómo la regulo?',
'como ajusto los litros de un inodoro de doble descarga',
'hay que apretar dos veces el boton del tanque para que se vacie la taza',
'el pulsador dual se queda trabado'
]);

SELECT kb_seed_article(
'grifo-flotador-cambiar',
'Grifo flotador (válvula de llenado) de la cisterna que tarda en llenar, silba o hay que cambiar',
'El grifo flotador (válvula de llenado) abre el agua cuando baja el nivel y la corta al subir el flotador. Con cal, arenilla o una membrana dura se vuelve lento o ruidoso; los antiguos de brazo y boya silban y se desajustan. Si el agua no corta y se va por el rebosadero, ver antes el artículo de la cisterna que pierde agua.',
'La cisterna tarda varios minutos en llenarse; silbido o ruido fuerte mientras llena; la boya roza con la cisterna; ruido seco en la tubería al cortar; grifo flotador viejo o roto.',
'1. Comprobar que la llave de escuadra está abierta del todo y que hay presión en el resto de la casa.
2. Cerrar la llave, descargar y abrir la tapa del grifo flotador (según modelo, girando la cabeza); limpiar la membrana y el filtro de entrada y quitar la cal. Abrir un poco la llave con un vaso encima para arrastrar la suciedad.
3. Si sigue lento o ruidoso, cambiarlo: comprobar si la alimentación es lateral o inferior y la rosca (3/8 o 1/2 in).
4. Desconectar el latiguillo, soltar la tuerca bajo la cisterna y sacar el grifo viejo.
5. Montar el nuevo con su junta, ajustar su altura a la cisterna y apretar la tuerca a mano y un poco más.
6. Conectar el latiguillo (cambiarlo si es viejo), abrir la llave y regular el nivel con el tornillo o el flotador hasta la marca del mecanismo de descarga, unos 2–3 cm (1 in) por debajo del rebosadero.
7. Comprobar que corta en seco y que no gotea por la tuerca inferior.',
'Cerrar el agua antes de desmontar. No apretar con llave la tuerca de plástico más de lo necesario: se parte. La tapa de cerámica se rompe con facilidad.',
'Grifo flotador nuevo (alimentación lateral o inferior), latiguillo, llave ajustable, esponja, vinagre o antical.',
'Si hay muy poca presión en toda la casa o el grifo flotador no aguanta la presión de la red: revisar la presión de la instalación (reductor) o llamar a un fontanero.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'grifo flotador, valvula de llenado, valvula de alimentacion, valvula de entrada, llenado lento, tarda en llenar, silba al llenar, cisterna lenta, alimentacion lateral, alimentacion inferior, flotador silencioso, fluidmaster'
);
SELECT kb_seed_examples('grifo-flotador-cambiar', ARRAY[
'la cisterna tarda un monton en llenarse',
'el flotador del tanque del baño silba mucho mientras llena',
'¿cómo cambio la válvula de llenado del inodoro de alimentación inferior?',
'se tarda mucho en llenar la caja del wc',
'la boya vieja de la cisterna hace ruido, pongo una silenciosa?'
]);

SELECT kb_seed_article(
'cisterna-condensacion',
'Cisterna o inodoro que suda: condensación y cómo evitarla',
'El agua fría de la cisterna enfría la porcelana y el vapor del baño se condensa en ella, como en un vaso frío. Pasa en baños húmedos y mal ventilados y con agua de red muy fría, y a menudo se confunde con una fuga.',
'Gotas por fuera de la cisterna o la taza; charco en el suelo sin fuga visible, sobre todo después de ducharse o en épocas húmedas; empeora si la cisterna se rellena a menudo.',
'1. Descartar fugas: secar la cisterna, la taza y las conexiones y poner papel bajo la llave, el latiguillo y los tornillos cisterna-taza. Si el papel se moja en un punto concreto, es una fuga, no condensación.
2. Hacer la prueba del colorante para descartar que la cisterna pierda hacia la taza: si el agua se renueva sin parar, la cisterna está siempre fría y suda más (ver el artículo de la cisterna que pierde agua).
3. Mejorar la ventilación: extractor funcionando durante y después de la ducha, o ventilar.
4. Aislar la cisterna por dentro con un kit de paneles de espuma para cisternas: vaciar, secar y pegar los paneles en las paredes interiores sin tocar el mecanismo.
5. Donde se usa (sobre todo en América), instalar una válvula antisudor que templa el agua de la cisterna con un poco de agua caliente.
6. Mientras tanto, poner una bandeja o un paño absorbente para proteger el suelo.',
'Secar el suelo: riesgo de resbalones y de que el agua llegue a enchufes. No tapar las rejillas de ventilación del baño, y menos si hay aparatos de gas.',
'Papel de cocina, colorante alimentario, kit de aislamiento para cisternas, adhesivo, esponja, válvula antisudor (opcional).',
'Si hay humedades en paredes o techos que no se explican por la condensación, o agua en el piso de abajo: buscar la fuga con un profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'cisterna suda, inodoro suda, tanque suda, condensacion, gotas por fuera, transpira, charco junto al inodoro, aislar la cisterna, antisudor, rocio'
);
SELECT kb_seed_examples('cisterna-condensacion', ARRAY[
'la cisterna del wc suda y deja charco en el suelo',
'el tanque del inodoro transpira en verano, ¿es normal?',
'como se si es condensacion o una fuga del inodoro',
'la mochila del baño está empapada por fuera y no veo ninguna fuga',
'cómo aislar un tanque de inodoro que gotea por fuera'
]);

SELECT kb_seed_article(
'inodoro-instalar-nuevo',
'Instalar un inodoro nuevo: tipo de salida, cota y montaje',
'Antes de comprar un inodoro hay que saber cómo sale el desagüe: vertical (al suelo) u horizontal (a la pared), a qué distancia de la pared está el centro del tubo y qué medida tiene. Un inodoro que no coincide obliga a piezas de adaptación o a obra.',
'Reforma de baño o inodoro roto; el inodoro nuevo no cuadra con el desagüe; dudas sobre qué modelo comprar o qué junta o manguetón usar.',
'1. Medir el desagüe existente: salida al suelo o a la pared; diámetro (suele ser 100–110 mm, 4 in: en España PVC de 110 mm; en América tubo de 3 o 4 in con brida de 4 in) y distancia de la pared terminada al centro del tubo (en América el estándar es 12 in, unos 305 mm; también 10 y 14 in).
2. Elegir un inodoro con esa salida y esa cota (ficha del fabricante) o una pieza de adaptación: manguetón o codo excéntrico para salida horizontal, brida excéntrica para vertical.
3. Retirar el inodoro viejo con el agua cortada y vaciado (ver el artículo de la junta de cera) y tapar el desagüe con un trapo.
4. Comprobar que el suelo está firme y a nivel y limpiar la brida o el tubo.
5. Presentar el inodoro en seco, marcar los taladros de fijación y taladrar con la broca adecuada.
6. Colocar la junta (cera, goma o manguetón) centrada, quitar el trapo, asentar el inodoro recto y fijarlo apretando alternando, sin forzar.
7. Montar la cisterna con su junta y tornillos, conectar el latiguillo (conector flexible) a la llave de escuadra con la llave de paso cerrada y abrir el agua. Medidas habituales: en España rosca de 3/8 o 1/2 in en la llave y en la cisterna; en América, de la llave angular de 3/8 in (compresión) a la rosca de 7/8 in de la válvula de llenado, con tubo de 1/2 in a la llave si es antigua.
8. Probar varias descargas, revisar la base y la cisterna y sellar el contorno con silicona sanitaria.',
'El inodoro pesa y la porcelana rota corta: guantes y levantar entre dos. El desagüe viejo es de aguas residuales: guantes y lavarse las manos. Antes de taladrar el suelo, comprobar que no pasan tuberías, cables ni suelo radiante.',
'Metro, nivel, taladro, brocas, tacos y tornillos de fijación, junta de cera o de goma, manguetón o brida según la salida, latiguillo, silicona sanitaria, llaves.',
'Si hay que mover el desagüe, pasar de salida vertical a horizontal con obra o el tubo del suelo está roto: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen la ficha del fabricante y la normativa local.',
'instalar inodoro, montar inodoro, inodoro nuevo, vater nuevo, retrete nuevo, taza nueva, sanitario nuevo, tubo de salida del inodoro, cuanto mide la salida, salida vertical, salida horizontal, salida dual, cota de salida, rough in, mangueton, brida, excentrico'
);
SELECT kb_seed_examples('inodoro-instalar-nuevo', ARRAY[
'voy a poner un inodoro nuevo, ¿qué tengo que medir antes de comprarlo?',
'el wc nuevo tiene salida horizontal y el desague sale del suelo, que hago',
'cuanto mide el tubo de salida del inodoro, 110 o 100?',
'como instalo un sanitario nuevo paso a paso',
'a que distancia de la pared queda el desagüe de un inodoro de 12 pulgadas'
]);

SELECT kb_seed_article(
'fluxometro',
'Fluxómetro (fluxor) del inodoro o urinario que no cierra, descarga poco o gotea',
'El fluxómetro descarga directamente desde la tubería, sin cisterna. Una membrana (diafragma) o un pistón con un pequeño orificio de paso controla el cierre; si ese orificio se tapa o la membrana se rompe, el fluxómetro no cierra o descarga poco. Necesita tubería ancha y presión suficiente.',
'El agua sigue saliendo en la taza o el urinario después de accionar; descarga corta que no limpia; salpica o descarga con demasiada fuerza; gotea por la manija; tarda en cerrar.',
'1. Cerrar la llave de control del fluxómetro (con destornillador, en el cuerpo o en la llave previa).
2. Quitar la tapa superior y sacar la membrana o el pistón con su guía.
3. Limpiar el orificio de paso (by-pass) con agua y un cepillo suave, sin agrandarlo, y limpiar el asiento de la válvula.
4. Si la membrana está dura, rajada o deformada, cambiar el kit de reparación del mismo modelo (marca y litros por descarga).
5. Manija que gotea: cambiar el kit de la manija (junta y casquillo).
6. Montar, abrir la llave de control poco a poco y ajustar el tornillo de regulación (en la llave de control o en el cuerpo) para que la descarga limpie sin salpicar.
7. Si la descarga sigue siendo pobre, medir la presión con el agua corriendo: los fluxómetros necesitan normalmente como mínimo 1–1,5 bar (15–25 psi) y tubería de 1 in (25–32 mm), según fabricante.',
'Cortar el agua con la llave de control antes de abrir la tapa: está a presión de red. En baños públicos, guantes y desinfectar.',
'Destornillador, llave para la tapa o llave inglesa con trapo, kit de reparación (membrana o pistón) del modelo, kit de manija, cepillo suave, manómetro.',
'Cuerpo del fluxómetro agrietado, tubería de alimentación insuficiente o fluxómetros electrónicos con sensor: servicio técnico o fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'fluxometro, fluxor, flux, valvula de descarga directa, urinario, mingitorio, membrana, diafragma, piston, kit de reparacion, manija, no cierra, descarga continua, llave de control, helvex, sloan'
);
SELECT kb_seed_examples('fluxometro', ARRAY[
'el fluxometro del baño se queda descargando y no corta',
'el flux del mingitorio descarga muy poquito',
'como cambio la membrana de un fluxómetro helvex',
'gotea el fluxor por la palanca',
'la taza con fluxometro salpica mucho al jalar'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Rooftop and ground tanks
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'tinaco-desborda',
'Tinaco o depósito elevado que se derrama: flotador o válvula de llenado',
'El tinaco (depósito elevado) se llena por una válvula de flotador que cierra el agua al subir la boya. Si la boya se llena de agua, el brazo se dobla, el empaque se gasta o la presión de la red es muy alta, el agua no corta y sale por el tubo de demasías o por la tapa.',
'Agua que cae de la azotea o por el tubo de demasías; el tinaco rebosa; se oye entrar agua todo el rato; consumo alto.',
'1. Cerrar la llave de entrada al tinaco (o cortar la bomba, si se llena con bomba).
2. Subir con seguridad, quitar la tapa y revisar la boya: si tiene agua dentro o está rota, cambiarla; si el brazo está doblado o flojo, enderezarlo o apretarlo.
3. Abrir la entrada y subir la boya con la mano: si el agua no corta, el empaque (goma) o el asiento de la válvula están gastados o con basura. Cerrar, desarmar la válvula, limpiar y cambiar el empaque, o la válvula completa.
4. Ajustar el nivel: el agua debe cortar unos 5–10 cm (2–4 in) por debajo del tubo de demasías, doblando el brazo o con el tornillo de ajuste.
5. Con presión de red alta, usar una válvula de flotador de alta presión o poner un reductor antes del tinaco.
6. Si el tinaco se llena con bomba, el que corta es el flotador eléctrico: comprobar que se mueve libre y que el cable no está enredado (ver el artículo de la cisterna con bomba).
7. Comprobar que el tubo de demasías descarga a un sitio visible y seguro, sin obstrucciones, y cerrar bien la tapa.',
'Trabajo en azotea o en altura: escalera firme, subir acompañado y con protección contra caídas. No apoyarse en un tinaco lleno. Si hay flotador eléctrico o bomba, cortar la electricidad antes de tocar.',
'Válvula de flotador del diámetro de la entrada (1/2 o 3/4 in), boya, empaques, llaves, cinta PTFE, linterna.',
'Tinacos antiguos de fibrocemento (posible asbesto), depósitos comunitarios grandes o la instalación eléctrica de la bomba: profesional o empresa autorizada.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'tinaco, tinaco se derrama, tinaco se desborda, deposito elevado, tanque elevado, tanque de la azotea, tanque del techo, rotoplas, valvula de flotador, flotador del tinaco, boya, empaque, derrama, rebalsa, demasias'
);
SELECT kb_seed_examples('tinaco-desborda', ARRAY[
'el tinaco se derrama por el tubo de arriba, que le cambio',
'el tanque de agua del techo rebalsa toda la noche',
'la boya del tinaco no cierra bien',
'¿cómo ajusto el flotador del depósito elevado para que no tire agua?',
'se sale el agua del rotoplas por la tapa'
]);

SELECT kb_seed_article(
'tinaco-limpiar-desinfectar',
'Limpiar y desinfectar un tinaco, depósito o aljibe de agua potable',
'En los depósitos de agua se acumulan lodo, arena y una película de bacterias que dan mal sabor, color y riesgo sanitario. Se recomienda limpiarlos y desinfectarlos al menos una vez al año (cada 6 meses si entra sedimento) y siempre después de una contaminación o de una obra.',
'Agua turbia, con color, arena u olor; lodo en el fondo; larvas o insectos; el depósito lleva años sin limpiar.',
'1. Avisar a los usuarios, cerrar la entrada de agua y vaciar el depósito por la llave de vaciado o usando el agua, dejando un palmo para arrastrar el lodo.
2. Tallar paredes, fondo y tapa con cepillo de cerdas de plástico (no metálico en tinacos de plástico); sacar el lodo con cubo y trapo por arriba, no por la tubería de la casa.
3. Aclarar con agua limpia y vaciar.
4. Desinfectar: llenar y añadir lejía (cloro) apta para desinfección de agua de bebida, sin detergente ni perfume. Referencia: unos 50 mg/L de cloro, que con lejía al 5 % es 1 litro por cada 1.000 litros de agua (ajustar a la concentración de la etiqueta).
5. Dejar actuar el tiempo que indiquen la autoridad sanitaria o el fabricante (orientativo: 12–24 h) y abrir cada grifo hasta notar olor a cloro, para desinfectar también las tuberías.
6. Vaciar todo, aclarar, volver a llenar y, antes de ponerlo en uso, dejar correr los grifos hasta que no huela fuerte a cloro.
7. Cerrar bien la tapa, revisar el filtro de entrada y anotar la fecha: repetir al menos una vez al año (cada 6 meses si entra sedimento). Si salen algas (lama verde), entra luz: tapa bien cerrada y depósito opaco o a la sombra. Con el depósito vacío, buscar grietas o fisuras: una cisterna de obra se repara e impermeabiliza con revestimiento apto para agua potable; un tinaco de plástico rajado se cambia.',
'No entrar en aljibes ni cisternas enterradas sin ventilación, vigilancia y medios de rescate: es un espacio confinado. No mezclar la lejía con ácidos ni con otros productos (gases tóxicos). Guantes, gafas y ventilación. En altura, protección contra caídas.',
'Cepillo de plástico, cubo, trapos, lejía apta para agua de bebida, guantes, gafas, botas, linterna, escalera.',
'Aljibes grandes, depósitos de edificios o si hay que entrar en el depósito: empresa especializada. Si el agua sigue con color u olor, análisis de laboratorio.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen las indicaciones de la autoridad sanitaria local y del fabricante del depósito.',
'limpiar tinaco, lavar tinaco, desinfectar tinaco, limpieza del deposito, lavar el tanque de agua, aljibe, tanque de reserva, cloro, lejia, hipoclorito, clorar, lodo, agua turbia, mantenimiento del tinaco'
);
SELECT kb_seed_examples('tinaco-limpiar-desinfectar', ARRAY[
'cada cuanto se lava el tinaco y con que',
'¿cuánto cloro le echo al tanque de agua para desinfectarlo?',
'el agua sale turbia y hay lodo en el fondo del deposito',
'como limpio un aljibe de 5000 litros',
'lejía para desinfectar el depósito de la casa de campo, ¿cuánta?'
]);

SELECT kb_seed_article(
'cisterna-enterrada-bomba',
'Cisterna enterrada (aljibe) con bomba al tinaco: flotadores eléctricos y bomba que trabaja en seco',
'En muchas casas el agua llega a una cisterna enterrada y una bomba la sube al tinaco. Dos flotadores eléctricos la controlan: el del tinaco arranca y para la bomba, y el de la cisterna la para cuando queda poca agua. Si falla alguno, la bomba no arranca, no para o trabaja en seco y se quema.',
'El tinaco se vacía y la bomba no arranca; la bomba sigue con el tinaco lleno y se derrama; la bomba hace ruido y se calienta sin subir agua; salta el interruptor o el diferencial.',
'1. Cortar la electricidad de la bomba en su interruptor o en el cuadro antes de tocar flotadores o conexiones.
2. Mirar el agua de la cisterna: si está casi vacía, esperar a que se llene; su flotador debe parar la bomba antes de que la aspiración quede fuera del agua.
3. Revisar los flotadores: que cuelguen libres, sin enredarse con tubos ni con la boya, con el contrapeso a la altura correcta. Con un polímetro y sin tensión, comprobar que abren y cierran al subirlos y bajarlos; cambiar el que falle.
4. Conexión: el de la cisterna va en modo vaciado (para la bomba cuando baja el agua) y el del tinaco en modo llenado (la arranca cuando baja); según modelo se elige con el color de los cables.
5. Si la bomba arranca pero no sube agua, revisar cebado, válvula de pie y entradas de aire (ver el artículo de la bomba que pierde el cebado).
6. Comprobar que la entrada de la red a la cisterna tiene su válvula de flotador y que corta.
7. Dar la electricidad y vigilar un ciclo completo de arranque y paro.',
'Agua y electricidad: cortar la corriente antes de tocar; la bomba debe tener diferencial y toma de tierra. No entrar en la cisterna enterrada: espacio confinado (falta de oxígeno, gases); se trabaja desde fuera. Dejar la tapa del registro bien cerrada.',
'Polímetro, flotadores eléctricos de recambio, bridas, linterna, llaves, guantes.',
'Cableado, cuadro o bobinado de la bomba: electricista. Entrar en la cisterna o limpiarla por dentro: empresa con equipo para espacios confinados.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'cisterna enterrada, aljibe, bomba al tinaco, subir agua al tinaco, flotador electrico, electronivel, interruptor de flotador, pera electrica, automatico de nivel, bomba trabaja en seco, bomba no para, bomba no arranca, tanque subterraneo, motobomba'
);
SELECT kb_seed_examples('cisterna-enterrada-bomba', ARRAY[
'la bomba de la cisterna no sube agua al tinaco',
'la bomba no se apaga cuando el tinaco está lleno',
'como conecto el electronivel de la cisterna y el del tinaco',
'la motobomba se quedó trabajando en seco y ahora no arranca',
'flotador electrico del aljibe, cual cable es para vaciado'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Pumps and pressure tanks
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'hidroneumatico-precarga',
'Vaso de presión o hidroneumático: comprobar y ajustar la precarga de aire',
'El vaso de presión (hidroneumático, calderín) guarda agua a presión contra un colchón de aire separado por una membrana. Para que funcione, la precarga de aire, medida con el vaso vacío de agua, debe ser unos 0,2 bar (2–3 psi) menor que la presión de arranque de la bomba. Con el tiempo pierde aire y la bomba arranca y para a cada momento.',
'La bomba arranca y para muy seguido; la presión de la ducha sube y baja; el manómetro cae bruscamente al abrir un grifo; golpeteo al arrancar la bomba.',
'1. Cortar la electricidad de la bomba.
2. Abrir un grifo cercano hasta vaciar de agua el vaso y que el manómetro de la instalación marque 0.
3. Medir la precarga en la válvula de aire (como la de una rueda, bajo un tapón) con un manómetro de neumáticos.
4. Ajustarla a la presión de arranque del presostato menos 0,2 bar: por ejemplo, arranque a 2 bar, precarga 1,8 bar; con presostato de 30/50 psi, 28 psi; con 40/60 psi, 38 psi. Inflar con compresor o bomba de mano, o soltar aire.
5. Si al pulsar la válvula sale agua en vez de aire, la membrana está rota: cambiar la membrana (si es recambiable) o el vaso.
6. Si pierde el aire en pocos días, revisar la válvula con agua jabonosa o cambiar el vaso. Calderín sin membrana (de hierro galvanizado) anegado: desconectar la bomba, cerrar su entrada, vaciarlo del todo abriendo arriba el tapón o la válvula de aire para que entre aire, y volver a llenar; si se anega a menudo, revisar su válvula de control de aire o cambiarlo por uno de membrana.
7. Cerrar el grifo, dar la electricidad y comprobar con el manómetro que la bomba arranca y para en los valores del presostato.
8. Revisar la precarga una o dos veces al año.',
'Cortar la electricidad antes de trabajar. No superar la presión máxima de la placa del vaso. Quitar la presión del agua antes de desmontar el vaso: lleno pesa mucho.',
'Manómetro de neumáticos, compresor o bomba de inflar, agua jabonosa, llaves, membrana o vaso de recambio.',
'Grupos de presión de edificios, vasos grandes, presostatos y cuadros eléctricos: profesional o electricista.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen los valores del fabricante del vaso y de la bomba.',
'hidroneumatico, hidro, tanque hidroneumatico, vaso de presion, vaso de expansion de la bomba, calderin, tanque de presion, precarga, inflar, colchon de aire, membrana, vejiga, presostato, grupo de presion'
);
SELECT kb_seed_examples('hidroneumatico-precarga', ARRAY[
'a cuanto inflo el hidroneumatico si la bomba arranca a 2 bar',
'como reviso el aire del tanque de presion',
'sale agua por la valvulita de aire del calderín',
'precarga del vaso de expansión de la bomba, ¿cuánto le pongo?',
'el hidro se quedo sin aire y la bomba prende y apaga'
]);

SELECT kb_seed_article(
'bomba-ciclos-cortos',
'La bomba arranca y para seguido (ciclos cortos): aire del vaso, fugas, retención y presostato',
'Una bomba con presostato debería arrancar, llenar el vaso de presión y parar un buen rato. Si arranca y para cada pocos segundos, o arranca sin que nadie use agua, el vaso ha perdido el aire, hay una fuga o una retención que deja volver el agua, o el presostato está mal ajustado. Tantos arranques acaban quemando la bomba.',
'La bomba hace clic y arranca cada pocos segundos mientras se usa un grifo; arranca de noche con todo cerrado; la presión sube y baja; el presostato traquetea.',
'1. Con todo cerrado, mirar el manómetro: si la presión baja y la bomba vuelve a arrancar, hay una fuga (cisterna que pierde, grifo, tubería) o la retención deja volver el agua al pozo o depósito.
2. Cerrar la llave de salida hacia la casa: si la presión se mantiene, la fuga está en la casa; si sigue bajando, falla la retención o la válvula de pie. Limpiar o cambiar la que falle.
3. Comprobar la precarga del vaso con la bomba desconectada y el vaso vacío de agua: 0,2 bar (2–3 psi) menos que la presión de arranque (ver el artículo del hidroneumático). Si sale agua por la válvula de aire, la membrana está rota.
4. Comprobar el tamaño del vaso: uno pequeño para la bomba da ciclos cortos aunque esté bien inflado (el fabricante indica el volumen mínimo).
5. Revisar el presostato (con la corriente cortada): diferencia entre arranque y paro de al menos 1–1,4 bar (15–20 psi), contactos sin chispas y tubo de conexión sin obstruir. La tuerca del muelle grande sube o baja arranque y paro a la vez; la del muelle pequeño, solo el paro. Si no corta y la presión sigue subiendo, contactos pegados o tubo tapado: cambiarlo. Valores orientativos: arranque = altura del grifo más alto sobre la bomba (10 m = 1 bar) más 1–1,5 bar; paro, 1–1,5 bar más (en América, 30/50 o 40/60 psi).
6. Dar la electricidad y comprobar varios ciclos: arranque y paro en sus valores y varios minutos de pausa con todo cerrado.',
'Cortar la electricidad antes de abrir el presostato: tiene tensión de red. Agua y electricidad juntas: diferencial y toma de tierra obligatorios.',
'Manómetro, manómetro de neumáticos, bomba de inflar, destornillador aislado, polímetro, válvula de retención de recambio.',
'Cambio del presostato, cableado o condensador: electricista o técnico de bombas. Pozos profundos con bomba sumergible: empresa de pozos.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'bomba arranca y para, bomba prende y apaga, bomba se prende a cada rato, ciclos cortos, arranca a cada rato, presostato, automatico de la bomba, hidroneumatico sin aire, equipo de presion, bomba de pozo, bomba de agua'
);
SELECT kb_seed_examples('bomba-ciclos-cortos', ARRAY[
'la bomba prende y apaga a cada rato cuando abro la llave',
'la bomba se enciende sola de noche y nadie usa agua',
'el automático de la bomba hace clic clic todo el tiempo',
'bomba de pozo con hidroneumatico arranca cada 10 segundos',
'por que mi bomba de agua hace ciclos cortos'
]);

SELECT kb_seed_article(
'presurizador',
'Presurizador (bomba presurizadora) que no arranca, no se apaga o va a tirones',
'El presurizador es una bomba pequeña que arranca al abrir un grifo (por caudal o por presión) para dar más presión que la que da el tinaco o el depósito por gravedad. Falla por aire en la tubería, caudal por debajo del mínimo de arranque, suciedad en el sensor de flujo, fugas o falta de agua.',
'Al abrir un grifo la bomba no arranca o arranca tarde; no se apaga al cerrar todo; arranca y para con un goteo; ruido de aire o trabaja en vacío; la presión sube y baja.',
'1. Comprobar que hay agua en el tinaco o depósito y que todas las llaves de alimentación están abiertas.
2. Revisar el montaje: el presurizador va a la salida del tinaco, recibiendo el agua por gravedad, lo más cerca posible, con llaves a ambos lados, unión para desmontarlo y, si el fabricante lo pide, by-pass y filtro.
3. No arranca: abrir más el grifo (muchos necesitan un caudal mínimo, a menudo 1,5–2 l/min; ver ficha) y purgar el aire del cuerpo de la bomba por su tapón. Si zumba sin girar tras estar parada, el eje está trabado por cal: con la corriente cortada, girarlo con un destornillador por la ranura de la tapa del ventilador.
4. No para o arranca sin abrir nada: buscar fugas (cisterna que pierde, goteos) y revisar el antirretorno. Sensor de flujo pegado por suciedad o sarro: cortar la corriente y limpiarlo según el manual.
5. Con control electrónico de presión, comprobar su presión de arranque y su protección contra marcha en seco; si ha saltado, rearmar cuando vuelva a haber agua.
6. Ruido o vibración: purgar, apretar los racores de entrada y fijar la bomba sobre tacos antivibración.
7. Probar abriendo un grifo cada vez y cerrando todo: debe arrancar y parar limpiamente.',
'Cortar la electricidad antes de abrir la bomba o el control. Conexión eléctrica con diferencial y toma de tierra, protegida del agua. No dejarla funcionar sin agua: se daña el sello.',
'Llaves, destornillador aislado, cinta PTFE, manómetro, filtro, uniones, tacos antivibración.',
'Fallos eléctricos, bomba que se calienta o no gira, o cambio del control electrónico: técnico de bombas o electricista.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'presurizador, bomba presurizadora, presurizadora, bomba de presion, press control, control de presion, flujostato, no arranca, no se apaga, aumentar la presion, subir la presion del tinaco'
);
SELECT kb_seed_examples('presurizador', ARRAY[
'el presurizador no arranca cuando abro la regadera',
'la bomba presurizadora no se apaga aunque cierre todo',
'¿conviene poner presurizador si tengo el tinaco en la azotea?',
'la bomba chica de presion arranca sola cada rato',
'el press control no prende la bomba'
]);

SELECT kb_seed_article(
'bomba-pierde-cebado',
'Bomba que pierde el cebado: válvula de pie, retención en la aspiración y entradas de aire',
'Una bomba de superficie que aspira de un pozo o cisterna necesita el tubo de aspiración lleno de agua. La válvula de pie (pichancha) o la retención de la aspiración retiene esa agua cuando la bomba para; si pierde, o si entra aire por una unión, la bomba se desceba y gira sin subir agua.',
'Hay que cebar la bomba a menudo; la bomba suena pero no saca agua; sale aire con el agua; el tubo de aspiración se vacía; la bomba se calienta.',
'1. Cortar la electricidad. Comprobar la altura de aspiración: en la práctica unos 7 m como máximo a nivel del mar (menos con tubos largos, en altitud o con agua caliente; ver la ficha de la bomba).
2. Revisar la válvula de pie: sacar el tubo, limpiar la rejilla y comprobar que la clapeta cierra. Debe quedar siempre sumergida y unos 30 cm (1 ft) por encima del fondo para no chupar lodo. Cambiarla si pierde.
3. Si no se puede poner válvula de pie, instalar una válvula de retención (check) en la aspiración junto a la bomba, con la flecha hacia la bomba. En bombas sumergibles o con vaso de presión la retención va en la descarga (impulsión): a la salida de la bomba, antes del vaso y de la llave de corte.
4. Buscar entradas de aire: con la bomba en marcha, cubrir las uniones de la aspiración con espuma de afeitar o agua jabonosa; donde se mete, entra aire. Rehacer esa unión.
5. El tubo de aspiración debe tener el diámetro de la boca de la bomba o mayor, subir siempre hacia la bomba sin puntos altos donde se quede aire y llevar pocos codos.
6. Cebar: con la electricidad cortada, quitar el tapón de cebado, llenar la bomba y el tubo hasta que rebose sin burbujas, cerrar el tapón y arrancar.
7. Si en unos minutos no da agua, parar y volver a cebar; no dejarla trabajando en seco.',
'Cortar la electricidad antes de abrir el tapón de cebado. No hacer funcionar la bomba en seco: el sello mecánico se quema enseguida. Pozos y cisternas: no entrar, espacio confinado.',
'Válvula de pie (pichancha) o válvula de retención, cinta PTFE o pasta apta para agua potable, llaves, espuma de afeitar o agua jabonosa, embudo, cubo de agua.',
'Pozos con el agua a más de unos 7 m que necesitan bomba sumergible, bombas que se calientan o hacen ruido metálico, o cableado: técnico de bombas o empresa de pozos.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'cebar la bomba, cebado, se desceba, pierde el cebado, no saca agua, no succiona, no chupa, no jala agua, no jala, no sube el agua, aspiracion, succion, valvula de pie, pichancha, canastilla, check de la bomba, valvula de retencion de la bomba, bomba de pozo, bomba periferica'
);
SELECT kb_seed_examples('bomba-pierde-cebado', ARRAY[
'tengo que cebar la bomba cada dos por tres',
'la bomba del pozo hace ruido pero no sube el agua',
'¿dónde pongo la check en la succión de la bomba?',
'la pichancha no retiene y se vacía el tubo',
'bomba periferica se desceba de noche, que reviso'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Water heaters
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'calentador-paso-no-enciende',
'Calentador de paso a gas (calefón) que no enciende o se apaga: pilas, membrana, caudal y tiro',
'El calentador de paso (instantáneo, calefón) enciende únicamente cuando pasa un caudal mínimo de agua, que empuja una membrana del grupo de agua o detecta un sensor. Si no llega ese caudal, si las pilas están gastadas, o si salta la seguridad de tiro o de sobretemperatura, no enciende o se apaga.',
'Al abrir el agua caliente no se oye el encendido o chispea sin encender; enciende con el grifo muy abierto pero se apaga al mezclar con fría; se apaga a los pocos minutos; llama débil.',
'1. Si huele a gas, no tocar nada y seguir el aviso de seguridad. Comprobar que la llave del gas está abierta y que hay gas (bombona con gas, otros aparatos funcionan).
2. Cambiar las pilas (suelen ser 2 de 1,5 V tipo LR20 / D): con pilas flojas chispea pero no enciende, o enciende tarde.
3. Comprobar el caudal: abrir el agua caliente a tope, sin mezclar. Necesitan un mínimo de unos 2–3 l/min según modelo (ver manual). Si se apaga al mezclar con fría, abrir más la caliente o bajar la temperatura del calentador para mezclar menos.
4. Limpiar aireadores, la alcachofa de la ducha y el filtro de entrada de agua fría del calentador; descartar un cruce de agua fría en la caliente (ver el artículo del cruce de agua).
5. Si con buen caudal no reacciona, la membrana del grupo de agua suele estar dura o rota: se cambia por el lado del agua, siguiendo el manual y sin abrir el circuito de gas, o lo hace el servicio técnico.
6. Si se apaga tras unos minutos funcionando, puede ser la seguridad de tiro (salida de humos obstruida) o de sobretemperatura: no rearmar una y otra vez; técnico de gas autorizado.',
'La parte de gas, el quemador, el tiro y el conducto de humos: únicamente un técnico de gas autorizado. Nunca anular las seguridades de tiro o de llama. Si hay dolor de cabeza, mareo o llama amarilla: apagar, ventilar y salir (monóxido de carbono).',
'Pilas de recambio, llave fija, destornillador, vinagre o antical para filtros, kit de membrana del grupo de agua del modelo.',
'Seguridad de tiro que salta, olor a gas, llama amarilla, hollín, válvula de gas o electrodo de encendido: técnico de gas autorizado o servicio técnico del fabricante.',
'Equipo técnico Remedios, base de conocimiento interna; criterios generales de seguridad en aparatos de gas.',
'calentador de paso, calentador instantaneo, calefon, calentador a gas, no enciende, no prende, se apaga, pilas, chispa, membrana, caudal minimo, grupo de agua, seguridad de tiro, boiler de paso, junkers'
);
SELECT kb_seed_examples('calentador-paso-no-enciende', ARRAY[
'el calentador de paso no prende cuando abro la caliente',
'el calefón se apaga cuando mezclo con agua fría',
'hace chispa pero no enciende el calentador, ya cambie las pilas',
'como cambio la membrana del calentador de gas',
'el boiler de paso se apaga a los 5 minutos de ducha'
]);

SELECT kb_seed_article(
'termo-electrico-no-calienta',
'Termo eléctrico que no calienta: resistencia, termostato y limitador (rearme)',
'Un termo eléctrico calienta con una resistencia controlada por un termostato. Un limitador (termostato de seguridad) corta la corriente si el agua se sobrecalienta y hay que rearmarlo a mano. Si no calienta, falla la alimentación, el limitador ha saltado, o fallan el termostato o la resistencia (quemada o cubierta de cal).',
'El agua sale fría o tibia; el testigo luminoso del termo no se enciende; salta el diferencial o el automático al conectar el termo; tarda mucho en calentar o el agua caliente dura poco.',
'1. Comprobar el automático y el diferencial del termo en el cuadro, y el enchufe o interruptor. Si el diferencial salta al conectar el termo, no insistir: posible resistencia derivada a tierra.
2. Desconectar el termo: cortar la corriente en el cuadro (automático, llave térmica o fusible) y comprobar con un comprobador que no hay tensión antes de quitar la tapa.
3. Rearmar el limitador (botón, a menudo rojo, junto al termostato). Si vuelve a saltar, el termostato está pegado u otro fallo: revisarlo antes de seguir usando el termo.
4. Medir la resistencia con el polímetro, sin tensión y con los cables sueltos: valor aproximado R = V² / P. A 230 V: 1.500 W ≈ 35 Ω; 2.000 W ≈ 26 Ω. A 120 V: 1.500 W ≈ 10 Ω. Sin continuidad = quemada. Entre resistencia y masa no debe haber continuidad.
5. Termostato: con el agua fría debe dar continuidad; si no, cambiarlo por uno igual.
6. Para cambiar la resistencia: cerrar la entrada de agua fría, vaciar el termo (ver el artículo de vaciado), cambiar resistencia y junta y quitar la cal del fondo.
7. Llenar el termo del todo (grifo de caliente abierto hasta que salga agua sin aire) antes de dar la corriente; comprobar que calienta y que no pierde por la junta.',
'Tensión de red: cortar en el cuadro y comprobar que no hay tensión antes de abrir la tapa. No conectar nunca el termo vacío: la resistencia se quema. No puentear el limitador ni el termostato. Riesgo de quemaduras al vaciar.',
'Comprobador de tensión, polímetro, destornilladores aislados, llave de vaso para la resistencia, resistencia, termostato o limitador del modelo, junta, manguera.',
'Si salta el diferencial, hay cables quemados o la instalación no tiene toma de tierra: electricista. Depósito que pierde agua: cambiar el termo.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'termo electrico, termo no calienta, termo no funciona, sale fria, calentador electrico, resistencia, termostato, limitador, rearme, boton rojo, salta el diferencial, no calienta el agua, agua tibia, luz del termo, lucecita'
);
SELECT kb_seed_examples('termo-electrico-no-calienta', ARRAY[
'el termo no calienta y la lucecita no se prende',
'como rearmo el botón rojo del termotanque eléctrico',
'¿cuántos ohmios debe marcar la resistencia de un termo de 1500 W?',
'el boiler eléctrico bota la pastilla cuando lo conecto',
'sale el agua tibia del calentador electrico, cambio la resistencia?'
]);

SELECT kb_seed_article(
'boiler-gas-deposito-purgar',
'Boiler de depósito a gas: purgar sedimentos y revisión anual',
'Los boilers (calentadores de depósito) a gas acumulan sarro y arena en el fondo, justo encima del quemador. El sedimento aísla el agua de la llama: calienta peor, gasta más gas, hace ruido y recalienta el fondo del tanque. Purgarlo cada 6–12 meses (más a menudo con agua dura) alarga su vida.',
'Burbujeo o golpeteo cuando el quemador está encendido; el agua caliente dura poco; arena o sarro en los aireadores; sale agua turbia por la llave de purga.',
'1. Poner el control de gas en PILOTO o VACACIONES (mejor que apagado, para no tener que reencender el piloto) y cerrar la entrada de agua fría.
2. Conectar una manguera a la llave de purga (dren) del fondo y llevarla a un desagüe o al exterior.
3. Abrir un grifo de agua caliente para que entre aire y abrir la llave de purga: el agua sale muy caliente.
4. Cuando salga el sedimento, abrir y cerrar varias veces la entrada de agua fría para remover el fondo, hasta que el agua salga clara.
5. Cerrar la purga, abrir la entrada de agua fría y dejar el grifo de caliente abierto hasta que salga agua sin aire.
6. Volver el control a la temperatura de uso (unos 50–60 °C) y comprobar que la llama del quemador es azul y que el tubo de humos está bien encajado y sin óxido.
7. Probar la válvula de alivio (T&P) y revisar el ánodo cada 1–2 años (ver sus artículos). Si el agua sale por el cuerpo o el fondo del tanque, el depósito está corroído: no tiene reparación, hay que cambiar el boiler.',
'El agua de purga sale muy caliente: guantes y manguera bien sujeta. El quemador, la válvula de gas y el conducto de humos los toca únicamente un técnico de gas autorizado. Si huele a gas o la llama es amarilla: apagar, ventilar y llamar al técnico.',
'Manguera, llave ajustable, guantes, cubo, llave de purga de recambio si gotea.',
'Llama amarilla, hollín, conducto de humos dañado, piloto que no se mantiene, olor a gas o tanque que gotea por el cuerpo: técnico de gas autorizado o cambiar el boiler.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'boiler de deposito a gas, boiler a gas, boiler de gas, calentador de deposito a gas, calentador de acumulacion a gas, purgar el boiler de gas, dren del boiler, quemador, tubo de humos'
);
SELECT kb_seed_examples('boiler-gas-deposito-purgar', ARRAY[
'cada cuanto se purga el boiler de gas',
'¿cómo le saco el sarro al boiler de depósito?',
'el boiler de gas hace burbujeo cuando prende el quemador',
'purgar el calentador de 40 galones a gas paso a paso',
'sale agua con arena por la llave del boiler'
]);

SELECT kb_seed_article(
'calentador-solar',
'Calentador solar (termosifón o tubos de vacío): no calienta, pierde agua o mantenimiento',
'En un calentador solar el agua se calienta en los colectores o tubos y sube por sí misma al termotanque (termosifón). Calienta poco si hay aire en el circuito, tubos rotos o con sarro, sombra, colectores sucios o el tinaco mal colocado; en los sistemas cerrados, también si falta líquido en el circuito primario.',
'Agua tibia en días de sol; tubo de vidrio roto o blanco por dentro; gotea por un tubo o por el termotanque; sale vapor o agua muy caliente por el jarro de aire; el agua caliente llega sin presión.',
'1. Revisar sombras y suciedad: limpiar colectores o tubos con agua y paño suave a primera hora o al atardecer, nunca echando agua fría sobre vidrio caliente.
2. Tubos de vacío (tubo de vidrio de doble pared, a menudo de 58 o 47 mm y 1.800 mm de largo): si un tubo ha perdido el vacío (la capa plateada del fondo se vuelve blanca) o está roto, reemplazar el tubo por otro de la misma medida con el equipo frío y vacío, con su junta.
3. Equipos sin presión alimentados por tinaco: el tinaco debe quedar más alto que el termotanque (altura según fabricante) y el jarro de aire abierto y más alto que el tinaco; si no, se forman bolsas de aire o se derrama.
4. Equipos a presión: comprobar la válvula de seguridad y el antirretorno de entrada; en circuito cerrado, la presión y el anticongelante según el fabricante.
5. Vaciar los sedimentos por la llave del termotanque cada 6–12 meses y revisar el ánodo si lo tiene.
6. Instalar una válvula mezcladora termostática a la salida: en verano el agua puede pasar de 70 °C.
7. Si tiene apoyo (resistencia o calentador de gas), comprobar que entra únicamente cuando el sol no basta. En invierno hay menos sol y el agua entra más fría: es normal que dé menos y necesite el apoyo; con heladas, anticongelante en el circuito cerrado o protección antihielo según el fabricante.',
'El agua y los tubos pueden superar 70–90 °C: guantes y trabajar con el equipo frío. Nunca tapar la válvula de seguridad ni el jarro de aire. Trabajo en azotea: protección contra caídas.',
'Tubos de recambio con juntas, guantes, paño suave, manguera, llaves, válvula mezcladora termostática, anticongelante del fabricante.',
'Circuitos cerrados con glicol, bombas y controladores, o estructuras en el tejado que no son seguras: instalador de energía solar térmica.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen las instrucciones del fabricante del equipo.',
'calentador solar, boiler solar, termosifon, tubos de vacio, tubos al vacio, colector solar, panel solar de agua, placa solar termica, jarro de aire, energia solar, no calienta con sol'
);
SELECT kb_seed_examples('calentador-solar', ARRAY[
'el calentador solar no calienta aunque haga sol',
'se rompió un tubo al vacío del boiler solar, ¿cómo lo cambio?',
'sale vapor por el jarro de aire del calentador solar',
'cuanto mas alto tiene que estar el tinaco que el calentador solar',
'mantenimiento de termotanque solar cada cuanto'
]);

SELECT kb_seed_article(
'caldera-mixta-sin-acs',
'Caldera mixta sin agua caliente sanitaria (ACS)',
'Una caldera mixta pasa a calentar el agua de los grifos (agua caliente sanitaria, ACS) cuando su sensor de flujo (caudalímetro o flujostato) detecta caudal; entonces la válvula de tres vías manda el calor al intercambiador de placas. Si el caudal no llega al mínimo, el sensor está sucio, la válvula de tres vías se atasca o el intercambiador está lleno de cal, la caldera no da agua caliente o la da tibia.',
'Los grifos dan agua fría o tibia aunque la caldera funciona; enciende únicamente con el grifo muy abierto; la caldera no reacciona al abrir el agua caliente; en verano se calienta la casa al pedir agua caliente.',
'1. Mirar si la pantalla muestra un código de error (ver manual) y la presión del circuito en el manómetro de la caldera (normalmente 1–1,5 bar en frío).
2. Abrir un grifo de caliente a tope: si con mucho caudal enciende y con poco no, limpiar aireadores, alcachofas y el filtro de entrada de agua fría de la caldera; el caudal mínimo de arranque suele ser de unos 2 l/min.
3. Descartar un cruce de agua fría en la caliente por algún mezclador (ver el artículo del cruce de agua).
4. Con la caldera apagada y el agua cortada, limpiar el filtro de entrada de agua fría y, si es accesible, el sensor de flujo (turbina), según el manual.
5. Si los radiadores se calientan al pedir agua caliente o el agua sale tibia, fallan la válvula de tres vías (motor o cartucho) o el intercambiador de placas tiene cal: servicio técnico.
6. Con agua dura, recomendar un descalcificador o un dosificador de polifosfatos antes de la caldera.',
'La caldera es un aparato de gas: abrir la carcasa o tocar la válvula de gas, el quemador o la salida de humos lo hace únicamente un técnico autorizado. Cortar la corriente antes de tocar componentes eléctricos. El agua de la calefacción puede estar muy caliente.',
'Llaves, destornillador, vinagre o antical para el filtro, manual del fabricante.',
'Válvula de tres vías, intercambiador de placas, placa electrónica, sensor de flujo interno o cualquier trabajo dentro de la caldera: servicio técnico o técnico de gas autorizado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'caldera mixta, caldera de condensacion, caldera sin agua caliente, agua caliente sanitaria, acs, valvula de tres vias, valvula desviadora, intercambiador de placas, flujostato, caudalimetro, turbina'
);
SELECT kb_seed_examples('caldera-mixta-sin-acs', ARRAY[
'la caldera mixta calienta la casa pero el agua de los grifos sale fría',
'caldera mixta solo enciende con el grifo abierto a tope',
'el agua caliente de la caldera sale tibia, ¿es el intercambiador?',
'en verano, al abrir el agua caliente, la caldera se pone a calentar la casa',
'la caldera no arranca cuando abro el agua caliente'
]);

SELECT kb_seed_article(
'calentador-paso-ruido',
'Calentador de paso que hace ruido: pitido, silbido, zumbido o explosión al encender',
'Los ruidos de un calentador de paso (instantáneo) orientan la avería. Pitido o silbido con el agua corriendo suele venir del grupo de agua, de una llave medio cerrada o de cal en el intercambiador; una pequeña explosión al encender es un encendido retardado (pilas flojas, electrodo o quemador sucio); un zumbido en los estancos es el ventilador.',
'Pitido al abrir el agua caliente; silbido o hervor mientras calienta; petardeo o estallido al encender; zumbido o vibración del ventilador.',
'1. Si huele a gas o el estallido al encender es fuerte y repetido, dejar de usarlo y llamar a un técnico de gas autorizado.
2. Pitido o silbido con el agua: abrir del todo las llaves de paso y de escuadra, limpiar el filtro de entrada de agua fría y los aireadores y probar con distintos caudales. Si silba únicamente a cierto caudal, suele ser la membrana o el grupo de agua.
3. Hervor o chasquidos mientras calienta y agua que sale a tirones: cal en el intercambiador (serpentín). Bajar la temperatura de consigna y desincrustar el intercambiador con antical (servicio técnico, o según el manual por el lado del agua, sin tocar el gas).
4. Petardeo o pequeña explosión al encender: cambiar las pilas (habitualmente 2 x 1,5 V LR20 / D). Si sigue, el electrodo o el quemador están sucios o desajustados: técnico de gas.
5. Zumbido o vibración en calentadores estancos: ventilador sucio o desequilibrado; servicio técnico.
6. Golpe en las tuberías al cerrar el grifo, no en el calentador: es golpe de ariete (ver ese artículo).',
'El quemador, el electrodo, la válvula de gas y la salida de humos los toca únicamente un técnico de gas autorizado. Un encendido con explosión repetido puede dañar la cámara y la salida de humos: no seguir usándolo. Si hay mareos o llama amarilla: apagar, ventilar y salir.',
'Pilas de recambio, llaves, vinagre o antical para filtros, linterna.',
'Explosión al encender que no se corrige con pilas nuevas, ruido del ventilador, intercambiador con mucha cal o cualquier olor a gas: técnico de gas autorizado o servicio técnico.',
'Equipo técnico Remedios, base de conocimiento interna; criterios generales de seguridad en aparatos de gas.',
'calentador hace ruido, ruido en el calentador, pitido, pita, silba, silbido, zumbido, petardeo, explosion al encender, explota al encender, hace pum, calefon hace ruido, boiler de paso, hervor, calentador instantaneo'
);
SELECT kb_seed_examples('calentador-paso-ruido', ARRAY[
'el calentador pita cuando abro el agua caliente',
'el calefón hace pum cuando prende',
'el calentador de paso silba y el agua sale a tirones',
'zumba mucho el calentador estanco del baño',
'explota un poco al encender el calentador de gas, ¿es peligroso?'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Pressure and water hammer (the meter test is seed-drains.sql's fuga-prueba-contador)
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'presion-agua-medir',
'Presión de agua recomendada en una vivienda y cómo medirla con manómetro',
'En una vivienda (casa o piso) lo cómodo es 2–3 bar (30–45 psi) en los grifos; hasta unos 4 bar (60 psi) es aceptable y por encima conviene reducirla. Con menos de 1 bar (15 psi) los grifos dan muy poco y los calentadores de paso y fluxómetros pueden no funcionar. En España, el CTE DB HS 4 pide al menos 1 bar en grifos (1,5 bar en fluxores y calentadores) y como máximo 5 bar.',
'Dudas antes de instalar una bomba; comprobar la presión antes de montar un calentador, un grifo termostático o un fluxómetro; el cliente se queja de que el agua sale con demasiada o con muy poca fuerza.',
'1. Usar un manómetro de agua de 0–10 bar (0–150 psi) con rosca de grifo o de manguera (3/4 in), o con adaptador para el grifo.
2. Presión estática: con todos los grifos y aparatos cerrados, roscar el manómetro en el grifo más cercano a la entrada (exterior, lavadero o toma de lavadora), abrirlo del todo y leer.
3. Repetir de noche o a primera hora: la presión de la red suele subir cuando hay poco consumo.
4. Presión dinámica: con el manómetro puesto, abrir uno o dos grifos (ducha y cocina) y leer de nuevo. Una caída grande indica tuberías estrechas u obstruidas, o una llave medio cerrada.
5. Comparar: 2–3 bar (30–45 psi) bien; 3–4 bar (45–60 psi) aceptable; más de 4–5 bar (60–75 psi), instalar o ajustar un reductor; menos de 1–1,5 bar (15–20 psi), ver el artículo de poca presión.
6. En edificios, la presión baja con la altura: unos 0,1 bar por metro (1 psi cada 0,7 m).
7. Anotar las cifras para el cliente; si hay reductor, comprobar que su manómetro coincide.',
'Roscar y quitar el manómetro con el grifo cerrado. No usar manómetros de aire o de poco rango: la presión nocturna o un golpe de ariete pueden romperlos.',
'Manómetro de agua 0–10 bar (0–150 psi) con rosca de grifo y junta, adaptadores, cinta PTFE.',
'Si la presión de la red está fuera de rango en toda la calle, consultar a la compañía de agua. Grupos de presión de edificios: profesional.',
'Equipo técnico Remedios, base de conocimiento interna; valores habituales de la práctica del oficio. La normativa local prevalece.',
'presion recomendada, presion ideal, presion correcta, cuanta presion, que presion debe tener, medir la presion, manometro, reloj de presion, bar, bares, psi, kilos de presion, kg/cm2, libras, presion estatica, presion dinamica, presion de un departamento, mido la presion, medir la presion, medicion'
);
SELECT kb_seed_examples('presion-agua-medir', ARRAY[
'¿qué presión de agua es la correcta en una casa?',
'como mido la presion del agua con manometro',
'cuantos kilos de presion debe tener el agua de un departamento',
'cual es la presion ideal del agua en un departamento',
'a cuantos bares se deja el agua de una vivienda'
]);

SELECT kb_seed_article(
'antiariete-instalar',
'Instalar amortiguadores de golpe de ariete (antiariete): dónde ponerlos y de qué tamaño',
'Un amortiguador de golpe de ariete (antiariete) es una pequeña cámara con pistón o membrana que absorbe la onda de presión cuando una válvula cierra de golpe. Funciona bien únicamente cerca de la válvula que provoca el golpe y con el tamaño adecuado; las antiguas cámaras de aire hechas con tubo se llenan de agua y dejan de servir.',
'El golpe sigue después de bajar la presión y sujetar las tuberías; golpe al cerrar las electroválvulas de lavadora o lavavajillas o un fluxómetro; cámaras de aire antiguas que ya no amortiguan.',
'1. Antes, comprobar la presión estática (si pasa de unos 4–5 bar / 60–75 psi, reducirla) y que las tuberías están bien sujetas.
2. Elegir el sitio: lo más cerca posible de la válvula de cierre rápido; normalmente en la toma de la lavadora o del lavavajillas (modelos roscados en T entre la llave y la manguera) o al final del ramal que alimenta varios aparatos.
3. Elegir el tamaño según el fabricante, por número de aparatos (en América, tamaños A a F según PDI/ASSE 1010); para una toma de lavadora basta uno pequeño de 1/2 o 3/4 in.
4. Cortar el agua y quitar la presión abriendo un grifo.
5. Montar el amortiguador en la posición que permita el fabricante, sellando la rosca con cinta PTFE o con su junta.
6. Abrir el agua y probar cerrando de golpe el grifo o haciendo cargar la lavadora.
7. Los de pistón o membrana no necesitan vaciar la instalación; las cámaras de aire de tubo sí, y por eso es mejor sustituirlas.',
'Cortar el agua y quitar la presión antes de montar. Un amortiguador no sustituye al reductor cuando la presión es alta.',
'Amortiguador de golpe de ariete del tamaño adecuado, T de conexión para lavadora, llaves, cinta PTFE, manómetro.',
'Redes de edificios, grupos de presión o golpes que siguen tras instalar los amortiguadores: profesional cualificado.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'antiariete, antigolpe de ariete, amortiguador de golpe de ariete, supresor de golpe de ariete, arrestor, camara de aire, instalar antiariete, donde va el antiariete, colocar antiariete, tamano del antiariete'
);
SELECT kb_seed_examples('antiariete-instalar', ARRAY[
'¿dónde se instala el antiariete de la lavadora?',
'que tamaño de amortiguador de golpe de ariete pongo para un baño',
'puse un antiariete y sigue golpeando, estara bien colocado?',
'sirven las camaras de aire de tubo para el golpe de ariete',
'supresor de golpe de ariete para fluxometro, donde va'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Water treatment
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'descalcificador-mantenimiento',
'Descalcificador (suavizador de agua): sal, regeneración y ajuste de la dureza',
'El descalcificador cambia la cal (calcio y magnesio) por sodio en una resina que se regenera con salmuera. Deja de funcionar si se acaba la sal, se forma un puente de sal en el depósito, se obstruye el inyector o está mal programada la dureza.',
'Vuelve a salir cal en grifos y mamparas; la sal del depósito no baja; agua salada o mucha agua en el depósito de sal; el equipo regenera a deshoras o no regenera.',
'1. Medir la dureza del agua de entrada y de salida con tiras o kit de gotas. A la salida es habitual dejar unos 6–10 °fH (60–100 mg/L de CaCO3; 3,5–6 gpg) con la válvula de mezcla: el agua a 0 °fH es agresiva con las tuberías.
2. Usar sal en pastillas específica para descalcificadores y mantener el depósito al menos con un tercio de sal.
3. Si la sal no baja, romper el puente de sal (costra dura) con un palo, sin dañar el depósito.
4. Programar en la válvula la dureza de entrada, la hora de regeneración (de noche) y la hora actual, según el manual.
5. Forzar una regeneración manual y comprobar que aspira salmuera (el nivel del depósito de sal baja). Si no baja, limpiar el inyector (venturi) y su filtro.
6. Quitar el sarro (caliza) ya formado en grifos y alcachofas con vinagre o ácido cítrico: el equipo evita el nuevo pero no lo disuelve. Limpiar el depósito de sal una vez al año y comprobar que el by-pass está en servicio.
7. Comprobar que el desagüe del equipo tiene salida libre con separación de aire y, si el cliente sigue una dieta baja en sodio, dejar un grifo de agua de beber sin descalcificar.',
'Desconectar el equipo de la corriente antes de abrir la válvula. El desagüe debe tener separación de aire para que no vuelva agua sucia al equipo. La sal y la salmuera corroen: limpiar derrames.',
'Kit de medición de dureza, sal en pastillas, palo para romper la costra, destornillador, cepillo pequeño, manual del equipo.',
'Válvulas electrónicas que no responden, resina agotada (suele durar 8–10 años) o instalación de un equipo nuevo con by-pass: servicio técnico del equipo o fontanero.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen el manual del equipo y la normativa local de agua de consumo.',
'descalcificador, descalcificadora, suavizador, suavizador de agua, ablandador, ablandador de agua, sal, salmuera, resina, regeneracion, dureza, agua dura, cal, sarro, grados franceses, puente de sal'
);
SELECT kb_seed_examples('descalcificador-mantenimiento', ARRAY[
'el descalcificador no gasta sal y vuelve a salir cal',
'como programo la dureza del suavizador de agua',
'hay mucha agua en el deposito de sal del descalcificador',
'¿cada cuánto se le echa sal al ablandador?',
'a cuantos grados franceses dejo el agua con el descalcificador'
]);

SELECT kb_seed_article(
'filtro-agua-entrada',
'Filtro de agua de la entrada (sedimentos o carbón): cambiar el cartucho o limpiar la malla',
'Los filtros de entrada retienen arena y óxido (filtros de malla o de sedimentos) o cloro y sabores (carbón activado). Cuando se saturan reducen el caudal y, si no se cambian a tiempo, el cartucho puede criar bacterias.',
'Menos caudal en todos los grifos; el vaso del filtro se ve marrón o negro; mucha diferencia entre los manómetros de antes y después del filtro; el agua vuelve a saber a cloro (carbón agotado).',
'1. Cerrar la llave antes del filtro (y la de después, si la hay) y pulsar el botón de purga o abrir un grifo para quitar la presión.
2. Poner un cubo debajo y desenroscar el vaso con su llave de plástico.
3. Si solo se quiere quitar cloro y sabor del agua de beber, basta un filtro de punto de uso bajo el fregadero. Cambiar el cartucho por uno del mismo tamaño (lo más común es 10 in, estándar o Big Blue) y del grado adecuado: sedimentos de 20–50 micras delante de otros filtros, 5 micras para afinar, carbón para cloro y sabores.
4. Filtros de malla autolimpiables: abrir la purga inferior con el agua corriendo hasta que salga limpia, o girar el mando de contralavado; no hay cartucho que cambiar.
5. Limpiar el vaso con agua y jabón neutro, revisar la junta tórica, engrasarla con grasa de silicona y montar a mano.
6. Abrir el agua despacio, purgar el aire por el botón del cabezal y revisar que no pierde.
7. Anotar la fecha: sedimentos cada 3–6 meses y carbón cada 6 meses como máximo, o antes si baja el caudal (según fabricante).
8. Al instalarlo: respetar la flecha del sentido del flujo del cabezal y poner by-pass (tres llaves, o dos llaves y una de paso directo) para cambiar el cartucho sin dejar la casa sin agua.',
'Quitar la presión antes de abrir el vaso. Vasos agrietados o amarillentos por el sol: cambiarlos, pueden reventar. Usar únicamente cartuchos aptos para agua potable.',
'Llave del vaso, cubo, cartuchos de recambio aptos para uso alimentario, junta tórica, grasa de silicona, jabón neutro.',
'Equipos de ósmosis, lámparas ultravioleta o filtros de edificio: servicio técnico del equipo. Agua de pozo con olor o color: análisis antes de elegir el filtro.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen las instrucciones del fabricante del filtro.',
'filtro de agua, filtro de entrada, filtro de sedimentos, filtro de arena, filtro de carbon, carbon activado, cartucho del filtro, portafiltro, vaso del filtro, malla, filtro autolimpiante, big blue, micras, prefiltro'
);
SELECT kb_seed_examples('filtro-agua-entrada', ARRAY[
'cada cuanto se cambia el cartucho del filtro de sedimentos',
'el vaso del filtro de la entrada esta negro y baja el caudal',
'como cambio el filtro de carbon de la casa',
'¿cómo se limpia un filtro autolimpiante de malla?',
'no puedo desenroscar el vaso del portafiltro big blue'
]);

-- ---------------------------------------------------------------------------------------------------------
-- Stop 25: jobs that eval/dev-facts-1.jsonl (a tuning set of questions with the facts a master plumber's answer
-- carries) asked and no article covered: hot-water temperature and mixing valves, the size of a water heater,
-- supply pipe sizes, lead pipes, installing a garbage disposal (bench/quality/ARTICLES.md). The example
-- questions are written here in other words than the set's.
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'termo-temperatura-legionela',
'Temperatura del agua caliente: termostato a 60 °C contra la legionela y válvula mezcladora termostática contra quemaduras',
'El agua caliente acumulada entre unos 25 y 50 °C cría legionela, una bacteria que se contagia al respirar las gotitas del agua pulverizada. Guardada a 60 °C o más no se multiplica, pero a 60 °C el agua quema la piel en unos segundos. Por eso el termo se deja a 60 °C y una válvula mezcladora termostática a su salida da a los grifos agua a 45–50 °C.',
'Dudas sobre a qué temperatura poner el termostato del termo o del boiler; agua que quema en el grifo; casa con niños o mayores; termo puesto bajo para ahorrar.',
'1. Termostato del termo o calentador de acumulación (eléctrico, de gas o solar con apoyo): 60 °C. En España la normativa pide al menos 60 °C en el acumulador y 50 °C en el grifo más alejado; en América se recomienda no dar más de 120 °F (49 °C) en los grifos.
2. No bajarlo de 55–60 °C para ahorrar; si el termo tiene función antilegionela, dejarla activa.
3. Contra quemaduras: válvula mezcladora termostática en la salida de agua caliente del termo. Conexiones: la caliente del termo a su entrada caliente, una derivación de la agua fría (tomada antes del termo) a su entrada fría, y la salida mezclada hacia la casa.
4. Antirretornos (válvulas de retención) en las dos entradas, si la válvula no los trae, para que no se crucen fría y caliente. Llaves de corte a los lados para poder desmontarla.
5. Ajustar la salida a 45–50 °C (120 °F) con el termómetro en el grifo más cercano, con el agua corriendo 1–2 minutos.
6. Con recirculación de agua caliente, montar la mezcladora y el retorno según el esquema del fabricante.
7. Comprobar: en el grifo más alejado, el agua llega a la temperatura ajustada y no la pasa al abrir y cerrar otros grifos.',
'A 60 °C el agua quema en segundos: niños, mayores y personas con poca sensibilidad son los más expuestos. Cortar la electricidad del termo (o poner el gas en piloto) antes de tocar el termostato interior. No subir el termostato por encima de lo que indica el fabricante.',
'Termómetro de cocina o de sonda, válvula mezcladora termostática del diámetro de la instalación, antirretornos, llaves de corte, racores, cinta PTFE.',
'Termos y calderas de gas (el termostato y el quemador los toca el técnico autorizado), instalaciones de edificios, hoteles o residencias con control de legionela obligatorio: empresa autorizada.',
'Equipo técnico Remedios, base de conocimiento interna; valores habituales (en España, RD 487/2022 y CTE DB HS 4); prevalecen la normativa local y el fabricante.',
'temperatura del agua caliente, temperatura del termo, termostato del termo, termostato del calentador, legionela, legionella, quemaduras, agua que quema, escaldadura, valvula mezcladora termostatica, mezcladora termostatica, valvula termostatica, antiescaldado, 60 grados, 50 grados, 120 F'
);
SELECT kb_seed_examples('termo-temperatura-legionela', ARRAY[
'a cuantos grados pongo el termo electrico',
'el agua del boiler sale hirviendo, a que temperatura lo dejo para que no se queme nadie',
'hace falta tener el termo a 60 grados por lo de la legionella?',
'donde va la valvula mezcladora termostatica del termo y a cuanto se regula',
'la terma esta al maximo y los chicos se pueden quemar, que pongo'
]);
SELECT kb_seed_exclusions('termo-temperatura-legionela', ARRAY['cartucho', 'gotea', 'resistencia', 'tibia', 'no enciende', 'se apaga', 'no llega', '38 grados'],
    'a valve or heater to repair: grifo-termostatico-cartucho, termo-electrico-no-calienta, calentador-paso-agua-tibia');

SELECT kb_seed_article(
'termo-elegir-capacidad',
'De cuántos litros poner el termo o calentador de depósito: consumo por persona y potencia',
'La capacidad de un termo se elige por las personas que se duchan seguidas: cada ducha gasta unos 40–60 litros de agua templada, que salen de unos 25–40 litros del termo a 60 °C mezclados con fría. Un termo pequeño se queda sin agua caliente a la segunda ducha; uno muy grande gasta más en mantenerse caliente.',
'Hay que cambiar el termo o la terma y el cliente pregunta el tamaño; se acaba el agua caliente a mitad de la segunda ducha; familia que crece.',
'1. Contar cuántas personas se duchan seguidas en la hora de más consumo y si hay bañera.
2. Referencia habitual a 60 °C, unos 25–40 litros por persona: 1–2 personas, 50 litros; 3 personas, 80 litros; 4 personas, 80 a 100 litros; 5–6 personas, 150 litros. Con bañera o duchas de mucho caudal, un tamaño más.
3. Potencia y tiempo de recuperación: un termo eléctrico de 1,5–2 kW tarda unas 3 horas en calentar 100 litros desde frío. Si las duchas van muy seguidas, más capacidad; los de gas recuperan mucho antes.
4. Calentador de paso (instantáneo, calefón): no se elige por litros de depósito sino por litros por minuto: unos 11 l/min para una ducha, 14 l/min para ducha y otro grifo a la vez, 16–18 l/min para dos duchas.
5. Comprobar el sitio y la pared: lleno pesa su capacidad en kilos más el aparato (un termo de 100 litros, unos 130 kg); pared maciza o soporte del fabricante.
6. Eléctrico: línea propia con la protección que indique el fabricante (la hace un electricista). Gas: lo instala un técnico autorizado, con su salida de humos.
7. Instalar con grupo de seguridad y comprobar tras la primera carga el tiempo de calentado y cuántas duchas da.',
'Un termo lleno pesa mucho: fijarlo con los tacos y el soporte del fabricante a una pared que lo aguante. Nunca instalarlo sin grupo o válvula de seguridad. Conexión eléctrica o de gas: profesional habilitado.',
'Catálogo del fabricante, metro, nivel, taladro, tacos y soporte, grupo de seguridad, latiguillos, manguitos dieléctricos.',
'Cambio de eléctrico a gas o al revés, calentadores de gas (salida de humos, ventilación) y líneas eléctricas nuevas: técnico de gas autorizado o electricista.',
'Equipo técnico Remedios, base de conocimiento interna; capacidades orientativas de uso doméstico; prevalece la ficha del fabricante.',
'capacidad del termo, litros del termo, tamaño del termo, cuantos litros, termo de 50 litros, termo de 80 litros, termo de 100 litros, terma, boiler, calentador de deposito, acumulador, para cuantas personas, se acaba el agua caliente, consumo de agua caliente'
);
SELECT kb_seed_examples('termo-elegir-capacidad', ARRAY[
'que capacidad de termo le pongo a una casa de cinco personas',
'el boiler de 40 litros no alcanza para dos baños seguidos, cual compro',
'cuantos litros necesita una terma para tres personas',
'se acaba el agua caliente en la segunda ducha, pongo un termo más grande?',
'calentador de cuantos litros por minuto para dos duchas a la vez'
]);
SELECT kb_seed_exclusions('termo-elegir-capacidad', ARRAY['no calienta', 'gotea', 'huele', 'no enciende', 'ruido', 'cisterna', 'aljibe', 'tinaco', 'tanque de agua', 'fria', 'tibia', 'templada', 'se enfria'],
    'a water heater to repair: termo-electrico-no-calienta, termo-valvula-seguridad, termo-anodo-olor');

SELECT kb_seed_article(
'tuberia-alimentacion-diametros',
'Diámetros de la tubería de agua fría y caliente en una vivienda: acometida, montante, ramales y aparatos',
'La tubería de suministro se va estrechando desde la entrada hasta cada aparato. Con tubos demasiado finos, o muy largos, el agua sale con poco caudal cuando se abren dos grifos; con tubos de más, tarda en llegar el agua caliente. Los plásticos se miden por fuera y pasan menos agua que un cobre de la misma medida.',
'Se va a hacer la instalación de agua de una reforma o casa nueva; dudas al comprar tubo; poco caudal al abrir dos grifos a la vez.',
'1. Acometida y contador: los fija la compañía de agua; en una vivienda suelen ser de 25–32 mm (3/4 a 1 in).
2. Tubería general o montante, del contador a la vivienda y por dentro hasta los cuartos húmedos: 20–25 mm (3/4 in) como mínimo; en multicapa, 20 o 26 mm. Con varios baños o tramos largos, una medida más.
3. Ramal a cada baño o cocina: 20 mm (3/4 in).
4. Derivación a cada aparato (lavabo, bidé, ducha, inodoro con cisterna, fregadero, lavadora, lavavajillas): 12–16 mm (1/2 in): cobre de 12–15 mm, multicapa o PEX de 16 mm. Bañera: 20 mm (3/4 in). Inodoro con fluxor: 25–40 mm (1 a 1 1/2 in).
5. Agua caliente: los mismos diámetros que la fría en cada tramo; el retorno de recirculación suele ser una medida menor.
6. En tramos largos de multicapa, PEX o PPR, subir una medida frente al cobre: su paso interior es menor.
7. Manda la normativa local (en España, CTE DB HS 4); en América lo habitual es la general de 3/4 in y los ramales a los aparatos de 1/2 in, con latiguillos de 3/8 in.
8. Comprobar al terminar el caudal en el grifo más alejado con otro grifo abierto.',
'Solo tubos y accesorios aptos para agua potable y, en agua caliente, para su temperatura: el PVC de presión no sirve para caliente. Prueba de presión antes de tapar.',
'Tubo del material elegido en 16, 20 y 26 mm (o 1/2 y 3/4 in), accesorios del mismo sistema, cortatubos, calibrador, herramienta de prensar o termofusora.',
'Edificios, locales, fluxores o grupos de presión: cálculo de caudales por un instalador o proyectista.',
'Equipo técnico Remedios, base de conocimiento interna; diámetros orientativos de vivienda (CTE DB HS 4 y práctica americana); prevalece la normativa local.',
'diametro de tuberia de agua, diametros de tuberia, medida de la tuberia de agua, tubo de 16, tubo de 20, tubo de 25, media pulgada, tres cuartos, 1/2, 3/4, montante, acometida, ramal, derivacion, calibre de tuberia, grosor de tuberia de agua'
);
SELECT kb_seed_examples('tuberia-alimentacion-diametros', ARRAY[
'de que medida pongo el tubo multicapa para el baño',
'la general de la casa la hago en 20 o en 25',
'que grosor de caño de agua va al bidé y al lavamanos',
'tubería de media o de tres cuartos para alimentar la cocina',
'que diametro de tubo lleva la bañera'
]);
SELECT kb_seed_exclusions('tuberia-alimentacion-diametros', ARRAY['desague', 'bajante', 'sifon', 'evacuacion', 'wc', 'inodoro', 'taza', 'escusado', 'retrete', 'gas', 'aire', 'escupe'],
    'a drain size: desague-diametros-aparatos');

SELECT kb_seed_article(
'tuberia-plomo',
'Tuberías de plomo en casas antiguas: riesgo para la salud y cómo sustituirlas',
'Hasta mediados del siglo XX se instaló tubería de plomo para el agua de beber. El plomo se disuelve en el agua, sobre todo si está parada en el tubo o es blanda, y es tóxico aunque sea en pequeñas cantidades (saturnismo), en especial para niños y embarazadas. No hay reparación que lo evite: la solución es cambiarla entera.',
'Casa antigua con tubos grises, blandos y gruesos, con uniones en bola; el cliente pregunta si hay que cambiarlos; análisis de agua con plomo.',
'1. Identificarlo: tubo gris mate, blando, que al rascarlo brilla plateado, no lo atrae un imán y tiene empalmes abultados.
2. Recomendar sustituirlo por completo (cobre, multicapa, PEX o PPR), desde el contador, y avisar a la compañía de agua si la acometida también es de plomo.
3. No hacer empalmes sueltos de cobre con plomo: la unión acelera la corrosión y se suelta más plomo; usar racores de transición si hay que dejar un tramo provisional.
4. Mientras no se cambia: para beber y cocinar usar solo agua fría y dejarla correr unos minutos por la mañana o tras una ausencia, hasta que salga más fría. Hervirla no quita el plomo.
5. Si hay dudas, análisis del agua del grifo (el límite en la UE es de 10 µg/L).
6. Si el tubo hace de toma de tierra de la casa, avisar a un electricista antes de cortarlo.
7. Al terminar, purgar la instalación nueva y comprobar que no queda ningún tramo de plomo en uso.',
'El plomo es tóxico: no beber agua caliente de la red ni agua que ha estado parada en el tubo. Al cortar, sin soplete ni lija (humos y polvo de plomo): cortatubos, guantes, lavarse las manos y no comer en la obra. Los restos, a un gestor de residuos o chatarrero.',
'Cortatubos, racores de transición, tubo nuevo y sus accesorios, guantes, bolsas para los restos de plomo.',
'Acometida o montante de plomo de un edificio: la compañía de agua o la comunidad. Análisis del agua: laboratorio autorizado.',
'Equipo técnico Remedios, base de conocimiento interna; límite de plomo de la Directiva (UE) 2020/2184; prevalece la normativa sanitaria local.',
'tuberia de plomo, tubo de plomo, cañeria de plomo, plomo en el agua, saturnismo, plombemia, casa antigua, instalacion antigua, tuberia vieja de plomo, cambiar tuberia de plomo'
);
SELECT kb_seed_examples('tuberia-plomo', ARRAY[
'es peligroso beber agua si la instalacion es de plomo',
'como se si mis tubos son de plomo',
'el piso es de 1950 y la cañeria es de plomo, la cambio toda?',
'se puede empalmar cobre a un tubo de plomo viejo'
]);

SELECT kb_seed_article(
'triturador-instalar',
'Instalar un triturador de basura (disposal) bajo el fregadero o la tarja',
'El triturador se cuelga de una brida que sustituye a la válvula del fregadero y desagua por un sifón a la toma de la pared. Necesita corriente bajo el fregadero, un desagüe más bajo que su salida y, si hay lavavajillas, abrir su entrada lateral.',
'Se va a poner un triturador nuevo o cambiar uno viejo; el lavavajillas no desagua después de poner el triturador.',
'1. Comprobar: agujero del fregadero de 3 1/2 in (unos 90 mm), sitio bajo el fregadero, toma de desagüe de la pared más baja que la salida del aparato y un enchufe bajo el fregadero con interruptor (o la conexión que haga el electricista), con diferencial y toma de tierra.
2. Cortar la corriente. Quitar la válvula y el sifón viejos y limpiar el borde del agujero.
3. Colocar la brida del triturador con un cordón de masilla de fontanero (o la junta que traiga) bajo su borde, apretar por debajo el anillo de montaje y limpiar la masilla que sobresale.
4. Si hay lavavajillas, antes de colgarlo romper el tapón interior de su entrada lateral con un destornillador y un martillo, y sacar el trozo de dentro; después conectar la manguera con abrazadera y un bucle alto.
5. Colgar el triturador del anillo y girarlo hasta que quede fijo, con la salida hacia la toma.
6. Tubo de salida a un sifón curvo de 40 mm (1 1/2 in) y de ahí a la pared, sin contrapendiente.
7. Llenar el fregadero, soltar el agua y revisar brida, salida y sifón con papel seco; después probarlo con agua fría corriendo.',
'Cortar la corriente antes de conectar o tocar el aparato; nunca meter la mano por la boca. Con fosa séptica, confirmar que el triturador es compatible, y en algunos municipios está limitado: consultar.',
'Triturador con su brida y anillo, masilla de fontanero, sifón curvo de 40 mm, abrazaderas, destornillador, martillo, llave para el anillo, papel seco.',
'Enchufe o línea nuevos bajo el fregadero: electricista. Toma de desagüe demasiado alta: fontanero para bajarla.',
'Equipo técnico Remedios, base de conocimiento interna; prevalece el manual del fabricante del triturador.',
'instalar triturador, poner triturador, montar triturador, triturador de basura, triturador de comida, trituradora de fregadero, disposal, insinkerator, brida del triturador, anillo de montaje'
);
SELECT kb_seed_examples('triturador-instalar', ARRAY[
'como se monta un triturador de comida en la pila de la cocina',
'voy a poner un disposal en la tarja, que necesito',
'puse el triturador y el lavavajillas no desagua',
'el triturador lleva sifon o va directo a la pared'
]);
SELECT kb_seed_exclusions('triturador-instalar', ARRAY['atascado', 'atasca', 'atorado', 'tapado', 'trabado', 'pegado', 'ruido', 'desbloquear', 'zumba', 'gotea', 'no gira', 'no muele', 'no funciona', 'regresa', 'devuelve', 'rebosa', 'se tapa', 'huele', 'olor', 'desarmo', 'desarmar', 'sacar', 'limpiar'],
    'a disposal to repair: triturador-zumba-no-gira, triturador-gotea, triturador-que-no-echar');

-- ---------------------------------------------------------------------------------------------------------
-- Stop 26 (helper articles2): common jobs the base lacked (eval/dev-facts-2.jsonl's null topics). Written from
-- general trade knowledge; example questions in other words than the tuning questions.
-- ---------------------------------------------------------------------------------------------------------

SELECT kb_seed_article(
'grifo-monomando-flojo',
'Grifo monomando suelto que gira o se mueve sobre el fregadero o el lavabo: afirmarlo por debajo',
'El grifo se sujeta por debajo de la encimera con una tuerca de fijación: en unos modelos una tuerca grande en el cuerpo roscado, en otros uno o dos espárragos (varillas roscadas) con una placa en herradura y su tuerca. Con el uso y la humedad la tuerca se afloja, la junta de goma se aplasta y todo el cuerpo gira.',
'El grifo gira o se mueve al abrirlo; el caño no queda en su sitio; entra agua bajo la base; los latiguillos se retuercen.',
'1. Cerrar las llaves de escuadra y vaciar el mueble para trabajar tumbado con una linterna.
2. Localizar la fijación por debajo: tuerca grande roscada al cuerpo, o espárrago con placa en herradura (arandela de media luna) y tuerca.
3. Poner el grifo recto desde arriba (una segunda persona lo sujeta) y comprobar que la junta o arandela de la base está entera y centrada; si está aplastada o rota, cambiarla.
4. Apretar la tuerca por debajo con una llave de vaso larga, una llave para grifería (llave de lavabo o telescópica) o una llave de tubo, sin torcer los latiguillos.
5. Si el espárrago gira en vano o tiene la rosca pasada, cambiarlo por uno del modelo (M8 o M10 habitual) o pedir el kit de fijación del fabricante.
6. En encimeras finas o de acero, poner la placa de refuerzo para que la tuerca no se hunda.
7. Abrir las llaves y comprobar que no sale agua por la base ni por los latiguillos.',
'Trabajar con las llaves de escuadra cerradas si hay que soltar latiguillos. Cuidado con los cantos del fregadero de acero bajo la encimera: guantes.',
'Llave de vaso larga o llave para grifería (telescópica), llave de tubo, linterna, junta o arandela de base, espárrago y tuerca del modelo, placa de refuerzo.',
'Si el grifo está roto por dentro, la encimera está dañada o no hay acceso por debajo: cambiar el grifo o fontanero.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen las instrucciones del fabricante del grifo.',
'grifo suelto, grifo flojo, monomando suelto, monomando flojo, griferia suelta, canilla floja, canilla suelta, llave floja, el grifo gira, se mueve el grifo, da vueltas el grifo, afirmar el grifo, ajustar el grifo, fijar el grifo, tuerca de fijacion, esparrago, herradura, llave de lavabo, llave telescopica'
);
SELECT kb_seed_examples('grifo-monomando-flojo', ARRAY[
'la monomando de la cocina se mueve para todos lados, como la fijo',
'la canilla del lavatorio está floja y gira cuando la abro',
'se aflojó la griferia del lavamanos, con que llave se aprieta por abajo',
'el mezclador de la tarja da vueltas, hay que apretar la tuerca de abajo?',
'se me afloja el grifo del fregadero cada poco, que le pongo'
]);

SELECT kb_seed_article(
'grifo-temporizado',
'Grifo temporizado (de pulsador) que no corta solo o corta demasiado pronto',
'El grifo temporizado de pulsador, habitual en baños públicos, colegios y baños de visitas, abre al pulsar y cierra solo tras unos segundos. Lo controla un mecanismo (pistón o cartucho temporizador) con un pequeño orificio y una junta: la cal (sarro) o la suciedad tapan el orificio o traban el pistón, y el grifo se queda abierto, tarda mucho en cerrar o corta enseguida.',
'Al pulsar, el agua no se corta o tarda mucho; sigue saliendo un hilo de agua después de cerrar; corta a los pocos segundos; el pulsador queda hundido o duro.',
'1. Cerrar la llave de paso o la llave angular que alimenta el grifo (muchos llevan una llave de corte o un filtro propio en la entrada).
2. Quitar el pulsador o la tapa y desenroscar el mecanismo temporizador con una llave fija.
3. Limpiar el pistón, su muelle y el orificio de paso con agua y un cepillo suave; si tiene sarro o caliza, dejarlo unas horas en vinagre o antical y aclarar. No agrandar el orificio.
4. Limpiar también el filtro de la entrada, si lo tiene.
5. Si la junta está dura o rota o sigue sin cortar, cambiar el mecanismo completo por otro del mismo modelo y marca.
6. Montar, abrir el agua y comprobar el tiempo de cierre: en muchos modelos se regula con un tornillo en el mecanismo (habitual 5–15 segundos en lavabo).',
'Cortar el agua antes de desmontar: el mecanismo está a presión de red. En baños públicos, guantes.',
'Llave fija, destornilladores, cepillo suave, vinagre o antical, mecanismo temporizador del modelo, juntas.',
'Grifos electrónicos con sensor o empotrados sin acceso: servicio técnico del fabricante.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen las instrucciones del fabricante del grifo.',
'grifo temporizado, llave temporizadora, grifo de pulsador, grifo de boton, grifo automatico, canilla automatica, canilla de pulsador, llave push, pulsador, presmatic, temporizador, no corta solo, se queda abierto, no se cierra solo, mecanismo temporizador, piston'
);
SELECT kb_seed_examples('grifo-temporizado', ARRAY[
'el grifo de boton del baño del bar no se cierra solo',
'canilla automatica que queda corriendo despues de apretar',
'la llave push del lavamanos corta al segundo de apretarla',
'como se limpia el cartucho de un grifo temporizado con cal',
'grifo de pulsador que sigue echando agua y no para'
]);

SELECT kb_seed_article(
'inodoro-cisterna-rajada',
'Inodoro o cisterna con grieta o fisura en la porcelana: cambiar la pieza',
'La porcelana (loza, cerámica) del inodoro o de la cisterna se raja por un golpe, por apretar demasiado los tornillos o por una helada. Una fisura con agua a presión o con peso encima crece y puede partir la pieza de golpe, con inundación o cortes. La silicona o la resina epoxi solo sirven como arreglo provisional: no dura ni es seguro.',
'Rezuma agua por una línea fina de la cisterna o de la taza; charco que vuelve aunque las juntas están bien; la grieta se ve al vaciar la cisterna.',
'1. Vaciar y secar la pieza y localizar la grieta: con papel seco o marcando con lápiz, para distinguirla de una junta o un tornillo que pierde.
2. Grieta en la cisterna: cerrar la llave de escuadra y vaciarla. Si es solo un pelo fuera de la zona de agua, puede esperar; si pierde agua, cambiar el tanque.
3. Arreglo provisional hasta el cambio: secar bien y poner silicona sanitaria o masilla epoxi por dentro y por fuera; es temporal y no es seguro a la larga.
4. Cambiar la cisterna por el mismo modelo (compatible con la taza, sus tornillos y juntas) o el conjunto completo si no se encuentra.
5. Grieta en la taza (en la base o bajo el agua): reemplazar el inodoro; no usarlo si se mueve o se abre la grieta.
6. Al montar la pieza nueva, apretar las fijaciones a mano y alternando, sin forzar: el exceso de apriete es la causa más común de las grietas.',
'La porcelana rajada puede partirse al tocarla y corta: guantes y gafas. El inodoro pesa: levantarlo entre dos.',
'Guantes, gafas, papel seco, silicona sanitaria o masilla epoxi (provisional), cisterna o inodoro nuevo, juntas y tornillos, llaves.',
'Si al quitar el inodoro el desagüe o el suelo están dañados: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna (procedimiento de taller).',
'inodoro rajado, inodoro agrietado, inodoro fisurado, cisterna rajada, cisterna agrietada, tanque rajado, tanque del inodoro fisura, mochila rajada, estanque trizado, taza rajada, wc partido, grieta porcelana, fisura loza, trizadura, sellar grieta, silicona en la grieta, epoxi'
);
SELECT kb_seed_examples('inodoro-cisterna-rajada', ARRAY[
'la mochila del water se rajó y pierde agua por la grieta',
'el estanque del baño tiene una trizadura, se puede pegar?',
'taza del inodoro agrietada en la base, la tengo que cambiar',
'se fisuró la loza del tanque del excusado y rezuma por la grieta'
]);

SELECT kb_seed_article(
'ducha-higienica-inodoro',
'Instalar una ducha higiénica (ducha de mano o bidet spray) junto al inodoro',
'La ducha higiénica es un grifo con manguera y teleducha que se toma del agua del inodoro o del lavabo. Si la teleducha queda con su gatillo cerrado pero la llave abierta, la manguera queda a presión; y si cae dentro de la taza, un vacío en la red puede aspirar agua sucia: por eso necesita válvula antirretorno y cerrar su llave después de usarla.',
'Se quiere poner una ducha de mano junto al inodoro sin bidé; la teleducha sale disparada o la manguera revienta.',
'1. Cerrar la llave de paso o la llave angular del inodoro y vaciar la cisterna.
2. Soltar el latiguillo de la cisterna y poner en la llave una derivación en T (adaptador en T o llave de escuadra doble) con una salida para la cisterna y otra para la ducha, de la misma rosca (1/2 o 3/8 in).
3. En la salida de la ducha, llave de corte propia y válvula antirretorno (de retención), salvo que el kit la lleve incorporada (EN 1717 o el código local).
4. Conectar la manguera y fijar el soporte de la teleducha en la pared, a una altura en que la ducha no pueda quedar colgando dentro de la taza.
5. Sellar las roscas macho con cinta PTFE; las conexiones con junta, sin cinta.
6. Abrir el agua y comprobar fugas. Enseñar al usuario a cerrar la llave de la ducha después de cada uso: así la manguera no queda a presión.
7. Para agua templada hace falta una mezcladora o un grifo termostático con toma de caliente.',
'Cortar el agua antes de soltar el latiguillo. La antirretorno protege el agua de beber: no quitarla.',
'Derivación en T o llave de escuadra doble, kit de ducha higiénica (llave, manguera, teleducha y soporte), válvula antirretorno, cinta PTFE, taladro y tacos, llaves.',
'Si hay que sacar una toma nueva de la pared o llevar agua caliente: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna; prevalecen las instrucciones del fabricante y la norma local de protección contra el retorno.',
'ducha higienica, ducha de mano inodoro, ducha wc, bidet spray, bide spray, shattaf, teleducha inodoro, pistola de bide, lluvia de bide, regadera de mano para el inodoro, bidet de mano, derivacion en t, llave doble, antirretorno'
);
SELECT kb_seed_examples('ducha-higienica-inodoro', ARRAY[
'como pongo una ducha de mano al lado del water',
'quiero instalar un bidet spray en el baño, de donde saco el agua',
'de donde conecto la pistola de bide del inodoro',
'instalar shattaf junto a la taza con llave doble'
]);

SELECT kb_seed_article(
'presostato-contactos-quemados',
'Presostato (automático) de la bomba con los contactos quemados o pegados: cambiarlo',
'El presostato arranca y para la bomba abriendo y cerrando unos contactos (platinos) por los que pasa toda la corriente del motor. Con años de uso, con muchos arranques (vaso de expansión sin aire, fugas) o con un motor grande, los contactos se queman, se pican o se sueldan: la bomba no arranca, arranca a tirones o no para. Lijar o limar los contactos solo es un apaño: quita el baño de plata y se queman enseguida.',
'La bomba no arranca aunque no hay presión y al golpear el presostato arranca; chispas o olor a quemado en la caja; la bomba no se para; contactos negros o picados.',
'1. Cortar la corriente en el automático o desconectar la bomba del enchufe y comprobar que no hay tensión: el presostato tiene tensión de red.
2. Anotar los ajustes (presión de arranque y de parada, por ejemplo 1,4–2,8 bar o 20/40 psi) y cómo van los cables (línea, motor y tierra); hacer una foto.
3. Cerrar la llave y quitar la presión abriendo un grifo.
4. Desconectar y desenroscar el presostato. Limpiar el tubito o racor donde rosca: si está tapado de cal o sarro, el presostato no lee bien la presión.
5. Reemplazar el presostato por un repuesto del mismo rango y amperaje (que aguante la corriente del motor), con cinta PTFE en la rosca.
6. Conectar los cables como estaban, con la tierra, cerrar la tapa, dar corriente y ajustar arranque y parada.
7. Buscar la causa: revisar la precarga del vaso o hidroneumático y las fugas si la bomba arrancaba muy a menudo; con motores grandes, poner un contactor.',
'Cortar la corriente antes de abrir la tapa del presostato: sus bornes tienen tensión de red aunque la bomba esté parada. No tocar con las manos mojadas ni con agua en el suelo.',
'Destornilladores aislados, comprobador de tensión, llave fija, cinta PTFE, presostato de repuesto del mismo rango, manómetro.',
'Cableado dañado, motor que quema contactos una y otra vez o cuadro eléctrico: electricista.',
'Equipo técnico Remedios, base de conocimiento interna; prevalece el manual del fabricante de la bomba.',
'presostato, automatico de la bomba, automatico de presion, switch de presion, interruptor de presion, pressure switch, contactos quemados, platinos quemados, contactos pegados, contactos picados, lijar contactos, limar platinos, hidropack, hidroneumatico, bomba no arranca, chispas en el presostato'
);
SELECT kb_seed_examples('presostato-contactos-quemados', ARRAY[
'el switch de presion de la bomba tiene los platinos negros',
'hay que golpear el automatico para que arranque la bomba',
'se puede limar los contactos del presostato o lo cambio',
'chispea el interruptor de presion del hidroneumatico'
]);

SELECT kb_seed_article(
'press-control',
'Press-control (controlador electrónico de bomba): qué es, cómo se instala y cómo se ajusta',
'El press-control (presscontrol, controlador electrónico de presión y caudal) sustituye al presostato y al calderín: arranca la bomba cuando la presión baja de la presión de arranque (fija, a menudo 1,5 o 2,2 bar, o regulable) y la para cuando deja de pasar agua. Lleva protección contra la marcha en seco: si falta agua, para la bomba y enciende el aviso de fallo.',
'Se quiere quitar el calderín; la bomba arranca y para sin parar; la bomba no se para; se enciende la luz de fallo y hay que rearmar.',
'1. Cortar la corriente. Montarlo en la impulsión (salida de la bomba), en vertical, con la flecha del sentido del agua hacia arriba, sin válvula ni antirretorno entre la bomba y el aparato.
2. Elegir la presión de arranque: más que la altura del grifo más alto sobre el aparato (10 m = 1 bar) más un margen, y al menos unos 0,6–1 bar menos que la presión máxima de la bomba; si no, la bomba nunca para.
3. Conectar línea y bomba en sus bornes, con tierra; con motores de más de la potencia que admite el aparato, poner contactor.
4. Cebar la bomba, abrir un grifo y pulsar el botón de rearme (reset) para el primer arranque.
5. Comprobar: al cerrar todos los grifos la bomba para en pocos segundos.
6. Si arranca y para sola con todo cerrado, hay una fuga o una antirretorno que no cierra; un vaso de expansión pequeño después del aparato reduce los arranques.
7. Luz de fallo: falta de agua o bomba descebada; cebar, revisar la aspiración y rearmar.',
'Cortar la corriente antes de abrir o conectar el aparato. No anular la protección de marcha en seco: la bomba se quema sin agua.',
'Press-control del rango adecuado, racores y cinta PTFE, destornilladores, comprobador de tensión, manómetro, vaso de expansión pequeño opcional.',
'Conexión eléctrica nueva, contactor o motores trifásicos: electricista. Bombas de pozo: empresa de pozos.',
'Equipo técnico Remedios, base de conocimiento interna; prevalece el manual del fabricante del aparato.',
'press control, presscontrol, press-control, brio, controlador electronico, controlador de presion, control de flujo, automatico electronico de la bomba, sin tanque, sin calderin, marcha en seco, proteccion en seco, presion de arranque, rearme, reset, luz de fallo, bomba no para'
);
SELECT kb_seed_examples('press-control', ARRAY[
'para que sirve el brio de la bomba y donde va',
'puse un presscontrol y la bomba no se apaga nunca',
'controlador electronico de la bomba con la luz de falla prendida',
'se puede poner un press control en vez del tanque hidroneumatico',
'a que presion arranca un press control'
]);

SELECT kb_seed_article(
'termo-fuga-brida-resistencia',
'Termo eléctrico que pierde agua por la tapa o brida de la resistencia (junta de la brida)',
'La resistencia eléctrica va montada en una brida (tapa) atornillada a la parte baja del depósito, con una junta de goma. Con el calor y los años la junta se endurece y pierde; también pierde si se apretó mal tras cambiar la resistencia. Si el agua sale por el propio depósito (óxido, chapa picada), el termo está perforado y no se repara.',
'Humedad o gotas dentro de la tapa de plástico donde va la resistencia; óxido alrededor de la brida; salta el diferencial porque el agua llega a los cables.',
'1. Cortar la corriente del aparato en el cuadro y comprobar que no hay tensión: hay agua junto a los cables.
2. Comprobar de dónde sale: por la brida de la resistencia, por los racores de entrada y salida, o por la válvula de seguridad (que eche unas gotas al calentar es normal; si pierde siempre, la presión es alta o la válvula está mal).
3. Cerrar la llave de entrada de agua fría, abrir un grifo de caliente y vaciar el depósito (dejar enfriar el agua o vaciarla con cuidado).
4. Quitar la tapa, marcar los cables y soltar la brida; quitar la cal del fondo.
5. Cambiar la junta de la brida (empaque) por la original del modelo; si la resistencia está cubierta de cal o rota, cambiarla también.
6. Montar la brida centrada y apretar los tornillos en cruz, poco a poco y por igual.
7. Llenarlo del todo (grifo de caliente abierto hasta que salga agua sin aire) y revisar la brida con papel seco antes de dar la corriente.
8. Si pierde por la chapa del depósito, hay que cambiar el aparato.',
'Cortar la corriente antes de abrir la tapa: agua y tensión juntas son peligro de muerte. No conectarlo vacío. Cuidado con el agua caliente al vaciar.',
'Comprobador de tensión, destornilladores, llave de vaso o fija, junta de brida del modelo, resistencia de recambio si hace falta, manguera, cubo, papel seco.',
'Cables quemados o diferencial que sigue saltando: electricista. Depósito perforado: cambiar el aparato.',
'Equipo técnico Remedios, base de conocimiento interna; prevalece el manual del fabricante.',
'pierde por la tapa de la resistencia, junta de la resistencia, brida, junta de la brida, empaque de la resistencia, tapa de la resistencia, pierde por la resistencia'
);
SELECT kb_seed_examples('termo-fuga-brida-resistencia', ARRAY[
'la terma electrica bota agua por la tapa de la resistencia',
'el termo pierde agua por donde va la resistencia',
'termotanque electrico que pierde por la brida, cambio la junta?',
'sale agua por la brida del boiler electrico donde estan los cables'
]);

SELECT kb_seed_article(
'lavadora-llena-lento',
'Lavadora o lavavajillas que carga agua muy despacio o da error de llenado',
'La lavadora carga por una electroválvula con un filtro de malla (rejilla) en la entrada, y muchas mangueras llevan otro filtro en la rosca del grifo. La arenilla y la cal los tapan poco a poco; también cargan despacio con la llave a medio abrir, la manguera doblada o poca presión en la casa.',
'Tarda mucho en llenar; da un código de error de entrada de agua; zumba la válvula y apenas entra agua; empezó después de un corte de agua o de una obra.',
'1. Comprobar que la llave o canilla de la lavadora está abierta del todo y que otros grifos de la casa tienen presión normal.
2. Revisar la manguera de entrada: sin dobleces ni aplastamientos detrás del aparato.
3. Cerrar la llave, desenchufar la lavadora y soltar la manguera por los dos extremos con un cubo y un trapo.
4. Sacar con unos alicates de punta el filtro de malla de la entrada de la lavadora (y el de la manguera, si lo tiene), limpiarlo con un cepillo y agua; si tiene cal, vinagre. No tirarlo ni dejar la entrada sin filtro.
5. Con la manguera suelta sobre el cubo, abrir la llave un momento: si sale poco caudal, la llave o la tubería están tapadas, no la lavadora.
6. Montar con las juntas en su sitio, apretar a mano y revisar fugas.
7. Si con filtros limpios y buena presión sigue cargando lento, la electroválvula falla: servicio técnico. Presión de trabajo habitual 0,5–10 bar (ver el manual).',
'Desenchufar la lavadora antes de soltar la manguera. Cerrar la llave antes de soltarla: está a presión.',
'Cubo, trapos, alicates de punta, cepillo, vinagre, juntas de manguera, manguera nueva si está dañada.',
'Electroválvula o electrónica del aparato: servicio técnico. Poca presión en toda la casa: ver el artículo de presión baja.',
'Equipo técnico Remedios, base de conocimiento interna; prevalece el manual del fabricante del aparato.',
'lavadora carga lento, lavadora llena despacio, lavarropas carga despacio, lavarropas no carga agua, lavadora no agarra agua, lavadora tarda en llenar, lavavajillas carga lento, filtro de la manguera de la lavadora, malla de entrada, rejilla de entrada, electrovalvula, error de llenado, error de entrada de agua'
);
SELECT kb_seed_examples('lavadora-llena-lento', ARRAY[
'la lavadora tarda una eternidad en agarrar agua',
'el lavarropas casi no toma agua y tira error',
'donde esta el filtro de la manguera de entrada de la lavadora',
'el lavavajillas llena muy lento desde que cortaron el agua'
]);

SELECT kb_seed_article(
'nevera-toma-agua',
'Conectar el agua a una nevera o frigorífico americano (dispensador y hielo)',
'Los frigoríficos con dispensador o fabricador de hielo necesitan una toma de agua fría con llave de corte y un tubo fino de 1/4 in (unos 6 mm) hasta la válvula de la nevera. Las llaves autoperforantes (de abrazadera que pincha el tubo) suelen acabar goteando: mejor una llave de corte con salida para tubo de 1/4 in.',
'Se instala una nevera nueva con dispensador; no sale agua ni hace hielo; pierde agua la toma detrás de la nevera; el agua sale con sabor o poca.',
'1. Elegir la toma de agua fría más cercana (normalmente la del fregadero) y cerrar la llave de paso.
2. Poner una llave de corte para la nevera: una llave de escuadra doble o una T en la toma del fregadero con salida de compresión de 1/4 in, accesible.
3. Tender el tubo de 1/4 in (6 mm) de polietileno o cobre, o la manguera trenzada del fabricante, sin dobleces y con un bucle detrás para poder separar la nevera de la pared.
4. Conectar con la tuerca, el anillo y el casquillo interior si es tubo de plástico; apretar sin pasarse. Si el kit trae antirretorno, ponerlo.
5. Presión: la mayoría pide entre 1,5 y 8 bar (20–120 psi); con más, reductor de presión.
6. Abrir, revisar fugas con papel seco y purgar: dejar correr el dispensador varios minutos (unos 10 litros o lo que diga el manual) para sacar el aire y el polvo del filtro, y tirar los primeros hielos.
7. Cambiar el filtro de la nevera cada 6 meses o según el aviso.',
'Cerrar el agua antes de conectar. No tender el tubo cerca del motor o de la parte caliente de la nevera. Desenchufar la nevera para moverla.',
'Llave de escuadra doble o T con salida de 1/4 in, tubo de 1/4 in (6 mm) o manguera del fabricante, cortatubos de plástico, tuercas y anillos de compresión, papel seco.',
'Si no hay toma de agua cerca y hay que sacar una nueva de la pared: fontanero profesional.',
'Equipo técnico Remedios, base de conocimiento interna; prevalece el manual del fabricante del frigorífico.',
'nevera americana, frigorifico americano, refrigerador con dispensador, heladera con dispensador, refri con dispensador, toma de agua de la nevera, agua del refrigerador, maquina de hielo, fabricador de hielo, tubo de 1/4, manguera de la nevera, llave autoperforante, toma para el frigorifico'
);
SELECT kb_seed_examples('nevera-toma-agua', ARRAY[
'como le meto agua al refri que tiene dispensador de hielo',
'que tubo se usa para el agua de la heladera side by side',
'instalar la toma de agua del frigorifico de dos puertas',
'la nevera con dispensador no da agua despues de conectarla'
]);

SELECT kb_seed_article(
'agua-blanca-aire',
'Agua que sale blanca o lechosa del grifo y se aclara sola: aire disuelto',
'El agua de la red va a presión y lleva aire disuelto; al salir por el grifo la presión baja y el aire forma microburbujas que la ponen blanca, como leche. Es más frecuente con el agua fría de invierno, después de un corte o de una obra en la red, o con un grupo de presión. No es peligroso: es aire.',
'El agua sale blanca, turbia o lechosa y se aclara al rato en el vaso; pasa sobre todo al abrir el grifo por la mañana o tras un corte de agua.',
'1. Llenar un vaso transparente y dejarlo en reposo 1–2 minutos.
2. Si se aclara de abajo hacia arriba, son burbujas de aire: es inofensivo y se puede beber.
3. Si se aclara de arriba hacia abajo y queda poso en el fondo, es sedimento o cal, no aire: revisar filtros y, si sigue, análisis del agua.
4. Tras un corte o una obra, abrir los grifos uno a uno unos minutos para purgar el aire.
5. Si pasa siempre y solo en el agua caliente, revisar el calentador de agua (aire o cal en su depósito).
6. Si la casa tiene bomba y el agua sale con aire siempre, la bomba aspira aire: revisar la aspiración, la válvula de pie y el nivel del depósito.
7. Si además hay olor, color o sabor raros, no beber y pedir un análisis.',
'Si el agua huele, tiene color o deja poso, no beberla hasta analizarla.',
'Vaso transparente, llaves para revisar filtros y aspiración.',
'Agua con color, olor o sabor raros, o turbia que no se aclara: compañía de agua o análisis en laboratorio.',
'Equipo técnico Remedios, base de conocimiento interna; prevalece la información de la compañía de agua.',
'agua blanca, agua lechosa, agua turbia que se aclara, agua como leche, agua con burbujas, aire en el agua, microburbujas, agua blanquecina, agua sale blanca de la canilla, agua sale blanca del grifo, agua nublada'
);
SELECT kb_seed_examples('agua-blanca-aire', ARRAY[
'sale el agua blanquecina del grifo y al rato se pone transparente',
'el agua de la llave sale como leche, se puede tomar',
'por que sale agua con burbujitas blancas de la canilla',
'desde que cortaron el agua sale turbia blanca y luego se aclara'
]);

-- Stop 26's new articles are not the answer when the question names a neighbour's job (checked on the dev sets).
SELECT kb_seed_exclusions('grifo-monomando-flojo', ARRAY['gotea', 'goteando', 'gotear', 'pierde', 'fuga', 'bota agua',
    'tira agua', 'cartucho', 'latiguillo', 'flexible', 'sifon', 'vastago', 'inodoro', 'taza', 'no cierra', 'presion'],
    'a faucet that leaks or drips: grifo-monomando-cartucho, fregadero-fuga-latiguillos, sifon-botella-o-curvo');
SELECT kb_seed_exclusions('grifo-temporizado', ARRAY['fluxometro', 'fluxor', 'inodoro', 'urinario', 'descarga', 'wc'],
    'a flush valve: fluxometro');
SELECT kb_seed_exclusions('inodoro-cisterna-rajada', ARRAY['a la taza', 'sin parar', 'corre', 'chorrito', 'sapito',
    'flapper', 'flotador', 'tornillos', 'aljibe', 'enterrada', 'condensacion', 'suda'],
    'a cistern that runs or leaks at its bolts: cisterna-pierde-agua, cisterna-mecanismo-descarga; a ground cistern');
SELECT kb_seed_exclusions('ducha-higienica-inodoro', ARRAY['lluvia', 'pluvial', 'gotea', 'goteando', 'pierde'],
    'rainwater is not the bidet sprayer; a hand shower that leaks: ducha-grifo-gotea-inversor');
SELECT kb_seed_exclusions('presostato-contactos-quemados', ARRAY['sin parar', 'no se apaga', 'sigue andando', 'no coge presion',
    'no agarra presion', 'prende y apaga', 'arranca y para', 'contacto electrico', 'enchufe', 'tomacorriente'],
    'a pump that never stops or cycles: bomba-ciclos-cortos; an electric outlet is out of scope');
SELECT kb_seed_exclusions('termo-fuga-brida-resistencia', ARRAY['valvula', 'valvula de seguridad', 'no calienta', 'tibia', 'fria',
    'ducha', 'fregadero', 'lavamanos', 'lavabo', 'pico', 'olor', 'huele', 'sedimento', 'oxido', 'breaker', 'dispara',
    'salta el automatico', 'termica', 'enchufo'],
    'a heater that does not heat, a safety valve that drips, a faucet: termo-electrico-no-calienta, termo-valvula-seguridad');
SELECT kb_seed_exclusions('agua-blanca-aire', ARRAY['amarilla', 'amarillenta', 'marron', 'cafe', 'oxido', 'rojiza',
    'color', 'caliente', 'olor', 'huele', 'arena', 'sucia'],
    'coloured water is rust or sediment: tuberia-galvanizada-vieja, termo-anodo-olor');
