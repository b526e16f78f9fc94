// Reading edition: copy paragraph links, and keep old links working.
(function () {
  "use strict";

  function dataElement() {
    return document.getElementById("edition-data");
  }

  function redirects() {
    var el = dataElement();
    if (!el) return {};
    try { return JSON.parse(el.getAttribute("data-redirects") || "{}"); } catch (e) { return {}; }
  }

  function words(text) {
    return (text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").match(/[a-z0-9]+/g) || []).join(" ");
  }

  function findByWords(query) {
    var needle = words(query);
    if (!needle) return null;
    var blocks = document.querySelectorAll(".para, .note");
    for (var i = 0; i < blocks.length; i++) {
      if (words(blocks[i].textContent).indexOf(needle) !== -1) return blocks[i];
    }
    return null;
  }

  function show(el) {
    document.querySelectorAll(".para.found").forEach(function (p) { p.classList.remove("found"); });
    el.classList.add("found");
    el.scrollIntoView({ block: "start" });
  }

  // An anchor that no longer exists: follow the ledger's redirect, or find the quoted words.
  function resolveHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (!hash || document.getElementById(hash)) return;
    var map = redirects();
    if (map[hash] && document.getElementById(map[hash])) {
      history.replaceState(null, "", "#" + map[hash]);
      show(document.getElementById(map[hash]));
      return;
    }
    var quoted = hash.match(/^(?:q=|:~:text=)(.+)$/);
    if (quoted) {
      var found = findByWords(quoted[1]);
      if (found) show(found);
    }
  }

  function copyLink(event) {
    var a = event.target.closest(".pnum, .pb");
    if (!a) return;
    var url = location.href.split("#")[0] + a.getAttribute("href");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        a.classList.add("copied");
        setTimeout(function () { a.classList.remove("copied"); }, 1500);
      }, function () {});
    }
  }

  document.addEventListener("click", copyLink);
  window.addEventListener("hashchange", resolveHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", resolveHash);
  } else {
    resolveHash();
  }
})();

// Marks of register entries and repairs: a legend and a switch to hide them for clean reading.
(function () {
  "use strict";
  var KEY = "edition-clean-reading";

  function apply(clean) {
    document.body.classList.toggle("clean-reading", clean);
    document.querySelectorAll(".marks-toggle").forEach(function (b) {
      b.textContent = clean ? "Show marks" : "Hide marks";
      b.setAttribute("aria-pressed", clean ? "true" : "false");
    });
  }

  function setup() {
    var meta = document.querySelector(".edition-meta");
    if (!meta) return;
    var p = document.createElement("p");
    p.className = "marks-legend";
    p.innerHTML = 'Marks: <span class="m m-actor">actor</span><span class="m m-event">event</span>' +
      '<span class="m m-concept">concept</span><span class="m m-place">place</span>' +
      'repaired words°';
    var button = document.createElement("button");
    button.type = "button";
    button.className = "marks-toggle";
    button.addEventListener("click", function () {
      var clean = !document.body.classList.contains("clean-reading");
      try { localStorage.setItem(KEY, clean ? "1" : "0"); } catch (e) { /* private mode */ }
      apply(clean);
    });
    p.appendChild(button);
    meta.appendChild(p);
    var stored = null;
    try { stored = localStorage.getItem(KEY); } catch (e) { /* private mode */ }
    apply(stored === "1");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();

// Timeline: show or hide the statements of each source.
(function () {
  "use strict";
  function setup() {
    var form = document.querySelector(".timeline-filter");
    if (!form) return;
    form.addEventListener("change", function () {
      var shown = {};
      form.querySelectorAll("input").forEach(function (i) { shown[i.value] = i.checked; });
      document.querySelectorAll(".timeline li[data-source]").forEach(function (li) {
        li.hidden = !shown[li.getAttribute("data-source")];
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
