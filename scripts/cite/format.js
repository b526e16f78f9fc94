// Format citations with citeproc-js. Reads a JSON request on stdin:
//   {"styles": {"name": {"path": "/path/style.csl", "lang": "en-GB"}}, "locales": {"en-US": "/path/…xml"},
//    "items": [CSL-JSON], "locators": {"page": "@@L@@", "paragraph": "@@L@@"}}
// and writes, for each style and item, the bibliography entry, the citation without a locator and
// one citation for each kind of locator (the caller puts the real page or paragraph in its place).
"use strict";
const fs = require("fs");
const CSL = require("citeproc");

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const items = Object.fromEntries(request.items.map((item) => [item.id, item]));
const locales = Object.fromEntries(
  Object.entries(request.locales).map(([lang, path]) => [lang, fs.readFileSync(path, "utf8")]));

const sys = {
  retrieveLocale: (lang) => locales[lang] || locales["en-US"],
  retrieveItem: (id) => items[id],
};

const out = {};
for (const [name, style] of Object.entries(request.styles)) {
  // one engine per style: building it (parsing the style) is the slow part
  const engine = new CSL.Engine(sys, fs.readFileSync(style.path, "utf8"), style.lang, true);
  const format = request.format || "html";
  engine.setOutputFormat(format);
  const ids = request.items.map((item) => item.id);
  out[name] = {};
  for (const id of ids) {
    // each item formatted on its own, as if it were the only one cited: no "———" for a repeated
    // author, no title added to tell two works by one author apart
    engine.updateItems([id]);
    const made = engine.makeBibliography();
    const result = { bibliography: made && made[1][0] ? made[1][0].trim() : "" };
    result.citation = engine.makeCitationCluster([{ id }]);
    for (const [label, value] of Object.entries(request.locators || {})) {
      result["citation_" + label] = engine.makeCitationCluster([{ id, locator: value, label }]);
    }
    out[name][id] = result;
  }
}
process.stdout.write(JSON.stringify(out));
