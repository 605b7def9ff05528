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
