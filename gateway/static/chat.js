/* Remedios web chat. Plain JS, no build step.
 *
 * - The conversation id lives in localStorage; the socket is /ws?conversation=<id>.
 * - Messages are cached in localStorage (shown instantly on reload) and merged with the server
 *   history (dedupe by id) after every (re)connect.
 * - A message stays "unacked" until the gateway answers `accepted`; unacked messages are resent with
 *   the same id after a reconnect, so a resend is never a second message.
 * - Message text is always set with textContent (never innerHTML).
 */
(function () {
  "use strict";

  var PREFIX = "remedios.";
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
    send: document.getElementById("send")
  };

  // ---------------------------------------------------------------- state
  var convId = conversationId();
  var cacheKey = "chat." + convId;
  var messages = new Map();   // id -> {id, role, text, timestamp, state, in_reply_to, seq, error}
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
    var list = sortedMessages().slice(-MAX_CACHED).map(function (m) {
      return { id: m.id, role: m.role, text: m.text, timestamp: m.timestamp, state: m.state,
               in_reply_to: m.in_reply_to || null, local: !!m.local };
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

  function updateNode(node, m) {
    node.querySelector(".text").textContent = m.text;
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
      updateNode(node, m);
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
  function renderTyping() {
    var show = serverTyping || awaiting.size > 0;
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

  function resendUnacked() {
    unacked.forEach(function (id) {
      var m = messages.get(id);
      if (m) sendFrame({ type: "message", id: m.id, text: m.text });
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
        upsert({ id: ev.id, role: "user", text: String(ev.text), timestamp: ev.timestamp, state: "accepted" });
        startAwaiting(ev.id);
        break;
      case "reply":
        upsert({ id: ev.id, role: "assistant", text: String(ev.text), timestamp: ev.timestamp,
                 in_reply_to: ev.in_reply_to || null });
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
               state: role === "user" ? (h.pending ? "pending" : "accepted") : undefined });
      if (role === "user") removeUnacked(h.id);
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
        if (m && unacked.indexOf(ev.id) >= 0) sendFrame({ type: "message", id: m.id, text: m.text });
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

  function submit() {
    var text = els.input.value.trim();
    if (!text) return;
    if (text.length > MAX_CHARS) {
      showNotice("El mensaje es demasiado largo (máximo " + MAX_CHARS + " caracteres).", "error");
      return;
    }
    var m = { id: newId(), role: "user", text: text, timestamp: new Date().toISOString(), state: "sending",
              local: true, seq: ++seqCounter };
    messages.set(m.id, m);
    unacked.push(m.id);
    saveCache();
    renderForceScroll = true;
    render();
    sendFrame({ type: "message", id: m.id, text: m.text });
    els.input.value = "";
    autoGrow();
    updateSendButton();
    els.input.focus();
  }

  var coarse = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;

  els.form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
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
  window.remedios = { conversationId: convId, unacked: unacked, messages: messages };
})();
