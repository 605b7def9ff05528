-- Remedios knowledge base: example questions in the voices of plumbers (and their customers) across the
-- Spanish-speaking world (issue 13: answers on a plumber's own words). Six per active article: one each in the
-- manner of Spain, Mexico, Argentina/Uruguay, Colombia/Venezuela, Peru/Chile/Central America, and one as a voice
-- note transcript (lower case, no punctuation, fillers, words split as speech-to-text writes them) or with chat
-- typos and abbreviations. Each describes what the plumber sees, in words the article itself mostly lacks.
--
-- Written blind from the articles (title, problem, symptoms) on 2026-12-05, never from an eval set: no question
-- file under eval/ (independent split, development or tuning sets) was opened while writing them.
-- Measured in bench/quality/RETRIEVAL.md ("Example questions in plumbers' voices").
--
-- Status: measured, not applied. It lies here, outside n8n-workflows/ (every .sql file there is applied on every
-- start), and is in neither devstack/postgres.py SCHEMA_FILES nor deploy/postgres/db-init.sh: on the development
-- and tuning sets it raised the right first article but also the answers given with a wrong article
-- (bench/quality/RETRIEVAL.md, "Example questions in plumbers' voices"). To apply it: move it to
-- n8n-workflows/knowledge/ and list it after seed-regional.sql in both places. It is idempotent (kb_seed_examples
-- only adds the rows that are missing, source 'seed'; it never removes or changes an example, and never touches
-- what staff added).

SELECT kb_seed_examples('grifo-monomando-cartucho', ARRAY[
'el grifo de una sola palanca del baño no para de soltar gotas aunque lo cierre a tope',
'la mezcladora de la tarja de una sola manija sigue goteando y ya está bien dura para moverla',
'che, la canilla monocomando de la bacha pierde por abajo de la palanca, qué le cambio',
'la llave de palanca del lavaplatos bota agua por la base del mango cuando la abro',
'el caño de una manija de la cocina chorrea gota a gota toda la noche, qué repuesto pido',
'oye mira la llave esa de una sola palanca este gotea y gotea y la palanca ya no baja bien']);

SELECT kb_seed_examples('grifo-bicomando-zapata', ARRAY[
'el grifo antiguo de dos pomos del lavadero gotea y tengo que apretar con fuerza para que pare',
'la llave de agua fría de las de dos perillas sigue goteando, le cambio el empaque o la pieza entera',
'la canilla vieja de la cocina de dos llaves pierde aunque la cierre a fondo',
'el grifo de dos llavecitas del baño sigue botando agua, toca cambiarle el caucho de adentro',
'la llave del lavatorio de dos manillas gotea, dónde consigo la goma de adentro',
'tengo un grifo de esos de dos ruedas agua fria y caliente y sigue cayendo gota aunque lo aprieto full']);

SELECT kb_seed_examples('cisterna-pierde-agua', ARRAY[
'se oye el agua correr en el váter toda la noche y el contador no para',
'el tanque del excusado se queda chorreando a la taza y cada rato vuelve a cargar solito',
'la mochila del inodoro no corta nunca, queda un hilito de agua cayendo todo el día',
'la poceta se queda sonando como si estuviera llenando y nunca termina',
'el estanque del wc sigue echando agua por dentro y la cuenta del agua vino carísima',
'el bano hace shhh todo el rato como que se le pasa el agua por dentro del tanque y no se calla']);

SELECT kb_seed_examples('inodoro-junta-cera', ARRAY[
'cada vez que tiro de la cadena sale agua sucia por debajo de la taza al suelo',
'el excusado se mueve para los lados y se encharca el piso alrededor cuando le bajo',
'el inodoro pierde por el pie contra el piso y al vecino de abajo le salió una mancha',
'el sanitario está flojo en el piso y bota agua por la parte de abajo al descargar',
'el wc baila y sale olor a desagüe por la base, qué sello le pongo',
'el inodoro se tambalea y cuando jalo sale agua por abajo pegado al piso q hago']);

SELECT kb_seed_examples('fregadero-atascado-sifon', ARRAY[
'el fregadero de la cocina no traga nada y el agua se queda parada con restos de comida',
'se me tapó la tarja, el agua no se va y huele feo, con qué la destapo',
'la pileta de la cocina no desagota, se llena de agua con grasa y no baja',
'el lavaplatos está tapado, el agua se estanca y hace glu glu',
'el lavadero de la cocina está atorado, el agua baja lentísimo',
'este la tarja de la cocina no baja el agua se queda ahi estancada y hace como burbujas']);

SELECT kb_seed_examples('inodoro-atascado', ARRAY[
'el váter no traga, el agua sube casi hasta arriba y baja a paso de tortuga',
'el excusado no se lleva nada, el agua se queda arriba de la taza después de bajarle',
'el inodoro está tapado, cuando aprieto el botón el agua llega hasta el borde',
'la poceta se tapó y el agua no baja, creo que el niño echó un juguete',
'el wc está atorado con papel higiénico y el agua casi se rebalsa',
'se tapo el bano o sea el inodoro y el agua sube y sube no baja nada']);

SELECT kb_seed_examples('pendiente-desague', ARRAY[
'cuántos centímetros por metro de caída le doy al tubo del desagüe que va por el techo',
'qué tanto desnivel le dejo a la tubería del drenaje para que no se quede el agua',
'cuánta caída lleva el caño de desagüe de la cocina hasta la cámara',
'el tubo del desagüe quedó casi plano y se tapa cada mes, cuánto debe bajar',
'cuánto debe bajar por metro la tubería de desagüe del baño nuevo',
'cuanto tiene q tener de caida el tubo del desague por metro es que queda agua empozada']);

SELECT kb_seed_examples('ventilacion-gorgoteo', ARRAY[
'cuando vacío la bañera el lavabo hace glu glu y luego huele a alcantarilla',
'la coladera del baño burbujea cuando jalan el excusado de arriba y sube olor a drenaje',
'la bacha hace ruido de gárgaras cuando desagota el lavarropas y queda olor a cloaca',
'el lavamanos borbotea cuando alguien descarga el sanitario y sale un olor horrible',
'el desagüe de la ducha suena como que traga aire y hay olor a alcantarillado en todo el baño',
'hace como gluglu el lavamanos cuando se usa la ducha y despues queda un olor a caño horrible']);

SELECT kb_seed_examples('presion-agua-baja', ARRAY[
'en toda la casa sale el agua floja, la ducha apenas moja',
'las llaves de la casa echan el agua sin fuerza, sobre todo en la planta alta',
'la ducha sale sin fuerza y cuando abren la canilla de la cocina directamente no sale nada',
'el agua llega muy débil a los pisos de arriba, casi no sube',
'el agua sale despacito por todos los caños de la casa, será la matriz',
'el agua sale re poquito por todos lados la ducha no tiene nada de fuerza que puede ser']);

SELECT kb_seed_examples('reductor-presion', ARRAY[
'el agua sale a tanta presión que salpica todo y ya se me han reventado dos latiguillos',
'la presión del agua de la calle viene muy fuerte y truenan las mangueras de los muebles',
'la presión de la red es bestial, revientan los flexibles y las canillas escupen',
'el agua llega con demasiada fuerza y se dañan las llaves, qué válvula pongo a la entrada',
'el manómetro de la casa marca 7 bar, cómo bajo esa presión',
'el agua viene con mucha fuerza demasiada y se revientan las mangueras como la bajo']);

SELECT kb_seed_examples('golpe-de-ariete', ARRAY[
'al cerrar el grifo de la cocina suena un golpazo en las tuberías como un martillo',
'cuando la lavadora termina de cargar se escucha un trancazo en la tubería',
'las cañerías hacen un ruido seco tipo golpe cada vez que cierro la canilla rápido',
'la tubería pega un golpe duro y tiembla la pared cuando cierran la llave',
'suena un golpe fuerte en los tubos de la casa al cortar el agua de la ducha',
'cada vez q cierro la llave suena tac en la pared como un golpe en el tubo q es eso']);

SELECT kb_seed_examples('tuberias-congeladas', ARRAY[
'esta mañana con la helada no sale ni gota del grifo del garaje',
'con el frío de anoche la tubería del patio amaneció tiesa y no sale agua',
'se me congeló el caño que va por afuera y no sale agua de la canilla',
'en la finca del páramo amaneció el tubo con hielo y no llega agua',
'con la helada en la sierra el tubo se escarchó y no hay agua en la casa',
'hizo un frio tremendo y no sale agua el tubo de afuera esta como congelado como lo destapo sin romperlo']);

SELECT kb_seed_examples('termo-valvula-seguridad', ARRAY[
'el termo suelta agua por la valvulita de abajo cada vez que calienta, es normal?',
'el boiler está tirando agua por la válvula de alivio de arriba sin parar',
'el termotanque larga agua por la válvula de seguridad y moja todo el piso',
'el calentador de agua bota agua por el tubito de la válvula del costado',
'la terma chorrea por la válvula de la salida cuando se está calentando',
'el termo gotea por una valvula que tiene con una palanquita roja y sale agua calentita']);

SELECT kb_seed_examples('termo-anodo-olor', ARRAY[
'el agua caliente apesta a huevos podridos pero la fría no huele a nada',
'al abrir la caliente en la regadera sale un olor a azufre muy fuerte, el boiler es eléctrico',
'sale un olor asqueroso de la canilla de agua caliente, el termotanque tiene como diez años',
'el agua caliente sale con un olor horrible a huevo dañado',
'el agua de la terma huele a podrido y sale medio turbia',
'el agua caliente huele horrible como a guevo podrido y la fria no']);

SELECT kb_seed_examples('termo-vaciado-sedimentos', ARRAY[
'el termo eléctrico hace crujidos cuando calienta y el agua caliente se acaba enseguida',
'el boiler eléctrico truena como si tuviera piedras adentro y sale arena por las llaves',
'el termotanque eléctrico hace ruido a piedritas al calentar, cómo lo vacío',
'el calentador eléctrico suena como si hirviera y salen granitos blancos por la ducha',
'la terma eléctrica suena como olla hirviendo y dura poquito el agua caliente',
'el termo hace ruidos como crac crac y por los grifos sale arenilla blanca como limpiarlo por dentro']);

SELECT kb_seed_examples('calentador-gas-piloto', ARRAY[
'la llama pequeña de la caldera se apaga en cuanto suelto el botón',
'el piloto del boiler de gas prende pero en cuanto le suelto la perilla se apaga',
'el termotanque a gas no mantiene la llamita del piloto, se apaga sola',
'el calentador a gas no se queda prendido, la llamita azul se muere al soltar',
'la llama del calentador sale amarilla y deja todo negro de hollín',
'prendo el pilotito y cuando suelto la perilla se apaga otra vez ya lo intente mil veces']);

SELECT kb_seed_examples('soldadura-cobre', ARRAY[
'al soldar el tubo de cobre el estaño se queda en bolitas y no entra en el manguito',
'soldé un codo de cobre y gotea por la soldadura, qué hice mal',
'el estaño no corre en la unión del caño de cobre y queda todo negro',
'estoy soldando tubería de cobre y la soldadura no agarra, se chorrea',
'cómo se suelda bien un cobre de media con soplete para que no pierda',
'estoy soldando cobre con el soplete y el estano no se mete queda como bolitas']);

SELECT kb_seed_examples('elegir-pvc-cpvc-pex', ARRAY[
'qué tubo pongo para el agua caliente en una reforma, multicapa o cobre',
'sirve el tubo de pvc hidráulico para el agua caliente del boiler o se deforma',
'qué caño conviene para la instalación de agua de una casa nueva, termofusión o pex',
'el tubo blanco de pvc se torció con el agua caliente, qué material aguanta',
'qué tubería uso para agua fría y caliente en un departamento, cpvc o pex',
'que tuberia me recomienda para el agua caliente la de cobre o la plastica']);

SELECT kb_seed_examples('pex-reparacion', ARRAY[
'al colgar un cuadro clavé una punta en el tubo de plástico rojo de la pared y sale agua',
'se está saliendo el agua en una conexión del tubo pex debajo del lavabo',
'pierde una unión del caño pex que va al termotanque',
'el tubo pex se deformó cerca del calentador y está goteando',
'cómo empalmo un pex que se cortó, qué accesorio compro',
'se me rompio la manguera esa de pex roja en la pared al meter un clavo y ahora chorrea']);

SELECT kb_seed_examples('pvc-encolado', ARRAY[
'se ha despegado un empalme del tubo de pvc del desagüe y sale agua',
'cómo pego un tubo de pvc que se zafó de la conexión',
'se partió el caño de pvc del desagüe, con qué pegamento lo arreglo',
'la unión del tubo pvc está botando agua, hay que cortarla y volver a pegar',
'cómo uno dos tubos de pvc con pegamento y limpiador para que no goteen',
'el tubo pvc se salio del codo y se mojo todo como se pega bien']);

SELECT kb_seed_examples('sellado-roscas', ARRAY[
'cuántas vueltas de teflón le doy a la rosca de un racor para que no gotee',
'puse cinta teflón en la rosca y sigue goteando cuando abro el agua',
'qué es mejor para la rosca, cáñamo con pasta o teflón',
'la rosca nueva que monté está sudando agua, le falta cinta?',
'en qué sentido se enrolla la cinta teflón en la rosca',
'cuantas vueltas de cinta blanca se le pone a la rosca q sigue goteando']);

SELECT kb_seed_examples('llave-de-paso-fuga', ARRAY[
'ha reventado un tubo y sale agua a chorro, dónde corto el agua de la casa',
'está brotando agua de la pared del baño, qué cierro primero',
'se pinchó un caño y está saliendo agua por todos lados, cómo la paro mientras llega el plomero',
'se está saliendo el agua de un tubo roto, cómo hago un arreglo de emergencia',
'hay una fuga fuerte en el tubo del patio, cómo corto el agua y parcho por mientras',
'urgente se rompio algo y sale mucha agua como la corto rapido']);

SELECT kb_seed_examples('atasco-general-retorno', ARRAY[
'al tirar de la cadena sube agua negra por el plato de ducha',
'cuando le jalo al baño se regresa agua sucia por la coladera de la regadera',
'cuando descargo el inodoro sale agua servida por la rejilla del piso y la bañera',
'al bajar el sanitario se devuelve agua sucia por el sifón del piso',
'se están tapando todos los desagües de la casa a la vez y el agua regresa por la ducha',
'cuando alguien va al bano sube agua fea por la ducha y por el desague del piso todo a la vez']);

-- Drains, traps, vents, disposals, materials and joints, leaks (seed-drains.sql)

SELECT kb_seed_examples('desague-diametros-aparatos', ARRAY[
'qué grosor de tubo de evacuación compro para el váter nuevo, 90 o 110',
'de cuántas pulgadas debe ser el drenaje de la taza del baño',
'qué medida de caño uso para la descarga del lavarropas y de la bacha',
'de qué calibre va la tubería sanitaria del lavamanos, de 1 1/2 o de 2',
'qué tamaño de tubería de desagüe lleva el lavadero y la ducha',
'de cuanto es el tubo pal desague de la ducha de dos pulgadas o de pulgada y media']);

SELECT kb_seed_examples('bote-sifonico', ARRAY[
'la bañera y el lavabo tardan en vaciarse a la vez y en el suelo hay una tapa redonda de metal',
'en el piso del baño hay un registro redondo y cuando vacío la tina sale agua por ahí',
'la pileta de patio del baño tiene olor y el agua de la bañera sale por la rejilla',
'el sifón del piso del baño apesta y la tapa metálica está suelta',
'el agua del lavamanos sale por el desagüe del piso del baño, qué hay debajo de esa tapa',
'el bote si fonico del baño huele y la tapa redonda no se abre']);

SELECT kb_seed_examples('sifon-botella-o-curvo', ARRAY[
'voy a cambiar el sifón del lavabo, pongo uno de vaso o uno en forma de u',
'qué cespol le pongo al lavabo nuevo, el de botecito o el curvo',
'el sifón de la bacha es de los de vasito y se tapa seguido, conviene uno curvo',
'cuál sifón se tapa menos para el lavamanos, el de copa o el de codo',
'el sifón del lavatorio gotea por la tuerca de plástico, cómo lo ajusto bien',
'el sifon ese de vasito o el de curva cual es mejor pal lavabo']);

SELECT kb_seed_examples('valvula-aireacion-averiada', ARRAY[
'huele a cloaca dentro del mueble del baño, ahí hay una pieza blanca que deja entrar aire',
'la válvula de aire que pusieron en el drenaje de la tarja ya no sirve y apesta el gabinete',
'el mueble de la bacha tiene olor a cloaca, tiene una válvula de esas que respiran',
'el gabinete del lavaplatos huele a alcantarilla y tiene una valvulita de ventilación en el tubo',
'la válvula de ventilación del desagüe del lavatorio quedó abierta y sale mal olor',
'adentro del mueble huele a caño feo y ahi tiene como una valvulita negra que deja pasar aire']);

SELECT kb_seed_examples('bajante-fuga-ruido', ARRAY[
'gotea la tubería gruesa que baja por el patinillo del edificio y se oye caer el agua',
'la bajada de aguas negras del edificio gotea en el techo del estacionamiento',
'el caño de descarga vertical pierde por la unión y mancha la pared del palier',
'el tubo de aguas negras que baja por el ducto suena mucho y bota agua en una unión',
'la montante de desagüe del edificio se rajó y filtra al departamento de abajo',
'por la pared se escucha caer el agua cada vez q el de arriba usa el baño y ahora hay mancha']);

SELECT kb_seed_examples('arqueta-registro', ARRAY[
'en el patio hay una tapa de hormigón que huele y debajo el agua está estancada',
'el registro del drenaje del patio está lleno de agua y no sé cómo abrirlo',
'la cámara de inspección del fondo está desbordada y huele feo',
'la caja de inspección del garaje está llena de grasa y el agua no corre',
'la cámara de desagüe de la casa rebalsa, cómo la limpio',
'en el garaje hay como una tapa en el piso que apesta y abajo el agua no se mueve']);

SELECT kb_seed_examples('ducha-desague-lento-pelo', ARRAY[
'mientras me ducho el agua me llega a los tobillos y tarda en irse',
'la coladera de la regadera se tapa de cabellos y el agua se queda',
'la bañadera tarda una eternidad en vaciarse, tiene pelo en la rejilla',
'el sifón de la ducha se tapa con pelo y el agua se empoza',
'el agua de la ducha se acumula en el plato y se va muy lento',
'cuando me baño se queda el agua en la ducha y me llega a los pies tarda mucho en irse']);

SELECT kb_seed_examples('sosa-caustica-riesgos', ARRAY[
'le echo salfumán o sosa al lavabo atascado, o es peligroso',
'le puedo echar destapacaños químico al lavabo si ya está tapado con agua',
'el cliente tiró soda cáustica en la bacha y sigue tapada, puedo desarmar el sifón',
'es seguro echarle el químico destapador al lavamanos tapado',
'eché un producto para destapar y burbujea y humea, qué hago',
'le eche un liquido destapador al lavamanos y sigue con agua es peligroso meter la mano']);

SELECT kb_seed_examples('lavadora-desague-rebosa', ARRAY[
'cuando la lavadora saca el agua se sale por el tubo de la pared y moja todo',
'al desaguar la lavadora se derrama el agua por el tubo donde va la manguera',
'el lavarropas al desagotar tira agua afuera del caño y se inunda el lavadero',
'cuando la lavadora bota el agua se rebosa el tubo del desagüe',
'el agua de la lavadora se devuelve por el desagüe y sale al piso',
'la lavadora cuando saca el agua se sale todo por el tubo y queda un charco atras']);

SELECT kb_seed_examples('sumidero-terraza', ARRAY[
'con la tormenta se ha llenado la terraza de agua porque el sumidero no da abasto',
'cuando llueve se encharca la azotea, la coladera no traga',
'se inunda el balcón cuando llueve, la rejilla del desagüe está tapada de hojas',
'en el patio se empoza el agua de lluvia, el desagüe del piso está tapado',
'cuando llueve el agua de la terraza entra a la casa, el desagüe no da',
'cuando llueve fuerte el balcon se llena de agua y se mete pa adentro de la casa']);

SELECT kb_seed_examples('fosa-septica', ARRAY[
'en la casa de campo todos los desagües van lentos y huele fuerte en el jardín',
'la fosa de la casa ya se llenó, los baños se tapan y huele en el patio',
'el pozo ciego está lleno, cada cuánto hay que desagotarlo con el camión',
'el pozo séptico de la finca huele y el pasto está empantanado encima',
'la fosa del campo rebalsa y hay olor feo cerca de la casa',
'en el rancho no tenemos drenaje y ya huele todo cerca del pozo y los baños no bajan']);

SELECT kb_seed_examples('triturador-zumba-no-gira', ARRAY[
'el triturador del fregadero hace mmm pero no da vueltas',
'el molino de la tarja está trabado, nada más zumba',
'el triturador de la pileta no gira, solo hace ruido de motor',
'el triturador de comida se quedó pegado, suena pero no muele',
'el triturador no arranca, no hace nada cuando aprieto el interruptor',
'el triturador de abajo del fregadero solo hace ruido como un zumbido y no gira']);

SELECT kb_seed_examples('triturador-gotea', ARRAY[
'sale agua por debajo del triturador y se moja el mueble del fregadero',
'el garbage está goteando por donde se conecta la manguera de la lavadora de platos',
'pierde agua el triturador por el costado y el bajo mesada está mojado',
'el triturador bota agua por abajo y ya tiene óxido',
'gotea el triturador de la cocina justo en la unión con el lavaplatos',
'el triturador suelta agua no se si por arriba o por abajo pero el mueble esta empapado']);

SELECT kb_seed_examples('triturador-que-no-echar', ARRAY[
'se puede meter el aceite de freír y las cáscaras de patata en el triturador',
'qué basura sí se puede echar al garbage y cuál no',
'puedo tirar huesos de pollo y yerba al triturador de la pileta',
'el triturador se tapa cada vez que le echo arroz, qué no debo echarle',
'qué restos de comida no se deben tirar al triturador del lavaplatos',
'que cosas le puedo echar al triturador porque se me tapa a cada rato con la comida']);

SELECT kb_seed_examples('tuberia-galvanizada-vieja', ARRAY[
'por las mañanas sale el agua color marrón y la casa tiene tuberías de hierro de los años 60',
'sale agua café de todas las llaves, la tubería es de fierro viejo',
'sale agua color óxido de las canillas y los caños son de hierro antiguos',
'el agua sale rojiza y cada vez con menos fuerza, la tubería es metálica vieja',
'la tubería de fierro de la casa antigua está oxidada y sale agua turbia',
'el agua sale cafe como oxidada en la mañana y la casa es viejita con tubo de fierro']);

SELECT kb_seed_examples('racor-compresion-bicono', ARRAY[
'gotea la tuerca del racor de cobre de la llave de escuadra aunque la apriete',
'la tuerca de la conexión de compresión de la llave angular está goteando',
'pierde la tuerca de la llave de paso del lavatorio donde entra el caño de cobre',
'la férula de la conexión de cobre gotea, se puede cambiar el anillo',
'el anillo de bronce de la unión de compresión no sella y gotea',
'la tuerca esa donde entra el tubito de cobre gotea y la aprieto y sigue q se cambia']);

SELECT kb_seed_examples('racor-prensar-multicapa', ARRAY[
'gotea un accesorio prensado del multicapa de la cocina',
'la conexión de prensa del tubo multicapa pierde al meterle presión',
'un accesorio de prensar del caño multicapa pierde, hay que recortar y poner otro',
'con qué herramienta se prensa el tubo pex-al-pex para que no bote agua',
'la unión prensada del multicapa chorrea después de la prueba de presión',
'gotea un racor de los de prensar en el multicapa ya lo apreté con la prensa y nada']);

SELECT kb_seed_examples('manguito-dielectrico', ARRAY[
'donde se junta el cobre con el hierro sale una costra verde y gotea',
'unir tubería de cobre con fierro galvanizado, qué conexión uso para que no se oxide',
'en la unión del caño de cobre con el de hierro se forma óxido y pierde',
'la unión de cobre y galvanizado se corroe, qué unión dieléctrica pongo',
'la rosca del fierro se pudrió justo donde empalma con el cobre',
'donde pega el cobre con el tubo de fierro se esta oxidando y sale como sarro verde']);

SELECT kb_seed_examples('ppr-termofusion', ARRAY[
'a qué temperatura pongo la termofusora para el tubo de ppr de 25',
'cuántos segundos se calienta el tubo de polipropileno para fusionarlo',
'la unión de termofusión me quedó torcida y pierde, cuánto tiempo hay que calentar',
'cómo se fusiona bien la tubería ppr verde para que no bote agua',
'pierde agua una unión de tubo termofusión, cómo la rehago',
'cuanto tiempo se deja en la maquina el tubo ese verde pa que pegue bien']);

SELECT kb_seed_examples('fuga-union-roscada', ARRAY[
'ha empezado a gotear un codo roscado de la instalación y tiene una costra blanca',
'está goteando una tee de rosca de la tubería, se puede apretar con el agua abierta',
'pierde una rosca de un codo de la cañería después de que movieron el caño',
'una unión roscada de la tubería suda agua y tiene sarro verde alrededor',
'gotea la rosca de una llave de paso, la aprieto o la desarmo',
'hay una rosca que gotea en un codo de la tuberia con como costra blanca alrededor']);

SELECT kb_seed_examples('abrazadera-reparacion', ARRAY[
'sale un chorrito fino por un poro del tubo de cobre, hay algo para taparlo sin cortar',
'le di con la broca a un tubo de agua en la pared, le pongo un parche?',
'se hizo un agujerito en el caño y tira un chorro finito, cómo lo tapo rápido',
'el tubo tiene una grieta pequeña y bota un hilito de agua',
'hay una rajadura en la tubería por la helada, con qué la abrazo',
'el tubo tiene un huequito y sale un chorro finito como lo tapo sin cambiar el tubo']);

SELECT kb_seed_examples('fuga-prueba-contador', ARRAY[
'con todos los grifos cerrados la ruedecita del contador sigue dando vueltas',
'nos llegó el recibo del agua altísimo y no vemos ninguna fuga, cómo la busco',
'el medidor de agua marca consumo de noche sin que nadie use nada',
'la factura del acueducto llegó el doble y no hay goteras visibles',
'la cuenta de agua subió harto, cómo hago la prueba del medidor',
'el recibo llego carisimo y no vemos fuga ninguna como sabemos si hay agua perdida adentro de la pared']);

SELECT kb_seed_examples('humedad-techo-vecino', ARRAY[
'el del piso de abajo dice que le sale una mancha en el techo justo debajo de mi baño',
'al vecino de abajo le gotea el techo cuando nos bañamos',
'al de abajo se le está cayendo la pintura del cielorraso bajo mi baño',
'al apartamento de abajo le apareció una gotera en el techo debajo de mi cocina',
'el vecino del departamento de abajo tiene una filtración en el techo y dice que viene del mío',
'el vecino de abajo vino a decir que tiene el techo mojado y que es de mi baño como busco de donde sale']);

-- Damp, gas safety, outdoor and frozen pipes, appliances (seed-drains.sql); valves and faucets, cisterns (seed-supply.sql)

SELECT kb_seed_examples('condensacion-o-fuga', ARRAY[
'en invierno aparecen gotas y moho en la pared del dormitorio que da a la calle, es una tubería?',
'la pared de la recámara está mojada y con hongos, cómo sé si es humedad del ambiente o un tubo roto',
'el caño de agua fría transpira y gotea en el piso, es pérdida o condensación',
'la pared del cuarto se pone húmeda con manchas negras, no sé si hay un tubo roto adentro',
'en invierno las paredes del dormitorio chorrean agua y salen hongos, es una filtración',
'el tubo del agua fria suda y hace gotitas y moja el piso eso es una fuga o es normal']);

SELECT kb_seed_examples('ducha-filtracion-juntas', ARRAY[
'solo cuando alguien se ducha aparece la mancha en el techo de abajo, no cuando se usa el lavabo',
'después de bañarse se moja la pared del cuarto de al lado de la regadera',
'la mancha aparece en el techo de abajo solo cuando nos duchamos, las juntas de los azulejos están negras',
'el agua de la ducha se filtra por las juntas de las baldosas hacia el otro cuarto',
'después de usar la ducha aparece humedad en el zócalo del pasillo',
'solo cuando se bañan aparece la mancha abajo y las juntitas de los azulejos estan oscuras']);

SELECT kb_seed_examples('fregadero-fuga-latiguillos', ARRAY[
'el fondo del mueble del fregadero está siempre mojado y se ha hinchado la madera',
'abajo de la tarja se junta agua en el gabinete todo el tiempo, no sé de dónde sale',
'el bajo mesada está mojado siempre, la manguerita que va a la canilla tiene óxido',
'el mueble debajo del lavaplatos está empapado, las mangueras del grifo se ven oxidadas',
'se moja el mueble del lavaplatos aunque nadie lo use, gotea algo abajo',
'debajo del fregadero en el mueble siempre hay agua y la madera ya se hincho de donde es']);

SELECT kb_seed_examples('gas-rejillas-ventilacion', ARRAY[
'la clienta ha tapado la rejilla de la cocina con cinta porque entra frío, se puede',
'puedo tapar la ventila de la pared donde está el boiler de gas porque entra aire',
'le taparon la rejilla de ventilación al calefón por el frío, es peligroso',
'se puede cerrar la ventilación de la cocina de gas para que no entre el frío',
'en la remodelación quitaron la rejilla de aire de la cocina a gas, es obligatoria',
'mi suegra tapo con carton el agujero de ventilacion de la cocina de gas pa que no entre frio eso esta bien']);

SELECT kb_seed_examples('gas-tubo-flexible-caducado', ARRAY[
'la goma de la bombona de butano tiene una fecha que ya ha pasado, hay que cambiarla',
'la manguera del tanque de gas está toda cuarteada, cada cuánto se cambia',
'la manguera de la garrafa está reseca y agrietada, se puede seguir usando',
'la manguera de la pipeta de gas tiene fecha vencida, qué manguera compro',
'el tubo de goma del balón de gas se ve duro y rajado, lo cambio',
'la manguerita del cilindro de gas esta toda dura y rajada y dice una fecha vieja']);

SELECT kb_seed_examples('gas-prueba-fugas-jabon', ARRAY[
'acabo de cambiar el regulador de la bombona, cómo compruebo que no pierde gas',
'cómo reviso si la conexión del tanque de gas tiene fuga con agua y jabón',
'puse la garrafa nueva y huele un poquito, cómo pruebo la conexión',
'cómo sé si la unión de la manguera del gas está fugando sin usar fósforo',
'cómo pruebo con espuma si el balón de gas está bien conectado',
'cambie la manguera del gas como reviso q no este saliendo con jabon o como']);

SELECT kb_seed_examples('gas-quien-puede-trabajar', ARRAY[
'un cliente me pide mover la cocina de gas medio metro, lo puedo hacer yo siendo fontanero',
'soy plomero, puedo mover la instalación de gas de la estufa o necesito permiso',
'me piden correr la cañería de gas del calefón, puede hacerlo un plomero sin matrícula',
'el cliente quiere que le alargue el tubo del gas de la estufa, me toca o a un técnico certificado',
'soy gasfiter de agua, puedo cambiar una llave de gas o necesito ser instalador autorizado',
'me pidieron cambiar una llave del gas en la cocina pero yo soy plomero nomas puedo hacerlo']);

SELECT kb_seed_examples('grifo-exterior-antihielo', ARRAY[
'el grifo del jardín reventó con las heladas y ahora pierde agua dentro de la pared',
'la llave de la manguera del jardín se congeló y al abrirla sale agua dentro del muro',
'la canilla de afuera se rompió por el frío y al abrirla se moja el sótano',
'qué grifo de exterior pongo en la finca fría para que no se reviente con la helada',
'la llave del patio se reventó con la helada y chorrea por dentro de la pared',
'la llave de afuera la de la manguera despues del frio gotea por dentro del muro']);

SELECT kb_seed_examples('vaciar-instalacion-invierno', ARRAY[
'cierro la casa del pueblo todo el invierno, cómo dejo las tuberías sin agua',
'vamos a dejar sola la cabaña en invierno, cómo vacío la tubería para que no truene',
'cierro la casa de la costa en invierno y hiela, cómo desagoto toda la cañería',
'dejamos la finca del páramo sola unos meses, cómo saco el agua de los tubos',
'la casa de la cordillera queda cerrada en invierno, cómo vacío las cañerías y el calefont',
'nos vamos todo el invierno de la casa y hiela como dejo la tuberia vacia para q no reviente']);

SELECT kb_seed_examples('aislar-tuberias-coquilla', ARRAY[
'qué espuma pongo a los tubos del garaje para que no se congelen',
'con qué forro aíslo la tubería de la azotea para que el agua no se caliente ni se hiele',
'con qué recubro los caños que van por afuera para que no se congelen',
'qué aislante le pongo a la tubería del agua caliente para que no pierda calor',
'el tubo de agua fría suda en el entretecho, con qué lo forro',
'que le pongo a los tubos de afuera esa espuma negra pa q no se hielen']);

SELECT kb_seed_examples('riego-antirretorno', ARRAY[
'voy a conectar el riego por goteo al grifo de la casa, hace falta alguna válvula',
'conecté el sistema de riego a la toma de la casa y el agua sale con sabor raro',
'quiero conectar el riego automático a la red, qué le pongo para que no vuelva agua sucia',
'instalé aspersores conectados a la tubería de la casa, necesito válvula de retención',
'conectamos el riego con fertilizante a la red y el agua de la casa salió turbia',
'voy a poner riego en el jardin conectado al agua de la casa que le pongo pa que no se regrese']);

SELECT kb_seed_examples('lavadora-lavavajillas-conexion', ARRAY[
'voy a poner el lavavajillas nuevo, a qué altura va la manguera del desagüe',
'cómo conecto la lavadora nueva a la toma de agua y al drenaje',
'el lavarropas no para de cargar agua, se vacía solo por la manguera',
'cómo instalo la lavadora de platos debajo del lavaplatos',
'dónde conecto el desagüe de la lavavajilla para que no entre agua sucia',
'compre una lavadora nueva como la conecto a la llave y al tubo del desague']);

SELECT kb_seed_examples('sellar-banera-silicona', ARRAY[
'la silicona de la bañera está negra y despegada, cómo la quito y pongo otra',
'el sellador de la tina con la pared está negro de hongo, cómo lo cambio',
'la silicona de la bañadera está toda negra y se despega, cómo se vuelve a poner',
'cómo se sella bien la unión de la bañera con la baldosa para que no pase agua',
'cómo pongo silicona nueva en la tina, la vieja tiene hongos',
'la silicona de la tina esta toda negra y con hongos como la cambio bien']);

SELECT kb_seed_examples('instalar-lavabo', ARRAY[
'a qué altura se cuelga un lavabo y con qué tacos lo fijo a la pared',
'voy a colocar un lavabo nuevo en la pared, qué altura le dejo',
'cómo amuro una bacha colgante nueva a la pared',
'el lavamanos está flojo y se separa de la pared, cómo lo aseguro',
'cómo instalo un lavatorio nuevo con pedestal',
'voy a poner un lavamanos nuevo a que altura va y como lo agarro a la pared']);

SELECT kb_seed_examples('fregadero-cambiar-sifon', ARRAY[
'el sifón de plástico del fregadero está rajado y gotea al vaciar',
'el cespol de la tarja doble está roto, cómo pongo uno nuevo con toma para la lavadora de trastes',
'el sifón de la pileta doble de la cocina pierde, lo cambio entero',
'el sifón del lavaplatos está partido y gotea cuando se bota el agua',
'cambiar el sifón del lavaplatos de dos pozas, cuál compro',
'el sifon de la cocina esta rajado y gotea cuando vacio el fregadero cual compro']);

SELECT kb_seed_examples('llave-paso-no-cierra', ARRAY[
'cierro la llave de paso general y los grifos siguen echando agua',
'la llave general de la casa ya no cierra completo, sigue pasando agua',
'la llave de paso está trabada y cuando la cierro igual sale agua por las canillas',
'el registro del agua de la casa no corta y bota agua por el vástago',
'la llave de paso pierde agua por la manilla cuando la giro',
'cierro la llave de paso y sigue saliendo agua no cierra del todo y gotea por el eje']);

SELECT kb_seed_examples('llave-escuadra-cambiar', ARRAY[
'la llavecita que hay debajo del lavabo no corta el agua y quiero cambiar el grifo',
'la llave angular del excusado ya no cierra y gotea por la perilla',
'la llave de paso chiquita de abajo de la bacha está dura y no gira',
'la llave de control debajo del lavamanos está pegada y no cierra',
'la llavecita de corte del wc gotea por la rosca de la pared',
'la llavecita de abajo del lavamanos esta trabada no gira como la cambio']);

SELECT kb_seed_examples('aireador-limpiar-cambiar', ARRAY[
'el grifo de la cocina echa el agua torcida y salpicando desde que cortaron el agua',
'la llave del lavabo sale en chorros para todos lados, la boquilla tiene sarro',
'la canilla tira el agua para los costados, la punta tiene la rejilla tapada',
'el grifo sale con poco chorro y desviado, la mallita de la punta tiene arena',
'el caño sale disparado para un lado después del corte de agua',
'la llave echa el agua como en abanico salpicando todo la puntita tendra mugre']);

SELECT kb_seed_examples('grifo-termostatico-cartucho', ARRAY[
'el grifo termostático de la ducha marca 38 pero sale frío',
'la regadera termostática no respeta la temperatura, sale helada o hirviendo',
'la grifería termostática de la ducha no regula, sale fría aunque el termotanque está caliente',
'la mezcladora con termostato de la ducha ya no calienta bien',
'la ducha termostática sale tibia aunque la perilla esté en lo más caliente',
'la ducha esa que tiene los grados marcados no calienta aunque la ponga en 40']);

SELECT kb_seed_examples('ducha-cambia-temperatura', ARRAY[
'cuando alguien tira de la cadena la ducha me quema',
'en la regadera se pone hirviendo el agua cuando abren la llave de la cocina',
'me estoy duchando y si alguien abre una canilla el agua se pone helada',
'mientras me baño el agua se enfría de golpe cuando prenden la lavadora',
'el agua de la ducha cambia de caliente a fría cada vez que usan otro caño',
'me estoy bañando y de repente sale hirviendo cuando alguien jala el baño']);

SELECT kb_seed_examples('cruce-agua-fria-caliente', ARRAY[
'por el grifo de agua fría sale caliente en toda la casa',
'sale agua tibia por la llave fría y el boiler de paso no prende',
'por la canilla de fría sale agua caliente y el calefón no enciende',
'el agua fría sale caliente en la cocina y no sé por qué se mezcla',
'la llave de agua caliente sale fría y la fría sale tibia, se están mezclando',
'por la llave del agua fria sale agua caliente y el tanque del wc se llena con agua tibia']);

SELECT kb_seed_examples('grifo-cocina-extraible', ARRAY[
'la manguera del grifo extraíble de la cocina pierde agua dentro del mueble',
'la llave de la tarja con regadera que se jala ya no regresa a su lugar',
'la canilla de cocina con ducha extensible se queda colgando, no vuelve',
'la manguera del grifo de la cocina que se estira está goteando debajo del mueble',
'el grifo con ducha sacable pierde en la unión del cabezal',
'la llave de la cocina esa que se estira la manguerita no se recoge y queda colgando']);

SELECT kb_seed_examples('valvula-antirretorno-acometida', ARRAY[
'el contador gira hacia atrás cuando cortan el agua en la calle',
'cuando se va el agua de la calle se vacía la tubería de la casa, qué válvula pongo',
'hay que poner una válvula de retención después del medidor del agua',
'el agua de mi casa se devuelve a la calle cuando cortan el servicio',
'se necesita válvula check a la entrada de la casa después del medidor',
'cuando cortan el agua la casa se queda sin nada porque se regresa pa la calle que se pone']);

SELECT kb_seed_examples('cisterna-mecanismo-descarga', ARRAY[
'el botón de la cisterna se queda hundido y no descarga',
'la palanca del tanque del excusado se rompió y no baja el agua',
'el botón de la mochila se quedó trabado y ya no tira',
'el botón del tanque de la poceta no bota el agua, se partió algo adentro',
'la manilla del estanque del wc se soltó y no descarga',
'el boton del tanque del bano ya no hace nada se queda hundido y no baja el agua']);

-- Cisterns and toilets, tanks and pumps, water heaters, pressure, softeners and filters (seed-supply.sql)

SELECT kb_seed_examples('cisterna-doble-descarga', ARRAY[
'el botón pequeño de la cisterna no suelta casi agua y el grande no limpia la taza',
'el excusado de dos botones, con el chico no se va nada y hay que apretar dos veces',
'la mochila de doble pulsador tira poca agua con el botón grande',
'el sanitario de dos botones descarga muy poquito con el de media',
'el wc de dos botones, el chico bota toda el agua y el grande no alcanza a limpiar',
'el tanque tiene dos botones y el chiquito no hace nada y el grande hay que darle dos veces']);

SELECT kb_seed_examples('grifo-flotador-cambiar', ARRAY[
'la cisterna tarda un montón en llenarse y silba mientras carga',
'el tanque del baño se tarda como diez minutos en llenar y chifla',
'la mochila tarda una eternidad en cargar y hace un silbido',
'el tanque de la poceta se toma mucho tiempo para llenarse y suena como un pito',
'el estanque demora harto en llenarse y hace ruido de silbido',
'el tanque del inodoro tarda muchisimo en llenarse y hace un pitido fino todo el rato']);

SELECT kb_seed_examples('cisterna-condensacion', ARRAY[
'la cisterna del váter tiene gotas por fuera y deja un charco en el suelo',
'el tanque del excusado está todo mojado por fuera, pero no hay fuga',
'la mochila transpira y se junta agua en el piso del baño en verano',
'el tanque de la poceta bota gotas por fuera cuando hace calor',
'el estanque del wc suda mucho y moja el piso del baño',
'el tanque del bano esta sudando por fuera como un vaso con hielo y moja el piso']);

SELECT kb_seed_examples('inodoro-instalar-nuevo', ARRAY[
'voy a cambiar el váter, cómo sé si la salida es vertical u horizontal',
'compré un excusado nuevo y no cuadra con el drenaje del piso, qué hago',
'qué inodoro compro, el desagüe sale por la pared o por el piso',
'cómo instalo un sanitario nuevo, a qué distancia de la pared va el tubo',
'voy a poner un wc nuevo, cómo mido la distancia del desagüe a la pared',
'voy a poner un inodoro nuevo como mido donde cae el tubo pa comprar el correcto']);

SELECT kb_seed_examples('fluxometro', ARRAY[
'el fluxor del urinario del bar se queda soltando agua sin parar',
'el fluxómetro del baño de la oficina no corta, sigue saliendo agua',
'la válvula de descarga del inodoro sin mochila queda abierta y el agua sigue corriendo',
'la válvula del orinal del colegio bota poca agua y no limpia',
'el fluxómetro del urinario gotea por la manilla',
'el baño del local tiene esa llave de empujar sin tanque y se queda tirando agua no para']);

SELECT kb_seed_examples('tinaco-desborda', ARRAY[
'el depósito del tejado rebosa y cae agua por el tubo de aliviadero',
'el tinaco se está tirando por arriba y escurre agua por la pared',
'el tanque de agua de la terraza se rebalsa por el caño de desborde',
'el tanque elevado de la azotea se llena y bota agua por encima',
'el tanque de la azotea se desborda y chorrea agua por la fachada',
'el ti naco se esta derramando por arriba cae agua del techo todo el dia']);

SELECT kb_seed_examples('tinaco-limpiar-desinfectar', ARRAY[
'el depósito de agua tiene lodo en el fondo y el agua sale turbia, cómo lo limpio',
'cada cuánto se lava el tinaco y con cuánto cloro',
'cómo limpio el tanque de agua que tiene barro y bichitos',
'el tanque de agua tiene larvas y el agua sale con mal olor',
'cómo desinfecto el tanque de agua con lejía',
'el tinaco tiene como lodo abajo y el agua sale sucia como se lava y con que']);

SELECT kb_seed_examples('cisterna-enterrada-bomba', ARRAY[
'el aljibe de abajo tiene agua pero la bomba no sube agua al depósito de arriba',
'la bomba de la cisterna no arranca aunque el tinaco está vacío',
'la bomba del tanque de abajo no para y el tanque de arriba se rebalsa',
'la bomba del tanque subterráneo se calienta y no sube agua al tanque alto',
'la bomba del pozo sigue funcionando con el tanque de la azotea lleno',
'la bomba de la cisterna de abajo no prende aunque el tinaco ya esta vacio o a veces sigue prendida']);

SELECT kb_seed_examples('hidroneumatico-precarga', ARRAY[
'el calderín de la bomba se queda sin aire y la bomba arranca a cada momento',
'cómo reviso el aire del tanque hidroneumático, la presión sube y baja',
'el tanque de presión de la bomba perdió el aire, cuánto aire lleva',
'el hidroneumático hace que la bomba prenda y apague seguido, cómo le pongo aire',
'a cuánta presión se infla el tanque hidroneumático de la bomba',
'el tanque ese azul de la bomba como se le mete aire y cuanto lleva']);

SELECT kb_seed_examples('bomba-ciclos-cortos', ARRAY[
'la bomba de agua hace clic y arranca cada pocos segundos aunque solo haya un grifo abierto',
'la bomba prende y apaga a cada rato y se prende sola en la noche',
'la bomba arranca sola de noche con todas las canillas cerradas',
'la motobomba se prende y se apaga a cada rato cuando se abre la ducha',
'la bomba se enciende y apaga seguido, el presostato hace tac tac',
'la bomba prende y apaga prende y apaga a cada ratito y hace clic clic']);

SELECT kb_seed_examples('presurizador', ARRAY[
'la bomba presurizadora no arranca al abrir la ducha',
'el presurizador no se apaga aunque cierre todas las llaves',
'la presurizadora de la casa no arranca cuando abro la canilla, ni hace ruido',
'la bomba de presión de la casa se queda prendida todo el tiempo',
'la bomba que da presión a la ducha arranca tarde y el agua sale a tirones',
'la bombita de presion no arranca cuando abro la ducha y cuando arranca va a tirones']);

SELECT kb_seed_examples('bomba-pierde-cebado', ARRAY[
'cada mañana tengo que cebar la bomba del pozo porque no saca agua',
'la bomba suena pero no jala agua, hay que cebarla a cada rato',
'la bomba del pozo se descarga y hay que volver a llenarla de agua para que chupe',
'la bomba se desceba y sale aire por las llaves',
'la bomba pierde el agua de la succión y no sube nada',
'la bomba se queda sin agua hay que llenarla cada rato pa que chupe q tiene']);

SELECT kb_seed_examples('calentador-paso-no-enciende', ARRAY[
'el calentador de butano no salta al abrir el agua caliente, solo hace tic tic',
'el calentador de paso no prende cuando abro la llave caliente',
'el calefón no prende y ya le cambié las pilas',
'el calentador de paso a gas se apaga cuando le mezclo el agua fría',
'el calefont no enciende al abrir la ducha, suena la chispa nomás',
'el calentador instantaneo no prende cuando abro la caliente se escucha tiqui tiqui y nada']);

SELECT kb_seed_examples('termo-electrico-no-calienta', ARRAY[
'el termo eléctrico no calienta y la lucecita no se enciende',
'el boiler eléctrico ya no calienta el agua, sale tibia',
'el termotanque eléctrico no calienta, la luz piloto está apagada',
'el calentador eléctrico no calienta y salta el breaker',
'la terma eléctrica no calienta nada, el agua sale fría',
'la terma no calienta el agua sale helada y el foquito no prende']);

SELECT kb_seed_examples('boiler-gas-deposito-purgar', ARRAY[
'el termo de gas hace borboteos cuando está el quemador encendido',
'cada cuánto se purga el boiler de gas y cómo se le saca el sarro',
'el termotanque a gas hace ruido de golpes cuando calienta y sale agua turbia',
'cómo se le saca la mugre del fondo al calentador de tanque a gas',
'cómo purgo el calentador de gas de depósito, sale agua con arena por la llave de abajo',
'el boiler de gas hace como golpecitos cuando prende y el agua caliente dura poquito']);

SELECT kb_seed_examples('calentador-solar', ARRAY[
'el termo solar del tejado da el agua tibia aunque haga sol',
'el calentador solar de la azotea tiene un tubo de vidrio roto',
'el termotanque solar pierde agua por un tubo de vidrio',
'el calentador solar no calienta bien y tiene los tubos blancos por dentro',
'la terma solar del techo bota vapor por arriba',
'el calentador solar ese de tubos no calienta y uno de los tubos esta roto']);

SELECT kb_seed_examples('caldera-mixta-sin-acs', ARRAY[
'la caldera de la calefacción funciona pero los grifos no dan agua caliente',
'la caldera calienta los radiadores pero la regadera sale fría',
'la caldera dual calefacciona bien pero no da agua caliente en la ducha',
'la caldera solo da agua caliente si abro mucho la llave',
'la caldera a gas no reacciona cuando abro el agua caliente',
'la caldera esta prendida los radiadores calientes pero por el grifo sale fria']);

SELECT kb_seed_examples('calentador-paso-ruido', ARRAY[
'el calentador de butano pita cuando abro el agua caliente',
'el calentador de paso hace un chiflido fuerte cuando se prende',
'el calefón hace una explosión chiquita al encender',
'el calentador de gas suena como un pito cuando está calentando',
'el calefont hace un ruido como de petardo cuando prende',
'el calentador cuando prende hace pum como explosion y asusta']);

SELECT kb_seed_examples('presion-agua-medir', ARRAY[
'qué presión debería tener el agua en un piso normal',
'cuántos kilos de presión debe tener el agua de una casa',
'cuánta presión tiene que haber en la cañería de una casa',
'cuántos psi es lo normal en una casa y cómo los mido',
'con cuántos bares debe llegar el agua a una casa',
'cuanta presion debe tener el agua en la casa o sea lo normal en libras']);

SELECT kb_seed_examples('antiariete-instalar', ARRAY[
'dónde pongo el amortiguador de golpe de ariete de la lavadora',
'qué tamaño de amortiguador pongo para los golpes en la tubería',
'dónde se coloca el supresor de golpes en la cañería',
'dónde se instala la cámara de aire para que no golpee la tubería',
'qué amortiguador compro para el golpe de la lavadora',
'donde va la pieza esa q quita los golpes en la tuberia cerca de la lavadora o donde']);

SELECT kb_seed_examples('descalcificador-mantenimiento', ARRAY[
'el descalcificador tiene sal pero vuelve a salir cal en la mampara',
'el suavizador de agua no baja la sal y hay sarro en las llaves',
'el ablandador de agua no regenera, cuánta sal le pongo',
'el ablandador tiene mucha agua en el tanque de sal',
'el agua sale salada después de que regenera el descalcificador',
'el aparato del sarro el que lleva sal no funciona sale cal igual']);

SELECT kb_seed_examples('filtro-agua-entrada', ARRAY[
'el filtro de la entrada de agua está negro y ya sale poco caudal',
'el filtro de agua de la entrada está café y baja la presión en toda la casa',
'el filtro de sedimentos de la entrada se ve marrón, cada cuánto cambio el cartucho',
'el filtro de la entrada está sucio y el agua vuelve a saber a cloro',
'cómo cambio el cartucho del filtro de agua de la casa',
'el vaso del filtro de la entrada esta todo cafe y sale poca agua cuando se cambia']);
