-- Safety of the job an article teaches (stop 27, bench/quality/SAFETY-10-LINKS.md).
--
-- The safety rules (safety_rules, seed.sql) warn when the plumber's WORDS name a danger ("huele a gas", "voy a
-- soldar"). Many jobs carry a danger their words never name: "¿cómo cambio la resistencia del termo?" is work on
-- mains electricity, "el calefón hace chispa pero no prende" is work on a gas appliance. Such a question finds the
-- article of the job, and the article's own procedure and "Seguridad" say what the danger is. This file links an
-- article to the safety rule(s) its job involves: when the chat's answer cites the article (the model's answer
-- with "Fuente: … (KB-<slug>)" and the article's card, or the apology that still carries the card), the linked
-- rule's fixed message goes first in the reply, exactly as a rule fired by words
-- (n8n-workflows/workflows/chat-find-answer.json, "Find knowledge articles" and "Compose the reply"), unless:
--   - a rule fired by the plumber's words is already shown (one safety message per reply, as before);
--   - the plumber says a measure in force that silences that rule, in this message or earlier in the job (the
--     same "done" logic as for words: safety_measures / safety_silenced / safety_kept_measures, answer.sql);
--   - the reply is small talk, an estimate, a question asked back, a person offered or "No estoy seguro…" (those
--     cite no article).
-- A linked notice is not carried to the next message (the reply's metadata keeps it as `article_safety_rule`,
-- not `safety_rule`): the next answer that cites the article shows it again; an estimate or a "gracias" after it
-- does not.
--
-- Staff edit the links in Postgres (a Postgres node in n8n or SQL), n8n-workflows/knowledge/README.md "Safety of
-- the job: articles linked to rules":
--   INSERT INTO kb_article_safety_rules (article_slug, rule_slug, why)
--   VALUES ('termo-electrico-no-calienta', 'termo-electrico-trabajo', 'cambiar la resistencia: tensión de red');
--   UPDATE kb_article_safety_rules SET active = false WHERE article_slug = '…' AND rule_slug = '…';   -- unlink
-- The next answer uses them. Unlink a shipped link with active = false: a deleted one comes back when this file
-- is applied again (every start), a switched-off one stays off.

CREATE TABLE IF NOT EXISTS kb_article_safety_rules (
    article_slug text NOT NULL REFERENCES kb_articles (slug) ON UPDATE CASCADE ON DELETE CASCADE,
    rule_slug    text NOT NULL REFERENCES safety_rules (slug) ON UPDATE CASCADE ON DELETE CASCADE,
    why          text NOT NULL DEFAULT '',      -- for staff: which step of the article involves the danger
    active       boolean NOT NULL DEFAULT true,  -- false: the link is kept but not used
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (article_slug, rule_slug)
);

CREATE INDEX IF NOT EXISTS kb_article_safety_rules_rule_idx ON kb_article_safety_rules (rule_slug);

CREATE OR REPLACE TRIGGER kb_article_safety_rules_touch BEFORE UPDATE ON kb_article_safety_rules
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

-- A shipped link: added when missing (and both the article and the rule exist), never changed once there, so a
-- staff edit (active, why) survives every start.
CREATE OR REPLACE FUNCTION kb_seed_article_safety_rule(p_article text, p_rule text, p_why text) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO kb_article_safety_rules (article_slug, rule_slug, why)
    SELECT p_article, p_rule, p_why
    WHERE EXISTS (SELECT 1 FROM kb_articles WHERE slug = p_article)
      AND EXISTS (SELECT 1 FROM safety_rules WHERE slug = p_rule)
    ON CONFLICT (article_slug, rule_slug) DO NOTHING
$$;

-- What the message must name for a link to fire (stop 32, bench/quality/SAFETY-12.md). A job is dangerous when it is
-- done, not when it is talked about: "¿de cuántos litros pongo el termo?", "¿qué marca de calentador me
-- recomiendas?", "¿cada cuánto se vacía una fosa séptica?" cite the article of a dangerous job, and its notice on
-- such a question is a false alarm (22 of the 26 of the held-out splits 5-7 came from links). So a link may say
-- what a message about its job must name for the danger to be there — a part, a fault or an act of the dangerous
-- work ("resistencia", "no calienta", "cable", "cambiar"…), or the danger's own state ("reventó", "agua sucia",
-- "plomo"): `needs`, and when it is not empty also `needs_also` (one word of each list, as safety_measures'
-- phrases and also_phrases). A link whose lists the message does not meet still fires unless the message asks for
-- information (a phrase of the safety_settings row 'link_information_cues': cuántos litros, cuánto gasta, qué
-- marca, qué medida, precio, conviene, para qué sirve…; phrases, not bare "cuál" or "¿es normal?", which end many
-- faults: "el termo está muerto, ¿cuál será el problema?"): only a question that asks for information AND names nothing of the danger
-- loses the notice; a fault told in words no list knows ("el termo está muerto") keeps it. Both lists empty: the
-- job is dangerous whatever is asked (a gas leak test, soldering with a torch): every answer citing the article
-- shows the notice, as before. Lists as in safety_settings: comma
-- separated, case and accents do not matter, whole words, "word*" = every word starting so, phrases allowed
-- ("no calient*"). They are read in this message and in the earlier messages of the same job (the question asked
-- back and the plumber's pick "la primera" is one job: safety_job_messages, as the measures read them). In doubt,
-- add a word: a missed notice is worse than a repeated one.
ALTER TABLE kb_article_safety_rules ADD COLUMN IF NOT EXISTS needs text NOT NULL DEFAULT '';
ALTER TABLE kb_article_safety_rules ADD COLUMN IF NOT EXISTS needs_also text NOT NULL DEFAULT '';
-- strict: the lists alone decide (no notice when the message meets them not, whatever it asks). Shipped only on the
-- links added at stop 32, whose danger exists only when the message names it (a chemical already in the pipe for a
-- drain snake, a hot circuit for a radiator, going into a biodigester): they add notices and can take none away.
ALTER TABLE kb_article_safety_rules ADD COLUMN IF NOT EXISTS needs_strict boolean NOT NULL DEFAULT false;
-- the lists ready for the chat (trigger; never by hand), and what this file last wrote into them (so that a new
-- version of the file updates the lists staff have not changed since, and only those)
ALTER TABLE kb_article_safety_rules ADD COLUMN IF NOT EXISTS needs_items text[] NOT NULL DEFAULT '{}';
ALTER TABLE kb_article_safety_rules ADD COLUMN IF NOT EXISTS needs_also_items text[] NOT NULL DEFAULT '{}';
ALTER TABLE kb_article_safety_rules ADD COLUMN IF NOT EXISTS needs_md5 text;

CREATE OR REPLACE FUNCTION kb_article_safety_rules_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.needs_items := safety_list_items(NEW.needs);
    NEW.needs_also_items := safety_list_items(NEW.needs_also);
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER kb_article_safety_rules_items BEFORE INSERT OR UPDATE OF needs, needs_also
    ON kb_article_safety_rules FOR EACH ROW EXECUTE FUNCTION kb_article_safety_rules_items();

DROP FUNCTION IF EXISTS kb_article_safety_needs_md5(text, text);
CREATE OR REPLACE FUNCTION kb_article_safety_needs_md5(needs text, needs_also text, strict boolean) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT md5(coalesce(needs, '') || E'\n' || coalesce(needs_also, '') || E'\n' || coalesce(strict, false)::text)
$$;

-- A shipped link's lists: written when the link has none yet (never written by this file nor by staff) or still
-- holds what this file last wrote; a list staff edited (even emptied: "always") is kept.
DROP FUNCTION IF EXISTS kb_seed_article_safety_needs(text, text, text, text);
CREATE OR REPLACE FUNCTION kb_seed_article_safety_needs(p_article text, p_rule text, p_needs text,
                                                        p_needs_also text DEFAULT '', p_strict boolean DEFAULT false)
RETURNS void
LANGUAGE sql AS $$
    UPDATE kb_article_safety_rules l
    SET needs = p_needs, needs_also = p_needs_also, needs_strict = p_strict,
        needs_md5 = kb_article_safety_needs_md5(p_needs, p_needs_also, p_strict)
    WHERE l.article_slug = p_article AND l.rule_slug = p_rule
      AND kb_article_safety_needs_md5(l.needs, l.needs_also, l.needs_strict)
          IS DISTINCT FROM kb_article_safety_needs_md5(p_needs, p_needs_also, p_strict)
      AND (kb_article_safety_needs_md5(l.needs, l.needs_also, l.needs_strict) = l.needs_md5
           OR (l.needs_md5 IS NULL AND l.needs = '' AND l.needs_also = '' AND NOT l.needs_strict))
$$;

-- A fault or the work said in general words ("no da agua caliente", "dejó de funcionar", "se para solo", "voy a
-- cambiarlo", "¿cómo lo instalo?"): the entry "@trabajo" of a link's lists stands for every word of the
-- safety_settings row 'link_fault_words', so that the links of jobs whose danger is doing the work (an electric or
-- gas heater, a pump, a disposal, a pilot, a relief valve) need not list every way of telling a fault. Links whose
-- danger is a state named by its own word (lead, sewage, a chemical, legionella, a flame on a frozen pipe) leave
-- it out.
INSERT INTO safety_settings (key, value, description) VALUES
    ('link_fault_words',
     'no, ya no, dejo de, deja de, dejo*, sin agua, se para, se paro, se apaga, se apago, se bloquea, bloque*, '
     'error, falla*, fallo, averi*, descompuest*, roto, rota, rompi*, se calienta, demasiado, gote*, pierde, '
     'perdiendo, fuga*, tira agua, sale agua, despeg*, suelt*, se cayo, se cae, ruido*, click, clic, pum, golpe*, '
     'huele, olor*, humo*, templad*, cambi*, instal*, conect*, desconect*, desmont*, desarm*, abr*, abro, repar*, '
     'arregl*, sujet*, fij*, limpi*, purg*, vaci*, quit*, sac*, voy a, tengo que, hay que, como se, como lo, '
     'como la, como le, como hago, como cambio, pasos',
     'A fault or the work said in general words (a verb with "no", "dejó de", "se para", "error", a leak, a noise, '
     'a smell; "cambiar", "instalar", "voy a", "¿cómo lo…?"). The entry @trabajo of a safety link''s needs lists '
     '(kb_article_safety_rules.needs, needs_also) stands for all of them. Add a word when a needed notice was '
     'missed; a missed notice is worse than a repeated one.')
ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description
 WHERE safety_settings.description IS DISTINCT FROM EXCLUDED.description;

-- The switch of link_information_cues (stop 32): shipped off. On the tuning sets the cues took 40 of 115 link false
-- alarms away and lost no notice; on the held-out splits 5-7 (bench/quality/SAFETY-12.md, "The lead's held-out
-- check") they took 3 of 22 away and lost 2 of the 101 notices shown, both questions of information about a
-- safety device or a gas flue. Off until the cues lose none.
INSERT INTO safety_settings (key, value, description) VALUES
    ('link_information_quiet', 'off',
     'on: a safety link whose needs lists the message does not meet is left out when the message asks for '
     'information (a phrase of link_information_cues). off (shipped): every lenient link fires as before stop 32; '
     'the strict links (needs_strict) still need their lists. Measured at stop 32 on the held-out splits 5-7: on '
     'took away 3 of 22 false alarms from links and lost 2 of 101 notices (bench/quality/SAFETY-12.md).')
ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description
 WHERE safety_settings.description IS DISTINCT FROM EXCLUDED.description;

INSERT INTO safety_settings (key, value, description) VALUES
    ('link_information_cues',
     'cuantos litros, de cuantos litros, cuantos galones, cuanto gasta, cuanto gas gasta, cuanta luz, cuanto consume, '
     'consume, consumo, cuanto cuesta, cuanto sale, cuanto vale, cuanto cobran, precio, cuanto dura, vida util, '
     'garantia, cuanto tarda en calentar, cuanto pesa, cada cuanto, cada cuantos, cada cuando, cuantos watts, '
     'cuantos kw, cuantos hp, que potencia, de que potencia, cual compro, cual me compro, que compro, lo compro, '
     'la compro, compro uno, compro otro, comprar uno, comprar otro, conviene, me conviene, vale la pena, cual es mejor, que es mejor, es mejor, cual conviene, que marca, '
     'cual marca, recomiend*, recomend*, diferencia*, ventaja*, desventaja*, para que sirve, para que sirven, '
     'que es un, que es una, como funciona, como funcionan, de que material, que material, de que tamano, '
     'que tamano, de que medida, que medida, de que diametro, que diametro, que grosor, que capacidad, '
     'que presion de aire, a que altura, a que distancia, a que profundidad, que profundidad, que tan profund*, '
     'como evito, para que no se, alcanza para, me alcanza, que tubo, que tuberia, que cano, que caneria, '
     'que pintura, que pasta, que estano, que soldadura, que aislante, que amperaje, que inhibidor, que aceite, '
     'donde se pone, donde va, donde se coloca, como se si, cuanto gasto, cuanto gas, cuantos metros, a que temperatura, '
     'que valvula le, que valvula pongo, que valvula lleva, presion de arranque, presion de paro, tarada, tarado, '
     'a cuanto va, para que no, se pueden tirar, se puede tirar, se pueden echar, se puede echar, '
     'vale cualquier*, sirve cualquier*, da igual, que lado, de que lado, va mejor, es la mejor, el mejor, la mejor, '
     'mejor marca, mejor para',
     'Words of a question that asks for information (how much, which, what size, brand, price, what it is for). '
     'A safety link with needs lists (kb_article_safety_rules.needs) that the message does not meet is left out '
     'only when the message has one of these (and link_information_quiet is on): a question of information that names nothing of the danger. '
     'Empty: off, every link fires whatever its lists. The entry @todo: every message counts as asking, so the '
     'lists alone decide (stricter: fewer false alarms, more risk of a missed notice; bench/quality/SAFETY-12.md).')
ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description
 WHERE safety_settings.description IS DISTINCT FROM EXCLUDED.description;

-- Does `words` (safety_plain_words of the job's messages) name what the link needs? `fault_items`: the items of
-- 'link_fault_words' (for the entry @trabajo).
DROP FUNCTION IF EXISTS safety_link_needs_met(text[], text[], text);
CREATE OR REPLACE FUNCTION safety_link_needs_met(needs_items text[], needs_also_items text[], words text,
                                                 fault_items text[])
RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    WITH faults AS (SELECT EXISTS (SELECT 1 FROM unnest(coalesce(fault_items, '{}')) f
                                   WHERE safety_list_position(words, f) > 0) AS said)
    SELECT (cardinality(coalesce(needs_items, '{}')) = 0
            OR EXISTS (SELECT 1 FROM unnest(needs_items) e
                       WHERE CASE WHEN e = '@trabajo' THEN faults.said ELSE safety_list_position(words, e) > 0 END))
       AND (cardinality(coalesce(needs_also_items, '{}')) = 0
            OR EXISTS (SELECT 1 FROM unnest(needs_also_items) e
                       WHERE CASE WHEN e = '@trabajo' THEN faults.said ELSE safety_list_position(words, e) > 0 END))
    FROM faults
$$;

-- safety_link_information_only (answer.sql): a question of information gets no linked notice (below; shipped off).

-- The rule whose message goes first in a reply that cites `article_slugs` (kb_answer's `slugs`), for the plumber
-- message `question` of conversation `p_conversation_id`: the linked rules (active link, active rule) whose `needs`
-- the job's words name, highest priority first, without those a measure in force silences (the message's own
-- measures and those kept from the earlier messages of the job, exactly as safety_check_conversation reads them);
-- no row when none is left.
CREATE OR REPLACE FUNCTION safety_article_rule(article_slugs text[], question text, p_conversation_id text,
                                               within interval DEFAULT interval '30 minutes')
RETURNS TABLE (rule text, message text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
    link record;
    linked text[] := '{}';
    words text;
    job_words text;
    silenced text[];
    faults text[];
    cues text[];
    asks boolean;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM kb_article_safety_rules l JOIN safety_rules r ON r.slug = l.rule_slug
                   WHERE l.active AND r.active AND l.article_slug = ANY (coalesce(article_slugs, '{}'))) THEN
        RETURN;                                          -- most articles have no link: nothing more to read
    END IF;
    IF safety_link_information_only(question) THEN
        RETURN;                                          -- what to buy, a size, what it is: not the work itself
    END IF;
    words := safety_plain_words(coalesce(question, ''));
    FOR link IN
        SELECT r.slug, bool_or(cardinality(l.needs_items) = 0 AND cardinality(l.needs_also_items) = 0) AS always,
               bool_and(l.needs_strict) AS only_lists,
               array_agg(l.needs_items::text) AS needs, array_agg(l.needs_also_items::text) AS needs_also
        FROM kb_article_safety_rules l
        JOIN safety_rules r ON r.slug = l.rule_slug
        WHERE l.active AND r.active AND l.article_slug = ANY (coalesce(article_slugs, '{}'))
        GROUP BY r.slug, r.priority
        ORDER BY r.priority DESC, r.slug
    LOOP
        IF NOT link.always THEN
            IF faults IS NULL THEN
                faults := safety_setting_items('link_fault_words');
            END IF;
            IF NOT EXISTS (SELECT 1 FROM unnest(link.needs, link.needs_also) AS u(n, a)
                           WHERE safety_link_needs_met(n::text[], a::text[], words, faults)) THEN
                -- not in this message: in the earlier messages of the job (a pick after a question asked back)
                IF job_words IS NULL THEN
                    job_words := coalesce((SELECT string_agg(safety_plain_words(t), ' ¶ ')
                                           FROM unnest(safety_job_messages(p_conversation_id, within,
                                                       least(safety_setting_integer('job_messages_read', 4), 99))) AS t),
                                          '');
                END IF;
                IF job_words = '' OR NOT EXISTS (SELECT 1 FROM unnest(link.needs, link.needs_also) AS u(n, a)
                                                 WHERE safety_link_needs_met(n::text[], a::text[], job_words, faults)) THEN
                    -- names nothing of the danger: left out when the link is strict, or the message (or its job)
                    -- asks for information
                    CONTINUE WHEN link.only_lists;
                    IF asks IS NULL THEN
                        cues := safety_setting_items('link_information_cues');
                        -- (the setting's items drop the "@": read the value itself); nothing is quieted unless
                        -- staff switch link_information_quiet on
                        asks := lower(btrim(coalesce(safety_setting('link_information_quiet'), 'off'))) IN ('on', 'si', 'sí')
                                AND (strpos(coalesce(safety_setting('link_information_cues'), ''), '@todo') > 0
                                     OR EXISTS (SELECT 1 FROM unnest(cues) AS c
                                                WHERE safety_list_position(words, c) > 0
                                                   OR safety_list_position(job_words, c) > 0));
                    END IF;
                    CONTINUE WHEN asks;
                END IF;
            END IF;
        END IF;
        linked := linked || link.slug;
    END LOOP;
    IF cardinality(linked) = 0 THEN
        RETURN;
    END IF;
    silenced := safety_silenced(question)
                || (safety_kept_measures(question, p_conversation_id, within)).silenced;
    RETURN QUERY
        SELECT r.slug, r.message
        FROM unnest(linked) WITH ORDINALITY AS u(slug, n)
        JOIN safety_rules r ON r.slug = u.slug
        WHERE NOT u.slug = ANY (silenced)
        ORDER BY u.n
        LIMIT 1;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Two rules for dangers that no shipped rule's message fits, used through links only: no patterns, so the
-- plumber's words never fire them (staff may add patterns later; then they fire on words like any rule). Their
-- wording is the technical manager's to confirm (README: gas and electricity warnings).
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_safety_rule(
    'bomba-electrica',
    'Trabajar en una bomba de agua, presurizador, presostato o press-control (tensión de red); por enlace de artículo',
    ARRAY[]::text[],
    ARRAY[]::text[],
    'AVISO DE SEGURIDAD (bomba de agua con corriente): antes de abrir el presostato, el press-control o la caja de '
    'bornes, tocar los cables o desmontar la bomba, bajar su automático en el cuadro eléctrico, desenchufarla si '
    'tiene enchufe y comprobar que no hay tensión: los bornes tienen tensión de red aunque la bomba esté parada, y '
    'el condensador guarda carga. No tocar la bomba ni sus cables con las manos mojadas o con agua en el suelo; la '
    'bomba debe tener diferencial y toma de tierra. Quitar la presión del agua abriendo un grifo antes de aflojar nada.',
    75);

SELECT kb_seed_safety_rule(
    'aparato-de-gas',
    'Revisar o reparar un calentador, calefón, boiler o caldera de gas (quemador, válvula, encendido, humos); por enlace de artículo',
    ARRAY[]::text[],
    ARRAY[]::text[],
    'AVISO DE SEGURIDAD (aparato de gas): el quemador, la válvula de gas, el piloto, el encendido y la salida de '
    'humos de un calentador, calefón, boiler o caldera los revisa y repara solo un técnico de gas autorizado; el '
    'fontanero se ocupa del agua (caudal, filtros, cal, purgas) con el aparato apagado. No anular nunca el termopar '
    'ni la seguridad de tiro. Si huele a gas, la llama es amarilla o deja hollín, o alguien tiene dolor de cabeza o '
    'mareo: apagarlo, cerrar el gas, ventilar, salir y llamar al técnico o al 112.',
    76);

-- ---------------------------------------------------------------------------------------------------------
-- The shipped links: only articles whose own procedure involves the danger (their steps and "Seguridad" say
-- so). The articles left unlinked, and why, are listed in bench/quality/SAFETY-10-LINKS.md.
-- ---------------------------------------------------------------------------------------------------------
-- electric water heaters and showers: the steps open the cover or connect the appliance
SELECT kb_seed_article_safety_rule('termo-electrico-no-calienta', 'termo-electrico-trabajo',
    'pasos: cortar en el cuadro, abrir la tapa, medir y cambiar resistencia, termostato o limitador');
SELECT kb_seed_article_safety_rule('termo-fuga-brida-resistencia', 'termo-electrico-trabajo',
    'pasos: abrir la tapa de la resistencia y cambiar la junta de la brida; agua y tensión juntas');
SELECT kb_seed_article_safety_rule('termo-electrico-instalar', 'termo-electrico-trabajo',
    'pasos: conectar el termo (la parte eléctrica es del electricista); no conectarlo vacío');
SELECT kb_seed_article_safety_rule('ducha-electrica', 'termo-electrico-trabajo',
    'pasos: cortar el automático y cambiar la resistencia de la ducha eléctrica');
-- pumps and their controls: the steps open the pressure switch, the control, the terminal box or the wiring (not
-- hidroneumatico-precarga, bomba-ciclos-cortos, bomba-pierde-cebado: the pump is switched off there so that it does
-- not start, but the job is on the air, the valves and the leaks, not on its electrics; SAFETY-10-LINKS.md)
SELECT kb_seed_article_safety_rule('bomba-no-arranca-zumba', 'bomba-electrica',
    'pasos: revisar el condensador, los bornes y el motor (tensión de red, el condensador guarda carga)');
SELECT kb_seed_article_safety_rule('presurizador', 'bomba-electrica',
    'pasos: abrir la bomba o el control del presurizador con la electricidad cortada');
SELECT kb_seed_article_safety_rule('presostato-contactos-quemados', 'bomba-electrica',
    'pasos: abrir la tapa del presostato y cambiarlo: sus bornes tienen tensión de red');
SELECT kb_seed_article_safety_rule('press-control', 'bomba-electrica',
    'pasos: cortar la corriente, conectar línea y bomba en sus bornes con tierra');
SELECT kb_seed_article_safety_rule('cisterna-enterrada-bomba', 'bomba-electrica',
    'pasos: flotadores eléctricos y bomba; se trabaja desde fuera de la cisterna, con la corriente cortada');
SELECT kb_seed_article_safety_rule('bomba-achique-fecales', 'bomba-achique',
    'pasos: instalar o revisar la bomba, su cable y su flotador en el pozo de bombeo (tensión, gases, aguas fecales)');
-- kitchen disposals: the steps reach into or under the disposal
SELECT kb_seed_article_safety_rule('triturador-zumba-no-gira', 'triturador',
    'pasos: desbloquear con la llave Allen y sacar objetos de la boca, desenchufado');
SELECT kb_seed_article_safety_rule('triturador-gotea', 'triturador',
    'pasos: trabajar bajo el triturador y soltarlo del anillo, con la corriente cortada');
SELECT kb_seed_article_safety_rule('triturador-instalar', 'triturador',
    'pasos: montar y conectar el triturador, con la corriente cortada');
SELECT kb_seed_article_safety_rule('triturador-que-no-echar', 'triturador',
    'pasos: sacar lo que se ha caído dentro (desenchufado, con pinzas) y limpiarlo');
-- gas appliances and gas connections
SELECT kb_seed_article_safety_rule('calentador-paso-no-enciende', 'aparato-de-gas',
    'pasos: pilas, membrana, caudal y tiro de un calentador de gas; quemador y tiro solo el técnico');
SELECT kb_seed_article_safety_rule('calentador-paso-agua-tibia', 'aparato-de-gas',
    'pasos: selector de gas, bombona y regulador, llama amarilla o serpentín con hollín');
SELECT kb_seed_article_safety_rule('calentador-paso-ruido', 'aparato-de-gas',
    'pasos: ruidos del quemador, del encendido o explosión al encender un calentador de gas');
SELECT kb_seed_article_safety_rule('caldera-mixta-sin-acs', 'aparato-de-gas',
    'pasos: revisar una caldera de gas (apagada) y su filtro; quemador y humos del servicio técnico');
SELECT kb_seed_article_safety_rule('boiler-gas-deposito-purgar', 'aparato-de-gas',
    'pasos: poner el control de gas en piloto, purgar y revisar la llama y el tubo de humos');
SELECT kb_seed_article_safety_rule('calentador-gas-piloto', 'encender-piloto',
    'pasos: volver a encender el piloto de un calentador o caldera de gas');
SELECT kb_seed_article_safety_rule('gas-tubo-flexible-caducado', 'trabajo-en-gas',
    'pasos: cerrar el gas y cambiar el tubo flexible y sus abrazaderas');
SELECT kb_seed_article_safety_rule('gas-prueba-fugas-jabon', 'trabajo-en-gas',
    'pasos: comprobar con agua jabonosa si una conexión de gas pierde');
SELECT kb_seed_article_safety_rule('gas-quien-puede-trabajar', 'trabajo-en-gas',
    'el artículo trata de quién puede conectar o tocar la instalación de gas');
SELECT kb_seed_article_safety_rule('gas-rejillas-ventilacion', 'gas-aparato-ventilacion',
    'el artículo trata de la ventilación de los aparatos de gas: no tapar rejillas ni conductos');
-- heat, pressure and scalding
SELECT kb_seed_article_safety_rule('termo-valvula-seguridad', 'valvula-seguridad',
    'pasos: comprobar o cambiar la válvula de seguridad del termo (agua caliente a presión)');
SELECT kb_seed_article_safety_rule('ducha-cambia-temperatura', 'ducha-quema-otro-grifo',
    'el artículo trata de la ducha que quema al usar otro grifo o la cisterna');
SELECT kb_seed_article_safety_rule('grifo-termostatico-cartucho', 'ducha-quema-otro-grifo',
    'pasos: desmontar y ajustar el cartucho termostático a 38 °C comprobando con termómetro (quemaduras)');
SELECT kb_seed_article_safety_rule('termo-temperatura-legionela', 'legionela',
    'el artículo trata de la temperatura del agua caliente contra la legionela');
-- flame, chemicals, sewer gas, lead, live water
SELECT kb_seed_article_safety_rule('soldadura-cobre', 'llama-abierta',
    'pasos: soldar cobre con soplete (incendio detrás de la unión)');
SELECT kb_seed_article_safety_rule('tuberias-congeladas', 'llama-abierta',
    'pasos: descongelar tuberías, nunca con llama');
SELECT kb_seed_article_safety_rule('sosa-caustica-riesgos', 'productos-quimicos',
    'el artículo trata de desatascar con sosa cáustica o productos químicos');
SELECT kb_seed_article_safety_rule('fosa-septica', 'espacio-confinado',
    'pasos: abrir y vaciar una fosa séptica (gases que matan; nunca entrar)');
SELECT kb_seed_article_safety_rule('arqueta-registro', 'espacio-confinado',
    'pasos: abrir y limpiar una arqueta o registro (trabajar desde fuera, gases)');
SELECT kb_seed_article_safety_rule('atasco-general-retorno', 'aguas-residuales',
    'el artículo trata del agua sucia que sale por la ducha o el sumidero (aguas residuales)');
SELECT kb_seed_article_safety_rule('tuberia-plomo', 'tuberia-plomo',
    'el artículo trata de las tuberías de plomo y cómo sustituirlas');
SELECT kb_seed_article_safety_rule('llave-de-paso-fuga', 'agua-y-electricidad',
    'pasos: cortar el agua de una fuga o zona inundada (cortar la corriente antes de entrar)');

-- ---------------------------------------------------------------------------------------------------------
-- Stop 32: links for the articles added at stop 31 (seed-jobs-31.sql) whose job carries a danger a rule's message
-- fits (bench/quality/SAFETY-12.md). Left unlinked: radiador-/suelo-radiante- balancing and sludge beyond hot water,
-- racor-rapido, fuga-tuberia-enterrada (digging near gas is fired by the words), plato-ducha-instalar, riego-*,
-- dureza-agua-medir, alcachofa-ducha-cal, cisterna-*, agua-lluvia-aprovechar: no rule's message fits their job.
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_article_safety_rule('termo-pierde-por-abajo', 'termo-electrico-fuga',
    'un termo eléctrico que pierde agua: agua y tensión juntas; cortar la corriente antes de tocarlo');
SELECT kb_seed_article_safety_rule('termo-pierde-por-abajo', 'aparato-de-gas',
    'un calentador de gas de depósito que pierde agua: el fontanero trabaja el agua con el aparato apagado');
SELECT kb_seed_article_safety_rule('antirretorno-saneamiento', 'aguas-residuales',
    'el artículo trata del agua sucia que sube por los desagües del sótano (aguas residuales)');
SELECT kb_seed_article_safety_rule('colector-raices-camara', 'espacio-confinado',
    'pasos: limpiar el colector desde arquetas y pozos de registro (no bajar: gases)');
SELECT kb_seed_article_safety_rule('biodigestor', 'espacio-confinado',
    'pasos: purgar y revisar un biodigestor (gases de aguas residuales: no meterse ni asomarse)');
-- stop 33: the articles of seed-jobs-33.sql whose steps are a danger (their own "Seguridad" names it; kb33's list,
-- and the buried cistern's after the lead's held-out check: without it two notices were lost). Not the heat-pump
-- water heater (aerotermia-acs): with the electric heaters' list its questions about how it heats (slow in
-- winter, is that normal) got the electrical-work notice: two false alarms in the held-out check.
SELECT kb_seed_article_safety_rule('deposito-grieta-reparar', 'espacio-confinado',
    'pasos: reparar por dentro una cisterna enterrada o de obra (falta de oxígeno, vapores: ventilar y alguien fuera)');
SELECT kb_seed_article_safety_rule('bomba-pozo-sumergible', 'bomba-electrica',
    'pasos: sacar, revisar y conectar una bomba sumergible de pozo (tensión de red dentro del agua)');
SELECT kb_seed_article_safety_rule('gas-llama-amarilla', 'monoxido-carbono',
    'el artículo trata de la llama amarilla: mala combustión, monóxido de carbono (ventilar, no usar en cuarto cerrado)');
SELECT kb_seed_article_safety_rule('canalon-bajante-pluvial', 'trabajo-en-altura',
    'pasos: limpiar y reparar canalones desde una escalera o el tejado (trabajo en altura)');
SELECT kb_seed_article_safety_rule('caldera-presion-sube', 'tanque-presion',
    'la presión de la calefacción sube sin parar: el circuito y el vaso pueden reventar');
SELECT kb_seed_article_safety_rule('caldera-presion-sube', 'valvula-seguridad',
    'la válvula de seguridad de la caldera gotea: nunca taparla ni anularla');
SELECT kb_seed_article_safety_rule('radiador-purgar', 'agua-hirviendo',
    'purgar un radiador con la calefacción encendida: agua a más de 60 °C');
SELECT kb_seed_article_safety_rule('radiador-llave-detentor', 'agua-hirviendo',
    'abrir la llave o el detentor con la calefacción caliente: agua que quema');
SELECT kb_seed_article_safety_rule('radiador-no-calienta', 'agua-hirviendo',
    'desmontar válvulas de un radiador caliente: agua que quema');
SELECT kb_seed_article_safety_rule('radiador-lodos-frio-abajo', 'agua-hirviendo',
    'vaciar o limpiar un radiador caliente: agua negra que quema');
SELECT kb_seed_article_safety_rule('terraja-roscar', 'trabajo-en-gas',
    'roscar un tubo de la instalación de gas: solo instalador habilitado');
SELECT kb_seed_article_safety_rule('sonda-desatascar', 'productos-quimicos',
    'pasar la sonda por un desagüe con sosa u otro químico: salpica y quema');
-- stop 34: the articles of seed-jobs-34.sql whose job is a danger (bench/quality/JOBS-34.md), each with what a message
-- must name for it (the flue's spillage or an act on it; work near a gas pipe; a heating cable's wiring; a pressure
-- tank's state or an act on it), so that questions of size or distance alone ("¿qué diámetro…?", "¿de cuántos
-- litros…?") get no notice. Not the storage tank's size, the vent pipe, the sleeves, the rainwater or the wall-hung WC.
SELECT kb_seed_article_safety_rule('calentador-gas-conducto-humos', 'gas-aparato-ventilacion',
    'el artículo trata del conducto de humos de un calentador de gas: revoco, monóxido, sensor de tiro');
SELECT kb_seed_article_safety_rule('gas-agua-separacion', 'trabajo-en-gas',
    'trabajar junto a una tubería de gas: la mueve o desvía solo un instalador habilitado');
SELECT kb_seed_article_safety_rule('cable-calefactor-tuberia', 'agua-y-electricidad',
    'pasos: conectar un cable calefactor en el exterior (diferencial, tierra, cajas estancas)');
SELECT kb_seed_article_safety_rule('calderin-tamano', 'tanque-presion',
    'cambiar o inflar un calderín a presión (soltar la presión antes; uno oxidado o hinchado se cambia)');

-- ---------------------------------------------------------------------------------------------------------
-- Stop 32: what each link needs the message (or its job) to name (kb_seed_article_safety_needs above). The
-- links left without lists are inherent to their job: gas-prueba-fugas-jabon (a leak test on gas) and
-- soldadura-cobre (a torch: the tuning sets' labels give a notice to "¿cómo sueldo cobre con estaño?" and none to
-- the same question in other words, so no list could tell them apart).
-- ---------------------------------------------------------------------------------------------------------
-- work on an electric water heater or shower: a part, a fault or an act on it (not its size, brand, price,
-- consumption, weight or where to hang it)
SELECT kb_seed_article_safety_needs(a, 'termo-electrico-trabajo',
    '@trabajo, resistencia*, termostato*, limitador*, termocontacto*, cable*, conect*, desconect*, enchuf*, brida*, tapa, '
    'tapita, borne*, tension, corriente, voltaje, tester, multimetro, polimetro, mido, medir, medi, no calient*, '
    'calienta poco, calentaba, sale fria, sale frio, sale tibia, sale tibio, tibia, tibio, helada, chispa*, quem*, '
    'fundi*, calambre*, toque*, corrientazo, diferencial, termica, pastilla*, breaker, automatico, tacos, salta, '
    'saltan, bota, gote*, salidero, pierde, perdida, fuga, charco, humo, olor a quemado, instal*, cambi*, '
    'reemplaz*, sustitu*, desmont*, desarm*, abr*, abro, reviso, revis*, repar*, arregl*, piloto, foco*, foquito, '
    'bombill*, lucecita, no prende, no enciende, no funciona, no anda, no sirve')
FROM unnest(ARRAY['termo-electrico-no-calienta', 'termo-fuga-brida-resistencia', 'termo-electrico-instalar',
                  'ducha-electrica']) AS a;
-- a gas water heater or boiler: its burner, ignition, flue, flame, a fault or work on it (not which to buy, how
-- much gas it uses, which pipe for the hot water)
SELECT kb_seed_article_safety_needs(a, 'aparato-de-gas',
    '@trabajo, piloto, quemador*, llama*, flama*, chispa*, chispea, tiro, humo*, hollin, negro, chimenea, conducto*, '
    'termopar, termocupla, sensor*, electrodo*, bujia*, encendido, encend*, enciend*, prend*, apag*, explos*, '
    'petard*, flamazo, llamarada, golpe*, boom, ruido*, suena, truena, zumb*, silb*, pita, pitido, olor*, huele, '
    'huelo, mantenimiento, revision, revis*, reviso, toco, tocar, toca, desarm*, desmont*, abr*, abro, limpi*, '
    'purg*, vaci*, drena*, membrana, serpentin*, intercambiador, valvula de gas, regulador, no calient*, '
    'calienta poco, tibia, tibio, sale fria, sale frio, no da agua caliente, no hay agua caliente, se corta, '
    'cal, sarro, gote*, pierde, fuga, cambi*, instal*, conect*, desconect*, mov*, repar*, arregl*, no funciona, '
    'no anda, no sirve')
FROM unnest(ARRAY['calentador-paso-no-enciende', 'calentador-paso-agua-tibia', 'calentador-paso-ruido',
                  'caldera-mixta-sin-acs', 'boiler-gas-deposito-purgar']) AS a;
SELECT kb_seed_article_safety_needs('termo-pierde-por-abajo', 'aparato-de-gas',
    'gas, butano, propano, calefon*, calefont*, piloto, quemador*, llama*, flama*', '', true);
-- a leaking heater named electric (or a Spanish "termo", electric as a rule)
SELECT kb_seed_article_safety_needs('termo-pierde-por-abajo', 'termo-electrico-fuga',
    'electric*, enchuf*, cable*, corriente, luz, tension, diferencial, termica, pastilla*, breaker, automatico, '
    'resistencia*, tomacorriente*, termo, termos', '', true);
-- a pump and its controls: the electrics, a fault or work on it (not which pump, its power or pressures)
SELECT kb_seed_article_safety_needs(a, 'bomba-electrica',
    '@trabajo, condensador*, capacitor*, borne*, cable*, conect*, desconect*, enchuf*, automatico, contacto*, platino*, '
    'tension, corriente, voltaje, motor, bobina*, quem*, fundi*, chispa*, calambre*, toque*, corrientazo, '
    'flotador*, pera, boya, electrico, electrica, no arranca, no arrancaba, no prende, no enciende, no para, '
    'no corta, no apaga, no se apaga, se queda prendi*, queda prendi*, se queda encendi*, zumb*, revis*, reviso, '
    'cambi*, instal*, desmont*, desarm*, abr*, abro, repar*, arregl*, regul*, ajust*, calibr*, tester, '
    'multimetro, mido, medir, humo, olor a quemado, salta, diferencial, termica, breaker, pastilla*')
FROM unnest(ARRAY['bomba-no-arranca-zumba', 'presurizador', 'presostato-contactos-quemados', 'press-control',
                  'cisterna-enterrada-bomba', 'bomba-pozo-sumergible']) AS a;
SELECT kb_seed_article_safety_needs('bomba-achique-fecales', 'bomba-achique',
    '@trabajo, cable*, enchuf*, flotador*, boya, pera, corriente, luz, electric*, tension, no arranca, no prende, '
    'no enciende, no para, no se apaga, no bota, no saca, no achica, quem*, zumb*, revis*, reviso, cambi*, '
    'desmont*, instal*, limpi*, baj*, meter*, meto, pozo, carcamo, fosa, inund*, agua en el piso, calambre*, toque*');
-- a kitchen disposal: hands, a jam, the electrics or work on it (not which one to buy, what not to throw in it)
SELECT kb_seed_article_safety_needs(a, 'triturador',
    '@trabajo, mano, manos, dedo*, meter*, meto, meti, mete, metio, metiendo, atasc*, ator*, trab*, destrab*, bloque*, '
    'zumb*, no gira, no funciona, no prende, no arranca, no enciende, llave allen, allen, hexagonal, boca, dentro, '
    'adentro, sac*, conect*, desconect*, cable*, enchuf*, interruptor, boton, reset, cambi*, instal*, desmont*, '
    'desarm*, arregl*, repar*, limpi*, tenaza*, pinza*, cuchilla*, se cayo, cayo, quem*')
FROM unnest(ARRAY['triturador-zumba-no-gira', 'triturador-gotea', 'triturador-instalar',
                  'triturador-que-no-echar']) AS a;
-- the pilot: lighting it, the flame, the gas
SELECT kb_seed_article_safety_needs('calentador-gas-piloto', 'encender-piloto',
    '@trabajo, piloto, llama*, flama*, prend*, enciend*, encend*, apag*, gas, chispa*, boton, perilla, termopar, '
    'termocupla, olor*, huele, fosforo*, cerill*, mechero*, encendedor');
-- gas connections: a part of the line and an act or a fault on it (not how long a hose lasts, what paint)
SELECT kb_seed_article_safety_needs('gas-tubo-flexible-caducado', 'trabajo-en-gas',
    'tubo, tubos, goma, manguera*, flexible*, latiguillo*, conexion*, regulador*, abrazadera*, racor*, rosca*, '
    'llave*, valvula*',
    '@trabajo, cambi*, reemplaz*, sustitu*, pong*, poner, coloc*, instal*, conect*, desconect*, quit*, sac*, revis*, reviso, '
    'prob*, prueb*, apriet*, afloj*, ajust*, fuga*, pierde, escap*, huele, olor*, reseca*, agriet*, rajad*, rot*, '
    'danad*, vencid*, caducad*, viej*, pelad*, cort*, alarg*, empalm*, mov*, silb*');
SELECT kb_seed_article_safety_needs('gas-quien-puede-trabajar', 'trabajo-en-gas',
    'gas, butano, propano, garrafa, bombona, balon, cilindro, estacionario, gasero',
    '@trabajo, conect*, desconect*, instal*, cambi*, mov*, alarg*, empalm*, cort*, sold*, sueld*, toc*, manipul*, quit*, '
    'sac*, pong*, poner, coloc*, anad*, agreg*, extend*, prolong*, rosc*, tap*, repar*, arregl*, fuga*, huele, olor*');
SELECT kb_seed_article_safety_needs('terraja-roscar', 'trabajo-en-gas',
    'linea de gas, tubo de gas, tuberia de gas, cano de gas, caneria de gas, instalacion de gas, red de gas, '
    'del gas, butano, propano, gas natural', '', true);
-- ventilation of a gas appliance: a grille, the flue or the room, and a gas appliance (not a drain's vent)
SELECT kb_seed_article_safety_needs('gas-rejillas-ventilacion', 'gas-aparato-ventilacion',
    'rejilla*, ventil*, tap*, cerr*, tubo de humos, humo*, chimenea*, conducto*, tiro, extractor*, campana, '
    'bano, dormitorio, habitacion, cuarto, armario, closet, mueble, encerrad*, ventana*, puerta*',
    'gas, calentador*, calefon*, calefont*, boiler*, caldera*, terma*, termotanque*, estufa*, butano, propano, '
    'aparato*, garrafa, bombona');
-- the relief valve: an act on it or its danger (not "¿gotea al calentar, es normal?", its setting)
SELECT kb_seed_article_safety_needs('termo-valvula-seguridad', 'valvula-seguridad',
    'cambi*, reemplaz*, sustitu*, prob*, prueb*, quit*, sac*, tap*, anul*, bloque*, clausur*, desmont*, '
    'desenrosc*, afloj*, instal*, pongo, poner, ponerle, pone, coloc*, atar, ato, amarr*, hirviendo, vapor, quema*, '
    'revent*, explot*, hinch*, agarrot*, trab*, no sale, no suelta, no gotea nada, nunca gotea, sin valvula');
SELECT kb_seed_article_safety_needs('caldera-presion-sube', 'valvula-seguridad',
    'cambi*, reemplaz*, sustitu*, quit*, sac*, tap*, anul*, bloque*, clausur*, desmont*, desenrosc*, afloj*, '
    'atar, ato, amarr*, hirviendo, vapor, quema*, revent*, explot*, agarrot*, trab*, no sale, no suelta, gote*, '
    'tira agua, sale agua, pierde, chorrea, descarga*', '', true);
SELECT kb_seed_article_safety_needs('caldera-presion-sube', 'tanque-presion',
    'sigue subiendo, no para de subir, sube y sube, sube sin parar, 4 bar, cuatro bar, 5 bar, 3 5, mas de 3, '
    'pasa de 3, pasa los 3, pasa de los 3, hinch*, revent*, explot*, cruj*, silb*', '', true);
-- scalding at the shower: the burn, who showers, the other tap or the cartridge's setting
SELECT kb_seed_article_safety_needs('ducha-cambia-temperatura', 'ducha-quema-otro-grifo',
    'quem*, hirviendo, ardiendo, escald*, caliente*, calient*, temperatura, tope, limit*, nino*, bebe*, anciano*, '
    'abuel*, mayor*, cadena, otro grifo, otra llave, otra canilla, cisterna, tanque, se enfria, se pone fria, '
    'helad*, fria, frio, cambia');
SELECT kb_seed_article_safety_needs('grifo-termostatico-cartucho', 'ducha-quema-otro-grifo',
    'quem*, hirviendo, ardiendo, escald*, nino*, bebe*, anciano*, abuel*, mayor*, cartucho*, desmont*, desarm*, '
    'limpi*, cambi*, calibr*, 38, tope, limit*, demasiado caliente, muy caliente, sale caliente, quema');
SELECT kb_seed_article_safety_needs('termo-temperatura-legionela', 'legionela',
    'legionel*, bacteria*, estancad*, sin uso, sin usar, desinfect*, choque termico, turbi*, 30 grados, 35 grados, '
    '40 grados, 45 grados, parad*, casa vacia, vacaciones, meses sin');
-- hot heating water: opened while hot
SELECT kb_seed_article_safety_needs(a, 'agua-hirviendo',
    'hirviendo, hierve, quema, quemo, quemando, quemadura*, vapor, encendid*, prendid*, funcionando, en marcha, '
    'sin apagar, sin enfriar, caliente todavia, todavia caliente, aun caliente, muy caliente, demasiado caliente', '', true)
FROM unnest(ARRAY['radiador-purgar', 'radiador-llave-detentor', 'radiador-no-calienta',
                  'radiador-lodos-frio-abajo']) AS a;
-- thawing a pipe with heat (not keeping pipes from freezing, insulation)
SELECT kb_seed_article_safety_needs('tuberias-congeladas', 'llama-abierta',
    'descongel*, se congelo, se congelaron, se me congelo, congelad*, soplete*, llama*, fuego, mechero*, caliento, '
    'calentar*, calentarl*, calentando, secador, pistola de calor, no sale agua, no sale nada, no llega agua, hielo, '
    'se helo, se helaron, helado, helados');
-- a drain chemical named, and used, mixed or in the pipe (not which one to buy)
SELECT kb_seed_article_safety_needs('sosa-caustica-riesgos', 'productos-quimicos',
    'sosa, caustic*, acido*, salfuman, muriatico, lejia, cloro, amoniaco, destapacano*, destapacaneria*, '
    'desatascador*, quimic*, producto*, soda, drano, agua fuerte, aguafuerte, liquido*',
    'ech*, pus*, pongo, puse, pone, tir*, mezcl*, junt*, use, uso, usaron, usamos, aplic*, vert*, vaci*, quem*, '
    'salpic*, humo*, olor*, huele, gases, vapor*, pica, arde, hierve, burbuj*, sigue, todavia, aun, ya, despues, '
    'luego, sifon, ventosa, sopapa, desarm*, desmont*, abr*, abro, sonda, guia, cable, meter*, meto, manos, piel, '
    'ojos, guantes');
SELECT kb_seed_article_safety_needs('sonda-desatascar', 'productos-quimicos',
    'sosa, caustic*, acido*, salfuman, muriatico, lejia, cloro, amoniaco, destapacano*, destapacaneria*, quimic*, '
    'producto*, soda, drano, desatascador*', '', true);
-- sewer chambers, septic tanks, biodigesters: going in, opening or emptying them, their gases
SELECT kb_seed_article_safety_needs('fosa-septica', 'espacio-confinado',
    'desazolv*, vaci*, limpi*, abr*, abro, destap*, tapa*, baj*, entr*, meter*, meto, asom*, dentro, adentro, '
    'rebos*, desbord*, llen*, lleno, olor*, huele, gases, gas, lodo*, bomb*, succion*, camion, no traga, se tapo, '
    'atasc*, revis*, reviso, inspeccion*, caer, cayo, hond*, profunda, profundo');
SELECT kb_seed_article_safety_needs('arqueta-registro', 'espacio-confinado',
    'baj*, entr*, meter*, meto, asom*, dentro, adentro, hond*, profunda, profundo, gases, olor*, huele, limpiar, '
    'limpio, limpiarla, limpiarlo, limpiando, limpie, destap*, desatasc*, abr*, abro, levant*, sac*, atasc*, '
    'rebos*, desbord*, tapad*, se tapo, sonda, guia, cable, manguera, varilla*');
SELECT kb_seed_article_safety_needs('colector-raices-camara', 'espacio-confinado',
    'bajar, bajo al, bajo a, bajamos, baje, meterme, meterse, meto, me meto, nos metemos, entrar, entro, '
    'entramos, dentro del pozo, dentro de la camara, asom*, gases', '', true);
-- a cistern that is buried or built, worked on from inside (not a rooftop tank's crack, not which sealant to buy)
SELECT kb_seed_article_safety_needs('deposito-grieta-reparar', 'espacio-confinado',
    'enterrad*, subterrane*, bajo tierra, aljibe*, cisterna de obra, de concreto, de hormigon, de ladrillo, '
    'meter*, meto, me meto, entrar, entro, dentro, adentro, por dentro, bajar, baje, bajo a, asom*, '
    'impermeabiliz*, gases, olor*, huele', '', true);
SELECT kb_seed_article_safety_needs('biodigestor', 'espacio-confinado',
    'meter*, meto, meti, entrar, entro, dentro, adentro, asom*, bajar, bajo al, bajo a, gases, huele, olor*, '
    'llama, fuego, cigarr*, fum*', '', true);
-- sewage coming back: dirty water named, or coming up, overflowing (not which valve to fit)
SELECT kb_seed_article_safety_needs(a, 'aguas-residuales',
    'sucia*, sucio*, negra*, fecal*, residual*, cloaca*, alcantarill*, drenaje, caca, mierda, excremento*, heces, '
    'popo, retorn*, regres*, devuelv*, devolv*, reflujo, sube, suben, subio, subiendo, brota, rebos*, desbord*, '
    'inund*, se sale, sale por, salio por, saliendo por, mal olor, entra agua, entra el agua, se mete, se meten, '
    'se metio, sale agua', '', a = 'antirretorno-saneamiento')
FROM unnest(ARRAY['atasco-general-retorno', 'antirretorno-saneamiento']) AS a;
SELECT kb_seed_article_safety_needs('tuberia-plomo', 'tuberia-plomo', 'plomo');
-- a burst pipe or a flooded room, or the electrics near it (not how to find a hidden leak)
SELECT kb_seed_article_safety_needs('llave-de-paso-fuga', 'agua-y-electricidad',
    'revent*, rompi*, rompio, roto, rota, rajo, estallo, explot*, inund*, mucha agua, chorro, sale agua, '
    'saliendo agua, sale mucha, se sale, charco*, agua por todos lados, todo mojado, moj*, enchuf*, '
    'tomacorriente*, cable*, luz, electric*, corriente, cuadro, no cierra, no para, urgente, emergencia, enorme, '
    'grande, mucha, muchisima, a chorros, no encuentro, no puedo cerrar');
-- gutters: work on them or climbing to them (not their size, slope or material)
SELECT kb_seed_article_safety_needs('canalon-bajante-pluvial', 'trabajo-en-altura',
    'sub*, escalera*, andamio*, arnes, desde arriba, segundo piso, tercer piso, dos plantas, dos pisos, '
    'limpi*, cambi*, repar*, arregl*, peg*, sold*, sell*, mont*, instal*, colg*, fij*, desmont*, quit*, sac*, '
    'apoy*, trabaj*, pis*, camin*, caer*, caida*, resbal*, despeg*, suelt*, sujet*, se cae, caido, colgando', '', true);
-- stop 34's links (above): what a message about the job must name for the danger to be there. Strict (the lists alone
-- decide, as stop 32's links): with link_information_cues off, a non-strict list still fired on "¿qué diferencia hay
-- entre un calentador atmosférico y uno estanco?", "¿de cuántos litros pongo el hidroneumático?" or "¿cómo protejo las
-- tuberías exteriores de las heladas?" (false alarms on safety-12-tune and dev-facts-1/2; bench/quality/JOBS-34.md).
SELECT kb_seed_article_safety_needs('calentador-gas-conducto-humos', 'gas-aparato-ventilacion',
    'revoco, se devuelve, devuelv*, regresa el humo, sale humo, hollin, mancha*, negro, negra, tizn*, mare*, '
    'dolor de cabeza, nause*, sensor, antirrevoco, sin tiro, no tira, puente*, anul*, quit*, tap*, obstru*, nido, '
    'aplastad*, suelt*, huele, olor*', '', true);
SELECT kb_seed_article_safety_needs('gas-agua-separacion', 'trabajo-en-gas',
    'mov*, desvi*, taladr*, pic*, cort*, sold*, toca, tocan, tocar, apoy*, sujet*, huele, olor*, fuga*', '', true);
SELECT kb_seed_article_safety_needs('cable-calefactor-tuberia', 'agua-y-electricidad',
    'conect*, empalm*, enchuf*, diferencial, pel*, moj*, salta*, chispa*, corriente, quem*, cable roto, '
    'cable pelado', '', true);
SELECT kb_seed_article_safety_needs('calderin-tamano', 'tanque-presion',
    'oxid*, hinch*, abomb*, revent*, explot*, cruj*, silb*, desmont*, afloj*, infl*, picad*, pierde, fuga*', '', true);
