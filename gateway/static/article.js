/* Remedios chat page: the parts of a cited article's card (docs/contracts.md §4), shared by chat.js (the card
 * under an answer, "Ver procedimiento completo") and draft.js (the same card while the answer is written).
 *
 * In the order the plumber reads them, each left out when the card lacks it (cards stored before 2026-12-06 have
 * only title, steps and safety): why it happens, tools and materials, the numbered steps, the safety note, when
 * to call a specialist. The same headings as the WhatsApp message (gateway/whatsapp/text.py article_text).
 * Every value is set with textContent, never as HTML.
 */
(function () {
  "use strict";

  var BEFORE_STEPS = [["problem", "Por qué pasa"], ["tools_materials", "Herramientas y materiales"]];
  var AFTER_STEPS = [["safety", "Seguridad"], ["call_professional", "Cuándo llamar a un especialista"]];
  var CLASS_OF = { problem: "article-problem", tools_materials: "article-tools", safety: "article-safety",
                   call_professional: "article-call" };

  function isArticle(a) {
    return !!a && typeof a === "object" && !Array.isArray(a) && typeof a.slug === "string" &&
      typeof a.title === "string" && Array.isArray(a.steps);
  }

  function text(value) {
    return typeof value === "string" ? value.trim() : "";
  }

  function labelled(key, heading, value) {
    var p = document.createElement("p");
    p.className = "article-part " + CLASS_OF[key];
    var strong = document.createElement("strong");
    strong.textContent = heading + ": ";
    p.appendChild(strong);
    p.appendChild(document.createTextNode(value));
    return p;
  }

  // Appends the card's parts (not its title or reference) to `parent`, in order.
  function appendParts(parent, a) {
    BEFORE_STEPS.forEach(function (part) {
      if (text(a[part[0]])) parent.appendChild(labelled(part[0], part[1], text(a[part[0]])));
    });
    var steps = a.steps.filter(function (s) { return typeof s === "string" && s.trim(); });
    if (steps.length) {
      var heading = document.createElement("p");
      heading.className = "article-heading";
      heading.textContent = "Pasos";
      parent.appendChild(heading);
      var list = document.createElement("ol");
      list.className = "article-steps";
      steps.forEach(function (step) {
        var li = document.createElement("li");
        li.textContent = step;
        list.appendChild(li);
      });
      parent.appendChild(list);
    }
    AFTER_STEPS.forEach(function (part) {
      if (text(a[part[0]])) parent.appendChild(labelled(part[0], part[1], text(a[part[0]])));
    });
  }

  window.RemediosArticle = { isArticle: isArticle, appendParts: appendParts };
})();
