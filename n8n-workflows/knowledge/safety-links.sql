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

-- safety_link_information_only (answer.sql): a question of information gets no linked notice (below).

-- The rule whose message goes first in a reply that cites `article_slugs` (kb_answer's `slugs`), for the plumber
-- message `question` of conversation `p_conversation_id`: the linked rules (active link, active rule), highest
-- priority first, without those a measure in force silences (the message's own measures and those kept from the
-- earlier messages of the job, exactly as safety_check_conversation reads them); no row when none is left.
CREATE OR REPLACE FUNCTION safety_article_rule(article_slugs text[], question text, p_conversation_id text,
                                               within interval DEFAULT interval '30 minutes')
RETURNS TABLE (rule text, message text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
    linked text[];
    silenced text[];
BEGIN
    SELECT array_agg(r.slug ORDER BY r.priority DESC, r.slug) INTO linked
    FROM kb_article_safety_rules l
    JOIN safety_rules r ON r.slug = l.rule_slug
    WHERE l.active AND r.active AND l.article_slug = ANY (coalesce(article_slugs, '{}'));
    IF linked IS NULL THEN
        RETURN;                                          -- most articles have no link: nothing more to read
    END IF;
    IF safety_link_information_only(question) THEN
        RETURN;                                          -- what to buy, a size, what it is: not the work itself
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
