// Reading edition: copy paragraph links, keep old links working, marks, timeline filter, cite, a11y.
function whenReady(fn) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn); else fn();
}

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
  whenReady(resolveHash);
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

  whenReady(setup);
})();

// Timeline: show or hide the statements of each source.
(function () {
  "use strict";
  function setup() {
    var form = document.querySelector(".timeline-filter");
    if (!form) return;
    form.addEventListener("change", function () {
      var one = form.querySelector("select");  // many sources: one at a time ("" = all)
      var shown = {};
      form.querySelectorAll("input").forEach(function (i) { shown[i.value] = i.checked; });
      document.querySelectorAll(".timeline li[data-source]").forEach(function (li) {
        var source = li.getAttribute("data-source");
        li.hidden = one ? one.value !== "" && one.value !== source : !shown[source];
      });
    });
  }
  whenReady(setup);
})();

// Cite: a dialog with the reference in each style, for the source or for one paragraph.
(function () {
  "use strict";
  var data = null;
  var dialog = null;

  function readData() {
    var el = document.getElementById("cite-data");
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function canonical() {
    var link = document.querySelector('link[rel="canonical"]');
    return link ? link.href.split("#")[0] : location.href.split("#")[0];
  }

  function fill(template, locator) {
    return template.split(data.placeholder).join(locator);
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "cite-dialog";
    dialog.setAttribute("aria-labelledby", "cite-title");
    dialog.innerHTML = '<form method="dialog" class="cite-close"><button aria-label="Close">×</button></form>' +
      '<h2 id="cite-title"></h2><p class="cite-link"></p><div class="cite-styles"></div>' +
      '<p class="cite-downloads">Download for a reference manager: </p>';
    var downloads = dialog.querySelector(".cite-downloads");
    Object.keys(data.downloads).forEach(function (fmt, i) {
      var a = document.createElement("a");
      a.href = data.downloads[fmt];
      a.textContent = fmt;
      a.setAttribute("download", "");
      if (i) downloads.appendChild(document.createTextNode(" · "));
      downloads.appendChild(a);
    });
    dialog.addEventListener("click", function (event) {
      var button = event.target.closest(".cite-copy");
      if (!button) return;
      var text = button.parentNode.querySelector(".cite-text").innerText;
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      }, function () {});
    });
    document.body.appendChild(dialog);
  }

  function row(label, html) {
    return '<section class="cite-style"><h3>' + label + '</h3><div class="cite-text">' + html +
      '</div><button type="button" class="cite-copy md-button">Copy</button></section>';
  }

  function open(block) {
    if (!dialog) build();
    var title = dialog.querySelector("#cite-title");
    var link = dialog.querySelector(".cite-link");
    var styles = dialog.querySelector(".cite-styles");
    var html = "";
    if (block) {
      var label = block.querySelector(".pnum").textContent;
      var pages = block.getAttribute("data-pages");
      var url = canonical() + "#" + block.id;
      title.textContent = "Cite ¶ " + label + (pages ? " (p. " + pages.replace(",", "–") + ")" : "");
      link.innerHTML = "Permanent link: <code>" + url + "</code>";
      data.styles.forEach(function (s) {
        var note = pages ? fill(s.citation_page, pages.split(",")[0]) : fill(s.citation_paragraph, label);
        html += row(s.label, note + ' <span class="cite-where">¶ ' + label + ", " + url + "</span>");
      });
    } else {
      title.textContent = "Cite this source";
      link.innerHTML = "Reading edition: <code>" + canonical() + "</code>";
      data.styles.forEach(function (s) {
        html += row(s.label, s.bibliography.replace(/<\/?div[^>]*>/g, "")) ;
      });
      html += row("This reading edition (Chicago)",
                  data.styles[0].edition_bibliography.replace(/<\/?div[^>]*>/g, ""));
    }
    styles.innerHTML = html;
    dialog.showModal();
  }

  function setup() {
    data = readData();
    if (!data) return;
    document.addEventListener("click", function (event) {
      if (event.target.closest(".cite-source")) open(null);
      var p = event.target.closest(".pcite");
      if (p) open(p.closest("[id]"));
    });
  }
  whenReady(setup);
})();

// Accessibility: the theme's search panel is a dialog; give it a name.
(function () {
  "use strict";
  function name() {
    var search = document.querySelector('.md-search[role="dialog"]');
    if (search && !search.getAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  }
  whenReady(name);
})();

// Pagefind's search box in the header, when mkdocs.yml chooses Pagefind (extra.search).
(function () {
  "use strict";
  whenReady(function () {
    var script = document.querySelector('script[src*="pagefind/pagefind-ui.js"]');
    var header = document.querySelector(".md-header__inner");
    if (!script || !header || typeof PagefindUI === "undefined") return;
    var box = document.createElement("div");
    box.id = "edition-search";
    box.className = "edition-search";
    header.insertBefore(box, header.querySelector(".md-header__source"));
    new PagefindUI({
      element: "#edition-search",
      bundlePath: new URL(".", script.src).pathname,
      processResult: function (r) {  // a paragraph or an entry carries its address, from the site root
        if (r.meta && r.meta.url && !/^(\/|[a-z]+:)/.test(r.meta.url)) r.meta.url = new URL("..", script.src).pathname + r.meta.url;
        return r;
      },
      baseUrl: new URL("..", script.src).pathname,
      // an entry's names are fields weighed by their length (scripts/edition/search/pagefind.py)
      ranking: { metaWeights: JSON.parse(document.getElementById("pagefind-weights").textContent) },
      processTerm: function (term) {  // a quoted phrase is ranked as its words are, not listed unranked
        return /^\s*"[^"]+"\s*$/.test(term) ? term.replace(/"/g, "") : term;
      },
      showSubResults: false,
      showMetadata: false,
      showImages: false,
      excerptLength: 24,
      resetStyles: false,
      translations: { placeholder: "Search" }
    });
  });
})();
