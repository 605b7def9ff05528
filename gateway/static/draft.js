/* Remedios chat page: the answer growing while the model writes it (docs/contracts.md §1, `draft` events).
 *
 * chat.js hands every gateway event to this file as a `remedios:event` window event. A `draft` event carries the
 * whole draft so far for one plumber message (`in_reply_to`): the safety message first, the model's text, the
 * verified procedure it is based on (the article's card, known before the model starts, drawn by article.js with
 * the same parts as under the final answer, but open) and the place in the
 * line while other questions are ahead ("2 consultas por delante"). The newest `seq` wins, so
 * a page that reconnects (history, then the draft so far) never shows an older text. The final `reply` for the
 * same message replaces the draft; a draft whose message already has a reply is never shown again. A draft is
 * never stored, neither here nor in the conversation's cache.
 */
(function () {
  "use strict";

  var box = document.getElementById("drafts");
  var scroller = document.getElementById("conversation");
  if (!box) return;
  var drafts = new Map();    // in_reply_to -> {seq, node}
  var answered = new Set();  // plumber messages whose reply is here: their drafts are over

  function part(className) {
    var p = document.createElement("p");
    p.className = className;
    p.hidden = true;
    return p;
  }

  function build(id) {
    var row = document.createElement("div");
    row.className = "draft-row";
    row.setAttribute("data-in-reply-to", id);
    var bubble = document.createElement("div");
    bubble.className = "bubble";
    bubble.appendChild(part("draft-safety"));
    bubble.appendChild(part("draft-text"));
    var article = document.createElement("div");
    article.className = "draft-article";
    article.hidden = true;
    bubble.appendChild(article);
    bubble.appendChild(part("draft-notice"));
    row.appendChild(bubble);
    return row;
  }

  function fill(node, className, text) {
    var p = node.querySelector("." + className);
    p.textContent = text;
    p.hidden = !text;
  }

  // The cited article's card, open (the plumber reads it while the answer is written): the same parts, in the
  // same order, as the card under the final answer (article.js).
  function fillArticle(node, a) {
    var box = node.querySelector(".draft-article");
    var ok = window.RemediosArticle.isArticle(a);
    var signature = ok ? JSON.stringify(a) : "";
    if (!ok || box._cardSignature === signature) { box.hidden = !ok; return; }
    box.textContent = "";
    box.setAttribute("data-slug", String(a.slug));
    box._cardSignature = signature;
    var title = document.createElement("p");
    title.className = "draft-article-title";
    title.textContent = "Procedimiento verificado: " + a.title;
    box.appendChild(title);
    window.RemediosArticle.appendParts(box, a);
    box.hidden = false;
  }

  function refresh() {
    document.body.classList.toggle("has-draft", drafts.size > 0);
  }

  function show(ev) {
    var id = ev.in_reply_to;
    if (typeof id !== "string" || answered.has(id) || typeof ev.seq !== "number") return;
    var nearBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
    var draft = drafts.get(id);
    if (draft && ev.seq <= draft.seq) return;  // older than what is shown (a reconnect's snapshot)
    if (!draft) {
      draft = { seq: 0, node: build(id) };
      drafts.set(id, draft);
      box.appendChild(draft.node);
    }
    draft.seq = ev.seq;
    fill(draft.node, "draft-safety", typeof ev.safety === "string" ? ev.safety : "");
    fill(draft.node, "draft-text", typeof ev.text === "string" ? ev.text.replace(/\*\*/g, "") : "");
    fillArticle(draft.node, ev.article);
    fill(draft.node, "draft-notice", typeof ev.notice === "string" ? ev.notice : "");
    refresh();
    if (nearBottom) scroller.scrollTop = scroller.scrollHeight;
  }

  function done(id) {
    if (typeof id !== "string") return;
    answered.add(id);
    var draft = drafts.get(id);
    if (draft) {
      draft.node.remove();
      drafts.delete(id);
      refresh();
    }
  }

  window.addEventListener("remedios:event", function (e) {
    var ev = e.detail || {};
    if (ev.type === "draft") show(ev);
    else if (ev.type === "reply") {
      // A person took the conversation over: the agent's answers in progress are over (n8n drops them).
      if (typeof ev.id === "string" && ev.id.indexOf("staff-join:") === 0) {
        Array.from(drafts.keys()).forEach(done);
      }
      done(ev.in_reply_to);
    }
    else if (ev.type === "history" && Array.isArray(ev.messages)) {
      ev.messages.forEach(function (m) { if (m && m.role === "assistant") done(m.in_reply_to); });
    }
  });
})();
