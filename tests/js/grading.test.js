/* The kinds' grading (runtime/kinds/*.js) against the answer keys the build writes, for every
 * kind of question of tests/roots/basic (vectors from tests/js/vectors.py grading). */
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { vectors, kindScripts, context, run, into, plain } = require("./harness");

const V = vectors("grading");
const ctx = run(context({ LEARNPACK_COURSE: { digitZeros: V.digitZeros } }), kindScripts());

test("every scored kind is graded here", () => {
  assert.deepEqual(V.kinds, plain(ctx.LearnpackKinds.names().filter((name) => ctx.LearnpackKinds.of(name).scored)));
});

for (const c of V.cases) {
  test(`${c.kind} ${c.question}: ${JSON.stringify(c.value)} is ${c.right ? "right" : "wrong"}`, () => {
    const kind = ctx.LearnpackKinds.of(c.kind);
    assert.equal(kind.grade(into(ctx, c.key), into(ctx, c.value)), c.right);
  });
}
