// Format citations with citeproc-js. Reads a JSON request on stdin:
//   {"styles": {"name": {"path": "/path/style.csl", "lang": "en-GB"}}, "locales": {"en-US": "/path/…xml"},
//    "items": [CSL-JSON],
//    "overrides": {"style name": {"item id": {"reference": {fields}, "cite": {fields}}}},
//    "cites": {"item id": [{"key": "p50", "locator": "50", "label": "page"}, …]},
//    "note_number": "N"}
// and writes, for each style: its title and class ("note" or "in-text"), and for each item the
// reference-list entry and, for each cite (with no locator under the key ""), the first citation
// and, in a note style, the subsequent (short) one. A style's overrides change an item's fields for
// that style alone, in its reference entry or in its citations.
"use strict";
const fs = require("fs");
const CSL = require("citeproc");

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const items = Object.fromEntries(request.items.map((item) => [item.id, item]));
const locales = Object.fromEntries(
  Object.entries(request.locales).map(([lang, path]) => [lang, fs.readFileSync(path, "utf8")]));
const CITE = "::cite";

let overrides = {};
const sys = {
  retrieveLocale: (lang) => locales[lang] || locales["en-US"],
  retrieveItem: (id) => {
    const cite = id.endsWith(CITE);
    const base = items[cite ? id.slice(0, -CITE.length) : id];
    const changes = (overrides[base.id] || {})[cite ? "cite" : "reference"] || {};
    const item = Object.assign({}, base, changes, { id });
    for (const [key, value] of Object.entries(changes)) if (value === null) delete item[key];
    return item;
  },
};

function cluster(engine, cite, position) {
  const one = { id: cite.id };
  if (cite.locator) Object.assign(one, { locator: cite.locator, label: cite.label });
  if (position) Object.assign(one, { position, "first-reference-note-number": request.note_number || "N" });
  return engine.makeCitationCluster([one]);
}

const out = {};
for (const [name, style] of Object.entries(request.styles)) {
  // one engine per style: building it (parsing the style) is the slow part
  const xml = fs.readFileSync(style.path, "utf8");
  const engine = new CSL.Engine(sys, xml, style.lang, true);
  engine.setOutputFormat(request.format || "html");
  const note = engine.opt.xclass === "note";
  const title = (xml.match(/<title>([^<]*)<\/title>/) || [null, name])[1];
  overrides = (request.overrides || {})[name] || {};
  out[name] = { title, class: note ? "note" : "in-text", items: {} };
  for (const item of request.items) {
    const id = item.id;
    // each item formatted on its own, as if it were the only one cited: no "———" for a repeated
    // author, no title added to tell two works by one author apart
    engine.updateItems([id]);
    const made = engine.makeBibliography();
    const result = { reference: made && made[1][0] ? made[1][0].trim() : "", cites: {} };
    engine.updateItems([id + CITE]);
    for (const cite of [{ key: "" }, ...((request.cites || {})[id] || [])]) {
      const spec = Object.assign({}, cite, { id: id + CITE });
      const forms = { first: cluster(engine, spec, 0) };
      if (note) forms.subsequent = cluster(engine, spec, CSL.POSITION_SUBSEQUENT);
      result.cites[cite.key] = forms;
    }
    out[name].items[id] = result;
  }
}
process.stdout.write(JSON.stringify(out));
