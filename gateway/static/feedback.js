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

  function button(vote, emoji, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "vote vote-" + vote;
    b.setAttribute("data-vote", vote);
    b.setAttribute("aria-label", label);
    b.title = label;
    b.textContent = emoji;
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
      var up = button("up", "👍", TEXT.up);
      var down = button("down", "👎", TEXT.down);
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
