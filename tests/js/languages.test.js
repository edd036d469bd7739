/* languages.js: which of the course's languages fits a learner's, with the build's aliases. */
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { languageAliases, context, run } = require("./harness");

const ctx = run(context(), ["languages.js"]);
const aliases = languageAliases();
const match = (preferred, available) => ctx.LearnpackLanguage.match(preferred, available, aliases);

test("a region or script subtag falls back to the language", () => {
  assert.equal(match("en-GB", ["nb", "en"]), "en");
  assert.equal(match("nb_NO", ["nb", "en"]), "nb");
  assert.equal(match("fa-AF", ["fa-AF", "fa"]), "fa-AF");
  assert.equal(match("FA-af", ["nb", "fa-AF"]), "fa-AF");
});

test("Norwegian and the three-letter codes find bokmål, nynorsk and Sami", () => {
  assert.equal(match("no", ["nn", "nb"]), "nb");
  assert.equal(match("nob", ["nb"]), "nb");
  assert.equal(match("nno-NO", ["nb", "nn"]), "nn");
  assert.equal(match("sme", ["nb", "se"]), "se");
});

test("no fit is null, never another language", () => {
  assert.equal(match("sv", ["nb", "nn"]), null);
  assert.equal(match("", ["nb"]), null);
  assert.equal(match(undefined, ["nb"]), null);
});
