"""The prompt the chat workflow builds for a grounded answer, and how the final reply is assembled.

This module is the reference for the n8n Code nodes of "Chat: answer a plumber": the workflow must do exactly
the same (tests/workflows runs the workflow's own JavaScript on the same inputs and compares), so that the
figures in bench/quality/RESULTS.md describe what plumbers get. One message goes like this:

1. ``small_talk_reply(text)``: a greeting, thanks or "¿quién eres?" gets its short fixed reply, without the
   knowledge base and without the model (the list is SMALL_TALK, the node "Assistant settings").
2. ``SELECT * FROM safety_check($text)``                 -> triggered, rule, message
3. ``SELECT * FROM kb_answer($text, $earlier)``          -> found, context, sources, slugs, top_score, article,
   searched, followup, earlier (n8n-workflows/knowledge/answer.sql). ``$earlier`` is ``earlier_questions()``
   of the conversation: when the message alone finds no article ("¿y si es de cobre?"), the search is made again
   with the previous plumber message(s) + the message.
4. found is false -> do NOT call the model: the reply is NOT_FOUND_REPLY (the assistant says it is not sure
   and offers to pass the question to a person instead of guessing).
   found is true  -> call the model with ``build_messages(question, context, earlier=…)`` and MAX_TOKENS.
5. ``finalize_reply(model_text, safety_message, sources, found, finish_reason, question, title)``: the fixed
   safety message first (when a rule triggered), then the model's answer cleaned by ``clean_answer`` (prompt
   echoes, Markdown and made-up source lines removed; cut at the last complete sentence or step when the model
   hit max_tokens or wrote more than MAX_WORDS), then the "Fuente: ..." line. The safety message and the
   sources are added by code, never left to the model. The article's full procedure (kb_answer's ``article``)
   goes to the plumber beside the text, as data (docs/contracts.md §4), not through the model.

Messages sent to the model (OpenAI chat format):

    [ {"role": "system", "content": system_prompt + "\\n\\n" + GROUNDING_RULES},
      {"role": "user", "content": "DOCUMENTACIÓN DE LA EMPRESA:\\n" + context + "\\n\\n"
                                  [+ "PREGUNTA ANTERIOR DEL FONTANERO:\\n" + earlier + "\\n\\n"]   (follow-ups)
                                  + "PREGUNTA DEL FONTANERO:\\n" + question + "\\n\\n" + ANSWER_INSTRUCTION} ]

The documentation (one article: its title, the (at most 3) steps that matter for the question, with their
numbers in the article, and its safety note) goes in the last user message, right
before the question: small models follow text that is close to the question far better than text at the top
of a long system prompt. Earlier turns are not sent (they cost prefill time and, being whole answers, did not
fit the old 800-character history budget anyway); a follow-up carries the previous question instead.
"""

from __future__ import annotations

import re
import unicodedata

# The same text as the "system_prompt" in the workflow's "Assistant settings" node (kept in step by hand;
# tests/workflows compares them).
SYSTEM_PROMPT = (
    "Eres Remedios, asistente técnico de fontanería para fontaneros en obra. Responde en español, en 120 "
    "palabras como mucho, con pasos numerados y frases completas, sin títulos ni Markdown.\n"
    "Seguridad primero: llave de paso cerrada antes de desmontar; agua cerca de enchufes: cortar la luz; olor a "
    "gas: nada eléctrico, ventilar, salir y llamar al 112. Si no estás seguro, ofrece pasar la consulta a una "
    "persona. No inventes medidas."
)

GROUNDING_RULES = "Usa solo la DOCUMENTACIÓN DE LA EMPRESA y copia sus cifras."

# Worded without the word "cifras": with "los pasos ... con sus cifras" the 0.5B model invented a
# "Cifra: 20" line under every step (bench/quality/RESULTS.md, prompt v1). Every word of these texts costs
# prefill time on every answer (about 3.4 characters per token, about 90 tokens/s on 2 quiet cores): with them
# and one article the prompt is about 520 tokens instead of about 1,000.
ANSWER_INSTRUCTION = (
    "Responde solo a esta pregunta con los pasos necesarios, numerados y breves, y el aviso de seguridad. "
    "No copies títulos ni la fuente."
)

NOT_FOUND_REPLY = (
    "No estoy seguro: no tengo un procedimiento verificado sobre esto en la base de conocimiento de la "
    "empresa y prefiero no adivinar. ¿Quieres que pase tu consulta a un compañero técnico (una persona) "
    "para que te responda?"
)

# When nothing of the model's text survives the cleaning (it only echoed the prompt, or stopped before its
# first sentence ended): the plumber still gets the article's procedure beside this text.
FALLBACK_ANSWER = "Aquí tienes el procedimiento completo que tiene verificado la empresa."

MAX_TOKENS = 128  # about 80 Spanish words (~4 s of decoding); the code trims at the last whole sentence
MAX_WORDS = 120
EARLIER_MESSAGES = 2  # earlier plumber messages a follow-up may use ("history_messages" in the workflow)

# Small talk, decided before the knowledge base and without the model: one kind per line,
# "phrases => reply". A message is small talk when it has one of these phrases and either nothing else is left
# in it but SMALL_TALK_FILLER, or it is short (at most SMALL_TALK_MAX_WORDS words, at most
# SMALL_TALK_MAX_OTHER_WORDS of them besides phrases and filler) and what is left has none of
# NOT_SMALL_TALK_WORDS ("mil gracias, me salvaste", "gracias parce, muy útil"); when it has phrases of several
# lines, the lowest line's reply wins. Emojis count as words ("👍", "🙏").
SMALL_TALK = (
    "hola, ola, holi, buenas, wenas, wena, muy buenas, buenos dias, buen dia, buenas tardes, buenas noches, "
    "hey, ey, epa, saludos, que tal, q tal, como estas, como esta, como estan, como andas, como anda, como "
    "va, como te va, como le va, que onda, q onda, que hubo, quiubo, que mas, que hay, que pasa, que lo que, "
    "klk, alo, aqui andamos, aca andamos, aqui andamos en la chamba, aca andamos en la chamba, 👋, holis, que "
    "vola, q vola, que xopa, que cuentas, que me cuentas, como vamos, como estamos, como amanecio, como "
    "amaneciste, como amanecieron, como amanece, feliz ano nuevo, feliz ano, prospero ano nuevo, feliz "
    "navidad, felices fiestas, solo queria saludar, solo para saludar, pasaba a saludar, paso a saludar, como"
    " le baila, que mas pues, epale, wepa, buenas buenas, hola hola, a la orden, aqui reportandome, aca "
    "reportandome, reportandome, un saludo, saludos desde la obra, bns, bnas, bns dias, bnos dias, bn dia, "
    "bns tardes, bns noches, slds, k onda, k tal, ola k tal, que bola, q bola, que haces, q haces, que tal tu"
    " dia, que tal su dia, que tal el dia, que tal la jornada, como te fue, como le fue, como va el dia, como"
    " va tu dia, como va la chamba, como va el trabajo, como va la obra, pura vida, saludarlo, saludarle, "
    "saludarte, saludarla, saludarlos, saludarles, queria saludarlo, queria saludarle, queria saludarte, "
    "queria saludar, solo queria saludarlo, solo queria saludarle, solo queria saludarte, le escribo para "
    "saludarlo, le escribo para saludarle, te escribo para saludarte, para saludarlo, para saludarle, para "
    "saludarte, para saludar, saludarlo nada mas, saludarle nada mas, saludarte nada mas, saludar nada mas, "
    "en la lucha, aqui en la lucha, aca en la lucha, aqui trabajando, aca trabajando, aqui chambeando, que es"
    " de tu vida, que es de su vida, tanto tiempo, que milagro, buenas a todos, buen dia a todos, hola de "
    "nuevo, buenas de nuevo, buenos dias tenga, buenas tardes tenga, buenas noches tenga, tenga usted, muy "
    "buenos dias, muy buenas tardes, muy buenas noches, saludos cordiales, cordial saludo, un cordial saludo,"
    " mucho gusto, un gusto, un placer, como esta usted, como anda usted, como andamos, que tal andas, que "
    "tal anda, que tal estas, que tal esta, que tal todo, todo bien, como va todo, como esta todo, todo bien "
    "por alla, que tal por alla, como amanecio usted, como me le va, como me lo trata, como lo trata la vida,"
    " como te trata la vida, que cuenta, que cuenta usted, espero que se encuentre bien, espero que se "
    "encuentre muy bien, espero se encuentre bien, espero que este bien, espero que este muy bien, espero que"
    " estes bien, espero que estes muy bien, espero que todo este bien, espero que todo bien, espero que "
    "esten bien, nada mas, otra vez yo, yo otra vez, de nuevo yo, yo de nuevo, aqui de nuevo, aca de nuevo, "
    "aqui otra vez, aca otra vez, otra vez por aca, otra vez por aqui, de nuevo por aca, de nuevo por aqui, "
    "por aca de nuevo, por aqui de nuevo, otra vez molestando, aqui molestando, aca molestando, molestando de"
    " nuevo, molestando otra vez, de nuevo molestando, perdon la insistencia, disculpa la insistencia, "
    "disculpa la molestia, perdon la molestia, ya volvi, volvi, aqui estoy de nuevo, aca estoy de nuevo, "
    "pues nada, bueno nada, este nada, eh nada, nada solo, pues nada que, bueno pues nada, bueno pues nada "
    "que => "
    "¡Hola! Soy Remedios, el asistente técnico de la empresa. Cuéntame qué avería tienes (grifo, cisterna, "
    "desagüe, termo, tuberías…) y te digo cómo resolverla paso a paso.\n"
    "me escuchas, me escucha, me escuchan, se me escucha, me oyes, me oye, me oyen, se me oye, se oye, se "
    "escucha, hay alguien, esta ahi, estas ahi, estan ahi, estas, sigues ahi, sigue ahi, sigues por ahi, esto"
    " funciona, funciona esto, probando, me lees, me lee, me copias, me copia, estas en linea, esta en linea,"
    " alguien ahi, hay alguien ahi, me puedes ayudar, me podes ayudar, me puede ayudar, me ayudas, me ayuda, "
    "necesito ayuda, necesito una ayudita, una ayudita, una ayuda, estas por ahi, esta por ahi, esta usted "
    "ahi, estas ahi o que, "
    "aca probando, aqui probando, solo probando, probando probando, probando el audio, probando los audios, "
    "a ver si llegan los audios, si llegan los audios, llegan los audios, a ver si llega el audio, si llega "
    "el audio, llega el audio, te llegan los audios, te llega el audio, le llegan los audios, le llega el "
    "audio, primera vez que mando audio, primera vez que mando audios, primera vez que mando un audio, "
    "primera vez que mando una nota de voz => "
    "¡Hola! Sí, aquí estoy. Cuéntame qué avería tienes (grifo, cisterna, desagüe, "
    "termo, tuberías…) y te digo cómo resolverla paso a paso.\n"
    "vale, ok, okey, oka, okis, dale, va, sale, orale, perfecto, genial, estupendo, excelente, entendido, ya "
    "entendi, entendi, ya vi, de acuerdo, esta bien, ta bien, ta bueno, listo, hecho, que bien, que bueno, "
    "jaja, jajaja, jajajaja, jeje, jejeje, 👍, 👌, 💪, ya quedo, ya quedo listo, ya esta, ya esta listo, ya "
    "funciona, ya funciono, funciono, solucionado, ya lo solucione, ya lo arregle, resuelto, ya esta "
    "resuelto, ya pe, ya po, ya pues, okay, ok pues, ok gracias, sale pues, sale y vale, simon, sisas, arre, "
    "va pues, vaya pues, dale pues, listo pues, listo pe, listo po, bacan, bacano, chido, chilero, barbaro, "
    "joya, macanudo, regio, fino, tato, de ley, copiado, enterado, recibido, anotado, comprendido, claro, "
    "claro que si, por supuesto, sip, aja, aha, ah ok, ah ya, ah vale, ya veo, andale, andale pues, orale "
    "pues, jsjs, jsjsjs, jiji, jijiji, xd, lol, 😅, 😁, 😄, 😀, 🙂, 😊, 😉, 🤝, 🙌, ✌, oki, okas, dle, va va, ok ok, "
    "vale vale, sale sale, ah bueno, ah bueno ok, ah perfecto, ah listo, oki doki, okidoki, ahora si entendi,"
    " ahora entendi, ya entendi todo, ahora si me quedo claro, ya me quedo claro, ahora me queda claro => "
    "¡Perfecto! Si te surge otra duda en la obra, escríbeme aquí.\n"
    "gracias, muchas gracias, muchisimas gracias, mil gracias, grax, thanks, te lo agradezco, se lo "
    "agradezco, se agradece, muy amable, gracias por la ayuda, gracias por todo, me salvaste, te pasaste, de "
    "lujo, 🙏, gracias mil, agradecido, agradecida, muy agradecido, muy agradecida, gracias totales, dios te "
    "bendiga, dios lo bendiga, dios le bendiga, dios le pague, bendiciones, grasias, grcias, gracia, thx, "
    "thank you, se le agradece, te agradezco, le agradezco, gracias a ti, gracias a usted, me salvo, me salvo"
    " el dia, me sacaste de un apuro, me saco de un apuro, grs, grac, tks, tnks, gracias de nuevo, gracias "
    "otra vez, gracias nuevamente, gracias por tu tiempo, gracias por su tiempo, gracias por la info, gracias"
    " por la informacion, gracias por la explicacion, gracias por responder, gracias por contestar, gracias "
    "por la respuesta, le agradezco mucho, te agradezco mucho, muchas gracias por todo, dios se lo pague, que"
    " dios se lo pague => ¡De nada! Si te surge otra duda en la obra, escríbeme aquí.\n"
    "adios, hasta luego, hasta manana, hasta pronto, nos vemos, nos hablamos, me voy, cuidate, chao, chau, "
    "bye, que tengas buen dia, que tenga buen dia, que le vaya bien, chaito, hasta la proxima, hasta otra, "
    "hasta otro dia, nos vemos luego, nos pillamos, nos vidrios, nos vemo, cuidese, cuidense, quedo atento, "
    "quedo atenta, quedo pendiente, quedamos asi, quedamos en contacto, feliz tarde, feliz dia, feliz noche, "
    "feliz fin de semana, buen fin de semana, buen finde, buena tarde, buena noche, que descanses, que "
    "descanse, un abrazo, me retiro, ya me voy, me despido, hablamos luego, luego hablamos, nos leemos, te "
    "dejo tranquilo, no te quito mas tiempo, no le quito mas tiempo, que este muy bien, que este bien, que "
    "estes bien, que estes muy bien, que esten bien, al rato te escribo, al rato le escribo, luego te "
    "escribo, luego le escribo, despues te escribo, despues le escribo, mas tarde te escribo, te escribo mas "
    "tarde, te escribo luego, le escribo luego, ahi nos vemos, nos vemos manana, hasta la vista, hasta mas "
    "tarde, bye bye, nada mas por hoy, por hoy es todo, eso es todo por hoy, eso seria todo, es todo por hoy,"
    " me desconecto, me voy a dormir, me voy a descansar, me retiro por hoy, cuidese mucho, cuidate mucho, "
    "nos estamos viendo, nos estamos hablando, estamos en contacto, seguimos en contacto, "
    "ya voy saliendo, voy saliendo, ya voy saliendo del trabajo, voy saliendo del trabajo, saliendo del "
    "trabajo, ya sali del trabajo, ya termine por hoy, termine por hoy, eso era todo, nada mas eso, eso "
    "nada mas => ¡Hasta luego! "
    "Buen trabajo.\n"
    "quien eres, quien sos, quien es, que eres, que sos, con quien hablo, con quien hablo, como te llamas, "
    "como se llama, de que empresa son, de que empresa eres, que empresa es esta, para que empresa trabajas, "
    "que puedes hacer, que podes hacer, que puede hacer, que sabes hacer, q sabes hacer, que cosas sabes "
    "hacer, q cosas sabes hacer, que cosas puedes hacer, en que me puedes ayudar, en que me podes ayudar, en "
    "que me puede ayudar, para que sirves, como funciona esto, eres un robot, sos un robot, es un robot, eres"
    " un bot, sos un bot, es un bot, eres una persona, sos una persona, es una persona, es usted una persona,"
    " eres humano, sos humano, es usted un robot, eres una maquina, sos una maquina, o un bot, o un robot, o "
    "una maquina, me contesta una persona, me responde una persona, contesta una persona, responde una "
    "persona, una persona o un bot, una persona o un robot, una persona o una maquina, eres una ia, sos una "
    "ia, es una ia, eres ia, inteligencia artificial, es una maquina, o es una maquina, o es un programa, "
    "eres un programa, es un programa, un programa de verdad, eres real, eres de verdad, quien me contesta, "
    "quien me responde, quien me atiende, quien habla, con quien tengo el gusto, tu quien eres, cual es tu "
    "nombre, chatgpt, chat gpt, eres robot, sos robot, es robot, robot o que, bot o que, eres bot, sos bot, "
    "que tu eres, que eres tu, un bot, eres un bot o una persona, quien te hizo, quien te creo, quien te "
    "programo, quien te invento, quien te desarrollo, quien te fabrico, quien te diseno, quien te entreno, "
    "quienes te hicieron, quienes te crearon, quienes te programaron, de donde eres, de donde sos, de que "
    "pais eres, de que pais sos, eres de carne y hueso, de carne y hueso, humano o maquina, humano o robot, "
    "persona o maquina, persona o programa, persona o robot, persona o bot, me esta contestando una maquina, "
    "me contesta una maquina, me responde una maquina, me esta respondiendo una maquina, me esta contestando "
    "un robot, me contesta un robot, me contesta un bot, hablo con una maquina, hablo con un robot, hablo con"
    " un bot, hablo con una persona, hablo con un humano, estoy hablando con una maquina, estoy hablando con "
    "un robot, estoy hablando con un bot, estoy hablando con una persona, estoy hablando con un humano, eres "
    "una inteligencia artificial, eres un humano, sos un humano, es usted humano, eres persona, sos persona, "
    "eres una computadora, eres un asistente virtual, asistente virtual, eres gpt, eres chatgpt, y vos quien "
    "sos, y usted quien es, quien sos vos, que sos vos, eres una persona de verdad, sos una persona de "
    "verdad, es usted una persona de verdad, eres una persona real, sos una persona real, es usted una "
    "persona real, quien lo programo, quien lo creo, quien lo desarrollo, quien la programo, quien la creo, "
    "quien los programo => Soy Remedios, el asistente técnico de la empresa: te respondo con los "
    "procedimientos de fontanería verificados por la empresa (grifos, cisternas, desagües, termos, gas, "
    "tuberías…). Si lo prefieres, paso tu consulta a una persona del equipo.\n"
    "para que sirve este chat, para que sirve el chat, para que sirve esto, para que sirve esta app, para que"
    " sirve la app, para que es este chat, para que es esto, como funciona el chat, como funciona este chat, "
    "como funciona la app, como se usa esto, como se usa el chat, como se usa la app, le escribo la falla, te"
    " escribo la falla, le escribo el problema, te escribo el problema, le cuento la falla, te cuento la "
    "falla, le cuento el problema, te cuento el problema, sabes de electricidad, sabe de electricidad, sabes "
    "de albanileria, sabes de otras cosas, sabes de todo, solo de plomeria, solo de fontaneria, solo "
    "plomeria, solo fontaneria, como funciona esto, esto como funciona aqui, como funciona el servicio, como "
    "funciona este servicio, es la primera vez que uso esto, primera vez que uso esto, es mi primera vez, "
    "primera vez que uso, primera vez que entro, primera vez que escribo, primera vez aqui, soy nuevo aqui, "
    "soy nueva aqui, soy nuevo, soy nueva, esto como va, como va esto, le escribo y ya, te escribo y ya, "
    "puedo mandar audios, puedo mandar audio, puedo mandar notas de voz, mandar audios, o solo escribo, solo "
    "escribo, como le hago para preguntarte, como te pregunto, como le pregunto, como pregunto, que hago "
    "aqui, me paso el numero, me pasaron el numero, me dieron este numero, me recomendaron este chat, me "
    "recomendaron esto, "
    "esto como funciona, como es la cosa aqui, como es la cosa aca, y como es la cosa aqui, como funciona "
    "aqui, como funciona aca, le escribo nomas, te escribo nomas, le escribo no mas, te escribo no mas => "
    "Es sencillo: escríbeme la avería con tus palabras (qué aparato es y qué le pasa) y "
    "te respondo con los pasos que tiene verificados la empresa para fontanería (grifos, cisternas, desagües,"
    " termos, gas, tuberías…). Para otras cosas, o si lo prefieres, te paso con una persona del equipo.\n"
    "esto es gratis, es gratis esto, esto es gratuito, es gratis usar, es gratuito usar, el chat es gratis, "
    "la app es gratis, es gratis el chat, es gratis la app, es de pago, hay que pagar algo, tengo que pagar "
    "algo, hay que pagar suscripcion, hay que pagar por usar, pagar por el chat, pagar por la app, costar "
    "algo escribirles, costar algo escribirte, costar algo usar, cuesta algo usar, suscripcion, una "
    "suscripcion, cuanto me cobran por usar, cuanto cobran por usar, cuanto cuesta usar, cuanto sale usar, "
    "cuanto vale usar, cuanto me cuesta usar, pagar por usar, y esto cuanto me va a costar, esto cuanto me va"
    " a costar, cuanto me va a costar esto, esto tiene costo, esto tiene algun costo, esto cuesta algo, "
    "cuesta algo esto, esto se paga, se paga esto, esto es de pago => Este chat es el asistente técnico de la"
    " empresa para sus fontaneros: no te pido ningún pago por responderte. Si tienes dudas sobre condiciones "
    "o tarifas, te paso con una persona del equipo.\n"
    "a que hora atienden, a que hora abren, a que hora cierran, que horario tienen, que horario tiene, cual "
    "es el horario, horario de atencion, en que horario, estan abiertos, atienden los domingos, atienden los "
    "fines de semana, abren los domingos, fuera de horario, horario de oficina, solo en horario de oficina, "
    "puedo escribir, puedo escribirte, puedo escribirle => Puedes escribirme a cualquier hora, todos los "
    "días, y te respondo al momento. Si pides hablar con una persona del equipo, te contestará en cuanto "
    "pueda.\n"
    "hablas ingles, hablas portugues, hablas catalan, hablas frances, hablas gallego, hablas euskera, hablas "
    "valenciano, hablas italiano, hablas aleman, hablas otro idioma, hablas otros idiomas, habla ingles, "
    "habla portugues, habla catalan, habla frances, habla gallego, habla euskera, habla valenciano, habla "
    "italiano, habla aleman, habla otro idioma, habla otros idiomas, hablan ingles, hablan portugues, hablan "
    "catalan, hablan frances, hablan gallego, hablan euskera, hablan valenciano, hablan italiano, hablan "
    "aleman, hablan otro idioma, hablan otros idiomas, puedo escribirte en ingles, puedo escribirte en "
    "portugues, puedo escribirte en catalan, puedo escribirte en frances, puedo escribirte en gallego, puedo "
    "escribirte en euskera, puedo escribirte en valenciano, puedo escribirte en italiano, puedo escribirte en"
    " aleman, puedo escribirte en otro idioma, puedo escribirte en otros idiomas, puedo escribirle en ingles,"
    " puedo escribirle en portugues, puedo escribirle en catalan, puedo escribirle en frances, puedo "
    "escribirle en gallego, puedo escribirle en euskera, puedo escribirle en valenciano, puedo escribirle en "
    "italiano, puedo escribirle en aleman, puedo escribirle en otro idioma, puedo escribirle en otros "
    "idiomas, escribirte en ingles, escribirte en portugues, escribirte en catalan, escribirte en frances, "
    "escribirte en gallego, escribirte en euskera, escribirte en valenciano, escribirte en italiano, "
    "escribirte en aleman, escribirte en otro idioma, escribirte en otros idiomas, escribirle en ingles, "
    "escribirle en portugues, escribirle en catalan, escribirle en frances, escribirle en gallego, escribirle"
    " en euskera, escribirle en valenciano, escribirle en italiano, escribirle en aleman, escribirle en otro "
    "idioma, escribirle en otros idiomas, escribir en ingles, escribir en portugues, escribir en catalan, "
    "escribir en frances, escribir en gallego, escribir en euskera, escribir en valenciano, escribir en "
    "italiano, escribir en aleman, escribir en otro idioma, escribir en otros idiomas, respondes en ingles, "
    "respondes en portugues, respondes en catalan, respondes en frances, respondes en gallego, respondes en "
    "euskera, respondes en valenciano, respondes en italiano, respondes en aleman, respondes en otro idioma, "
    "respondes en otros idiomas, contestas en ingles, contestas en portugues, contestas en catalan, contestas"
    " en frances, contestas en gallego, contestas en euskera, contestas en valenciano, contestas en italiano,"
    " contestas en aleman, contestas en otro idioma, contestas en otros idiomas, entiendes ingles, entiendes "
    "portugues, entiendes catalan, entiendes frances, entiendes gallego, entiendes euskera, entiendes "
    "valenciano, entiendes italiano, entiendes aleman, entiendes otro idioma, entiendes otros idiomas, do you"
    " speak english, speak english, in english => Respondo en español. Escríbeme la avería como te salga, "
    "aunque mezcles palabras de otro idioma, y te respondo en español.\n"
    "guardan mis mensajes, guardan los mensajes, guardas mis mensajes, guardan mis datos, guardan la "
    "conversacion, lo que escribo aqui, lo que te escribo, lo que les escribo, lo lee alguien, lo lee alguien"
    " mas, alguien mas lo lee, quiero que borren mis datos, que borren mis datos, borren mis datos, borrar "
    "mis datos, borra mis datos, borren mis mensajes, borren mi numero, privacidad, es privado, es "
    "confidencial, proteccion de datos => Tus mensajes quedan guardados en la conversación para que el equipo"
    " técnico de la empresa pueda revisarla. Si quieres que se borren o tienes dudas sobre tus datos, dímelo "
    "y te paso con una persona del equipo.\n"
    "felicidades, felicitaciones, buena la app, buena app, buena la aplicacion, buen chat, buen servicio, que"
    " chevere, chevere, bien util, muy util, que util, sos un genio, eres un genio, que genio, 👏, explicas "
    "mejor que, explicas bien, explicas muy bien, me encanta, buenisimo, buenisima, la verdad que explicas, "
    "que buena herramienta, da gusto, muy buena la ayuda, muy buena ayuda, buena ayuda, gran ayuda, de gran "
    "ayuda, muy buena explicacion, buena explicacion, excelente explicacion, muy clara la explicacion, super "
    "clara la explicacion, clarisimo, clarisima, muy claro, muy clara, super claro, super clara, bien "
    "explicado, bien explicadito, me ayudaste mucho, me ayudo mucho, me ayudaste full, me ayudaste un monton,"
    " me sirvio mucho, me sirvio de mucho, me sirvio bastante, te voy a recomendar, le voy a recomendar, lo "
    "voy a recomendar, los voy a recomendar, eres lo maximo, sos lo maximo, eres lo mas, sos lo mas, tu si "
    "sabes, usted si sabe, vos si sabes, que bien explicas, que bien explica, explica muy bien, explica bien,"
    " sos un crack, eres un crack, que crack, tuanis, que tuanis, sos un capo, eres un capo, que capo, un "
    "capo, sos un idolo, eres un idolo, excelente servicio, excelente atencion, buena atencion, gran trabajo,"
    " que explicas mejor que, que explica mejor que, explica mejor que, la verdad que explicas mejor que, la "
    "verdad que explica mejor que, sabes mas que mi maestro, sabes mas que mi jefe, sabes mas que el maestro,"
    " sabes mas que el jefe, mejor que mi maestro, mejor que mi jefe, mejor que el encargado, mejor que el "
    "maestro, un crack, eres un maquina, sos una maquina, te la sabes todas, te las sabes todas => ¡Muchas "
    "gracias! Me alegra que te sirva. Si te surge otra duda en la obra, escríbeme aquí.\n"
    "no me sirvio, no me sirvio de nada, no me ayudo, no me ayudaste, no me ayuda, no entendiste, no me "
    "entendiste, no me entiendes, no entiendes, no entendiste lo que, no me entendiste lo que, respuesta tan "
    "mala, mala respuesta, que mala respuesta, respuesta mala, contestas muy largo, respondes muy largo, ve "
    "al grano, vamos al grano, contesta mas corto, responde mas corto, me estas repitiendo, me repites, "
    "repites lo mismo, repitiendo lo mismo, repitiendo lo mismo otra vez, repites lo mismo otra vez, no "
    "sirves, no sirve para nada, 😒, 😡, 👎, no me sirvio lo que me dijiste, no sirvio lo que me dijiste, no me "
    "sirve lo que me dices, no me sirvio lo que me dijo, no sabes, no sabes nada, no sabe nada, otra vez no "
    "sabes, eres inutil, sos inutil, eres medio inutil, que inutil eres, que lento contestas, que lento que "
    "contestas, contestas lento, respondes lento, tardas mucho en contestar, tardas mucho en responder, tarda"
    " mucho en contestar, 🙄, 🤦, 😤, 😠, no me sirvio mucho, no me ayudo mucho, no me ayudaste mucho, no sabes "
    "mucho, no sabe mucho, me contestaste cualquier cosa, contestaste cualquier cosa, respondiste cualquier "
    "cosa, me respondiste cualquier cosa, la respuesta de antes, la respuesta anterior, esa respuesta, tu "
    "respuesta, su respuesta, eso no es lo que te pregunte, eso no es lo que pregunte, no es lo que te "
    "pregunte, no es lo que le pregunte, no es lo que pregunte, te equivocaste, estas equivocado, me "
    "respondiste mal, me contestaste mal, respondiste mal, contestaste mal, no me sirve, no me sirve de nada,"
    " eso no me sirve, esa respuesta no me sirve, no me sirvio esa respuesta, cualquier respuesta, me diste "
    "cualquier cosa, me dijiste cualquier cosa, me diste cualquier respuesta => Perdona, no te he ayudado "
    "bien. Cuéntamelo con otras palabras (qué aparato es y qué le pasa) y lo intento de nuevo, o si lo "
    "prefieres, te paso con una persona del equipo.\n"
    "cuentame un chiste, cuentame un chiste de plomeros, un chiste, chiste, chistes, sabes chistes => ¡Ja, "
    "ja! Los chistes no son lo mío; lo mío son las averías. Cuéntame qué tienes entre manos y te ayudo.\n"
    "me equivoque de chat, me equivoque de numero, me equivoque de conversacion, era para otra persona, era "
    "para mi esposa, era para mi mujer, era para mi hermano, era para mi jefe, era para otro chat, no era "
    "para ti, no era para usted, perdona, perdone, se me fue el mensaje, se me fue sin terminar, mensaje sin "
    "terminar, lo mande sin querer, se envio solo, ignora eso, ignoralo, olvidalo, 🙈, que pena, que pena con "
    "usted, que pena contigo, que pena molestarlo, que pena molestarla, que pena molestarte, perdon la "
    "molestia, disculpe la molestia, disculpa la molestia, perdone la molestia, disculpe la hora, perdon la "
    "hora, perdona la hora,  => ¡No pasa nada! Cuando quieras, cuéntame qué avería tienes y te ayudo.\n"
    "que dios te bendiga, que dios lo bendiga, que dios le bendiga, que dios me lo bendiga, dios me lo "
    "bendiga, dios me lo guarde, que dios lo acompane, dios lo acompane, dios te acompane, que dios te "
    "acompane, dios te cuide, dios lo cuide, que dios te cuide, que dios lo cuide, bendecido dia, bendecida "
    "tarde, bendecida noche, bendecido, bendecida, que tengas un buen dia, que tenga un buen dia, que tengas "
    "un buen fin de semana, que tenga un buen fin de semana, que tengas una buena tarde, que tenga una buena "
    "tarde, que tengas buena tarde, que tengas una buena semana, que tenga una buena semana, buena semana, "
    "feliz dia del trabajador, feliz dia del plomero, feliz dia del fontanero, feliz dia del gasfiter, feliz "
    "dia del padre, feliz dia de la madre, feliz cumpleanos, igualmente, lo mismo digo, para usted tambien, "
    "para ti tambien, bendiciones para ti, bendiciones para usted, muchas bendiciones, que te vaya bien, "
    "exitos, mucho exito, mucha suerte, buena suerte => ¡Gracias, igualmente! Aquí estoy cuando necesites "
    "ayuda con una avería.\n"
    "no entendi, no te entendi, no le entendi, no entiendo, no te entiendo, no le entiendo, no lo entiendo, "
    "no lo entendi, no he entendido, no le he entendido, no te he entendido, no lo he entendido, no entendi "
    "nada, no te entendi nada, no le entendi nada, no entiendo nada, no capte, no capto, no cache, no cacho, "
    "no comprendo, no comprendi, no me quedo claro, no quedo claro, no me queda claro, no se entiende, no se "
    "entendio, no entendi bien, no le entendi bien, no te entendi bien => Perdona si no me expliqué bien. "
    "Dime qué aparato o pieza es y qué le pasa, y te lo explico de otra forma, paso a paso."
)
# Words said around small talk, most of them from speech ("eh", "este", "a ver") or checking that someone
# listens ("¿hay alguien por ahí?"): a message of small talk and these is still small talk, however long.
SMALL_TALK_FILLER = (
    "remedios, por favor, porfa, muy, pues, eh, em, ah, mm, este, o sea, bueno, a ver, oye, oiga, mira, che, "
    "si, ahi, por ahi, alguien, y, tu, usted, ustedes, vos, a todos, companero, companera, amigo, amiga, "
    "jefe, maestro, crack, don, senor, todo, bien, una consulta, disculpa, disculpe, perdon, tambien, y ya, "
    "por wasap, por whatsapp, por el wasap, sorry, 😂, 🤣, muchacho, muchacha, muchachos, mijo, mija, joven, "
    "pana, mi pana, panita, chamo, chama, causa, causita, asere, bo, nano, mano, manito, compa, compadre, "
    "comadre, compay, hermano, hermana, mi hermano, brother, broder, bro, primo, carnal, cuate, wey, guey, "
    "parce, parcero, parcera, mi rey, socio, mi socio, inge, ingeniero, profe, profesor, patron, colega, tio,"
    " tia, chaval, illo, quillo, amigazo, campeon, master, dona, senora, senorita, caballero, po, pe, pue, "
    "ps, oigan, mire, fijate, fijese, nomas, la verdad, de verdad, ehm, umm, um, hmm, oh, uy, ay, uff, gente,"
    " xfa, porfis, plis, pls, jaja, jajaja, jeje, jiji"
)
# A short message with a small-talk phrase and other words is small talk too, unless the other words ask
# something (question words, "pero", "no", "todavía"…) or name plumbing (parts, faults, materials). A word
# ending in * matches every word that starts so ("gote*": gotea, goteo, goteando).
SMALL_TALK_MAX_WORDS = 12
SMALL_TALK_MAX_OTHER_WORDS = 4  # words besides the phrases and the filler ("small_talk_max_other_words")
# Phrases of SMALL_TALK that ask something ("¿cómo va?", "¿cómo andas?"): when they are the only phrases of a
# message, it is small talk only if nothing else is left but filler; "cómo va conectada la bomba" is a question
# ("small_talk_alone"; TALK-39.md).
SMALL_TALK_ALONE = "como va, como anda, como andas"
NOT_SMALL_TALK_WORDS = (
    "que, como, cuanto*, cuanta*, cual*, donde, cuando, porque, por que, pero, no, nada, ni, tampoco, "
    "todavia, aun, sigue*, otra vez, otro, otra, ahora, y si, antes, despues, tengo, tiene, tienes, "
    "necesito, quiero, puedo, puedes, debo, hago, hacer, pongo, uso, cambio, cambiar, cuesta, cobr*, "
    "precio*, presupuesto*, problema*, falla*, averia*, roto, rota, rompi*, agua, gas, luz, olor*, huele, "
    "humo, fuga*, gote*, pierde, tap*, atasc*, ator*, destap*, desatasc*, grifo*, llave*, canilla*, "
    "monomando*, valvula*, termo*, calentador*, boiler*, caldera*, piloto*, cisterna*, tanque*, tinaco*, "
    "deposito*, inodoro*, vater*, water, wc, taza, lavabo*, lavamanos, fregadero*, tarja*, lavaplatos, "
    "lavadero*, ducha*, regadera*, banera*, bano*, cocina*, tub*, cano*, caneria*, desague*, drenaje*, "
    "sifon*, coladera*, rejilla*, bomba*, hidroneumatico*, presion*, junta*, empaque*, sell*, teflon*, "
    "cobre, pvc, cpvc, pex, multicapa, rosca*, codo*, racor*, manguera*, contador*, medidor*, triturador*, "
    "radiador*, caliente, fria, frio, ruido*, zumba*, calambre*, humedad*, mancha*, congel*, electric*, "
    "enchufe*, monoxido, alarma*, detector*, chispa*, quem*, explot*, inund*, asesor*, tecnico*, comunica*, "
    "pasame, pasas, persona, oficina, calefon*, calefont*, terma*, bajante*, canaleta*, canalon*, pileta*, "
    "lavatorio*, bidet*, calefaccion*, riego*, aspersor*, piscina*, filtro*, lavadora*, lavavajillas, "
    "gotera*, flotador*, flexo*, latiguillo*, mezcladora*, cartucho*, cespol*, purg*, descalcific*, "
    "ablandador*, resistencia*, termostato*, quemador*, chimenea*, extractor*, ventilacion*, respiradero*, "
    "arqueta*, fosa*, septic*, aljibe*, reductor*, manometro*, expansion*"
)
# Off-topic ("off_topic_words" / "off_topic_not_words" / "off_topic_text" in the workflow's Assistant
# settings): a message about a subject that is not plumbing (football, the weather, a car, a film) gets
# OFF_TOPIC_TEXT when, once those phrases are taken out, no word of OFF_TOPIC_NOT_WORDS (the trade's parts,
# materials and faults) is left; only when the phrase list (SMALL_TALK) found no small talk.
OFF_TOPIC_WORDS = (
    "futbol, partido de futbol, el partido de ayer, el partido de anoche, el partido de hoy, viste el "
    "partido, vio el partido, vieron el partido, quien gano el partido, quien gano, quien va a ganar, golazo,"
    " partidazo, el mundial, la seleccion, el clasico, de que equipo eres, de que equipo sos, messi, "
    "cristiano ronaldo, real madrid, pelicula, peliculas, una serie, netflix, cancion, canciones, musica, "
    "telenovela, carro, coche, moto, camioneta, aceite del carro, aceite al carro, llanta, llantas, gasolina,"
    " va a llover, va a hacer frio, va a hacer calor, que calor hace, que calor, hace calor, hace mucho "
    "calor, que frio hace, hace frio, hace mucho frio, esta lloviendo, el clima, que hora es, que hora "
    "tienes, que hora tiene, que dia es hoy, el dolar, el euro, capital de, presidente, politica, elecciones,"
    " loteria, receta, recetas, almorzar, almuerzo, cenar, desayunar, novia, novio, estas casado, cuantos "
    "anos tienes, horoscopo, carros, coches, motos, mecanica, hace un calor, hace un frio, un calor, un frio,"
    " que frio, tremendo calor, tremendo frio, mucho calor, mucho frio, calor insoportable, frio "
    "insoportable, esta haciendo calor, esta haciendo frio, el partido, el clima por alla, la tarea, nif, "
    "nie, cif, rfc, curp, cuit, cuil, rut, ruc, dni, cedula, la cedula, pasaporte, la visa, carnet de "
    "conducir, carne de conducir, carnet de conductor, licencia de conducir, licencia de manejo, licencia de "
    "conduccion, permiso de conducir, brevete, pase de conduccion, hacienda, el sat, impuestos, declaracion "
    "de la renta, declaracion anual, darme de alta, alta de autonomo, autonomo, autonomos, monotributo, "
    "seguro social, jubilacion, pension, certificado energetico, certificacion energetica, avaluo, tasacion, "
    "tasar la casa, escrituras, hipoteca, credito hipotecario, prestamo, el examen, un examen, examen, "
    "oposiciones, licencia de plomero, licencia de fontanero, licencia de gasfiter, carnet de fontanero, "
    "carnet de plomero, examen de plomero, examen de fontanero, la escuela, universidad, colegio, celular, el"
    " celular, un celular, smartphone, iphone, samsung, android, foto de perfil, restaurante, restaurant, "
    "donde comer, que programa, un programa, programa para, software, excel, una app, que app, app para, "
    "aplicacion para, laptop, computadora, ordenador, impresora, banco, un banco, que banco, cuenta bancaria,"
    " cuenta de banco, tarjeta de credito, mandar plata, mandar dinero, enviar dinero, enviar plata, remesa, "
    "remesas, transferencia, western union, paypal, bizum, series, que serie, un libro, el boca, boca "
    "juniors, el river, river plate, barca, el barcelona, el america, formula uno, formula 1, f1, beisbol, "
    "basquet, baloncesto, nba, tenis, boxeo, la pelea, la liga, la champions, gol, goles, feriado, festivo, "
    "dia festivo, semana santa, vacaciones, aguinaldo, que dia cae, dia libre, correo, un correo, el correo, "
    "correo electronico, email, e mail, un mail, el mail, una carta, redactar, electricista, pintor, albanil,"
    " carpintero, cerrajero, mecanico, contable, gestor, gestoria, contador publico, llevar las cuentas, "
    "abogado, notario, arquitecto, jardinero, herrero, medico, dentista, veterinario, taxista, gallina, "
    "gallinas, pollo, vaca, cerdo, asado, carne, cerveza, pasaje, pasajes, vuelo, boleto de avion, billete de"
    " avion, entradas, dolar, bitcoin, no he comido, no he almorzado, ni he almorzado, ni he comido, sin "
    "comer, sin almorzar, tengo hambre, que hambre, no como nada, almorzado, los robots, robot, inteligencia "
    "artificial, chatgpt, sabes mas que, mejor que mi jefe, mejor que el jefe, mejor que mi maestro, mejor "
    "que el maestro, mejor que el encargado, mas que mi maestro, mas que mi jefe, si mi jefe, me despide, me "
    "despiden, sueldo, te cansas, no te cansas, mando plata, mando dinero, envio plata, envio dinero, "
    "mandarle plata, mandarle dinero, enviarle dinero, enviarle plata, giro de dinero, casa de cambio, "
    "cambiar dolares, cajero, cajero automatico, tarjeta de debito, ahorros, invertir, cripto, deuda, deudas,"
    " app, apps, aplicacion, aplicaciones, una buena serie, buena serie, para ver esta noche, tramite, "
    "tramites, tramitar, tramito, los papeles, que papeles, multa, multas, la multa, itv, la itv, vtv, soat, "
    "padron, empadronar, empadronamiento, el paro, desempleo, baja medica, incapacidad, curso, cursos, "
    "estudiar, curriculum, hoja de vida, telefono nuevo, un telefono nuevo, que movil, un movil, movil nuevo,"
    " tablet, la tele, television, televisor, ciclismo, campeonato, el torneo, la final, semifinal, penal, "
    "penales, el arbitro, hincha, dia del padre, dia de la madre, cumpleanos, mi cumple, nochebuena, "
    "carnaval, las fiestas, fin de ano, que dia es manana, que fecha es, comida, cena, desayuno, tacos, "
    "pizza, empanadas, arepas, comer algo, donde almorzar, donde cenar, electricistas, pintores, albaniles, "
    "carpinteros, cerrajeros, mecanicos, fumigador, fumigacion, mudanza, mudanzas, vidriero, tapicero, "
    "jardineria, costurera, peluquero, peluqueria, barbero, perro, perros, gato, gatos, mascota, huevos, "
    "leche, tomate, arroz, ropa, zapatos, zapatillas, diesel, un carro usado, el seguro del carro, el seguro "
    "del coche, "
    "el trafico, trafico, el transito, mucho trafico, la autopista, autopista, la autovia, autovia, la "
    "carretera, carretera, en la micro, la micro, en el bus, el bus, en el colectivo, el colectivo, la "
    "guagua, en la guagua, en taxi, el taxi, un uber, se me pincho, pinche una rueda, se me poncho, una "
    "rueda, la rueda, gasolinera, la gasolinera, el cafe, un cafe, cafecito, un tinto, el mate, unos mates, "
    "mates, terere, jugo, un jugo, zumo, naranja, ceviche, fiesta, una fiesta, cumple anos, boda, llover, "
    "llovio, lluvia, llueve, a llover, un sol que raja, el sol, solazo, nublado, madrugar, madrugue, me "
    "toco madrugar, no he parado, dia largo, un dia largo, dia larguisimo, dia de locos, no es mi dia, pura "
    "pereza, que pereza, en la pega, nada del otro mundo, estuvo tranquilo, dia tranquilo, de no parar, dia "
    "de no parar, sin parar, desde temprano, desde las cinco, desde las seis, desde las siete, arrancando "
    "temprano"
)
OFF_TOPIC_NOT_WORDS = (
    "problema*, falla*, averia*, roto, rota, rompi*, agua, gas, luz, olor*, huele, humo, fuga*, gote*, "
    "pierde, tap*, atasc*, ator*, destap*, desatasc*, grifo*, llave*, canilla*, monomando*, valvula*, termo*,"
    " calentador*, boiler*, caldera*, piloto*, cisterna*, tanque*, tinaco*, deposito*, inodoro*, vater*, "
    "water, wc, taza, lavabo*, lavamanos, fregadero*, tarja*, lavaplatos, lavadero*, ducha*, regadera*, "
    "banera*, bano*, cocina*, tub*, cano*, caneria*, desague*, drenaje*, sifon*, coladera*, rejilla*, bomba*,"
    " hidroneumatico*, presion*, junta*, empaque*, sell*, teflon*, cobre, pvc, cpvc, pex, multicapa, rosca*, "
    "codo*, racor*, manguera*, contador*, medidor*, triturador*, radiador*, caliente, fria, frio, ruido*, "
    "zumba*, calambre*, humedad*, mancha*, congel*, electric*, enchufe*, monoxido, alarma*, detector*, "
    "chispa*, quem*, explot*, inund*, fontaner*, plomer*, gasfit*, sanitari*, bajante*, canaleta*, canalon*, "
    "pileta*, lavatorio*, bidet*, calefon*, calefont*, terma*, calefaccion*, riego*, aspersor*, piscina*, "
    "filtro*, lavadora*, lavavajillas, temperatura*, grado*, radiador*, tuberia*, fuga*, mojad*, gotera*, "
    "techo*, pared*, mezcladora*, mezclador*, cartucho*, flotador*, termostato*, purg*, resistencia*, "
    "quemador*, chimenea*, extractor*, ventilacion*, respiradero*, arqueta*, fosa*, septic*, aljibe*, "
    "reductor*, manometro*, expansion*, sonda*, prensa*, termofusi*, soldadura*, estano*, flexible*, flexo*, "
    "latiguillo*, cespol*, desag*, cloaca*, alcantarill*, pozo*, trampa*, grasa*, urinario*, mingitorio*, "
    "bombe*, hidrojet*, herramienta*, accesorio*, conexion*, acometida*, instalacion*, instalar*, "
    "termotanque*, estanque*, fluxometro*, valvul*, grifer*, regist*, soldador*, soplete*, estanqueidad*, "
    "prueba de presion, hermetic*, boquilla*, niple*, reduccion*, brida*, abrazadera*, collarin*, llave de "
    "paso, ppr, polipropileno, polietileno, galvaniz*, hierro*, fundicion*, plomo, cemento*, silicon*, "
    "sellador*, pegamento*, cinta*, nivel*, pendiente*, caudal*, pulgada*, resumidero*, sumidero*, "
    "rebosadero*, motor*, turbina*, caballo*, hp, "
    "gira*, se mueve*, avanza*, sigue marcando, sube, subio, todo cerrado, todas cerradas, sin usar, no "
    "use, no uso, escondida, marron, turbia, turbio, sucia, sucio, "
    "se llena*, desbord*, rebals*, encharc*, charco*, filtra*, llueve dentro, llueve adentro, recolec*, "
    "pluvial*, captacion*, "
    "aguas, aguas negras, aguas grises, aguas servidas, residual*, se regres*, regresan, devuelv*, devolv*, "
    "dolor de cabeza, dolores de cabeza, duele la cabeza, mareo*, marea*, nausea*, vomit*, somnolen*, "
    "desmay*, intoxica*, asfixi*"
)
# The water, gas or electricity company's matters ("off_topic_utility_words"): the bill, a reading for the company,
# the contract or its holder, the tariff, a cut-off for not paying, a claim, the electricity meter. They are subjects
# like OFF_TOPIC_WORDS; next to one of them the water or gas meter and the supply (OFF_TOPIC_UTILITY_METER_WORDS,
# "off_topic_utility_meter_words") are no word of the trade, so "¿cómo leo el contador para darle la lectura a la
# compañía?" gets OFF_TOPIC_TEXT, while a leak at the meter, the stopcock after it or a meter that turns with every
# tap shut keeps a word of OFF_TOPIC_NOT_WORDS and stays a question. Not for a price (an estimate word): "¿cuánto
# cobro por cambiar el medidor que puso la compañía?" stays an estimate (bench/quality/TALK-39.md).
OFF_TOPIC_UTILITY_WORDS = (
    "factura, facturas, la factura, factura del agua, factura de agua, factura del gas, factura de gas, "
    "factura de la luz, factura de luz, recibo, recibos, el recibo, recibo del agua, recibo de agua, recibo "
    "del gas, recibo de gas, recibo de la luz, recibo de luz, boleta, boletas, boleta del agua, boleta de "
    "agua, boleta del gas, boleta de la luz, cuenta del agua, cuenta de agua, cuenta del gas, cuenta de la "
    "luz, cuenta de luz, lectura, lecturas, la lectura, lectura estimada, lectura del contador, lectura del "
    "medidor, leer el contador, leer el medidor, leen el contador, leen el medidor, pasan a leer, vengan a "
    "leer, vienen a leer, venir a leer, a nombre, a mi nombre, a nombre de, a nombre del, dar de alta, doy "
    "de alta, darlo de alta, de alta el, dar de baja, de baja el, el titular, cambio de titular, cambiar el "
    "titular, contrato del agua, contrato de agua, contrato del gas, contrato de la luz, contrato de luz, "
    "tarifa, tarifas, la tarifa, metro cubico, metros cubicos, metro cubico de agua, metros cubicos de "
    "agua, falta de pago, por no pagar, reconexion, reconectar, reconecten, la compania de "
    "agua, la compania del agua, la compania de aguas, compania de agua, compania del agua, la empresa de "
    "agua, la empresa del agua, la empresa de aguas, empresa de agua, empresa del agua, la distribuidora, "
    "la comercializadora, la suministradora, reclamo, reclamar, reclamacion, pagar el agua, pago el agua, "
    "pagar la luz, pago la luz, pagar el gas, pago el gas, es legal, eso es legal, medidor de luz, medidor "
    "de la luz, contador de luz, contador de la luz, contador electrico, medidor electrico, medidor de "
    "energia"
)
OFF_TOPIC_UTILITY_METER_WORDS = (
    "contador, contadores, el contador, medidor, medidores, el medidor, hidrometro, micromedidor, contador "
    "del agua, contador de agua, medidor del agua, medidor de agua, contador del gas, contador de gas, "
    "medidor del gas, medidor de gas, cortaron el agua, me cortaron el agua, corte de agua, corte del agua, "
    "cortaron el gas, cortaron la luz, me cortaron la luz"
)
OFF_TOPIC_TEXT = (
    "De eso no sé mucho: lo mío es la fontanería. Cuando tengas una avería o una duda de la obra, cuéntamela "
    "y te ayudo."
)
# Labels the model sometimes copies from the prompt: the prompt's own section headings ("PREGUNTA DEL
# FONTANERO:", build_messages), the article passage's labels ("Título:", "Pasos:", "Seguridad:",
# kb_answer_passage in n8n-workflows/knowledge/answer.sql), and the article's other fields. A label counts
# however it is written: alone on its line or followed by text, numbered ("1. Pregunta:"), bulleted, in bold,
# as a Markdown heading, or in the middle of a line ("… 2. Pasos: 1. Cerrar …"); accents and case do not matter.
# tests/workflows/test_answer_shape.py derives every label and instruction from the prompt itself and checks
# that none reaches a plumber, so a new prompt line with a label not listed here fails that test.
_ECHO_HEADINGS = (
    "documentacion de la empresa", "documentacion", "pregunta anterior del fontanero", "pregunta anterior",
    "lo que dijo el equipo", "pregunta del fontanero", "pregunta", "respuesta", "titulo", "problema", "pasos", "procedimiento", "seguridad",
    "seguridad primero", "sintomas", "cuando llamar a un profesional", "fuente", "fuentes", "source",
)
# Labels whose text is dropped with them (a copied title, question or made-up source); for the others
# ("Problema: …", "Seguridad: …") only the label goes and the sentence stays.
_DROP_WITH_LABEL = {"documentacion de la empresa", "documentacion", "pregunta anterior del fontanero",
                    "lo que dijo el equipo",
                    "pregunta anterior", "pregunta del fontanero", "pregunta", "titulo", "fuente", "fuentes",
                    "source"}
# What the prompt says when there is no documentation (build_messages): never an answer.
NO_DOCUMENTATION = "(No hay documentación sobre esta pregunta.)"
_LABEL = re.compile(r"^\s*(?:(?:\d{1,2}\s*[.)]|[-•])\s*)?([^:]{1,40}):(.*)$", re.DOTALL)
# Where a label may start in the middle of a line: after a space, optionally numbered ("… 2. Pasos: …").
_INLINE_LABEL = re.compile(
    r"(?<=\s)(?:\d{1,2}\s*[.)]\s*)?(?:" + "|".join(
        r"\s+".join(re.escape(w) for w in h.split()) for h in sorted(_ECHO_HEADINGS, key=len, reverse=True)
    ) + r")\s*:")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+")
_NEXT_STEP = re.compile(r"(?<=[.!?…])\s+(?=\d{1,2}[.)]\s)")  # "…? 2. Cerrar…"
_LEAD_ONLY = re.compile(r"\s*(?:(?:\d{1,2}\s*[.)]|[-•])\s*)?")  # nothing before a label but its number
_SENTENCE_END = re.compile(r"[.!?…][\"'»)\]]*(?=\s|$)")
_STEP_NUMBER = re.compile(r"^\s*\d{1,2}[.)]$")
_KB_TAG = re.compile(r"\s*\(?\bKB-[a-z0-9-]+\)?", re.IGNORECASE)


def plain(text: str) -> str:
    """Lower case, no accents, only letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", stripped).split())


# ----------------------------------------------------------------------------------------- small talk
def _squeeze(text: str) -> str:
    """Letters said or typed long made one ("holaaa", "graciass", "mmm", "ehh"): small talk only (the same on
    both sides, so "llave" and "lave" compare alike). But "rr" stays "rr" ("rrr" becomes "rr"): Spanish tells
    "carro" from "caro" and "perro" from "pero" by it."""
    return re.sub(r"([a-z])\1+", r"\1", re.sub(r"r{2,}", "R", text)).replace("R", "rr")


def _talk_plain(text: str) -> str:
    """plain() that keeps each emoji (a Unicode "other symbol", like 👍 🙏 👋) as a word of its own."""
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    kept = "".join(f" {ch} " if unicodedata.category(ch) == "So" else ch if ch.isascii() and ch.isalnum() else " "
                   for ch in stripped)
    return " ".join(kept.split())


def _phrases(text: str) -> list[str]:
    return [p for p in (_squeeze(_talk_plain(part)) for part in re.split(r"[,;]", text or "")) if p]


def _has_word(rest: str, words: str) -> bool:
    """Whether the text (" a b c ") holds one of the words; "gote*" is any word that starts with "gote"."""
    for part in re.split(r"[,;]", words or ""):
        word = _squeeze(_talk_plain(part))
        if word and part.strip().endswith("*"):
            if " " + word in rest:
                return True
        elif word and " " + word + " " in rest:
            return True
    return False


def small_talk_reply(text: str, small_talk: str = SMALL_TALK, filler: str = SMALL_TALK_FILLER,
                     max_words: int = SMALL_TALK_MAX_WORDS,
                     not_with: str = NOT_SMALL_TALK_WORDS,
                     max_other_words: int = SMALL_TALK_MAX_OTHER_WORDS,
                     off_topic: str = OFF_TOPIC_WORDS, off_topic_not: str = OFF_TOPIC_NOT_WORDS,
                     off_topic_text: str = OFF_TOPIC_TEXT, alone: str | None = None) -> str | None:
    """The fixed reply when the message is a greeting, thanks, goodbye, "are you there", "who are you" or an
    acknowledgement (alone, or short and without a question or plumbing word), or a subject that is not
    plumbing (off_topic_reply), else None."""
    reply = _phrase_reply(text, small_talk, filler, max_words, not_with, max_other_words,
                          SMALL_TALK_ALONE if alone is None else alone)
    return reply if reply is not None else off_topic_reply(text, off_topic, off_topic_not, off_topic_text)


def off_topic_reply(text: str, off_topic: str = OFF_TOPIC_WORDS, off_topic_not: str = OFF_TOPIC_NOT_WORDS,
                    off_topic_text: str = OFF_TOPIC_TEXT, utility: str = OFF_TOPIC_UTILITY_WORDS,
                    utility_meter: str = OFF_TOPIC_UTILITY_METER_WORDS, for_price: bool = False) -> str | None:
    """OFF_TOPIC_TEXT when the message names a subject that is not plumbing (OFF_TOPIC_WORDS, or the utility's
    matters of OFF_TOPIC_UTILITY_WORDS) and, once those phrases are taken out, nothing of the trade
    (OFF_TOPIC_NOT_WORDS); next to a utility's matter the meter and the supply (OFF_TOPIC_UTILITY_METER_WORDS) are
    taken out too, except for a price (for_price: the router's estimate words were found); else None."""
    rest = " " + _squeeze(_talk_plain(text)) + " "
    found = utility_found = False
    own = set(_phrases(utility))
    for phrase in sorted(_phrases(off_topic) + _phrases(utility), key=len, reverse=True):
        while " " + phrase + " " in rest:
            rest = rest.replace(" " + phrase + " ", " ", 1)
            found = True
            utility_found = utility_found or phrase in own
    if utility_found and not for_price:
        for phrase in sorted(_phrases(utility_meter), key=len, reverse=True):
            while " " + phrase + " " in rest:
                rest = rest.replace(" " + phrase + " ", " ", 1)
    if not (off_topic_text or "").strip() or not found or _has_word(rest, off_topic_not):
        return None
    return off_topic_text.strip()


def _phrase_reply(text: str, small_talk: str, filler: str, max_words: int, not_with: str,
                  max_other_words: int, alone: str = SMALL_TALK_ALONE) -> str | None:
    """The phrase list's reply (SMALL_TALK), else None."""
    kinds = []
    for index, line in enumerate((small_talk or "").split("\n")):
        phrases, arrow, reply = line.partition("=>")
        if arrow and reply.strip():
            kinds.append((index, _phrases(phrases), reply.strip()))
    # longest phrase first ("buenas tardes" before "buenas"), then in the order written
    candidates = sorted(((len(p), i, j, p) for i, phrases, _ in kinds for j, p in enumerate(phrases)),
                        key=lambda c: (-c[0], c[1], c[2]))
    whole = " " + _squeeze(_talk_plain(text)) + " "
    fillers = sorted(_phrases(filler), key=len, reverse=True)

    def without(rest: str, phrases: list[str]) -> str:
        for phrase in phrases:
            while " " + phrase + " " in rest:
                rest = rest.replace(" " + phrase + " ", " ", 1)
        return rest

    def take(chosen: list[tuple[int, int, int, str]]) -> tuple[str, int, set[str]]:
        rest, matched, used = whole, -1, set()
        for _, index, _, phrase in chosen:
            while " " + phrase + " " in rest:
                rest = rest.replace(" " + phrase + " ", " ", 1)
                matched = max(matched, index)
                used.add(phrase)
        return rest, matched, used

    rest, matched, used = take(candidates)
    if matched < 0:
        return None
    # SMALL_TALK_ALONE: phrases that ask ("¿cómo va?") and are the only phrases found count only when nothing else
    # is left: "cómo va conectada la bomba" is a question, not a greeting with words of the trade
    if used <= set(_phrases(alone)) and without(rest, fillers).strip():
        return None
    reply = next(reply for index, _, reply in kinds if index == matched)
    blocked = _has_word(rest, not_with)
    rest = without(rest, fillers)
    if not rest.strip():
        return reply
    if blocked or len(whole.split()) > int(max_words or 0):
        return None
    # more than a few other words is a message of its own ("ya medí la resistencia y está bien, ¿qué más?")
    if len(rest.split()) > int(max_other_words or 0):
        return None
    return reply


def earlier_questions(history: list[dict[str, str]], limit: int = EARLIER_MESSAGES) -> str:
    """The conversation's earlier plumber messages, newest first, one per line (``history`` oldest first, as
    the workflow's "Load recent history" returns it): kb_answer's second argument."""
    users = [m["content"].replace("\n", " ").strip() for m in history if m.get("role") == "user"]
    return "\n".join([u for u in reversed(users) if u][:limit])


# ----------------------------------------------------------------------------------------- the prompt
def build_messages(
    question: str,
    context: str,
    sources: str = "",
    system_prompt: str = SYSTEM_PROMPT,
    earlier: str = "",
    person_said: str = "",
) -> list[dict[str, str]]:
    """The chat messages for a grounded answer. ``context`` is kb_answer's column; ``sources`` is not shown
    to the model (the code appends it), it is accepted so callers pass the row as it comes. ``earlier`` is
    kb_answer's ``earlier`` (the previous question(s) a follow-up was found with, '' otherwise);
    ``person_said`` what a person of the team wrote in this conversation after a takeover ('' if nobody did)."""
    documentation = context.strip() or "(No hay documentación sobre esta pregunta.)"
    user = "DOCUMENTACIÓN DE LA EMPRESA:\n" + documentation + "\n\n"
    if earlier.strip():
        user += "PREGUNTA ANTERIOR DEL FONTANERO:\n" + earlier.strip() + "\n\n"
    if person_said.strip():
        user += "LO QUE DIJO EL EQUIPO:\n" + person_said.strip() + "\n\n"
    user += "PREGUNTA DEL FONTANERO:\n" + question.strip() + "\n\n" + ANSWER_INSTRUCTION
    return [
        {"role": "system", "content": system_prompt.strip() + "\n\n" + GROUNDING_RULES},
        {"role": "user", "content": user},
    ]


def build_messages_alone(question: str, system_prompt: str = SYSTEM_PROMPT) -> list[dict[str, str]]:
    """The model alone, as the workflow asked it before retrieval: system prompt and question."""
    return [{"role": "system", "content": system_prompt}, {"role": "user", "content": question.strip()}]


# ----------------------------------------------------------------------------------------- the answer
def _is_safety_advice(sentence: str) -> bool:
    """A sentence of the prompt under a "Seguridad…:" label is advice the plumber may well read again."""
    labelled = _LABEL.match(sentence)
    return bool(labelled) and plain(labelled.group(1)).startswith("seguridad")


def instruction_sentences(*texts: str) -> list[str]:
    """The prompt's instructions (plain text, one per sentence) that must never reach a plumber: every
    sentence of ``texts`` (the system prompt, the grounding rules, the answer instruction, …) except the
    safety advice (a sentence under a "Seguridad…:" label)."""
    sentences = []
    for text in texts:
        for line in (text or "").split("\n"):
            for sentence in _SENTENCE_SPLIT.split(line.strip()):
                if plain(sentence) and not _is_safety_advice(sentence):
                    sentences.append(plain(sentence))
    return sentences


def _prompt_sentences(system_prompt: str = SYSTEM_PROMPT) -> list[str]:
    """The instructions the model must never repeat to a plumber (not the safety advice)."""
    return instruction_sentences(system_prompt, GROUNDING_RULES, ANSWER_INSTRUCTION, NO_DOCUMENTATION)


def _fold(text: str) -> str:
    """Lower case without accents, character for character (positions stay those of ``text``)."""
    folded = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0].lower()
        folded.append(base if len(base) == 1 else ch)
    return "".join(folded)


def _split_at_labels(line: str) -> list[str]:
    """The line cut before every prompt label that starts a new part of it ("… 2. Pasos: …", "…? Respuesta:")."""
    cuts = [m.start() for m in _INLINE_LABEL.finditer(_fold(line))
            if not _LEAD_ONLY.fullmatch(line[:m.start()])
            and (m.group(0)[0].isdigit() or re.search(r"[.!?…:;)]\s*$", line[:m.start()]))]
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:]) if line[a:b].strip()]


def _without_instructions(line: str, instructions: list[str]) -> str:
    """The line without the sentences that repeat the prompt's instructions: a whole instruction sentence,
    or five words or more of one."""
    def echoed(sentence: str) -> bool:
        key = plain(sentence)
        return bool(key) and any(key == i or (len(key.split()) >= 5 and key in i) for i in instructions)

    sentences = _SENTENCE_SPLIT.split(line.strip())
    kept = [sentence for sentence in sentences if not echoed(sentence)]
    return line if len(kept) == len(sentences) else " ".join(kept)


def _unmark(line: str) -> str:
    """A line without Markdown: no headers, bold or italics marks, code ticks; "* item" becomes "- item"."""
    line = re.sub(r"^\s*#{1,6}\s*", "", line)
    line = re.sub(r"^(\s*)[*+]\s+", r"\1- ", line)
    line = line.replace("**", "").replace("__", "").replace("*", "").replace("`", "")
    return line.rstrip()


def clean_answer(
    model_text: str | None,
    question: str = "",
    finish_reason: str | None = "stop",
    title: str = "",
    max_words: int = MAX_WORDS,
    system_prompt: str = SYSTEM_PROMPT,
    earlier: str = "",
) -> str:
    """The model's answer as a plumber may read it: without prompt echoes (the prompt's labels however they
    are written, the question, the article's title, the instructions), Markdown or a made-up source line,
    and ending with a complete sentence or step. '' when nothing is left."""
    echoes = {plain(question), plain(title)} | {plain(e) for e in (earlier or "").split("\n")}
    echoes.discard("")
    instructions = _prompt_sentences(system_prompt)
    lines: list[str] = []
    for raw in (model_text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        whole = _KB_TAG.sub("", _unmark(raw)).rstrip()
        if not plain(whole):
            lines.append("")
            continue
        for part in _split_at_labels(whole):
            line = part if part != whole.strip() else whole
            labelled = _LABEL.match(line)
            if labelled and plain(labelled.group(1)) in _ECHO_HEADINGS:
                label, rest = plain(labelled.group(1)), labelled.group(2).strip()
                if label in _DROP_WITH_LABEL:
                    # a copied heading, title, question or source; a step numbered after it on the same line stays
                    after = _NEXT_STEP.search(rest)
                    if not after:
                        continue
                    rest = rest[after.end():]
                if not plain(rest):
                    continue
                line = rest  # "Problema: …" -> "…"
            elif plain(line) in _ECHO_HEADINGS:
                continue  # a heading alone on its line, without a colon
            if plain(line) in echoes:
                continue
            line = _without_instructions(line, instructions)
            if plain(line):
                lines.append(line)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return trim_answer(text, cut=finish_reason == "length", max_words=max_words)


def _words(text: str) -> int:
    return len(text.split())


def trim_answer(text: str, cut: bool, max_words: int = MAX_WORDS) -> str:
    """``text`` ending with a complete sentence or step: when the model was cut off (``cut``) or wrote more
    than ``max_words`` words, everything after the last sentence end or line end that keeps it within
    ``max_words`` goes, and so do trailing lines that only introduce what was cut ("Pasos:")."""
    text = text.strip()
    if not cut and _words(text) <= max_words:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)
            if not _STEP_NUMBER.match(text[text.rfind("\n", 0, m.start()) + 1: m.end()])]
    ends += [i for i, ch in enumerate(text) if ch == "\n"]
    if not cut:
        ends.append(len(text))
    best = max((e for e in ends if _words(text[:e]) <= max_words), default=0)
    kept = text[:best].rstrip().split("\n")
    while kept and (not kept[-1].strip() or kept[-1].rstrip().endswith(":")
                    or _STEP_NUMBER.match(kept[-1]) or re.fullmatch(r"\s*[-•]\s*", kept[-1])):
        kept.pop()
    return "\n".join(kept).strip()


def finalize_reply(
    model_text: str | None,
    safety_message: str | None,
    sources: str,
    found: bool,
    finish_reason: str | None = "stop",
    question: str = "",
    title: str = "",
    earlier: str = "",
) -> str:
    """The text the plumber receives. Safety message first (fixed text from safety_rules), then the
    model's answer cleaned by clean_answer (FALLBACK_ANSWER when nothing is left of it), then the real
    "Fuente: ..." line. With found false the answer is NOT_FOUND_REPLY whatever the model said."""
    parts: list[str] = []
    if safety_message:
        parts.append(safety_message.strip())
    if found:
        parts.append(clean_answer(model_text, question, finish_reason, title, earlier=earlier) or FALLBACK_ANSWER)
        if sources:
            parts.append(sources.strip())
    else:
        parts.append(NOT_FOUND_REPLY)
    return "\n\n".join(parts)
