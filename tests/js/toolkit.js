/* Loads the page's DOM-free scripts from theme/js/ into a fresh context, as the page does (each one adds itself to
   window.SendToolkit), so that Node's test runner can test the logic where it lives. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..", "..");
// The logic scripts, in the order the page runs them (build.py's FRAMEWORK_SCRIPTS, with every response type's
// script for "types/*.js"): no DOM, no storage used as they load.
const TYPES = fs.readdirSync(path.join(ROOT, "theme", "js", "types")).filter(name => name.endsWith(".js")).sort()
  .map(name => "types/" + name);
const LOGIC = ["dom.js", "storage.js", "durable.js", "answers.js", "types.js", ...TYPES, "changes.js", "assessments.js", "scoring.js",
               "plan.js", "transfer.js"];

function load() {
  const context = vm.createContext({ TextEncoder });
  context.window = context;
  for (const name of LOGIC) {
    vm.runInContext(fs.readFileSync(path.join(ROOT, "theme", "js", name), "utf8"), context, { filename: name });
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
