/* Remedios web chat: 👍 / 👎 under every answer of the assistant (issue 13: misses become knowledge).
 *
 * Loaded after chat.js; it only reads the page chat.js renders (rows `.msg.assistant[data-id]`) and
 * `window.remedios.conversationId`, and adds a small bar to each answer's bubble. A press sends
 * POST /api/feedback {conversation, message_id, vote} (gateway/feedback.py); n8n stores one vote per answer
 * (a new press replaces it) and lists every 👎 for office staff. The vote shown is kept in localStorage.
 * Texts are set with textContent; the gateway's Spanish error message is shown when a vote is refused.
 */
(function () {
  "use strict";

  var KEY = "remedios.votes";
  var MAX_KEPT = 300;
  var TEXT = {
    question: "¿Te ha servido?",
    up: "Me ha servido",
    down: "No me ha servido",
    thanksUp: "¡Gracias!",
    thanksDown: "Gracias: el equipo técnico revisará esta respuesta.",
    failed: "No se pudo guardar tu valoración. Inténtalo de nuevo."
  };
  var list = document.getElementById("messages");
  if (!list || !window.remedios || !window.remedios.conversationId) return;
  var conversation = window.remedios.conversationId;

  function loadVotes() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function saveVotes(votes) {
    var ids = Object.keys(votes);
    while (ids.length > MAX_KEPT) delete votes[ids.shift()];
    try { window.localStorage.setItem(KEY, JSON.stringify(votes)); } catch (e) { /* private mode, full */ }
  }
  var votes = loadVotes();

  function show(bar, vote) {
    Array.prototype.forEach.call(bar.querySelectorAll("button"), function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-vote") === vote ? "true" : "false");
    });
    bar.setAttribute("data-vote", vote || "");
  }

  function send(bar, id, vote) {
    var status = bar.querySelector(".feedback-status");
    var before = votes[id] || "";
    show(bar, vote);
    bar.setAttribute("data-state", "sending");
    status.textContent = "";
    fetch("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ conversation: conversation, message_id: id, vote: vote })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          votes[id] = vote;
          saveVotes(votes);
          bar.setAttribute("data-state", "saved");
          status.textContent = vote === "down" ? TEXT.thanksDown : TEXT.thanksUp;
        } else {
          show(bar, before);
          bar.setAttribute("data-state", "failed");
          status.textContent = (body && body.error && typeof body.error.message === "string")
            ? body.error.message : TEXT.failed;
        }
      });
    }).catch(function () {
      show(bar, before);
      bar.setAttribute("data-state", "failed");
      status.textContent = TEXT.failed;
    });
  }

  // Thumb icons as SVG (an emoji font is not on every computer); Material Icons paths (Apache-2.0).
  var ICONS = {
    up: "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 " +
        "7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z",
    down: "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 " +
          ".41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z"
  };

  function button(vote, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "vote vote-" + vote;
    b.setAttribute("data-vote", vote);
    b.setAttribute("aria-label", label);
    b.title = label;
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", ICONS[vote]);
    svg.appendChild(path);
    b.appendChild(svg);
    return b;
  }

  function decorate(row) {
    var id = row.getAttribute("data-id");
    // Only the system's stored answers have a colon in their id (reply:…); nothing else can be voted on.
    if (!id || id.indexOf(":") < 0) return;
    var bubble = row.querySelector(".bubble");
    if (!bubble) return;
    var bar = bubble.querySelector(".feedback");
    if (!bar) {
      bar = document.createElement("div");
      bar.className = "feedback";
      bar.setAttribute("role", "group");
      bar.setAttribute("aria-label", TEXT.question);
      var up = button("up", TEXT.up);
      var down = button("down", TEXT.down);
      var status = document.createElement("span");
      status.className = "feedback-status";
      status.setAttribute("aria-live", "polite");
      bar.appendChild(up);
      bar.appendChild(down);
      bar.appendChild(status);
      [up, down].forEach(function (b) {
        b.addEventListener("click", function () {
          var vote = b.getAttribute("data-vote");
          if (bar.getAttribute("data-state") === "sending" || votes[id] === vote) return;
          send(bar, id, vote);
        });
      });
      show(bar, votes[id] || "");
    }
    if (bubble.lastChild !== bar) bubble.appendChild(bar);  // below the article card chat.js may add later
  }

  function decorateAll() {
    Array.prototype.forEach.call(list.querySelectorAll(".msg.assistant[data-id]"), decorate);
  }

  new MutationObserver(decorateAll).observe(list, { childList: true, subtree: true });
  decorateAll();
})();
