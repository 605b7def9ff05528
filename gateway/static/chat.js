/* Remedios web chat. Plain JS, no build step.
 *
 * - The conversation id lives in localStorage; the socket is /ws?conversation=<id>.
 * - Messages are cached in localStorage (shown instantly on reload) and merged with the server
 *   history (dedupe by id) after every (re)connect.
 * - A message stays "unacked" until the gateway answers `accepted`; unacked messages are resent with
 *   the same id after a reconnect, so a resend is never a second message.
 * - Message text is always set with textContent (never innerHTML).
 * - Voice notes: the mic button records with MediaRecorder (tap to start / tap ➤ to send, or hold to talk),
 *   uploads the recording to POST /api/voice with an id made here (reused on retry), and shows
 *   "🎤 Transcribiendo…" until the transcript comes back.
 * - Estimates: a reply carrying an `estimate` card is shown as a table (renderEstimate); every card value is
 *   set with textContent, and its link is only used when it is http(s). The reply's plain text stays in the
 *   bubble (a collapsible "Ver como texto"), so nothing is lost if the card cannot be shown. The badge shows
 *   the newest status any message of the conversation has for that estimate number.
 *   "Pedir presupuesto" sends the typed text with `intent: "estimate"` (or asks for a description first).
 * - Articles: a reply from the knowledge base carries its `article` card (slug, title, steps, safety, and when
 *   the article has them problem, tools_materials, call_professional); it is shown under the answer as a
 *   collapsible "Ver procedimiento completo": title, why it happens, tools and materials, the numbered steps,
 *   safety, when to call a specialist (article.js; parts a card lacks are left out), all set with textContent.
 *   The answer's own text is shown as plain text, without Markdown marks (#, **).
 */
(function () {
  "use strict";

  var PREFIX = "remedios.";
  // The cited article's card: its shape and its parts (article.js, shared with the draft, draft.js).
  var isArticle = window.RemediosArticle.isArticle;
  var ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
  var MAX_CACHED = 200;
  var MAX_CHARS = 4000;
  var TYPING_TIMEOUT_MS = 120000;
  var PING_EVERY_MS = 25000;
  var DEAD_AFTER_MS = 60000;
  var RECONNECT_MIN_MS = 500;
  var RECONNECT_MAX_MS = 10000;

  var STATUS_TEXT = {
    connecting: "Conectando…",
    online: "En línea",
    reconnecting: "Reconectando…",
    offline: "Sin conexión",
    error: "Error de conexión"
  };

  // ---------------------------------------------------------------- storage (may be unavailable)
  var store = {
    get: function (key) {
      try { return window.localStorage.getItem(PREFIX + key); } catch (e) { return null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(PREFIX + key, value); } catch (e) { /* private mode, full */ }
    }
  };

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function conversationId() {
    var id = store.get("conversation");
    if (!id || !ID_RE.test(id)) {
      id = newId();
      store.set("conversation", id);
    }
    return id;
  }

  // ---------------------------------------------------------------- elements
  var els = {
    scroller: document.getElementById("conversation"),
    list: document.getElementById("messages"),
    empty: document.getElementById("empty"),
    typing: document.getElementById("typing"),
    status: document.getElementById("status"),
    statusLabel: document.querySelector("#status .label"),
    notice: document.getElementById("notice"),
    form: document.getElementById("composer"),
    input: document.querySelector("#composer textarea"),
    send: document.getElementById("send"),
    mic: document.getElementById("mic"),
    recorder: document.getElementById("recorder"),
    voiceTimer: document.getElementById("voice-timer"),
    voiceHint: document.getElementById("voice-hint"),
    voiceCancel: document.getElementById("voice-cancel"),
    voiceSend: document.getElementById("voice-send"),
    actions: document.getElementById("composer-actions"),
    estimateRequest: document.getElementById("estimate-request")
  };

  // ---------------------------------------------------------------- state
  var convId = conversationId();
  var cacheKey = "chat." + convId;
  var messages = new Map();   // id -> {id, role, text, timestamp, state, in_reply_to, seq, error, intent, estimate}
  var nodes = new Map();      // id -> DOM node
  var unacked = [];           // ids waiting for `accepted`, in send order
  var awaiting = new Map();   // user message id -> time it started waiting for a reply
  var serverTyping = false;
  var typingTimer = null;
  var seqCounter = 0;

  var ws = null;
  var attempt = 0;
  var reconnectTimer = null;
  var pingTimer = null;
  var lastHeard = 0;
  var everConnected = false;
  var historyRetryTimer = null;
  var noticeTimer = null;

  function loadCache() {
    var raw = store.get(cacheKey);
    if (!raw) return;
    try {
      var data = JSON.parse(raw);
      (data.messages || []).forEach(function (m) {
        if (m && typeof m.id === "string" && typeof m.text === "string") {
          m.seq = ++seqCounter;
          messages.set(m.id, m);
        }
      });
      (data.unacked || []).forEach(function (id) {
        var m = messages.get(id);
        if (m && m.state === "sending") unacked.push(id);
      });
    } catch (e) { /* corrupt cache: start clean */ }
  }

  function saveCache() {
    var list = sortedMessages().filter(function (m) { return !(m.voice && m.voice.local); })
      .slice(-MAX_CACHED).map(function (m) {
        return { id: m.id, role: m.role, text: m.text, timestamp: m.timestamp, state: m.state,
                 in_reply_to: m.in_reply_to || null, local: !!m.local,
                 voice: m.voice ? { duration_s: m.voice.duration_s } : undefined,
                 intent: m.intent || undefined, estimate: m.estimate || undefined,
                 article: m.article || undefined, choices: m.choices || undefined };
      });
    store.set(cacheKey, JSON.stringify({ messages: list, unacked: unacked.slice() }));
  }

  // ---------------------------------------------------------------- ordering and rendering
  function sortKey(m) {
    // Messages not yet accepted (local clock) go last, in the order they were written.
    if (m.local) return [1, m.seq, m.seq];
    var t = Date.parse(m.timestamp);
    return [0, isNaN(t) ? 0 : t, m.seq];
  }

  function compare(a, b) {
    var ka = sortKey(a), kb = sortKey(b);
    for (var i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    }
    return 0;
  }

  function sortedMessages() {
    return Array.from(messages.values()).sort(compare);
  }

  var timeFmt = new Intl.DateTimeFormat("es-ES", { hour: "2-digit", minute: "2-digit" });
  var dayFmt = new Intl.DateTimeFormat("es-ES", { weekday: "long", day: "numeric", month: "long" });

  function dayLabel(date) {
    var today = new Date();
    var yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    if (date.toDateString() === today.toDateString()) return "Hoy";
    if (date.toDateString() === yesterday.toDateString()) return "Ayer";
    var s = dayFmt.format(date);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function buildNode(m) {
    var row = document.createElement("div");
    row.className = "msg " + (m.role === "assistant" ? "assistant" : "user");
    row.setAttribute("data-id", m.id);
    var bubble = document.createElement("div");
    bubble.className = "bubble";
    var text = document.createElement("p");
    text.className = "text";
    var meta = document.createElement("span");
    meta.className = "meta";
    var time = document.createElement("time");
    meta.appendChild(time);
    if (m.role !== "assistant") {
      var tick = document.createElement("span");
      tick.className = "tick";
      meta.appendChild(tick);
    }
    bubble.appendChild(text);
    bubble.appendChild(meta);
    row.appendChild(bubble);
    return row;
  }

  function voiceText(m) {
    if (m.voice && m.voice.local) return m.state === "failed" ? "🎤 Nota de voz no enviada" : "🎤 Transcribiendo…";
    return "🎤 " + m.text;
  }

  // ---------------------------------------------------------------- the cited article (card from n8n)
  // The answer as plain text: a Markdown header mark or ** would show as such (text is never HTML here).
  function plainAnswer(text) {
    return String(text).replace(/^[ \t]*#{1,6}[ \t]*/gm, "").replace(/\*\*/g, "");
  }

  function updateArticle(node, m) {
    var bubble = node.querySelector(".bubble");
    var a = m.role === "assistant" && isArticle(m.article) ? m.article : null;
    var signature = a ? JSON.stringify(a) : "";
    if (node._articleSignature === signature) return;
    node._articleSignature = signature;
    Array.prototype.forEach.call(bubble.querySelectorAll(".article"), function (n) { n.remove(); });
    bubble.classList.remove("has-article");
    if (!a) return;
    var details = el("details", "article");
    details.appendChild(el("summary", null, "Ver procedimiento completo"));
    details.appendChild(el("p", "article-title", a.title));
    window.RemediosArticle.appendParts(details, a);  // why, tools, steps, safety, when to call: those it has
    details.appendChild(el("p", "article-ref", "KB-" + a.slug));
    bubble.classList.add("has-article");
    bubble.insertBefore(details, bubble.querySelector(".meta"));
  }

  // ---------------------------------------------------------------- a question asked back (cases to choose from)
  // When several articles fit the question, the reply asks which case it is and carries them as `choices`
  // ([{slug, title}], gateway/choices.py). While that reply is the last message, each case is a button that
  // sends "<n>. <title>" as the plumber's message (n8n reads the number); typing the answer works as well.
  function isChoices(c) {
    return Array.isArray(c) && c.length >= 2 && c.every(function (x) {
      return !!x && typeof x === "object" && typeof x.slug === "string" && typeof x.title === "string";
    });
  }

  function updateChoices(node, m, isLast) {
    var bubble = node.querySelector(".bubble");
    var c = m.role === "assistant" && isLast && isChoices(m.choices) ? m.choices : null;
    var signature = c ? JSON.stringify(c) : "";
    if (node._choicesSignature === signature) return;
    node._choicesSignature = signature;
    Array.prototype.forEach.call(bubble.querySelectorAll(".choices"), function (n) { n.remove(); });
    if (!c) return;
    var group = el("div", "choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Elige el caso");
    c.forEach(function (choice, i) {
      var label = (i + 1) + ". " + choice.title;
      var button = el("button", "choice", label);
      button.type = "button";
      button.setAttribute("data-slug", choice.slug);
      button.addEventListener("click", function () { submitText(label); });
      group.appendChild(button);
    });
    var none = el("button", "choice choice-none", "Ninguna de estas");
    none.type = "button";
    none.addEventListener("click", function () { submitText("Ninguna de estas"); });
    group.appendChild(none);
    bubble.insertBefore(group, bubble.querySelector(".meta"));
  }

  // ---------------------------------------------------------------- estimates (cards from n8n)
  var ESTIMATE_STATUS = { draft: "Borrador", sent: "Enviado", accepted: "Aceptado", rejected: "Rechazado" };
  var ESTIMATE_SECTIONS = [
    { title: "Materiales", kinds: ["material"], subtotal: "subtotal_materials", label: "Subtotal materiales" },
    { title: "Mano de obra", kinds: ["labour"], subtotal: "subtotal_labour", label: "Subtotal mano de obra" },
    { title: "Desplazamiento, retirada y tasas", kinds: ["service_call", "disposal", "permit"],
      subtotal: "subtotal_other", label: "Subtotal desplazamiento, retirada y tasas" }
  ];
  var ESTIMATE_OPEN = "Ver, imprimir, aceptar o rechazar";
  var ESTIMATE_OPEN_DECIDED = "Ver o imprimir el presupuesto";
  var quantityFmt = new Intl.NumberFormat("es-ES", { maximumFractionDigits: 3 });
  var percentFmt = new Intl.NumberFormat("es-ES", { style: "percent", maximumFractionDigits: 2 });
  var moneyFormats = {};

  function isCard(card) {
    return !!card && typeof card === "object" && !Array.isArray(card) && typeof card.number === "string" &&
      card.number.length > 0 && Array.isArray(card.lines);
  }

  function num(value) {
    if (typeof value === "number" && isFinite(value)) return value;
    if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return parseFloat(value);
    return null;
  }

  function moneyFormat(currency) {
    var code = typeof currency === "string" && /^[A-Z]{3}$/.test(currency) ? currency : "EUR";
    if (!moneyFormats[code]) {
      try {
        // "always": es-ES leaves 4-digit amounts ungrouped by default (1234,50 €); invoices write 1.234,50 €
        moneyFormats[code] = new Intl.NumberFormat("es-ES", { style: "currency", currency: code, useGrouping: "always" });
      } catch (e) {
        moneyFormats[code] = new Intl.NumberFormat("es-ES", { style: "currency", currency: "EUR" });
      }
    }
    return moneyFormats[code];
  }

  function money(card, value) {
    var n = num(value);
    return n === null ? "—" : moneyFormat(card.currency).format(n);
  }

  function dateEs(value) {
    var match = typeof value === "string" && /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    return match ? match[3] + "/" + match[2] + "/" + match[1] : "";
  }

  function safeUrl(raw) {
    if (typeof raw !== "string" || !raw) return null;
    var url;
    try { url = new URL(raw, window.location.href); } catch (e) { return null; }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  function textOf(value) {
    return value === null || value === undefined ? "" : String(value);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The newest status each estimate number has in the conversation (a later reply may say it was accepted).
  function latestStatuses(list) {
    var statuses = {};
    list.forEach(function (m) {
      if (isCard(m.estimate) && typeof m.estimate.status === "string") statuses[m.estimate.number] = m.estimate.status;
    });
    return statuses;
  }

  function updateIntent(node, m) {
    var tag = node.querySelector(".intent");
    if (m.intent === "estimate" && !tag) {
      tag = el("span", "intent", "Petición de presupuesto");
      var bubble = node.querySelector(".bubble");
      bubble.insertBefore(tag, bubble.firstChild);
    } else if (m.intent !== "estimate" && tag) {
      tag.remove();
    }
  }

  // The estimate text of the contract starts with "PRESUPUESTO <number>": then the table says it all and the
  // text is folded away; any other text (e.g. "El cliente ha aceptado…") stays visible above the card.
  function isEstimateText(text, card) {
    return /^\s*PRESUPUESTO\b/i.test(text) && text.indexOf(card.number) >= 0;
  }

  function updateEstimate(node, m, statuses) {
    var bubble = node.querySelector(".bubble");
    var textEl = node.querySelector(".text");
    var card = m.role === "assistant" && isCard(m.estimate) ? m.estimate : null;
    var status = card ? (statuses[card.number] || card.status) : null;
    var signature = card ? JSON.stringify(card) + "\u0000" + status + "\u0000" + m.text : "";
    if (node._estimateSignature === signature) return;
    node._estimateSignature = signature;
    // Back to a plain bubble, then build the card again.
    bubble.insertBefore(textEl, bubble.querySelector(".meta"));
    Array.prototype.forEach.call(bubble.querySelectorAll(".estimate, .estimate-text"), function (n) { n.remove(); });
    bubble.classList.remove("has-estimate");
    node.removeAttribute("data-estimate");
    if (!card) return;
    var view;
    var full = isEstimateText(m.text, card);
    try {
      view = renderEstimate(card, status, !full);
    } catch (e) {
      return;  // the plain text stays as it is
    }
    bubble.classList.add("has-estimate");
    node.setAttribute("data-estimate", card.number);
    var meta = bubble.querySelector(".meta");
    bubble.insertBefore(view, meta);
    if (full) {
      var details = el("details", "estimate-text");
      details.appendChild(el("summary", null, "Ver como texto"));
      details.appendChild(textEl);
      bubble.insertBefore(details, meta);
    } else {
      bubble.insertBefore(textEl, view);
    }
  }

  function renderEstimate(card, status, compact) {
    var root = el("section", "estimate");
    root.setAttribute("aria-label", "Presupuesto " + card.number);

    var head = el("div", "est-head");
    var titles = el("div", "est-titles");
    if (card.business_name) titles.appendChild(el("p", "est-business", textOf(card.business_name)));
    titles.appendChild(el("h3", "est-title", "Presupuesto " + card.number));
    head.appendChild(titles);
    var badge = el("span", "est-badge", ESTIMATE_STATUS[status] || textOf(status) || "—");
    badge.setAttribute("data-status", ESTIMATE_STATUS[status] ? status : "other");
    head.appendChild(badge);
    root.appendChild(head);
    var valid = dateEs(card.valid_until);
    if (valid) root.appendChild(el("p", "est-valid", "Válido hasta " + valid));
    // A new revision of the same estimate (a change the plumber asked for in the chat): what changed.
    if (num(card.revision) !== null && num(card.revision) > 1) {
      root.appendChild(el("p", "est-revision", "Revisión " + num(card.revision)));
      if (Array.isArray(card.changes) && card.changes.length) {
        var changes = el("ul", "est-changes");
        card.changes.forEach(function (c) { changes.appendChild(el("li", null, textOf(c))); });
        root.appendChild(changes);
      }
    }

    var table = el("table", "est-table");
    var thead = el("thead");
    var hr = el("tr");
    [["Concepto", null, "c-desc"], ["Cant.", "Cantidad", "c-qty"], ["Precio ud.", "Precio por unidad", "c-price"],
     ["Importe", null, "c-total"]].forEach(function (h) {
      var th = el("th", h[2]);
      th.setAttribute("scope", "col");
      if (h[1]) {
        var abbr = el("abbr", null, h[0]);
        abbr.title = h[1];
        th.appendChild(abbr);
      } else {
        th.textContent = h[0];
      }
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    table.appendChild(thead);

    var lines = card.lines.filter(function (l) { return l && typeof l === "object"; });
    ESTIMATE_SECTIONS.forEach(function (section) {
      var rows = lines.filter(function (l) { return !l.to_quote && section.kinds.indexOf(l.kind) >= 0; });
      if (!rows.length) return;
      var body = el("tbody", "est-section");
      body.appendChild(sectionRow(section.title));
      rows.forEach(function (l) { body.appendChild(lineRow(card, l)); });
      body.appendChild(sumRow(section.label, money(card, card[section.subtotal]), "est-subtotal", section.subtotal));
      table.appendChild(body);
    });
    var priced = ESTIMATE_SECTIONS.reduce(function (kinds, s) { return kinds.concat(s.kinds); }, []);
    var others = lines.filter(function (l) { return !l.to_quote && priced.indexOf(l.kind) < 0; });
    if (others.length) {  // a kind this page does not know yet: still listed
      var otherBody = el("tbody", "est-section");
      otherBody.appendChild(sectionRow("Otros"));
      others.forEach(function (l) { otherBody.appendChild(lineRow(card, l)); });
      table.appendChild(otherBody);
    }
    var toQuote = lines.filter(function (l) { return !!l.to_quote; });
    if (toQuote.length) {
      var quoteBody = el("tbody", "est-section est-to-quote");
      quoteBody.appendChild(sectionRow("A cotizar (sin precio, no incluido en el total)"));
      toQuote.forEach(function (l) { quoteBody.appendChild(lineRow(card, l)); });
      table.appendChild(quoteBody);
    }

    var totals = el("tbody", "est-totals");
    var subtotal = num(card.subtotal), base = num(card.taxable_base);
    var untaxed = subtotal !== null && base !== null ? Math.round(subtotal * 100) - Math.round(base * 100) : 0;
    var taxName = textOf(card.tax_name || "IVA");
    var rate = num(card.tax_rate);
    totals.appendChild(sumRow("Base imponible", money(card, card.taxable_base), "est-base", "taxable_base"));
    // Several IVA rates (items with their own rate): each rate on its own base, then the sum (estimate_taxes).
    var taxes = Array.isArray(card.taxes) ? card.taxes.filter(function (t) { return t && num(t.rate) !== null; }) : [];
    if (taxes.length > 1) {
      taxes.forEach(function (t) {
        totals.appendChild(sumRow(taxName + " (" + percentFmt.format(num(t.rate)) + " sobre " + money(card, t.base) + ")",
                                  money(card, t.tax), "est-tax-rate", "tax-" + num(t.rate)));
      });
      rate = null;
    }
    totals.appendChild(sumRow(taxName + (rate !== null ? " (" + percentFmt.format(rate) : taxes.length > 1 ? " (total" : "") +
                              (rate !== null || taxes.length > 1 ? ")" : ""), money(card, card.tax), "est-tax", "tax"));
    if (untaxed > 0) {  // e.g. a municipal fee paid on the customer's behalf: in the total, without tax
      totals.appendChild(sumRow("Partidas sin " + taxName, money(card, untaxed / 100), "est-untaxed", "untaxed"));
    }
    var totalRow = sumRow("TOTAL", money(card, card.total), "est-grand", "total");
    if (toQuote.length) totalRow.querySelector("th").appendChild(el("span", "est-plus", " más las partidas a cotizar"));
    totals.appendChild(totalRow);
    var deposit = num(card.deposit);
    if (deposit !== null && deposit > 0) {
      var depositRate = num(card.deposit_rate);
      totals.appendChild(sumRow("Señal al aceptar" + (depositRate !== null ? " (" + percentFmt.format(depositRate) + ")" : ""),
                                money(card, deposit), "est-deposit", "deposit"));
    }
    table.appendChild(totals);

    var scroll = el("div", "est-scroll");
    scroll.appendChild(table);
    if (compact) {  // a follow-up (e.g. the customer's decision): the total, the lines folded away
      root.appendChild(el("p", "est-summary", "TOTAL: " + money(card, card.total) +
                          (toQuote.length ? " (más las partidas a cotizar)" : "")));
      var fold = el("details", "est-lines");
      fold.appendChild(el("summary", null, "Ver partidas y totales"));
      fold.appendChild(scroll);
      root.appendChild(fold);
    } else {
      root.appendChild(scroll);
    }

    if (card.notes) root.appendChild(el("p", "est-notes", "Notas: " + textOf(card.notes)));
    if (card.footer && !compact) root.appendChild(el("p", "est-footer", textOf(card.footer)));
    var href = safeUrl(card.url);
    if (href) {
      var link = el("a", "est-open", status === "accepted" || status === "rejected" ? ESTIMATE_OPEN_DECIDED : ESTIMATE_OPEN);
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      root.appendChild(link);
    }
    return root;
  }

  function sectionRow(title) {
    var tr = el("tr", "est-section-title");
    var th = el("th", null, title);
    th.setAttribute("colspan", "4");
    th.setAttribute("scope", "colgroup");
    tr.appendChild(th);
    return tr;
  }

  function lineRow(card, l) {
    var tr = el("tr", "est-line");
    if (l.position !== undefined) tr.setAttribute("data-position", textOf(l.position));
    var desc = el("td", "c-desc", textOf(l.description));
    if (l.taxable === false) desc.appendChild(el("span", "est-note", " (sin " + textOf(card.tax_name || "IVA") + ")"));
    if (l.to_quote && l.note) desc.appendChild(el("span", "est-note", " · " + textOf(l.note)));
    tr.appendChild(desc);
    var qty = num(l.quantity);
    tr.appendChild(el("td", "c-qty", (qty === null ? "" : quantityFmt.format(qty)) + (l.unit ? " " + textOf(l.unit) : "")));
    if (l.to_quote) {
      tr.setAttribute("data-to-quote", "");
      var quote = el("td", "c-quote", "a cotizar");
      quote.setAttribute("colspan", "2");
      tr.appendChild(quote);
    } else {
      tr.appendChild(el("td", "c-price", money(card, l.unit_price)));
      tr.appendChild(el("td", "c-total", money(card, l.line_total)));
    }
    return tr;
  }

  function sumRow(label, amount, className, key) {
    var tr = el("tr", "est-sum " + className);
    tr.setAttribute("data-total", key);
    var th = el("th", null, label);
    th.setAttribute("colspan", "3");
    th.setAttribute("scope", "row");
    tr.appendChild(th);
    tr.appendChild(el("td", "c-total", amount));
    return tr;
  }

  function updateNode(node, m, statuses, isLast) {
    var textEl = node.querySelector(".text");
    if (m.voice) textEl.textContent = voiceText(m);
    else if (m.role === "assistant") textEl.textContent = plainAnswer(m.text);
    else textEl.textContent = m.text;
    updateIntent(node, m);
    updateEstimate(node, m, statuses);
    updateArticle(node, m);
    updateChoices(node, m, isLast);
    if (m.voice && m.voice.local && m.state !== "failed") node.setAttribute("data-voice", "pending");
    else if (m.voice) node.setAttribute("data-voice", "done");
    else node.removeAttribute("data-voice");
    var date = new Date(m.timestamp);
    var time = node.querySelector("time");
    if (!isNaN(date.getTime())) {
      time.textContent = timeFmt.format(date);
      time.setAttribute("datetime", date.toISOString());
      time.title = date.toLocaleString("es-ES");
    }
    if (m.role !== "assistant") {
      node.setAttribute("data-state", m.state || "accepted");
      var tick = node.querySelector(".tick");
      tick.title = m.state === "sending" ? "Enviando…" : m.state === "failed" ? (m.error || "No enviado") : "Enviado";
    }
  }

  function render() {
    var nearBottom = els.scroller.scrollHeight - els.scroller.scrollTop - els.scroller.clientHeight < 80;
    var list = sortedMessages();
    var statuses = latestStatuses(list);
    els.empty.hidden = list.length > 0;
    // Rebuild the order (moving existing nodes is cheap), with a separator when the day changes.
    var fragment = document.createDocumentFragment();
    var lastDay = null;
    list.forEach(function (m) {
      var date = new Date(m.timestamp);
      var day = isNaN(date.getTime()) ? null : date.toDateString();
      if (day && day !== lastDay) {
        var sep = document.createElement("div");
        sep.className = "day";
        sep.textContent = dayLabel(date);
        fragment.appendChild(sep);
        lastDay = day;
      }
      var node = nodes.get(m.id);
      if (!node) {
        node = buildNode(m);
        nodes.set(m.id, node);
      }
      updateNode(node, m, statuses, m === list[list.length - 1]);
      fragment.appendChild(node);
    });
    Array.prototype.slice.call(els.list.querySelectorAll(".day")).forEach(function (n) { n.remove(); });
    els.list.appendChild(fragment);
    renderTyping();
    if (nearBottom || renderForceScroll) scrollToBottom();
    renderForceScroll = false;
  }
  var renderForceScroll = true;

  function scrollToBottom() {
    els.scroller.scrollTop = els.scroller.scrollHeight;
  }

  // ---------------------------------------------------------------- typing indicator
  // A person of the staff has the conversation (docs/contracts.md §10): no automatic answer is coming, so a
  // pending message shows no "escribiendo…" (the person's own typing still does, as serverTyping).
  var personAnswers = false;
  function noteHandover(id) {
    if (typeof id !== "string") return;
    if (id.indexOf("staff-join:") === 0) personAnswers = true;
    else if (id.indexOf("staff-leave:") === 0) personAnswers = false;
  }

  function renderTyping() {
    var show = serverTyping || (awaiting.size > 0 && !personAnswers);
    var wasHidden = els.typing.hidden;
    els.typing.hidden = !show;
    if (show && wasHidden) scrollToBottom();
  }

  function armTypingTimeout() {
    if (typingTimer) clearTimeout(typingTimer);
    typingTimer = setTimeout(function () {
      awaiting.clear();
      serverTyping = false;
      renderTyping();
    }, TYPING_TIMEOUT_MS);
  }

  function startAwaiting(id) {
    awaiting.set(id, Date.now());
    armTypingTimeout();
    renderTyping();
  }

  // ---------------------------------------------------------------- status and notices
  function setStatus(kind) {
    els.status.setAttribute("data-status", kind);
    els.statusLabel.textContent = STATUS_TEXT[kind] || kind;
  }

  function showNotice(text, kind) {
    els.notice.textContent = text;
    els.notice.setAttribute("data-kind", kind || "info");
    els.notice.hidden = false;
    if (noticeTimer) clearTimeout(noticeTimer);
    noticeTimer = setTimeout(function () { els.notice.hidden = true; }, 7000);
  }

  // ---------------------------------------------------------------- socket
  function socketUrl() {
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + window.location.host + "/ws?conversation=" + encodeURIComponent(convId);
  }

  function isOpen() {
    return ws !== null && ws.readyState === WebSocket.OPEN;
  }

  function sendFrame(frame) {
    if (!isOpen()) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }

  function connect() {
    reconnectTimer = null;
    setStatus(everConnected ? "reconnecting" : "connecting");
    var socket;
    try {
      socket = new WebSocket(socketUrl());
    } catch (e) {
      scheduleReconnect();
      return;
    }
    ws = socket;
    socket.onopen = function () {
      if (ws !== socket) return;
      attempt = 0;
      everConnected = true;
      lastHeard = Date.now();
      setStatus("online");
      sendFrame({ type: "history" });
      resendUnacked();
      startPings();
    };
    socket.onmessage = function (e) {
      if (ws !== socket) return;
      lastHeard = Date.now();
      var event;
      try { event = JSON.parse(e.data); } catch (err) { return; }
      if (event && typeof event.type === "string") handleEvent(event);
      // draft.js (the answer growing while it is written) listens to the same events
      if (event && typeof event.type === "string") window.dispatchEvent(new CustomEvent("remedios:event", { detail: event }));
    };
    socket.onclose = function () {
      if (ws !== socket) return;
      ws = null;
      stopPings();
      scheduleReconnect();
    };
    socket.onerror = function () { /* onclose follows */ };
  }

  function scheduleReconnect() {
    if (reconnectTimer) return;
    setStatus(navigator.onLine === false ? "offline" : (everConnected ? "reconnecting" : "connecting"));
    var ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * Math.pow(2, attempt));
    attempt += 1;
    var delay = ceiling / 2 + Math.random() * ceiling / 2;
    reconnectTimer = setTimeout(connect, delay);
  }

  function reconnectNow() {
    if (isOpen() || (ws && ws.readyState === WebSocket.CONNECTING)) return;
    if (reconnectTimer) { clearTimeout(reconnectTimer); reconnectTimer = null; }
    attempt = 0;
    connect();
  }

  function messageFrame(m) {
    var frame = { type: "message", id: m.id, text: m.text };
    if (m.intent === "estimate") frame.intent = "estimate";
    return frame;
  }

  function resendUnacked() {
    unacked.forEach(function (id) {
      var m = messages.get(id);
      if (m) sendFrame(messageFrame(m));
    });
  }

  function startPings() {
    stopPings();
    pingTimer = setInterval(function () {
      if (!isOpen()) return;
      if (Date.now() - lastHeard > DEAD_AFTER_MS) {
        ws.close();  // silent dead connection (network change): onclose reconnects
        return;
      }
      sendFrame({ type: "ping" });
    }, PING_EVERY_MS);
  }

  function stopPings() {
    if (pingTimer) { clearInterval(pingTimer); pingTimer = null; }
  }

  // ---------------------------------------------------------------- events from the gateway
  function removeUnacked(id) {
    var i = unacked.indexOf(id);
    if (i >= 0) unacked.splice(i, 1);
  }

  function upsert(m) {
    var existing = messages.get(m.id);
    if (existing) {
      existing.text = m.text;
      existing.role = m.role;
      existing.timestamp = m.timestamp || existing.timestamp;
      existing.in_reply_to = m.in_reply_to || existing.in_reply_to || null;
      existing.local = false;
      if (m.state) existing.state = m.state;
      if (m.voice) existing.voice = m.voice;
      if (m.intent) existing.intent = m.intent;
      if (m.estimate) existing.estimate = m.estimate;
      if (m.article) existing.article = m.article;
      if (m.choices) existing.choices = m.choices;
      return existing;
    }
    m.seq = ++seqCounter;
    m.local = false;
    messages.set(m.id, m);
    return m;
  }

  function handleEvent(ev) {
    switch (ev.type) {
      case "accepted": {
        var m = messages.get(ev.id);
        removeUnacked(ev.id);
        if (m) {
          var wasSending = m.state === "sending" || m.local;
          m.state = m.state === "pending" ? "pending" : "accepted";
          if (ev.timestamp) m.timestamp = ev.timestamp;
          m.local = false;
          if (wasSending) startAwaiting(ev.id);
        }
        break;
      }
      case "message":  // sent from another tab of this conversation
        upsert({ id: ev.id, role: "user", text: String(ev.text), timestamp: ev.timestamp, state: "accepted",
                 voice: ev.voice && typeof ev.voice === "object" ? { duration_s: ev.voice.duration_s } : undefined,
                 intent: ev.intent === "estimate" ? "estimate" : undefined });
        startAwaiting(ev.id);
        break;
      case "reply":
        upsert({ id: ev.id, role: "assistant", text: String(ev.text), timestamp: ev.timestamp,
                 in_reply_to: ev.in_reply_to || null, estimate: isCard(ev.estimate) ? ev.estimate : undefined,
                 article: isArticle(ev.article) ? ev.article : undefined,
                 choices: isChoices(ev.choices) ? ev.choices : undefined });
        noteHandover(ev.id);
        if (ev.in_reply_to) awaiting.delete(ev.in_reply_to); else awaiting.clear();
        serverTyping = false;
        break;
      case "typing":
        serverTyping = !!ev.active;
        if (!ev.active) awaiting.clear(); else armTypingTimeout();
        break;
      case "history":
        mergeHistory(Array.isArray(ev.messages) ? ev.messages : []);
        break;
      case "error":
        handleError(ev);
        break;
      default:
        return;  // pong and unknown events change nothing
    }
    saveCache();
    render();
  }

  function mergeHistory(list) {
    if (historyRetryTimer) { clearTimeout(historyRetryTimer); historyRetryTimer = null; }
    var answered = new Set();
    list.forEach(function (h) {
      if (!h || typeof h.id !== "string" || typeof h.text !== "string") return;
      var role = h.role === "assistant" ? "assistant" : "user";
      upsert({ id: h.id, role: role, text: h.text, timestamp: h.timestamp, in_reply_to: h.in_reply_to || null,
               state: role === "user" ? (h.pending ? "pending" : "accepted") : undefined,
               voice: h.voice && typeof h.voice === "object" ? { duration_s: h.voice.duration_s } : undefined,
               intent: h.intent === "estimate" ? "estimate" : undefined,
               estimate: isCard(h.estimate) ? h.estimate : undefined,
               article: isArticle(h.article) ? h.article : undefined,
               choices: isChoices(h.choices) ? h.choices : undefined });
      if (role === "user") removeUnacked(h.id);
      if (role === "assistant") noteHandover(h.id);
      if (role === "assistant" && h.in_reply_to) answered.add(h.in_reply_to);
    });
    // A recent user message with no answer yet: the agent is still working on it.
    var all = sortedMessages();
    var last = all[all.length - 1];
    awaiting.forEach(function (_, id) { if (answered.has(id)) awaiting.delete(id); });
    if (last && last.role === "user" && last.state !== "failed" && !last.local && !answered.has(last.id)) {
      var age = Date.now() - Date.parse(last.timestamp);
      if (!isNaN(age) && age < TYPING_TIMEOUT_MS) startAwaiting(last.id);
    }
  }

  function handleError(ev) {
    var text = typeof ev.message === "string" && ev.message ? ev.message : "Se produjo un error.";
    if (ev.code === "rate_limited" && ev.id) {
      showNotice(text, "info");
      setTimeout(function () {
        var m = messages.get(ev.id);
        if (m && unacked.indexOf(ev.id) >= 0) sendFrame(messageFrame(m));
      }, 3000);
      return;
    }
    if (ev.code === "internal_error") {
      // Not stored (no `accepted`): resend what is still unacked a bit later, same ids.
      showNotice(text, "info");
      setTimeout(resendUnacked, 5000);
      return;
    }
    if (ev.code === "history_unavailable" || (ev.code === "rate_limited" && !ev.id)) {
      showNotice(text, "info");
      if (!historyRetryTimer) {
        historyRetryTimer = setTimeout(function () {
          historyRetryTimer = null;
          sendFrame({ type: "history" });
        }, 5000);
      }
      return;
    }
    if (ev.id && messages.has(ev.id)) {
      var m = messages.get(ev.id);
      m.state = "failed";
      m.error = text;
      removeUnacked(ev.id);
      awaiting.delete(ev.id);
    }
    showNotice(text, "error");
  }

  // ---------------------------------------------------------------- composer
  function autoGrow() {
    els.input.style.height = "auto";
    els.input.style.height = Math.min(els.input.scrollHeight + 2, window.innerHeight * 0.4) + "px";
  }

  function updateSendButton() {
    els.send.disabled = els.input.value.trim().length === 0;
  }

  // A case picked from a question asked back: sent as if typed (whatever was being typed stays in the box).
  function submitText(text) {
    var typed = els.input.value;
    els.input.value = text;
    submit("choice");  // never an estimate request, even with "Pedir presupuesto" pressed
    els.input.value = typed;
    autoGrow();
    updateSendButton();
  }

  function submit(intent) {
    var text = els.input.value.trim();
    if (!text) return;
    if (!intent && estimateMode) intent = "estimate";
    if (text.length > MAX_CHARS) {
      showNotice("El mensaje es demasiado largo (máximo " + MAX_CHARS + " caracteres).", "error");
      return;
    }
    var m = { id: newId(), role: "user", text: text, timestamp: new Date().toISOString(), state: "sending",
              local: true, seq: ++seqCounter };
    if (intent === "estimate") m.intent = "estimate";
    messages.set(m.id, m);
    unacked.push(m.id);
    saveCache();
    renderForceScroll = true;
    render();
    sendFrame(messageFrame(m));
    if (estimateMode) els.notice.hidden = true;  // the "describe the job" prompt has been answered
    setEstimateMode(false);
    els.input.value = "";
    autoGrow();
    updateSendButton();
    els.input.focus();
  }

  var coarse = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;

  els.form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });

  // "Pedir presupuesto": the typed text goes as an estimate request; with nothing typed, the plumber is asked
  // to describe the job first, and the next message they send is the request (tap again to cancel).
  var DEFAULT_PLACEHOLDER = els.input.getAttribute("placeholder") || "";
  var ESTIMATE_PLACEHOLDER = "Describe el trabajo a presupuestar…";
  var ESTIMATE_PROMPT = "Describe el trabajo para el presupuesto: qué hay que cambiar o instalar, medidas y " +
    "metros de tubería (por ejemplo: «cambiar un termo de 80 litros y 3 metros de tubería de cobre de 22 mm»). " +
    "Después pulsa Enviar.";
  var estimateMode = false;

  function setEstimateMode(on) {
    estimateMode = !!on;
    els.estimateRequest.setAttribute("aria-pressed", estimateMode ? "true" : "false");
    els.input.setAttribute("placeholder", estimateMode ? ESTIMATE_PLACEHOLDER : DEFAULT_PLACEHOLDER);
    if (estimateMode) els.form.setAttribute("data-estimate", ""); else els.form.removeAttribute("data-estimate");
  }

  els.estimateRequest.addEventListener("click", function () {
    if (els.input.value.trim()) { submit("estimate"); return; }
    if (estimateMode) { setEstimateMode(false); els.notice.hidden = true; return; }
    setEstimateMode(true);
    showNotice(ESTIMATE_PROMPT, "info");
    els.input.focus();
  });
  els.input.addEventListener("input", function () { autoGrow(); updateSendButton(); });
  els.input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && !coarse) {
      e.preventDefault();
      submit();
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll(".suggestion"), function (button) {
    button.addEventListener("click", function () {
      els.input.value = button.textContent;
      autoGrow();
      updateSendButton();
      els.input.focus();
    });
  });


  // ---------------------------------------------------------------- voice notes
  var MAX_RECORD_MS = 120000;     // auto-stop (the server accepts up to SPEECH_MAX_SECONDS, 300 by default)
  var MIN_RECORD_MS = 600;        // shorter: discarded (a slip of the finger)
  var HOLD_MS = 350;              // pressed longer than this: hold-to-talk (release sends)
  var UPLOAD_RETRIES = 5;
  var MIC_MESSAGES = {
    denied: "No se puede usar el micrófono: permite el acceso en los ajustes del navegador.",
    missing: "No se ha encontrado ningún micrófono en este dispositivo.",
    busy: "No se puede usar el micrófono: otra aplicación lo está usando.",
    unsupported: "Este navegador no permite grabar notas de voz aquí (hace falta una conexión segura, https). Escribe tu consulta.",
    failed: "No se ha podido grabar la nota de voz. Inténtalo de nuevo o escribe tu consulta.",
    tooShort: "La nota de voz es demasiado corta. Mantén pulsado el micrófono mientras hablas, o tócalo para empezar y otra vez ➤ para enviar.",
    network: "No se ha podido enviar la nota de voz. Comprueba la conexión; se reintentará.",
    lost: "No se ha podido enviar la nota de voz. Toca la burbuja para reintentarlo."
  };
  var voiceAudio = new Map();     // message id -> {blob, type} kept in memory for retries (never cached)
  var rec = null;                 // {recorder, stream, chunks, started, timer, holding, cancelled, type}
  var pressAt = 0;
  var pressing = false;

  function recorderType() {
    if (typeof MediaRecorder === "undefined" || typeof MediaRecorder.isTypeSupported !== "function") return "";
    var types = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];
    for (var i = 0; i < types.length; i++) if (MediaRecorder.isTypeSupported(types[i])) return types[i];
    return "";
  }

  function micError(err) {
    var name = err && err.name;
    if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return MIC_MESSAGES.denied;
    if (name === "NotFoundError" || name === "DevicesNotFoundError" || name === "OverconstrainedError") return MIC_MESSAGES.missing;
    if (name === "NotReadableError" || name === "TrackStartError" || name === "AbortError") return MIC_MESSAGES.busy;
    return MIC_MESSAGES.failed;
  }

  function formatElapsed(ms) {
    var s = Math.floor(ms / 1000);
    return Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
  }

  function setRecordingUi(on) {
    if (on) els.form.setAttribute("data-recording", ""); else els.form.removeAttribute("data-recording");
    els.recorder.hidden = !on;
    els.actions.hidden = on;
    if (!on) els.form.removeAttribute("data-holding");
    els.voiceTimer.textContent = "0:00";
  }

  function tick() {
    if (!rec) return;
    var elapsed = Date.now() - rec.started;
    els.voiceTimer.textContent = formatElapsed(elapsed);
    if (elapsed >= MAX_RECORD_MS) stopRecording(true);
  }

  function startRecording() {
    if (rec) return;
    if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== "function" ||
        typeof MediaRecorder === "undefined") {
      showNotice(MIC_MESSAGES.unsupported, "error");
      return;
    }
    var pending = { cancelled: false };
    rec = pending;
    els.mic.disabled = true;
    navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } }).then(function (stream) {
      if (rec !== pending || pending.cancelled) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
      var type = recorderType();
      var recorder;
      try {
        recorder = type ? new MediaRecorder(stream, { mimeType: type, audioBitsPerSecond: 32000 }) : new MediaRecorder(stream);
      } catch (e) {
        stream.getTracks().forEach(function (t) { t.stop(); });
        rec = null;
        els.mic.disabled = false;
        showNotice(MIC_MESSAGES.failed, "error");
        return;
      }
      pending.recorder = recorder;
      pending.stream = stream;
      pending.chunks = [];
      pending.type = recorder.mimeType || type || "audio/webm";
      pending.started = Date.now();
      pending.holding = pressing;
      recorder.ondataavailable = function (e) { if (e.data && e.data.size > 0) pending.chunks.push(e.data); };
      recorder.onstop = function () { finishRecording(pending); };
      recorder.start(1000);
      pending.timer = setInterval(tick, 250);
      setRecordingUi(true);
      if (pending.holding) els.form.setAttribute("data-holding", "");
      els.voiceHint.textContent = pending.holding ? "Suelta para enviar" : "Toca ➤ para enviar";
    }, function (err) {
      if (rec === pending) rec = null;
      els.mic.disabled = false;
      showNotice(micError(err), "error");
    });
  }

  function stopRecording(send) {
    var current = rec;
    if (!current) return;
    if (!current.recorder) { current.cancelled = true; rec = null; els.mic.disabled = false; return; }
    current.send = send;
    if (current.timer) clearInterval(current.timer);
    current.stopped = Date.now();
    if (current.recorder.state !== "inactive") current.recorder.stop(); else finishRecording(current);
  }

  function finishRecording(current) {
    if (current.finished) return;
    current.finished = true;
    if (current.stream) current.stream.getTracks().forEach(function (t) { t.stop(); });
    if (rec === current) rec = null;
    setRecordingUi(false);
    els.mic.disabled = false;
    if (!current.send) return;
    var duration = (current.stopped || Date.now()) - current.started;
    if (duration < MIN_RECORD_MS) { showNotice(MIC_MESSAGES.tooShort, "info"); return; }
    var blob = new Blob(current.chunks, { type: current.type });
    if (!blob.size) { showNotice(MIC_MESSAGES.failed, "error"); return; }
    sendVoice(blob, current.type);
  }

  function sendVoice(blob, type) {
    var m = { id: newId(), role: "user", text: "", timestamp: new Date().toISOString(), state: "sending",
              local: true, seq: ++seqCounter, voice: { local: true } };
    messages.set(m.id, m);
    voiceAudio.set(m.id, { blob: blob, type: type });
    renderForceScroll = true;
    render();
    uploadVoice(m.id, 0);
  }

  function uploadVoice(id, attemptNo) {
    var audio = voiceAudio.get(id);
    var m = messages.get(id);
    if (!audio || !m) return;
    var url = "/api/voice?conversation=" + encodeURIComponent(convId) + "&id=" + encodeURIComponent(id);
    fetch(url, { method: "POST", body: audio.blob, headers: { "Content-Type": audio.type } }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok && body && typeof body.text === "string") {
          voiceAudio.delete(id);
          var wasLocal = m.voice && m.voice.local;
          m.text = body.text;
          m.voice = { duration_s: body.duration_s };
          m.state = m.state === "pending" ? "pending" : "accepted";
          if (body.timestamp) m.timestamp = body.timestamp;
          m.local = false;
          if (wasLocal && !body.duplicate) startAwaiting(id);
          saveCache();
          render();
          return;
        }
        var err = (body && body.error) || {};
        var retriable = response.status === 429 || response.status >= 500 && err.code !== "unavailable" && err.code !== "timeout";
        if (retriable && attemptNo < UPLOAD_RETRIES) {
          if (err.message) showNotice(err.message, "info");
          setTimeout(function () { uploadVoice(id, attemptNo + 1); }, Math.min(15000, 2000 * Math.pow(2, attemptNo)));
          return;
        }
        voiceFailed(id, err.message || MIC_MESSAGES.failed, false);
      });
    }, function () {
      if (attemptNo < UPLOAD_RETRIES) {
        showNotice(MIC_MESSAGES.network, "info");
        setTimeout(function () { uploadVoice(id, attemptNo + 1); }, Math.min(15000, 2000 * Math.pow(2, attemptNo)));
      } else {
        voiceFailed(id, MIC_MESSAGES.lost, true);
      }
    });
  }

  function voiceFailed(id, message, keepAudio) {
    var m = messages.get(id);
    if (!keepAudio) voiceAudio.delete(id);
    if (m) { m.state = "failed"; m.error = message; }
    showNotice(message, "error");
    render();
  }

  els.list.addEventListener("click", function (e) {
    // A voice note that could not be sent (network): tap it to try again, same id.
    var row = e.target.closest && e.target.closest(".msg.user[data-state='failed']");
    if (!row) return;
    var id = row.getAttribute("data-id");
    var m = messages.get(id);
    if (m && m.voice && m.voice.local && voiceAudio.has(id)) {
      m.state = "sending";
      render();
      uploadVoice(id, 0);
    }
  });

  els.mic.addEventListener("pointerdown", function (e) {
    if (e.button !== undefined && e.button !== 0) return;
    e.preventDefault();
    pressing = true;
    pressAt = Date.now();
    if (!rec) startRecording();
  });
  document.addEventListener("pointerup", function () {
    if (!pressing) return;
    pressing = false;
    var held = Date.now() - pressAt >= HOLD_MS;
    if (rec && rec.recorder && rec.holding && held) stopRecording(true);   // hold-to-talk: release sends
    else if (rec && rec.holding) {                                          // a quick tap: keep recording
      rec.holding = false;
      els.form.removeAttribute("data-holding");
      els.voiceHint.textContent = "Toca ➤ para enviar";
    }
  });
  document.addEventListener("pointercancel", function () {
    if (pressing && rec && rec.holding) stopRecording(false);
    pressing = false;
  });
  els.mic.addEventListener("click", function (e) {
    if (e.detail === 0 && !rec) startRecording();  // keyboard (Enter/Space): tap mode
  });
  els.mic.addEventListener("contextmenu", function (e) { e.preventDefault(); });
  els.voiceSend.addEventListener("click", function () { stopRecording(true); });
  els.voiceCancel.addEventListener("click", function () { stopRecording(false); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && rec) stopRecording(false); });

  window.addEventListener("online", reconnectNow);
  window.addEventListener("offline", function () { if (!isOpen()) setStatus("offline"); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") reconnectNow();
  });
  window.addEventListener("storage", function (e) {
    // Another tab switched conversation (or cleared it): follow it.
    if (e.key === PREFIX + "conversation" && e.newValue && e.newValue !== convId) window.location.reload();
  });

  // ---------------------------------------------------------------- start
  loadCache();
  render();
  updateSendButton();
  connect();

  // Exposed for debugging and browser tests only.
  window.remedios = { conversationId: convId, unacked: unacked, messages: messages,
                      recording: function () { return !!(rec && rec.recorder); } };
})();
