/* Shared by the node tests here: the Python side's vectors, and the runtime's browser scripts
 * run in a vm context with a small fake window (no DOM library).
 *
 * Vectors come from `python3 tests/js/vectors.py <name>` on every run (PYTHON overrides the
 * interpreter: it must be the one learnpack is installed in), so they are never stale.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const REPO = path.resolve(__dirname, "..", "..");
const STATIC = path.join(REPO, "src", "learnpack", "runtime");
const PYTHON = process.env.PYTHON || "python3";

function python(args, input) {
  const run = spawnSync(PYTHON, [path.join(__dirname, "vectors.py"), ...args],
    { cwd: REPO, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`vectors.py ${args.join(" ")} failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

/* The vectors of one kind: "suspend", "numbers" or "scorm". */
function vectors(name) {
  return python([name]);
}

/* The runtime files the build joins for the question kinds (numbers.js, kinds/*.js), in load order. */
function kindScripts() {
  return python(["runtime"]).kinds;
}

/* The build's language aliases (learnpack/i18n/languages.py). */
function languageAliases() {
  return python(["runtime"]).aliases;
}

/* The problems tests/support/datamodel.py finds in [{version: "12" | "2004", pairs: [[element, value]]}]. */
function dataModelProblems(sessions) {
  return python(["check"], JSON.stringify(sessions));
}

/* A fresh browser-like global: window is the global itself, as in a page. */
function context(globals) {
  const sandbox = Object.assign({ console }, globals || {});
  sandbox.window = sandbox;
  return vm.createContext(sandbox);
}

/* Run browser scripts in order: source text (a generated course.js) or a path under static/. */
function run(ctx, scripts) {
  scripts.forEach((script) => {
    if (script.source !== undefined) vm.runInContext(script.source, ctx, { filename: script.name || "inline.js" });
    else vm.runInContext(fs.readFileSync(path.join(STATIC, script), "utf8"), ctx, { filename: script });
  });
  return ctx;
}

/* A value of this realm as a value of the context's realm (so its code sees its own Array, Object). */
function into(ctx, value) {
  return value === undefined ? undefined : vm.runInContext("JSON", ctx).parse(JSON.stringify(value));
}

/* A value of the context as plain JSON of this realm, for assert.deepStrictEqual. */
function plain(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

module.exports = { REPO, STATIC, vectors, kindScripts, languageAliases, dataModelProblems, context, run, into, plain };
