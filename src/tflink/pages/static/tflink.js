/* tflink gateway: search autocomplete (every input[data-autocomplete]) and clickable browse rows. No framework. */
(function () {
  "use strict";
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  function autocomplete(input) {
    var list = el("ul", "ac-list"), items = [], active = -1, timer = null, seq = 0;
    var id = input.id + "-suggestions";
    list.id = id; list.setAttribute("role", "listbox"); list.hidden = true;
    input.setAttribute("role", "combobox"); input.setAttribute("aria-controls", id); input.setAttribute("aria-expanded", "false");
    input.parentNode.style.position = "relative";
    input.parentNode.appendChild(list);
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
    function go(hit) { window.location.href = "/protein/" + encodeURIComponent(hit.uniprot); }
    function mark() {
      Array.prototype.forEach.call(list.children, function (li, i) { li.setAttribute("aria-selected", i === active ? "true" : "false"); });
      if (active >= 0) input.setAttribute("aria-activedescendant", list.children[active].id); else input.removeAttribute("aria-activedescendant");
    }
    function show(hits) {
      list.textContent = ""; items = hits; active = -1;
      hits.forEach(function (h, i) {
        var li = el("li"); li.id = id + "-" + i; li.setAttribute("role", "option"); li.dataset.uniprot = h.uniprot;
        li.appendChild(el("strong", null, h.name)); li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", "muted", h.uniprot + " · " + h.organism + (h.exact ? "" : " · " + h.match_kind + " " + h.matched)));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); go(h); });
        list.appendChild(li);
      });
      list.hidden = hits.length === 0; input.setAttribute("aria-expanded", hits.length ? "true" : "false");
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch("/api/v1/search?limit=10&q=" + encodeURIComponent(q)).then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (d) { if (mine === seq) show(d.results || []); }).catch(function () { close(); });
      }, 120);
    });
    input.addEventListener("keydown", function (ev) {
      if (list.hidden) return;
      if (ev.key === "ArrowDown") { active = Math.min(items.length - 1, active + 1); mark(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(-1, active - 1); mark(); ev.preventDefault(); }
      else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); go(items[active]); }
      else if (ev.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete]"), autocomplete);
    Array.prototype.forEach.call(document.querySelectorAll("tr.clickable[data-href]"), function (tr) {
      tr.addEventListener("click", function (ev) { if (ev.target.closest("a")) return; window.location.href = tr.dataset.href; });
    });
  });
})();
