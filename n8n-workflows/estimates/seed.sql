-- Remedios estimates: the price catalogue shipped with Remedios (Spain, EUR, before IVA).
-- Applied after estimates/schema.sql, on every start. Idempotent: upsert by code.
-- A seeded row that staff have edited since it was seeded is never overwritten here (estimate_seed_item
-- compares the current content with what the seed last wrote). Rows added by staff (other codes) and the
-- `active` switch are never touched.
--
-- EXAMPLE PRICES: plausible Spanish trade prices written by the Remedios technical team as a starting point.
-- They are NOT the business's prices: review every row (see README.md) before sending estimates to customers.
-- Every row written here has price_catalog.example = true until someone changes its price:
--   SELECT family, code, name, unit, unit_price FROM price_catalog WHERE example;

-- estimate_seed_item(code, family, kind, name, unit, unit_price, aliases [, taxable])

-- Water heaters ----------------------------------------------------------------------------------------
SELECT estimate_seed_item('calentador-electrico-50l', 'Termos, calentadores y calderas', 'material', 'Termo eléctrico 50 l', 'ud', 189.00,
    'termo 50 l, termo de 50 litros, termo electrico de 50 litros, calentador electrico 50 l, calentador electrico de 50 litros, boiler de 50 litros, termo, termo eléctrico');
SELECT estimate_seed_item('calentador-electrico-80l', 'Termos, calentadores y calderas', 'material', 'Termo eléctrico 80 l', 'ud', 229.00,
    'termo 80 l, termo de 80 litros, termo electrico de 80 litros, calentador electrico 80 l, calentador electrico de 80 litros, boiler de 80 litros, calentador de 20 galones, termo de 20 galones, termo, termo eléctrico');
SELECT estimate_seed_item('calentador-electrico-100l', 'Termos, calentadores y calderas', 'material', 'Termo eléctrico 100 l', 'ud', 265.00,
    'termo 100 l, termo de 100 litros, termo electrico de 100 litros, calentador electrico 100 l, calentador electrico de 100 litros, boiler de 100 litros, termo, termo eléctrico');
SELECT estimate_seed_item('calentador-electrico-150l', 'Termos, calentadores y calderas', 'material', 'Termo eléctrico 150 l', 'ud', 369.00,
    'termo 150 l, termo de 150 litros, termo electrico de 150 litros, calentador electrico 150 l, calentador electrico de 150 litros, boiler de 150 litros, calentador de 40 galones, calentador electrico de 40 galones, termo de 40 galones, boiler de 40 galones, termo, termo eléctrico');
SELECT estimate_seed_item('calentador-gas-11l', 'Termos, calentadores y calderas', 'material', 'Calentador de gas estanco 11 l/min', 'ud', 345.00,
    'calentador de gas 11 litros, calentador gas 11 l, calentador estanco 11 litros, calentador de gas de 11 l/min, calentador de butano 11 litros, calentador de gas natural 11 litros, calentador de gas, calentador estanco');
SELECT estimate_seed_item('calentador-gas-14l', 'Termos, calentadores y calderas', 'material', 'Calentador de gas estanco 14 l/min', 'ud', 425.00,
    'calentador de gas 14 litros, calentador gas 14 l, calentador estanco 14 litros, calentador de gas de 14 l/min, calentador de butano 14 litros, calentador de gas natural 14 litros, calentador de gas, calentador estanco');
SELECT estimate_seed_item('valvula-seguridad-termo', 'Termos, calentadores y calderas', 'material', 'Válvula de seguridad para termo 1/2" (7-8 bar)', 'ud', 9.80,
    'valvula de seguridad, valvula de seguridad del termo, grupo de seguridad, valvula de alivio');
SELECT estimate_seed_item('kit-conexion-termo', 'Termos, calentadores y calderas', 'material', 'Kit de conexión de termo (2 latiguillos y manguitos dieléctricos)', 'ud', 18.50,
    'kit de conexion, kit conexion termo, manguitos dielectricos, latiguillos del termo');

-- Pipe (per metre) -------------------------------------------------------------------------------------
SELECT estimate_seed_item('tubo-cobre-15mm', 'Tubería', 'material', 'Tubo de cobre 15 mm', 'm', 9.40,
    'tuberia de cobre de 15 mm, tubo cobre 15, cobre 15 mm, cobre de 15, tuberia de cobre 15, tubo de cobre de 1/2, tubería de cobre, tubo de cobre');
SELECT estimate_seed_item('tubo-cobre-18mm', 'Tubería', 'material', 'Tubo de cobre 18 mm', 'm', 11.90,
    'tuberia de cobre de 18 mm, tubo cobre 18, cobre 18 mm, cobre de 18, tuberia de cobre 18, tubería de cobre, tubo de cobre');
SELECT estimate_seed_item('tubo-cobre-22mm', 'Tubería', 'material', 'Tubo de cobre 22 mm', 'm', 15.60,
    'tuberia de cobre de 22 mm, tubo cobre 22, cobre 22 mm, cobre de 22, tuberia de cobre 22, tubo de cobre de 3/4, tubería de cobre, tubo de cobre');
SELECT estimate_seed_item('tubo-multicapa-16mm', 'Tubería', 'material', 'Tubo multicapa 16 mm', 'm', 3.90,
    'multicapa 16, multicapa de 16 mm, tuberia multicapa 16, tubo multicapa de 16, multicapa, tubería multicapa');
SELECT estimate_seed_item('tubo-multicapa-20mm', 'Tubería', 'material', 'Tubo multicapa 20 mm', 'm', 5.20,
    'multicapa 20, multicapa de 20 mm, tuberia multicapa 20, tubo multicapa de 20, multicapa, tubería multicapa');
SELECT estimate_seed_item('tubo-pex-16mm', 'Tubería', 'material', 'Tubo PEX 16 mm', 'm', 1.60,
    'pex 16, pex de 16 mm, tuberia pex 16, polietileno reticulado 16, pex, tubería pex');
SELECT estimate_seed_item('tubo-pex-20mm', 'Tubería', 'material', 'Tubo PEX 20 mm', 'm', 2.20,
    'pex 20, pex de 20 mm, tuberia pex 20, polietileno reticulado 20, pex, tubería pex');
SELECT estimate_seed_item('tubo-pvc-40mm', 'Tubería', 'material', 'Tubo PVC evacuación 40 mm', 'm', 3.20,
    'pvc 40, tubo pvc 40, tuberia pvc 40, tubo de desague 40, pvc de 40 mm, tubo de pvc, tubería de pvc');
SELECT estimate_seed_item('tubo-pvc-110mm', 'Tubería', 'material', 'Tubo PVC evacuación 110 mm', 'm', 9.80,
    'pvc 110, tubo pvc 110, tuberia pvc 110, bajante 110, tubo de desague 110, pvc de 110 mm, tubo de pvc, tubería de pvc');

-- Fittings and valves ----------------------------------------------------------------------------------
SELECT estimate_seed_item('codo-cobre-15mm', 'Accesorios y racores', 'material', 'Codo de cobre 15 mm para soldar', 'ud', 1.10,
    'codo cobre 15, codo de 15, codo 90 cobre 15, codo');
SELECT estimate_seed_item('codo-cobre-22mm', 'Accesorios y racores', 'material', 'Codo de cobre 22 mm para soldar', 'ud', 2.40,
    'codo cobre 22, codo de 22, codo 90 cobre 22, codo');
SELECT estimate_seed_item('te-cobre-15mm', 'Accesorios y racores', 'material', 'Te de cobre 15 mm para soldar', 'ud', 1.60,
    'te cobre 15, te de 15, t de cobre 15');
SELECT estimate_seed_item('racor-multicapa-16mm', 'Accesorios y racores', 'material', 'Racor de presión multicapa 16 mm', 'ud', 4.80,
    'racor multicapa 16, enlace multicapa 16, accesorio multicapa 16, racor');
SELECT estimate_seed_item('codo-pvc-40mm', 'Accesorios y racores', 'material', 'Codo PVC 40 mm', 'ud', 1.20, 'codo pvc 40, codo de desague 40, codo');
SELECT estimate_seed_item('codo-pvc-110mm', 'Accesorios y racores', 'material', 'Codo PVC 110 mm', 'ud', 4.90, 'codo pvc 110, codo de bajante 110, codo');
SELECT estimate_seed_item('llave-escuadra-1-2', 'Llaves y válvulas', 'material', 'Llave de escuadra 1/2" x 3/8"', 'ud', 7.50,
    'llave de escuadra, llave escuadra, llave de paso del lavabo, llave de corte del lavabo');
SELECT estimate_seed_item('llave-paso-3-4', 'Llaves y válvulas', 'material', 'Llave de paso de esfera 3/4"', 'ud', 12.90,
    'llave de paso, llave de corte, llave de paso general, valvula de esfera 3/4, llave de bola');
SELECT estimate_seed_item('latiguillo-30cm', 'Accesorios y racores', 'material', 'Latiguillo flexible 30 cm', 'ud', 4.50,
    'latiguillo, flexible, manguera flexible, latiguillo de 30');
SELECT estimate_seed_item('reductor-presion-3-4', 'Llaves y válvulas', 'material', 'Regulador de presión 3/4" con manómetro', 'ud', 58.00,
    'regulador de presion, reductor de presion, valvula reductora de presion, valvula reguladora de presion');

-- Faucets, cisterns, toilets, traps --------------------------------------------------------------------
SELECT estimate_seed_item('cartucho-ceramico-35mm', 'Grifería', 'material', 'Cartucho cerámico monomando 35 mm', 'ud', 14.90,
    'cartucho 35, cartucho de 35 mm, cartucho ceramico 35, cartucho monomando 35, cartucho, cartucho cerámico');
SELECT estimate_seed_item('cartucho-ceramico-40mm', 'Grifería', 'material', 'Cartucho cerámico monomando 40 mm', 'ud', 16.90,
    'cartucho 40, cartucho de 40 mm, cartucho ceramico 40, cartucho monomando 40, cartucho, cartucho cerámico');
SELECT estimate_seed_item('montura-ceramica-1-2', 'Grifería', 'material', 'Montura cerámica 1/2" para grifo bicomando', 'ud', 8.90,
    'montura, montera, montura ceramica, montura de grifo');
SELECT estimate_seed_item('mecanismo-descarga-doble', 'Cisternas y mecanismos', 'material', 'Mecanismo de descarga de cisterna, doble pulsador', 'ud', 24.90,
    'mecanismo de descarga, mecanismo de cisterna, mecanismo de la cisterna, pulsador de cisterna, descargador');
SELECT estimate_seed_item('mecanismo-alimentacion', 'Cisternas y mecanismos', 'material', 'Grifo flotador (mecanismo de alimentación) de cisterna', 'ud', 12.90,
    'mecanismo de alimentacion, grifo flotador, flotador de cisterna, valvula de llenado, boya de cisterna');
SELECT estimate_seed_item('obturador-descarga', 'Cisternas y mecanismos', 'material', 'Obturador / junta de descarga de cisterna', 'ud', 6.50,
    'obturador, clapeta, tapon de descarga, junta de descarga, sapito, flapper');
SELECT estimate_seed_item('junta-cera-inodoro', 'Sanitarios y fregaderos', 'material', 'Junta de cera para inodoro', 'ud', 6.90,
    'junta de cera, anillo de cera, cera del inodoro, cera del vater');
SELECT estimate_seed_item('mangueton-inodoro', 'Sanitarios y fregaderos', 'material', 'Manguetón de inodoro 110 mm', 'ud', 14.50,
    'mangueton, mangueton del inodoro, mangueton del vater, manguito del inodoro');
SELECT estimate_seed_item('sifon-lavabo', 'Desagües y sifones', 'material', 'Sifón de botella para lavabo', 'ud', 9.90,
    'sifon de lavabo, sifon botella, sifon del lavabo, sifon');
SELECT estimate_seed_item('sifon-fregadero', 'Desagües y sifones', 'material', 'Sifón doble para fregadero', 'ud', 16.90,
    'sifon de fregadero, sifon del fregadero, sifon doble');

-- Labour, service call, disposal, permits -------------------------------------------------------------
SELECT estimate_seed_item('mano-obra-oficial', 'Mano de obra', 'labour', 'Mano de obra oficial fontanero', 'h', 38.00,
    'mano de obra, hora de oficial, oficial, oficial fontanero, fontanero, hora de fontanero');
SELECT estimate_seed_item('mano-obra-ayudante', 'Mano de obra', 'labour', 'Mano de obra ayudante', 'h', 24.00,
    'ayudante, hora de ayudante, peon');
SELECT estimate_seed_item('desplazamiento', 'Desplazamientos y visitas', 'service_call', 'Desplazamiento', 'ud', 30.00,
    'salida, visita, servicio, desplazamiento normal, cargo por visita');
SELECT estimate_seed_item('desplazamiento-urgente', 'Desplazamientos y visitas', 'service_call', 'Desplazamiento urgente (fuera de horario)', 'ud', 60.00,
    'urgencia, salida urgente, desplazamiento de urgencia, servicio urgente');
SELECT estimate_seed_item('retirada-calentador', 'Retirada y residuos', 'disposal', 'Retirada y gestión del termo o calentador viejo', 'ud', 25.00,
    'retirada del termo, retirada del calentador, retirar termo viejo, reciclaje del termo, llevarse el viejo, retirar el viejo, retirando el viejo, quitar el viejo');
SELECT estimate_seed_item('retirada-sanitario', 'Retirada y residuos', 'disposal', 'Retirada y gestión de sanitario viejo', 'ud', 20.00,
    'retirada del inodoro, retirada del lavabo, retirar el vater viejo, retirar el viejo, retirando el viejo, quitar el viejo');
SELECT estimate_seed_item('tasa-obra-menor', 'Tasas y certificados', 'permit', 'Tasa municipal de obra menor (suplido, sin IVA)', 'ud', 45.00,
    'tasa municipal, licencia de obra menor, permiso de obra, permiso municipal, comunicacion previa', false);

-- Job rules ---------------------------------------------------------------------------------------------
-- estimate_seed_job(code, name, items that trigger it, labour hours once, labour hours per unit named,
--                   extras added [, words that must be said; empty = estimate_settings.job_words])
-- EXAMPLE HOURS, like the prices above: review them (README.md) before sending estimates to customers.
SELECT estimate_seed_job('termo-electrico', 'Instalar un termo eléctrico',
    'calentador-electrico-50l, calentador-electrico-80l, calentador-electrico-100l, calentador-electrico-150l',
    2.5, 0, 'kit-conexion-termo, valvula-seguridad-termo');
SELECT estimate_seed_job('calentador-gas', 'Instalar un calentador de gas',
    'calentador-gas-11l, calentador-gas-14l', 3, 0, 'kit-conexion-termo');
SELECT estimate_seed_job('cambio-calentador', 'Cambiar un termo o calentador: retirar el viejo',
    'calentador-electrico-50l, calentador-electrico-80l, calentador-electrico-100l, calentador-electrico-150l, '
    'calentador-gas-11l, calentador-gas-14l', 0.5, 0, 'retirada-calentador',
    'cambiar, cambio, sustituir, sustitucion, reemplazar, renovar');
SELECT estimate_seed_job('valvula-termo', 'Cambiar la válvula de seguridad del termo', 'valvula-seguridad-termo', 0.5, 0, '');
SELECT estimate_seed_job('grifo', 'Reparar un grifo (cartucho o montura)',
    'cartucho-ceramico-35mm, cartucho-ceramico-40mm, montura-ceramica-1-2', 0.75, 0, '');
SELECT estimate_seed_job('cisterna', 'Reparar la cisterna (mecanismos, obturador)',
    'mecanismo-descarga-doble, mecanismo-alimentacion, obturador-descarga', 0.75, 0, '');
SELECT estimate_seed_job('inodoro-junta', 'Desmontar y volver a asentar el inodoro (junta, manguetón)',
    'junta-cera-inodoro, mangueton-inodoro', 1.5, 0, '');
SELECT estimate_seed_job('sifon', 'Cambiar un sifón', 'sifon-lavabo, sifon-fregadero', 0.5, 0, '');
SELECT estimate_seed_job('llaves-latiguillos', 'Cambiar llaves de escuadra o latiguillos',
    'llave-escuadra-1-2, latiguillo-30cm', 0.5, 0.25, '');
SELECT estimate_seed_job('llave-paso', 'Cambiar la llave de paso', 'llave-paso-3-4', 1, 0, '');
SELECT estimate_seed_job('reductor', 'Instalar un regulador de presión', 'reductor-presion-3-4', 1.5, 0, '');
SELECT estimate_seed_job('tuberia-cobre', 'Tramo de tubería de cobre (por metro y accesorio)',
    'tubo-cobre-15mm, tubo-cobre-18mm, tubo-cobre-22mm, codo-cobre-15mm, codo-cobre-22mm, te-cobre-15mm', 0.5, 0.3, '');
SELECT estimate_seed_job('tuberia-multicapa', 'Tramo de tubería multicapa (por metro y racor)',
    'tubo-multicapa-16mm, tubo-multicapa-20mm, racor-multicapa-16mm', 0.5, 0.25, '');
SELECT estimate_seed_job('tuberia-pex', 'Tramo de tubería PEX (por metro)', 'tubo-pex-16mm, tubo-pex-20mm', 0.5, 0.2, '');
SELECT estimate_seed_job('desague-pvc', 'Tramo de desagüe de PVC (por metro y codo)',
    'tubo-pvc-40mm, tubo-pvc-110mm, codo-pvc-40mm, codo-pvc-110mm', 0.5, 0.3, '');
