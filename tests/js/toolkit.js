/* Loads the page's DOM-free scripts from theme/js/ into a fresh context, as the page does (each one adds itself to
   window.SendToolkit), so that Node's test runner can test the logic where it lives. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..", "..");
const JS = path.join(ROOT, "theme", "js");
// The logic scripts: no DOM, no storage used as they load. Each response type's script is one of them.
const TYPES = fs.readdirSync(path.join(JS, "types")).filter(name => name.endsWith(".js")).sort().map(name => "types/" + name);
const LOGIC = ["dom.js", "storage.js", "durable.js", "answers.js", "dates.js", "types.js", ...TYPES, "changes.js", "assessments.js",
               "scoring.js", "plan.js", "stamps.js", "transfer.js", "views.js", "moderation.js"];

/* The scripts in an order their first lines allow ("// Needs: answers, dom": each after the scripts it needs), as
   build.py's script_order puts them in the page. */
function inOrder(names) {
  const text = Object.fromEntries(names.map(name => [name, fs.readFileSync(path.join(JS, name), "utf8")]));
  const provider = {};
  for (const name of names) {
    for (const found of text[name].matchAll(/^ *toolkit\.(\w+) = /gm)) { provider[found[1]] = name; }
  }
  const needs = Object.fromEntries(names.map(name => {
    const line = /^\/\/ Needs: (.*)\n/.exec(text[name])[1];
    return [name, line === "nothing" ? [] : line.split(",").map(word => provider[word.trim()]).filter(need => need !== name)];
  }));
  const order = [];
  while (order.length < names.length) {
    const ready = names.find(name => !order.includes(name) && needs[name].every(need => order.includes(need)));
    if (!ready) { throw new Error("These scripts need each other, or a script the tests do not load: " + names.filter(name => !order.includes(name))); }
    order.push(ready);
  }
  return order;
}

function load() {
  const context = vm.createContext({ TextEncoder });
  context.window = context;
  for (const name of inOrder(LOGIC)) {
    vm.runInContext(fs.readFileSync(path.join(JS, name), "utf8"), context, { filename: name });
  }
  return context.SendToolkit;
}

/* The framework data a built page carries (site/<id>.html), as the page reads it. */
function frameworkData(id) {
  const page = fs.readFileSync(path.join(ROOT, "site", id + ".html"), "utf8");
  const found = /<script type="application\/json" id="framework-data">([\s\S]*?)<\/script>/.exec(page);
  return JSON.parse(found[1]);
}

/* Values made in the context, as plain values of this one (for deepStrictEqual). */
function plain(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

module.exports = { LOGIC, load, frameworkData, plain };
