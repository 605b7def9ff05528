-- Remedios knowledge base: pairs of articles to ask between (table kb_ask_between, schema.sql; the rule in
-- answer.sql, kb_choices). Two jobs of the trade that the plumber's words alone cannot tell apart: the same symptom
-- has either cause, and only the plumber, looking at the installation, can say which. When the search's best two
-- articles are such a pair and the second is close enough (kb_settings 'ask_pair_ratio'), the chat asks "¿a cuál
-- de estos casos se parece lo tuyo?" with the two titles instead of answering with the first.
-- Applied after the article seeds, on every start; idempotent. A pair staff switched off (active = false) or edited
-- stays as staff left it. Each row was kept only where it measured right on the tuning sets (bench/quality/
-- NEIGHBOURS.md, "Stop 28": three more candidate pairs were measured there and not kept).

-- A pump that starts and stops every few seconds ("prende y apaga a cada rato") is the symptom of both: the pump's
-- pressure switch (bomba-ciclos-cortos) or the pressure tank that lost its air (hidroneumatico-precarga, the most
-- common cause). Asked only when the pump's article comes first: when the tank's article comes first the plumber
-- named the tank or its air ("cuánto aire le pongo al tanque"), and it answers.
SELECT kb_seed_ask_between('bomba-ciclos-cortos', 'hidroneumatico-precarga',
    'prende y apaga a cada rato: el presostato de la bomba o el tanque hidroneumático sin aire', true);

-- Stop 32 (kb32, bench/quality/STEAL-32.md): a heating boiler whose gauge climbs to about 3 bar and whose safety
-- valve then lets water out, after which the pressure falls and has to be topped up, is one story told from either
-- end: the expansion vessel without air or the filling valve letting water in (caldera-presion-sube) or a boiler
-- that loses pressure (caldera-pierde-presion). The plumber's words often say both (sube… tira agua… luego baja);
-- reading the gauge cold and hot tells which. Asked only when the losing-pressure article comes first (the symptom
-- the plumber sees, the tank-side cause hidden); when the rising-pressure article comes first he named it, and it answers.
SELECT kb_seed_ask_between('caldera-pierde-presion', 'caldera-presion-sube',
    'sube a 3 bar, suelta agua por la válvula y luego baja: una pérdida, o el vaso de expansión o la llave de llenado; mirar el manómetro en frío y en caliente', true);
