/* numbers.js against the Python side: the digit zeros of learnpack.digits (through course.js)
 * and what Python reads in a typed number, in every script's digits. */
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { vectors, context, run, plain } = require("./harness");

const V = vectors("numbers");

test("course.js hands the runtime every digit zero", () => {
  const ctx = run(context(), [{ source: V.script, name: "course.js" }]);
  assert.deepEqual(plain(ctx.LEARNPACK_COURSE.digitZeros), V.zeros);
});

test("a typed number becomes the ASCII number Python reads, or null", () => {
  const ctx = run(context(), [{ source: V.script, name: "course.js" }, "numbers.js"]);
  for (const { input, ascii } of V.cases) {
    assert.equal(ctx.LearnpackNumber.ascii(input), ascii, JSON.stringify(input));
  }
});

test("without the course's digit zeros only ASCII digits are digits", () => {
  const ctx = run(context(), ["numbers.js"]);
  const otherDigit = (text) => [...String(text || "")].some((c) => {
    const code = c.codePointAt(0);
    return V.zeros.some((zero) => zero !== 0x30 && code >= zero && code <= zero + 9);
  });
  for (const { input, ascii } of V.cases) {
    assert.equal(ctx.LearnpackNumber.ascii(input), otherDigit(input) ? null : ascii, JSON.stringify(input));
  }
});
