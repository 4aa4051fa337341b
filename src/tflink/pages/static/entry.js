/* Entry page: server-paged tables (HTML fragments swapped in) and the Cytoscape.js network view. */
(function () {
  "use strict";

  function tableState(box) {
    return { sort: box.dataset.sort || "", desc: box.dataset.desc || "", limit: box.dataset.limit, offset: box.dataset.offset };
  }
  function load(box, changes) {
    var st = Object.assign(tableState(box), changes), form = box.querySelector("form[data-role=filters]");
    var params = new URLSearchParams(new FormData(form));
    params.set("limit", changes.limit || params.get("limit") || st.limit);
    params.set("offset", st.offset || 0);
    if (st.sort) params.set("sort", st.sort);
    if (st.desc) params.set("desc", "true");
    Array.from(params.keys()).forEach(function (k) { if (params.get(k) === "") params.delete(k); });
    box.setAttribute("aria-busy", "true");
    return fetch(box.dataset.url + "?" + params.toString()).then(function (r) {
      return r.text().then(function (html) {
        if (!r.ok) { var p = document.createElement("p"); p.className = "notice"; p.textContent = "Could not load rows (" + r.status + ")."; box.prepend(p); return; }
        var tmp = document.createElement("div"); tmp.innerHTML = html;
        var fresh = tmp.querySelector(".etable"); box.replaceWith(fresh); wire(fresh);
      });
    }).finally(function () { box.removeAttribute("aria-busy"); });
  }
  function wire(box) {
    box.querySelector("form[data-role=filters]").addEventListener("submit", function (ev) { ev.preventDefault(); load(box, { offset: 0 }); });
    box.querySelectorAll("button.sort").forEach(function (b) {
      b.addEventListener("click", function () {
        var key = b.dataset.sort, same = box.dataset.sort === key;
        load(box, { sort: key, desc: same && !box.dataset.desc ? "true" : "", offset: 0 });
      });
    });
    box.querySelectorAll(".pager button[data-offset]").forEach(function (b) {
      b.addEventListener("click", function () { load(box, { offset: b.dataset.offset }); });
    });
  }

  var STYLE = [
    { selector: "node", style: { "label": "data(label)", "font-size": 10, "text-valign": "center", "text-halign": "center",
      "width": "label", "height": 22, "padding": "6px", "shape": "round-rectangle", "color": "#fff", "background-color": "#2f7fc1" } },
    { selector: "node[role = 'tf']", style: { "background-color": "#d9534f" } },
    { selector: "node[?centre]", style: { "border-width": 4, "border-color": "#16324f", "font-weight": "bold", "font-size": 12 } },
    { selector: "edge", style: { "width": 1.5, "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#8a93a3",
      "target-arrow-color": "#8a93a3", "arrow-scale": 0.8, "line-style": "dashed" } },
    { selector: "edge[?small_scale]", style: { "line-style": "solid", "width": 2.5, "line-color": "#444", "target-arrow-color": "#444" } }
  ];

  function drawNetwork(section) {
    var form = document.getElementById("network-controls"), notice = document.getElementById("network-notice");
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (k) { if (params.get(k) === "") params.delete(k); });
    var url = "/api/v1/entries/" + encodeURIComponent(section.dataset.ac) + "/network?" + params.toString();
    return fetch(url).then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); }).then(function (res) {
      if (!res.ok) { notice.hidden = false; notice.textContent = res.d.error || "could not load the network"; return; }
      var d = res.d;
      if (window.tflinkCy) window.tflinkCy.destroy();
      window.tflinkCy = cytoscape({ container: document.getElementById("network"), elements: d.elements, style: STYLE,
        wheelSensitivity: 0.5, layout: { name: d.shown > 150 ? "concentric" : "cose", animate: false,
          concentric: function (n) { return n.data("centre") ? 10 : 3 - n.data("level"); }, levelWidth: function () { return 1; } } });
      window.tflinkNetwork = d;
      window.tflinkCy.on("tap", "node", function (ev) { var ac = ev.target.data("uniprot"); if (ac !== section.dataset.ac) window.location.href = "/protein/" + ac; });
      notice.hidden = false;
      notice.textContent = d.truncated
        ? "Showing " + d.shown + " nodes: " + (d.shown - 1) + " of " + d.total_neighbours + " neighbours (small-scale first, then by name). Raise “Nodes to draw” to see more."
        : "All " + d.total_neighbours + " neighbours are drawn (" + d.elements.edges.length + " interactions).";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".etable").forEach(wire);
    var section = document.getElementById("network-section");
    if (!section || typeof cytoscape === "undefined") return;
    var form = document.getElementById("network-controls");
    form.addEventListener("submit", function (ev) { ev.preventDefault(); drawNetwork(section); });
    document.getElementById("net-fit").addEventListener("click", function () { if (window.tflinkCy) window.tflinkCy.fit(); });
    document.getElementById("net-png").addEventListener("click", function () {
      if (!window.tflinkCy) return;
      var a = document.createElement("a"); a.href = window.tflinkCy.png({ full: true, bg: "#ffffff", scale: 2 });
      a.download = "TFLink_" + section.dataset.ac + "_network.png"; document.body.appendChild(a); a.click(); a.remove();
    });
    drawNetwork(section);
  });
})();
