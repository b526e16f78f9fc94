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

// Cite: a dialog with the citations of the original publication and of this reading edition, in the
// style the reader picks (remembered), for the source or for one paragraph.
(function () {
  "use strict";
  var KEY = "edition-cite-style";
  var data = null;
  var dialog = null;
  var current = null; // the block cited, or null for the whole source

  function readData() {
    var el = document.getElementById("cite-data");
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function address() {
    var link = document.querySelector('link[rel="canonical"]');
    return link ? link.href.split("#")[0] : location.href.split("#")[0];
  }

  function remembered() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function remember(key) {
    try { localStorage.setItem(KEY, key); } catch (e) { /* private mode: not kept */ }
  }

  function style() {
    var key = dialog.querySelector(".cite-style-pick").value;
    return data.styles.filter(function (s) { return s.key === key; })[0] || data.styles[0];
  }

  function fill(html, label) {
    return html.split(data.placeholder).join(label);
  }

  function unwrap(html) {
    return html.replace(/<\/?div[^>]*>/g, "");
  }

  function row(label, html, hint) {
    return '<div class="cite-form"><h4>' + label + '</h4><div class="cite-text">' + html + "</div>" +
      (hint ? '<p class="cite-hint">' + hint + "</p>" : "") +
      '<button type="button" class="cite-copy md-button">Copy</button></div>';
  }

  function forms(s, cite, reference) {
    var html = row(s.notes ? "Note" : "In the text", cite.first);
    if (s.notes && cite.subsequent) {
      var numbered = cite.subsequent.indexOf("(n " + data.note_number + ")") !== -1;
      html += row("Short note", cite.subsequent, "For later notes citing the same work" +
        (numbered ? "; put for " + data.note_number + " the number of the note that first cites it." : "."));
    }
    return html + row(s.notes ? "Bibliography" : "Reference list", unwrap(reference));
  }

  function section(title, intro, body) {
    return '<section class="cite-part"><h3>' + title + "</h3>" + (intro ? '<p class="cite-intro">' + intro + "</p>" : "") +
      body + "</section>";
  }

  function escape(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function draw() {
    var s = style();
    var original = s.original;
    var edition = s.edition;
    var html = "";
    if (current) {
      var label = current.querySelector(".pnum").textContent;
      var pages = current.getAttribute("data-pages");
      var pinned = pages && original.pages[pages];
      var where = pages ? (pages.indexOf("–") !== -1 ? "pp. " : "p. ") + pages : "";
      var why = !pages ? "The original has no printed page numbers here: to point to this paragraph, cite this edition (below)." :
        (!pinned ? original.no_pages : "");
      html += section("The original publication" + (pinned ? ", " + where : ""), why,
                      forms(s, pinned || original.cite, original.reference));
      var cite = { first: fill(edition.paragraph.first, label),
                   subsequent: edition.paragraph.subsequent && fill(edition.paragraph.subsequent, label) };
      html += section("This reading edition, ¶ " + label,
                      "Cite the edition where your reader needs its paragraph numbers or its reading of the text. " +
                      "Link to this paragraph: <code>" + escape(address() + "#" + current.id) + "</code>",
                      forms(s, cite, edition.reference));
    } else {
      html += section("The original publication", "", forms(s, original.cite, original.reference));
      html += section("This reading edition", "Reading edition: <code>" + escape(address()) + "</code>",
                      forms(s, edition.cite, edition.reference));
    }
    dialog.querySelector(".cite-parts").innerHTML = html;
  }

  function downloads(which, title) {
    var p = document.createElement("p");
    p.className = "cite-downloads";
    p.appendChild(document.createTextNode(title + ": "));
    Object.keys(data.downloads[which]).forEach(function (fmt, i) {
      var a = document.createElement("a");
      a.href = data.downloads[which][fmt];
      a.textContent = fmt;
      a.setAttribute("download", "");
      if (i) p.appendChild(document.createTextNode(" · "));
      p.appendChild(a);
    });
    return p;
  }

  function say(text) {
    dialog.querySelector(".cite-status").textContent = text;
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // Over plain http the browser gives no clipboard API: select the citation and copy it the old way,
  // or leave it selected and say how to copy it.
  function fallback(node, button) {
    selectText(node);
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    if (copied) done(button);
    else say("The citation is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
  }

  function done(button) {
    button.textContent = "Copied";
    say("Copied to the clipboard.");
    setTimeout(function () { button.textContent = "Copy"; }, 1500);
  }

  function copy(button) {
    var node = button.parentNode.querySelector(".cite-text");
    var text = node.innerText.trim();
    say("");
    if (!(navigator.clipboard && window.isSecureContext)) return fallback(node, button);
    var write = window.ClipboardItem && navigator.clipboard.write ?
      navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([node.innerHTML], { type: "text/html" })
      })]) : navigator.clipboard.writeText(text);
    write.then(function () { done(button); }, function () { fallback(node, button); });
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "cite-dialog";
    dialog.setAttribute("aria-labelledby", "cite-title");
    dialog.innerHTML = '<form method="dialog" class="cite-close"><button aria-label="Close">×</button></form>' +
      '<h2 id="cite-title"></h2><p class="cite-pick"><label>Style <select class="cite-style-pick"></select></label></p>' +
      '<div class="cite-parts"></div><p class="cite-status" role="status" aria-live="polite"></p>';
    var select = dialog.querySelector(".cite-style-pick");
    data.styles.forEach(function (s) {
      var option = document.createElement("option");
      option.value = s.key;
      option.textContent = s.label;
      select.appendChild(option);
    });
    if (remembered()) select.value = remembered();
    if (!select.value) select.value = data.styles[0].key;
    select.addEventListener("change", function () { remember(select.value); say(""); draw(); });
    dialog.appendChild(downloads("original", "The original, for a reference manager"));
    dialog.appendChild(downloads("edition", "This reading edition"));
    dialog.addEventListener("click", function (event) {
      var button = event.target.closest(".cite-copy");
      if (button) copy(button);
    });
    document.body.appendChild(dialog);
  }

  function open(block) {
    if (!dialog) build();
    current = block;
    var title = dialog.querySelector("#cite-title");
    if (block) {
      var pages = block.getAttribute("data-pages");
      title.textContent = "Cite ¶ " + block.querySelector(".pnum").textContent +
        (pages ? " (" + (pages.indexOf("–") !== -1 ? "pp. " : "p. ") + pages + ")" : "");
    } else {
      title.textContent = "Cite this source";
    }
    say("");
    draw();
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

// Pictures: a register unticked in a graph's filter hides its entries and their lines.
(function () {
  "use strict";
  function setup() {
    document.querySelectorAll(".pic-filter").forEach(function (form) {
      var layers = document.querySelectorAll(".pic-corpus");
      form.addEventListener("change", function (event) {
        var box = event.target;
        if (box.type !== "checkbox") return;
        layers.forEach(function (svg) { svg.classList.toggle("hide-" + box.value, !box.checked); });
      });
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
