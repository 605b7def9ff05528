-- Remedios knowledge base: example questions that tell neighbouring articles apart (issue 13: the wrong article
-- between two close jobs, e.g. a pump that loses prime vs the pump of a buried tank, water hammer vs where to fit
-- the arrestor, damp from condensation vs a cistern that sweats). Applied after the article seeds, on every start;
-- idempotent. Measured with eval/retrieval.py on eval/dev-neighbours.jsonl, eval/questions.jsonl and
-- eval/tuning-regional.jsonl (bench/quality/RETRIEVAL.md, "Neighbouring articles").
--
-- Two example questions the first seeds put under the neighbour article are moved to the article they name:
-- removed there (only the seeded row, never a row staff added) and added here. Every article keeps 4 to 6
-- seeded examples (tests/knowledge), so each gets one or two more at most.

DELETE FROM kb_examples
WHERE source = 'seed'
  AND (article_slug, question) IN (
      ('golpe-de-ariete', 'en qué sitio se instala el antiariete, cerca de la lavadora?'),
      ('condensacion-o-fuga', 'la cisterna del inodoro suda en verano y moja el suelo'));

SELECT kb_seed_examples('antiariete-instalar', ARRAY[
'en qué sitio se instala el antiariete, cerca de la lavadora?']);

SELECT kb_seed_examples('golpe-de-ariete', ARRAY[
'por qué retumba toda la instalación al cortar el agua de repente']);

SELECT kb_seed_examples('cisterna-condensacion', ARRAY[
'la cisterna del inodoro suda en verano y moja el suelo']);

SELECT kb_seed_examples('condensacion-o-fuga', ARRAY[
'aparecen gotas en la pared fría del dormitorio, es condensación o una tubería rota',
'cómo distingo una humedad por condensación de una fuga dentro del muro']);

SELECT kb_seed_examples('cisterna-enterrada-bomba', ARRAY[
'la motobomba del aljibe sigue andando cuando ya no queda agua abajo']);

SELECT kb_seed_examples('grifo-exterior-antihielo', ARRAY[
'el grifo antihelada de la fachada se rompió igual con el frío']);

SELECT kb_seed_examples('bajante-fuga-ruido', ARRAY[
'gotea la unión de la bajante de desagüe del edificio']);
-- ---------------------------------------------------------------------------------------------------------
-- "Not this article if the question says…" (kb_exclusions, schema.sql): a word that names what a neighbouring
-- article is about makes this one count half, so the neighbour that has the word wins. Written from what each
-- article covers and chosen on the development sets eval/dev-speech.jsonl and eval/dev-regional-2.jsonl, kept only
-- where the tuned sets did not lose (bench/quality/RETRIEVAL.md, "Speech development set"). Stems matter: "solar"
-- is cut to "sol", as "solo" is, and "tirar la cadena" is every toilet, so neither is a term here.
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_exclusions('presion-agua-baja', ARRAY['aireador', 'perlizador', 'rompechorros'],
    'el aireador tiene su artículo: aireador-limpiar-cambiar');
SELECT kb_seed_exclusions('triturador-que-no-echar', ARRAY['desbloquear', 'desbloqueo', 'desatorar', 'zumba', 'zumbido', 'no gira', 'reset', 'gotea'],
    'un triturador que zumba, está bloqueado o gotea: triturador-zumba-no-gira, triturador-gotea');
SELECT kb_seed_exclusions('triturador-gotea', ARRAY['zumba', 'zumbido', 'no gira', 'desbloquear', 'desbloqueo'],
    'un triturador que zumba o está bloqueado: triturador-zumba-no-gira');
SELECT kb_seed_exclusions('sifon-botella-o-curvo', ARRAY['latiguillo', 'flexible', 'manguera', 'llave de escuadra'],
    'la alimentación del grifo (latiguillo, flexible, llave) no es el sifón: fregadero-fuga-latiguillos');
SELECT kb_seed_exclusions('fregadero-cambiar-sifon', ARRAY['latiguillo', 'flexible', 'llave de escuadra'],
    'la alimentación del grifo no es el sifón: fregadero-fuga-latiguillos');
SELECT kb_seed_exclusions('llave-escuadra-cambiar', ARRAY['latiguillo', 'flexible'],
    'el latiguillo que gotea: fregadero-fuga-latiguillos (que también dice cuándo cambiar la llave)');
SELECT kb_seed_exclusions('ducha-cambia-temperatura', ARRAY['gotea', 'goteo', 'empaque', 'zapata', 'zapatilla'],
    'un grifo de ducha que gotea: grifo-bicomando-zapata o grifo-monomando-cartucho');
SELECT kb_seed_exclusions('grifo-cocina-extraible', ARRAY['regadera', 'baño'],
    'la ducha del baño no es la ducha extraíble del grifo de cocina');
SELECT kb_seed_exclusions('grifo-exterior-antihielo', ARRAY['presion', 'poca agua'],
    'poca presión en el grifo de fuera: presion-agua-baja');
SELECT kb_seed_exclusions('termo-electrico-no-calienta', ARRAY['gas', 'piloto', 'llama'],
    'los calentadores de gas tienen sus artículos');
SELECT kb_seed_exclusions('calentador-gas-piloto', ARRAY['electrico', 'resistencia'],
    'un termo eléctrico no tiene piloto');
SELECT kb_seed_exclusions('calentador-paso-no-enciende', ARRAY['electrico', 'resistencia'],
    'un termo eléctrico: termo-electrico-no-calienta');
SELECT kb_seed_exclusions('boiler-gas-deposito-purgar', ARRAY['electrico', 'resistencia'],
    'un termo eléctrico: termo-vaciado-sedimentos');
SELECT kb_seed_exclusions('calentador-solar', ARRAY['electrico', 'resistencia', 'gas', 'piloto'],
    'un termo eléctrico o un calentador de gas no es solar');
SELECT kb_seed_exclusions('cisterna-doble-descarga', ARRAY['palanca', 'tirador'],
    'una cisterna de palanca o tirador no es de doble descarga: cisterna-mecanismo-descarga');
SELECT kb_seed_exclusions('cisterna-doble-descarga', ARRAY['no se llena', 'tarda en llenar'],
    'la cisterna que no se llena o tarda: grifo-flotador-cambiar');
SELECT kb_seed_exclusions('humedad-techo-vecino', ARRAY['pared', 'paredes', 'salitre'],
    'una pared húmeda: condensacion-o-fuga');
SELECT kb_seed_exclusions('inodoro-atascado', ARRAY['ducha', 'sumidero', 'coladera'],
    'si el agua sale por la ducha o el sumidero: atasco-general-retorno');
SELECT kb_seed_exclusions('fregadero-atascado-sifon', ARRAY['ducha', 'inodoro'],
    'la ducha: ducha-desague-lento-pelo; el inodoro: inodoro-atascado; los dos a la vez: atasco-general-retorno');
SELECT kb_seed_exclusions('bomba-pierde-cebado', ARRAY['arranca y para', 'prende y apaga', 'presostato'],
    'una bomba que arranca y para seguido: bomba-ciclos-cortos');
SELECT kb_seed_exclusions('tinaco-desborda', ARRAY['limpiar', 'desinfectar', 'lodo', 'bomba'],
    'limpiar el tinaco: tinaco-limpiar-desinfectar; la bomba al tinaco: cisterna-enterrada-bomba');
SELECT kb_seed_exclusions('grifo-flotador-cambiar', ARRAY['tinaco', 'tanque elevado', 'azotea'],
    'el flotador del tinaco: tinaco-desborda');
-- ---------------------------------------------------------------------------------------------------------
-- Neighbour pairs (bench/quality/RETRIEVAL.md, "Neighbour pairs (kbpairs)"): each row says what sets two close
-- articles apart — the appliance (a water heater's tank is not the toilet's cistern), the part (a two-handle tap
-- closes with washers, a single-lever tap with a cartridge; the shower hose and diverter are not the kitchen
-- pull-out spray) or the place (a bathtub that drains slowly is not the kitchen sink). Chosen on the development
-- sets only; a row was kept only where no development set got a wrong answer more.
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_exclusions(s, ARRAY['calentador', 'termo', 'boiler'],
    'el depósito de un termo o calentador no es la cisterna del inodoro: los artículos del termo y del calentador')
FROM unnest(ARRAY['cisterna-pierde-agua', 'cisterna-mecanismo-descarga', 'cisterna-doble-descarga',
                  'grifo-flotador-cambiar', 'cisterna-condensacion']) AS s;
SELECT kb_seed_exclusions('llave-escuadra-cambiar', ARRAY['calentador', 'termo', 'boiler'],
    'la llave de vaciado o de entrada del termo o del calentador: los artículos del termo y del calentador');
SELECT kb_seed_exclusions('cisterna-pierde-agua', ARRAY['ducha'],
    'la ducha que gotea: ducha-grifo-gotea-inversor; agua por la ducha al tirar de la cadena: atasco-general-retorno');
SELECT kb_seed_exclusions('fluxometro', ARRAY['ducha'],
    'el grifo de la ducha que gotea: ducha-grifo-gotea-inversor');
SELECT kb_seed_exclusions('grifo-monomando-cartucho', ARRAY['dos manetas', 'dos llaves', 'bicomando', 'zapata'],
    'un grifo de dos manetas (cierra con zapatas): grifo-bicomando-zapata');
SELECT kb_seed_exclusions('grifo-bicomando-zapata', ARRAY['monomando', 'cartucho'],
    'un grifo de una maneta (cierra con un cartucho): grifo-monomando-cartucho');
SELECT kb_seed_exclusions('ducha-grifo-gotea-inversor', ARRAY['zapata', 'empaque', 'dos manetas', 'dos llaves', 'bicomando', 'monomando', 'cartucho', 'maneta'],
    'el grifo nombrado por su tipo o su pieza de cierre: grifo-bicomando-zapata, grifo-monomando-cartucho');
SELECT kb_seed_exclusions('ducha-grifo-gotea-inversor', ARRAY['cocina', 'fregadero', 'lavabo'],
    'el grifo de la cocina o del lavabo: grifo-monomando-cartucho, grifo-bicomando-zapata');
SELECT kb_seed_exclusions('grifo-cocina-extraible', ARRAY['ducha de mano', 'teleducha', 'bañera'],
    'la ducha de mano del baño: ducha-grifo-gotea-inversor');
SELECT kb_seed_exclusions('sellar-banera-silicona', ARRAY['inversor', 'desviador'],
    'el inversor del grifo de la bañera: ducha-grifo-gotea-inversor');
SELECT kb_seed_exclusions('fregadero-fuga-latiguillos', ARRAY['ducha'],
    'el flexo de la ducha: ducha-grifo-gotea-inversor');
SELECT kb_seed_exclusions('fregadero-atascado-sifon', ARRAY['bañera'],
    'la bañera o la tina atascada: ducha-desague-lento-pelo');
SELECT kb_seed_exclusions('sosa-caustica-riesgos', ARRAY['bañera', 'ducha'],
    'la ducha o la bañera atascada (pelo): ducha-desague-lento-pelo');
SELECT kb_seed_exclusions('tinaco-desborda', ARRAY['inodoro', 'cisterna'],
    'la cisterna del inodoro que rebosa: cisterna-pierde-agua, grifo-flotador-cambiar');
SELECT kb_seed_exclusions('lavadora-desague-rebosa', ARRAY['inodoro', 'cisterna'],
    'la cisterna del inodoro que rebosa: cisterna-pierde-agua');
SELECT kb_seed_exclusions('inodoro-atascado', ARRAY['cisterna', 'bañera'],
    'la cisterna que rebosa: cisterna-pierde-agua; la bañera atascada: ducha-desague-lento-pelo');

-- Set 3 (eval/dev-regional-3.jsonl, bench/quality/RETRIEVAL.md "Plumbers' words, set 3"): each row names what the
-- article is not, where a neighbour sharing the question's words was answered instead.
SELECT kb_seed_exclusions('fosa-septica', ARRAY['huele a alcantarilla', 'olor a alcantarilla'],
    'olor a alcantarilla en la casa: sifones y ventilación (ventilacion-gorgoteo); la fosa no tiene alcantarilla');
SELECT kb_seed_exclusions('fregadero-atascado-sifon', ARRAY['bajante'], 'una bajante atascada: atasco-general-retorno');
SELECT kb_seed_exclusions('inodoro-atascado', ARRAY['bajante'], 'una bajante atascada: atasco-general-retorno');
SELECT kb_seed_exclusions('sumidero-terraza', ARRAY['lavadora'], 'el desagüe de la lavadora: lavadora-desague-rebosa');
SELECT kb_seed_exclusions('cisterna-pierde-agua', ARRAY['atascado'], 'un inodoro tapado o atascado: inodoro-atascado');
SELECT kb_seed_exclusions('valvula-desague-lavabo-banera', ARRAY['sifon'],
    'el sifón tiene sus artículos: sifon-botella-o-curvo, fregadero-cambiar-sifon');
SELECT kb_seed_exclusions('desague-diametros-aparatos', ARRAY['gorgoteo', 'gorgotea'],
    'el gorgoteo es de ventilación: ventilacion-gorgoteo, valvula-aireacion-averiada');
SELECT kb_seed_exclusions('cisterna-doble-descarga', ARRAY['rebosa'], 'la cisterna que rebosa: cisterna-pierde-agua');
SELECT kb_seed_exclusions('instalar-lavabo', ARRAY['filtracion', 'humedad'],
    'una humedad o filtración en la pared: condensacion-o-fuga, fuga-prueba-contador');
-- the toilet's own words ("water" = inodoro in Spain) must not carry a US "water heater" to a toilet article
SELECT kb_seed_exclusions('inodoro-junta-cera', ARRAY['calentador', 'termo', 'boiler'], 'un calentador (water heater) no es el inodoro');
SELECT kb_seed_exclusions('inodoro-atascado', ARRAY['calentador', 'termo', 'boiler'], 'un calentador (water heater) no es el inodoro');
SELECT kb_seed_exclusions('agua-caliente-tarda', ARRAY['desague', 'desagua', 'desagota', 'atascado'],
    'un desagüe que tarda en bajar: los artículos de atascos');
SELECT kb_seed_exclusions('valvula-desague-lavabo-banera', ARRAY['cisterna', 'inodoro'],
    'el rebosadero de la cisterna: cisterna-pierde-agua');

-- Stop 23 (bench/quality/ASKING.md, "Stop 23"): the lone wrong matches left on the development sets (the right
-- article not near the top, so no rule of kb_choices could offer it), each mended with example questions in the
-- trade's general words (not the set's question) and, where a neighbour's words win, a "not this one if…" row.
-- Two articles already had 6 seeded examples (the most, tests/knowledge): one of each pair of near-duplicates
-- gives its place (only the seeded row, never a row staff added).
DELETE FROM kb_examples
WHERE source = 'seed'
  AND (article_slug, question) IN (
      ('condensacion-o-fuga', 'la cañeria transpira y chorrea agua por fuera'),   -- = 'el tubo del agua fria suda y gotea'
      ('arqueta-registro', 'la arqueta esta llena de agua, donde esta el tapon?'));
SELECT kb_seed_examples('condensacion-o-fuga', ARRAY[
'la parte baja del muro tiene manchas blancas y la pintura se despega']);
SELECT kb_seed_examples('termo-electrico-no-calienta', ARRAY[
'el agua sale caliente al principio y a los pocos minutos ya sale fría']);
SELECT kb_seed_exclusions('agua-caliente-tarda', ARRAY['despues fria', 'luego fria', 'se enfria enseguida'],
    'caliente al principio y luego fría: el calentador no da (termo-electrico-no-calienta, calentador-paso-no-enciende)');
SELECT kb_seed_examples('grifo-termostatico-cartucho', ARRAY[
'la mezcladora termostática de la ducha ya no da el agua bien caliente']);
SELECT kb_seed_examples('hidroneumatico-precarga', ARRAY[
'poca presión en los grifos y el tanque hidroneumático parece no hacer nada']);
SELECT kb_seed_examples('ventilacion-gorgoteo', ARRAY[
'el fregadero de la cocina echa olor a cloaca aunque no está atascado']);
SELECT kb_seed_examples('arqueta-registro', ARRAY[
'la arqueta del patio rebosa y sale agua sucia por la tapa']);
SELECT kb_seed_examples('atasco-general-retorno', ARRAY[
'las raíces de un árbol se metieron en el colector y atascan la salida de la casa']);
SELECT kb_seed_examples('ducha-electrica', ARRAY[
'la ducha eléctrica da el agua tibia, ¿hay que cambiarle la resistencia?']);
SELECT kb_seed_exclusions('termo-electrico-no-calienta', ARRAY['ducha electrica'],
    'la ducha eléctrica (calienta al paso, con su resistencia) no es el termo: ducha-electrica');
SELECT kb_seed_examples('cisterna-mecanismo-descarga', ARRAY[
'tengo que tirar de la cadena dos veces para que se vacíe la taza']);
SELECT kb_seed_exclusions('cisterna-pierde-agua', ARRAY['dos veces'],
    'descargar dos veces: cisterna-mecanismo-descarga, cisterna-doble-descarga, inodoro-sello-agua-bajo');
SELECT kb_seed_exclusions('vaciar-instalacion-invierno', ARRAY['no corta', 'cierra bien', 'cierra completo'],
    'una llave que no cierra: llave-paso-no-cierra');
SELECT kb_seed_examples('gas-prueba-fugas-jabon', ARRAY[
'noto olor a gas cerca de la estufa, ¿cómo compruebo si hay una fuga?']);
SELECT kb_seed_synonym('bill del agua', 'factura del agua', 'EE. UU.: the water bill (the bill del agua subió)');

-- Stop 24 (bench/quality/RETRIEVAL.md, "Stop 24, words13"): a tank that fills slowly is not one that overflows; a
-- dielectric union joins two metals, never a plastic pipe.
SELECT kb_seed_exclusions('tinaco-desborda', ARRAY['lento', 'despacio'],
    'se llena lento: tinaco-no-se-llena');
SELECT kb_seed_exclusions('manguito-dielectrico', ARRAY['pvc', 'cpvc', 'ppr', 'pex'],
    'un tubo de plástico con uno metálico: transicion-materiales');

-- More example questions for existing articles, for jobs dev-facts-1 asked that the search sent elsewhere (written
-- here in other words than the set's).
SELECT kb_seed_examples('inodoro-sello-agua-bajo', ARRAY[
'el inodoro jala sin fuerza y no se lleva todo'
]);
SELECT kb_seed_examples('tinaco-limpiar-desinfectar', ARRAY[
'salen algas verdes dentro del tinaco, como lo dejo limpio'
]);
SELECT kb_seed_examples('boiler-gas-deposito-purgar', ARRAY[
'el calentador de deposito truena y golpea por dentro al calentar'
]);
SELECT kb_seed_examples('triturador-que-no-echar', ARRAY[
'el triturador no muele y el agua sube por la otra pila del fregadero'
]);
SELECT kb_seed_examples('triturador-instalar', ARRAY[
'que materiales lleva la instalacion de un triturador de basura'
]);
SELECT kb_seed_examples('abrazadera-reparacion', ARRAY[
'arreglo provisional de un poro en un tubo de cobre'
]);
SELECT kb_seed_examples('inodoro-junta-cera', ARRAY[
'la pared de detras del wc esta mojada y la cisterna no pierde'
]);

-- Stop 27 (bench/quality/NEIGHBOURS.md): confident neighbours on the tuning sets. Each row is a rule of the trade in
-- its general words (never a set's question): a "not this one if…" row for the job the question names, or a row
-- that over-reached taken back.
-- Installing a new toilet is its own job (the seal under it is one step of it), not the wax-ring repair.
SELECT kb_seed_exclusions('inodoro-junta-cera', ARRAY['instalar nuevo', 'montar nuevo', 'colocar nuevo'],
    'montar un inodoro nuevo: inodoro-instalar-nuevo (la junta es uno de sus pasos)');
SELECT kb_seed_exclusions('grifo-instalar-nuevo', ARRAY['inodoro'],
    'un inodoro nuevo no es un grifo nuevo: inodoro-instalar-nuevo');
-- The height of a washing machine's standpipe is how it is connected (lavadora-lavavajillas-conexion, which has
-- "a que altura pongo el desague del lavavajillas"), not a standpipe that overflows: that seeded example leaves
-- the overflow article.
DELETE FROM kb_examples
WHERE source = 'seed' AND (article_slug, question) IN (('lavadora-desague-rebosa', 'a que altura va el desagüe de la lavadora'));
-- Washers (zapatilla, cuero) close a two-handle or compression tap, never a single-lever cartridge ("empaque" is
-- any seal in Mexico and Colombia, a cartridge's O-rings too, so it is not one of them); a tap with two handles is
-- not the stop valve.
SELECT kb_seed_exclusions('grifo-monomando-cartucho', ARRAY['zapatilla', 'cuerito', 'cuero'],
    'un grifo que cierra con zapata o cuero: grifo-bicomando-zapata');
SELECT kb_seed_exclusions('llave-paso-no-cierra', ARRAY['dos manetas', 'bicomando'],
    'un grifo de dos manetas: grifo-bicomando-zapata');
-- The small stop under a basin, sink or toilet is the angle stop (llave-escuadra-cambiar), whatever it is called
-- there ("la llave de paso de abajo del lavamanos"), or the fixture's own tap.
SELECT kb_seed_exclusions('llave-paso-no-cierra', ARRAY['lavabo', 'fregadero', 'inodoro'],
    'la llave de corte bajo un aparato: llave-escuadra-cambiar; el grifo del aparato: sus artículos');
-- A trap does not "close": a fixture's tap that does not close and drips is the tap's job, not the trap's.
SELECT kb_seed_exclusions('fregadero-cambiar-sifon', ARRAY['no cierra'],
    'un grifo que no cierra: grifo-monomando-cartucho, grifo-bicomando-zapata');
-- A rooftop tank that does not fill: checking its float is part of that job (the article's own problem), so a
-- float named no longer sends it away; replacing the float is the float article's procedure (tinaco-desborda).
DELETE FROM kb_exclusions
WHERE source = 'seed' AND article_slug = 'tinaco-no-se-llena' AND term IN ('flotador', 'flotante', 'boya');
SELECT kb_seed_exclusions('tinaco-no-se-llena', ARRAY['cambiar flotador', 'cambiar flotante', 'cambiar boya'],
    'cambiar el flotador: tinaco-desborda');

-- Stop 28 (bench/quality/NEIGHBOURS.md, "Stop 28"): a negation in a term is kept since this stop ('no se llena' is
-- stored {no:llen} and needs "no … llena" in the question, schema.sql kb_marked_lexemes). One row relied on the old
-- reading (the bare stem): an electric heater that heats little ("calienta poco") is a fault, never its installation,
-- so termo-electrico-instalar's 'no calienta' becomes 'calienta' (seed-gaps.sql; the old seeded row goes here).
DELETE FROM kb_exclusions
WHERE source = 'seed' AND article_slug = 'termo-electrico-instalar' AND term = 'no calienta';

-- Stop 32 (kb32, bench/quality/STEAL-32.md): a boiler that climbs to 3 bar when hot is the rising-pressure job, which
-- had no article when this example was written for the losing-pressure one; it moved to caldera-presion-sube in
-- its own words (seed-jobs-31.sql). A boiler whose story has both (rises, lets water out, then falls) is asked about
-- (seed-ask-between.sql).
DELETE FROM kb_examples
WHERE source = 'seed' AND (article_slug, question) IN (('caldera-pierde-presion', 'la caldera sube a 3 bar cuando calienta y luego baja'));

-- Stop 34 (bench/quality/ASK-34.md, "Neighbour rows"): confident wrong answers on the tuning sets between two articles
-- with no row, each a rule of the trade in its general words (never a set's question). The note names the neighbour,
-- so the pair is also asked between when close (kb_is_neighbour_pair, ask_neighbour_ratio). Each row was measured on
-- every labelled tuning set at ask_ratio 0.85 and 0.80 and kept only where it moved a wrong answer and broke no right
-- one; the rows tried and dropped are listed in ASK-34.md.
-- A single-lever tap's cartridge is its own job (cambiar el cartucho), not the hot and cold crossing in the network.
SELECT kb_seed_exclusions('cruce-agua-fria-caliente', ARRAY['cartucho'],
    'cambiar el cartucho del grifo: grifo-monomando-cartucho');
-- The pull-out kitchen tap's article repairs its hose and spray; installing a tap or mixer is its own job.
SELECT kb_seed_exclusions('grifo-cocina-extraible', ARRAY['instalar', 'un solo agujero'],
    'instalar un grifo o una mezcladora: grifo-instalar-nuevo');
-- A solar heater is cleaned its own way (its collector and tank), not as an electric or gas storage heater is flushed.
SELECT kb_seed_exclusions('termo-vaciado-sedimentos',
    ARRAY['calentador solar', 'terma solar', 'boiler solar', 'termotanque solar', 'colector solar', 'tubos de vacio'],
    'el calentador solar se limpia a su manera: calentador-solar');
-- A pipe the frost already burst is the frozen pipes' job (thawing, repair, then protection), not closing a house.
SELECT kb_seed_exclusions('vaciar-instalacion-invierno', ARRAY['revento', 'reventada', 'reventado', 'se partio'],
    'un tubo ya reventado por la helada: tuberias-congeladas');
-- A rooftop tank is installed with its own article (height, base, connections), not as an electric water heater.
SELECT kb_seed_exclusions('termo-electrico-instalar', ARRAY['tinaco', 'tanque elevado'],
    'el tinaco o tanque elevado: tinaco-instalar-altura');
-- Which insulation and how thick is the insulation article's job; thawing a frozen pipe is not.
SELECT kb_seed_exclusions('tuberias-congeladas', ARRAY['coquilla', 'espesor'],
    'elegir y poner la coquilla: aislar-tuberias-coquilla');
-- Charging the pressure tank's air is its own article (precarga), not the pump's short cycling in general.
SELECT kb_seed_exclusions('bomba-ciclos-cortos', ARRAY['cargar aire', 'meter aire', 'precarga'],
    'cargar el aire del tanque hidroneumático: hidroneumatico-precarga');

-- ---------------------------------------------------------------------------------------------------------
-- Stop 36 (bench/quality/LAY-36.md; tuning set eval/dev-lay-12.jsonl): what a customer says, relayed by the plumber —
-- sensations and moments, not parts. Example questions in those words (none copies a tuning question; each article
-- stays within six), and a "not this article if…" row; each kept only where no labelled tuning set answered wrong
-- more often (bench/quality/ask_back.py, steal_moves.py).
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_examples('golpe-de-ariete', ARRAY['cuando la lavadora o un grifo cierran de golpe se oye un porrazo en la pared']);
SELECT kb_seed_examples('descalcificador-mantenimiento', ARRAY['el agua deja manchas blancas y cal en la mampara y en la grifería']);
-- Rotten eggs from the hot water is the heater's anode; from a sewer or with the rain it is the sewer's air
-- (not "desagüe": "no el desagüe ni la fría" names the drain to rule it out, dev-regional-4 r4-es-15; not "patio":
-- a gas heater taken out to the yard to change its anode, safety-7 s7-058).
SELECT kb_seed_exclusions('termo-anodo-olor', ARRAY['llueve', 'lluvia', 'sumidero', 'cloaca',
                                                    'alcantarilla'],
    'a smell from the drains or the sewer, not the water heater''s: ventilacion-gorgoteo');
-- Stop 37 (bench/quality/SEASONS-37.md, dev-seasons-13): a heater that does not start or leaks in a country house is
-- that heater's job, not closing the house for the winter (its keywords "casa de campo", "cabaña" took them).
SELECT kb_seed_exclusions('vaciar-instalacion-invierno', ARRAY['no arranca', 'no enciende', 'no calienta', 'no prende',
                                                               'gotea', 'enchufe'],
    'a heater or pump that does not start, or leaks: termo-electrico-no-calienta, termo-pierde-por-abajo, '
    'bomba-no-arranca-zumba');
-- Stop 38 (bench/quality/JUDGE-38.md, dev-judge-14): a plumber judging someone else's work names what is wrong with it.
-- A flue taped or loose is the flue's job, not the tank heater's yearly service (dj14-004); a heater fitted without
-- its relief valve is the valve's (dj14-001 answered the installation article).
SELECT kb_seed_examples('calentador-gas-conducto-humos', ARRAY['el tubo de salida de humos del calentador está flojo, mal empalmado o sujeto con cinta']);
SELECT kb_seed_examples('termo-valvula-seguridad', ARRAY['me encuentro un termo montado sin válvula de seguridad en la entrada de agua fría, ¿es obligatoria?']);
-- A gas heater in a room without a vent grille or ventilation is the ventilation's job first, whatever its flame does
-- (dj14-026: "la llama sale amarilla y el baño no tiene rejilla" answered the pilot article).
SELECT kb_seed_exclusions('calentador-gas-piloto', ARRAY['rejilla', 'ventilacion'],
    'a gas appliance without a grille or ventilation: gas-rejillas-ventilacion');
-- Stop 39 (bench/quality/BUILDINGS-39.md, dev-buildings-15): a kind of building whose question is about something
-- else. The building's words ("casa cerrada meses", "casa antigua con galvanizado", "el vecino de arriba", "casa de
-- campo sin usar el invierno") belong to an article of their own; when the message names another part's fault or
-- another job, that job's article comes first.
-- A house back in use whose heater or pump does not start, whose stopcock does not close, whose old galvanised pipe
-- or whose heater's temperature is asked: that job, not putting the house back into service. (Not "huele a gas":
-- measured, it took the reopening article out of the cases of dev-jobs-11 dj11-055, which then answered the gas hose
-- article instead of asking.)
SELECT kb_seed_exclusions('reabrir-instalacion-cerrada', ARRAY['no arranca', 'no enciende', 'no calienta', 'no prende',
                                                               'no cierra', 'galvanizado', 'temperatura'],
    'another job in a house back in use: bomba-no-arranca-zumba, termo-electrico-no-calienta, llave-paso-no-cierra, '
    'tuberia-galvanizada-vieja, termo-temperatura-legionela');
-- Old pipes: galvanised named is not lead. (Measured and dropped, for joining a plastic pipe to old galvanised:
-- "not the galvanised article if unir / empalmar" and "not the dielectric union if PPR, PVC, multicapa…" each
-- answered a joining question with the other metal article or took both out of the cases — dev-facts-2 df2-079
-- wrong, dev-regional-3 r3-es-6 lost its right case; an example for transicion-materiales in those words made two
-- questions of choosing a pipe ask instead of answering, tuning-regional mat-es-3 and dev-speech sp-es-11.)
SELECT kb_seed_exclusions('tuberia-plomo', ARRAY['galvanizado'],
    'the plumber says the pipe is galvanised: tuberia-galvanizada-vieja');
-- A neighbour above whose bath makes my basin gurgle is the drain's air, not a damp patch on the ceiling. (An
-- example for ventilacion-gorgoteo in those words was measured and dropped: it moved that article's score for
-- every drain question, dev-facts-1 df-081 right -> asked, dev-regional-3 r3-pe-2 asked -> wrong.)
SELECT kb_seed_exclusions('humedad-techo-vecino', ARRAY['gorgotea', 'gorgoteo'],
    'gurgling drains in a block: ventilacion-gorgoteo');
-- Too much pressure in a flat is the reducer's job, not what pressure to have and how to measure it.
SELECT kb_seed_exclusions('presion-agua-medir', ARRAY['demasiada'], 'too much pressure: reductor-presion');
-- The meter running with every tap closed, said as "corre" (Spain), is the meter test; a house closed for the
-- winter whose meter runs on reopening is that test, not closing the house.
SELECT kb_seed_synonym('correr el contador', 'el contador gira', 'España: oigo correr el contador = gira');
SELECT kb_seed_synonym('el contador corre', 'el contador gira', 'España: el contador corre = gira');
SELECT kb_seed_exclusions('vaciar-instalacion-invierno', ARRAY['contador'],
    'the meter turning with everything closed: fuga-prueba-contador');
