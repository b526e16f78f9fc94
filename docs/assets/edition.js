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
