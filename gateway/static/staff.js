/* Remedios staff console (docs/contracts.md §10). Everything shown comes from n8n's answers; this page only
   asks (over the staff socket /staff/ws) and draws. Every action that changes something carries a key made
   here once: a double click, or a resend after a reconnect, is the same action and never a second message. */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var STATE_LABEL = { waiting: "Espera a una persona", person: "Con persona", agent: "Asistente", resolved: "Resuelta" };
  var CHANNEL_LABEL = { web: "Web", whatsapp: "WhatsApp" };

  var socket = null;
  var connected = false;
  var everOpened = false;
  var backoff = 1000;
  var me = null;
  var conversations = [];
  var filter = "all";
  var openId = null;
  var thread = null;
  var requests = new Map();  // request id -> callback
  var pending = new Map();   // action key -> frame, resent after a reconnect until answered
  var refreshTimer = null;
  var typingSent = 0;
  var typingStop = null;
  var counter = 0;

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function notice(text) {
    var el = $("notice");
    el.textContent = text;
    el.hidden = false;
    clearTimeout(notice.timer);
    notice.timer = setTimeout(function () { el.hidden = true; }, 5000);
  }

  // ----- log-in -----------------------------------------------------------------------------------------
  function showLogin(message) {
    $("console").hidden = true;
    $("login").hidden = false;
    var err = $("login-error");
    err.hidden = !message;
    err.textContent = message || "";
    $("login-user").focus();
  }

  $("login-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var button = $("login-submit");
    button.disabled = true;
    fetch("/staff/api/login", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: $("login-user").value.trim(), password: $("login-password").value })
    }).then(function (r) { return r.json().catch(function () { return { ok: false }; }); })
      .then(function (answer) {
        button.disabled = false;
        if (!answer.ok) { showLogin(answer.message || "No se pudo entrar."); return; }
        $("login-password").value = "";
        connect();
      }, function () { button.disabled = false; showLogin("El servidor no responde."); });
  });

  $("logout").addEventListener("click", function () {
    fetch("/staff/api/logout", { method: "POST", credentials: "same-origin" }).finally(function () {
      everOpened = false;
      var ws = socket;
      socket = null;  // its close is not a reason to reconnect
      if (ws) ws.close();
      showLogin("");
    });
  });

  // ----- the staff socket --------------------------------------------------------------------------------
  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/staff/ws";
    var ws = new WebSocket(url);
    socket = ws;
    setConnection("connecting");
    var opened = false;
    ws.onopen = function () {
      opened = true; everOpened = true; connected = true; backoff = 1000;
      $("login").hidden = true;
      $("console").hidden = false;
      setConnection("online");
      refreshList();
      if (openId) refreshThread();
      pending.forEach(function (frame) { send(frame); });  // same keys: n8n stores each action once
    };
    ws.onmessage = function (e) {
      var ev;
      try { ev = JSON.parse(e.data); } catch (err) { return; }
      handle(ev);
    };
    ws.onclose = function (e) {
      connected = false;
      if (socket !== ws) return;
      setConnection("offline");
      if (!opened && !everOpened) { showLogin(""); return; }  // no session (or it expired): log in
      if (e.code === 4401) { everOpened = false; showLogin("La sesión ha caducado. Vuelva a entrar."); return; }
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  }

  function setConnection(state) {
    var el = $("connection");
    el.dataset.state = state;
    el.textContent = state === "online" ? "En línea" : state === "offline" ? "Sin conexión" : "Conectando…";
  }

  setInterval(function () { if (connected) socket.send(JSON.stringify({ type: "ping" })); }, 25000);

  function send(frame) {
    if (connected) socket.send(JSON.stringify(frame));
  }

  function ask(type, fields, done) {
    var frame = Object.assign({ type: type, request: "r" + (++counter) }, fields || {});
    requests.set(frame.request, function (answer) {
      if (frame.key) pending.delete(frame.key);
      if (done) done(answer);
    });
    if (frame.key) pending.set(frame.key, frame);
    send(frame);
    return frame;
  }

  function handle(ev) {
    if (ev.type === "hello") {
      me = ev.staff || null;
      $("me").textContent = me ? me.name : "";
    } else if (ev.type === "result") {
      var done = requests.get(ev.request);
      requests.delete(ev.request);
      if (!ev.ok && ev.message && ev.action !== "typing") notice(ev.message);
      if (done) done(ev);
    } else if (ev.type === "activity") {
      scheduleRefresh(ev.conversation_id);
    }
  }

  function scheduleRefresh(conversationId) {
    if (conversationId === openId) scheduleRefresh.thread = true;
    if (refreshTimer) return;
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      refreshList();
      if (scheduleRefresh.thread) { scheduleRefresh.thread = false; refreshThread(); }
    }, 120);
  }

  // ----- the list ----------------------------------------------------------------------------------------
  function stateOf(c) { return c.resolved && c.state === "agent" ? "resolved" : c.state; }

  function refreshList() {
    ask("list", {}, function (answer) {
      if (!answer.ok) return;
      conversations = answer.conversations || [];
      drawList();
    });
  }

  function drawList() {
    var counts = { waiting: 0, person: 0, agent: 0, resolved: 0, all: conversations.length };
    conversations.forEach(function (c) { counts[stateOf(c)] += 1; });
    Object.keys(counts).forEach(function (k) {
      var b = document.querySelector('[data-count="' + k + '"]');
      if (b) b.textContent = String(counts[k]);
    });
    var list = $("list");
    list.textContent = "";
    var shown = conversations.filter(function (c) { return filter === "all" || stateOf(c) === filter; });
    shown.forEach(function (c) {
      var li = document.createElement("li");
      li.dataset.id = c.id;
      li.dataset.state = stateOf(c);
      if (c.id === openId) li.setAttribute("aria-current", "true");
      var name = document.createElement("span");
      name.className = "name";
      name.textContent = c.name;
      li.appendChild(name);
      var unread = document.createElement("span");
      if (c.unread > 0 && c.id !== openId) { unread.className = "unread"; unread.textContent = String(c.unread); }
      li.appendChild(unread);
      var preview = document.createElement("span");
      preview.className = "preview";
      preview.textContent = c.last_text || "";
      li.appendChild(preview);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.appendChild(badge(CHANNEL_LABEL[c.channel] || c.channel, ""));
      var s = stateOf(c);
      meta.appendChild(badge(s === "person" ? "Atiende " + (c.owner_name || "") : STATE_LABEL[s], "state-" + s));
      var when = document.createElement("time");
      when.textContent = shortTime(c.last_message_at);
      meta.appendChild(when);
      li.appendChild(meta);
      li.addEventListener("click", function () { open(c.id); });
      list.appendChild(li);
    });
    $("list-empty").hidden = shown.length > 0;
  }

  function badge(text, cls) {
    var b = document.createElement("span");
    b.className = "badge " + cls;
    b.textContent = text;
    return b;
  }

  function shortTime(iso) {
    var d = new Date(iso);
    if (isNaN(d)) return "";
    var today = new Date().toDateString() === d.toDateString();
    return today ? d.toLocaleTimeString("es-ES", { hour: "2-digit", minute: "2-digit" })
                 : d.toLocaleDateString("es-ES", { day: "numeric", month: "short" });
  }

  document.querySelectorAll("#filters button").forEach(function (b) {
    b.addEventListener("click", function () {
      filter = b.dataset.filter;
      document.querySelectorAll("#filters button").forEach(function (x) {
        x.setAttribute("aria-pressed", String(x === b));
      });
      drawList();
    });
  });

  // ----- the thread --------------------------------------------------------------------------------------
  function open(id) {
    openId = id;
    thread = null;
    $("console").dataset.view = "thread";
    $("thread-empty").hidden = true;
    $("thread-body").hidden = false;
    $("messages").textContent = "";
    refreshThread();
    drawList();
  }

  $("back").addEventListener("click", function () { $("console").dataset.view = "list"; });

  function refreshThread() {
    var id = openId;
    ask("thread", { conversation_id: id }, function (answer) {
      if (id !== openId) return;
      if (!answer.ok) return;
      thread = answer;
      drawThread();
    });
  }

  function drawThread() {
    var c = thread.conversation;
    $("thread-name").textContent = c.name;
    $("thread-channel").textContent = CHANNEL_LABEL[c.channel] || c.channel;
    var mine = c.state === "person" && me && c.owner_id === me.id;
    var owner = $("owner");
    owner.dataset.state = c.state;
    owner.textContent = c.state === "person" ? "Atiende: " + (mine ? "usted (" + c.owner_name + ")" : c.owner_name)
      : c.state === "waiting" ? "Espera a una persona del equipo · responde el asistente automático"
      : "Responde el asistente automático" + (c.resolved ? " · resuelta" : "");
    $("take").hidden = c.state === "person";
    $("handback").hidden = !mine;
    $("resolve").disabled = c.state === "person" && !mine;
    drawComposer(mine);

    var items = (thread.messages || []).map(function (m) { return { kind: "message", at: m.timestamp, m: m }; })
      .concat((thread.notes || []).map(function (n) { return { kind: "note", at: n.timestamp, m: n }; }));
    items.sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; });
    var list = $("messages");
    var atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.textContent = "";
    items.forEach(function (item) {
      var m = item.m;
      var li = document.createElement("li");
      var by = document.createElement("span");
      by.className = "by";
      var text = m.text;
      if (item.kind === "note") {
        li.className = "note";
        by.textContent = "Nota privada · " + m.author + " · " + shortTime(m.timestamp);
      } else if (m.handover) {
        li.className = "handover";
      } else if (m.role === "user") {
        li.className = "user";
        by.textContent = c.name + " · " + shortTime(m.timestamp);
        if (m.voice) text = "🎤 " + text;
      } else if (m.author && m.author.kind === "staff") {
        li.className = "staff";
        by.textContent = m.author.name + " · " + shortTime(m.timestamp);
      } else {
        li.className = "agent";
        by.textContent = "Asistente · " + shortTime(m.timestamp) + (m.estimate ? " · presupuesto " + m.estimate : "");
      }
      li.dataset.id = m.id;
      if (by.textContent) li.appendChild(by);
      li.appendChild(document.createTextNode(text));
      if (m.delivery_status === "failed") {
        var failed = document.createElement("span");
        failed.className = "failed";
        failed.textContent = "No entregado" + (m.delivery_error ? ": " + m.delivery_error : "");
        li.appendChild(failed);
      }
      list.appendChild(li);
    });
    if (atBottom || !drawThread.drawn) list.scrollTop = list.scrollHeight;
    drawThread.drawn = true;
  }

  function mode() { return document.querySelector('input[name="mode"]:checked').value; }

  function drawComposer(mine) {
    var note = mode() === "note";
    $("composer").classList.toggle("note", note);
    var closed = !note && thread && thread.conversation.window_open === false;
    var blocked = !note && (!mine || closed);
    $("send").disabled = blocked;
    $("text").placeholder = note ? "Nota privada: solo la ve el equipo, nunca el fontanero ni el asistente."
                                 : "Escriba su respuesta al fontanero…";
    $("composer-hint").textContent = closed
      ? "Han pasado más de 24 horas desde su último mensaje: WhatsApp no permite enviarle texto libre hasta que vuelva a escribir." +
        (thread.conversation.template_ready ? " Puede enviarle la plantilla aprobada para retomar la conversación."
                                            : " No hay plantilla de WhatsApp configurada.")
      : blocked ? "Tome la conversación para responder al fontanero." : "";
    $("template").hidden = !(closed && mine && thread.conversation.template_ready);
  }

  document.querySelectorAll('input[name="mode"]').forEach(function (r) {
    r.addEventListener("change", function () {
      if (thread) drawComposer(thread.conversation.state === "person" && me && thread.conversation.owner_id === me.id);
    });
  });

  function act(type, button, extra) {
    if (!openId) return;
    button.disabled = true;  // one click, one action (and the key makes a retry the same action)
    ask(type, Object.assign({ conversation_id: openId, key: newId() }, extra || {}), function (answer) {
      button.disabled = false;
      if (answer.ok && answer.conversation && thread) { thread.conversation = answer.conversation; drawThread(); }
      refreshThread();
    });
  }

  $("take").addEventListener("click", function () { act("take", $("take")); });
  $("handback").addEventListener("click", function () { act("handback", $("handback")); });
  $("resolve").addEventListener("click", function () { act("resolve", $("resolve")); });
  $("template").addEventListener("click", function () { act("template", $("template")); });

  $("composer").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = $("text").value.trim();
    if (!text || !openId) return;
    var button = $("send");
    button.disabled = true;
    var type = mode();
    stopTyping();
    ask(type, { conversation_id: openId, key: newId(), text: text }, function (answer) {
      button.disabled = false;
      if (answer.ok) { $("text").value = ""; refreshThread(); }
    });
  });

  $("text").addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("composer").requestSubmit(); }
  });

  // The plumber sees "escribiendo…" while the person writes (at most one typing frame every 4 s).
  $("text").addEventListener("input", function () {
    if (mode() !== "reply" || !thread || !me || thread.conversation.owner_id !== me.id) return;
    var now = Date.now();
    if (now - typingSent > 4000) {
      typingSent = now;
      ask("typing", { conversation_id: openId, active: true });
    }
    clearTimeout(typingStop);
    typingStop = setTimeout(stopTyping, 5000);
  });

  function stopTyping() {
    clearTimeout(typingStop);
    if (typingSent && openId) ask("typing", { conversation_id: openId, active: false });
    typingSent = 0;
  }

  connect();
})();
