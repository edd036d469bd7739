/* scorm/suspend.js against the Python side (learnpack/scorm/suspend.py): the course.js the build
 * writes, the worst-case length the build budgets for, and a course edited after states were saved. */
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { vectors, kindScripts, context, run, into, plain } = require("./harness");

const V = vectors("suspend");

function codecFor(script) {
  const ctx = run(context(), [{ source: script, name: "course.js" }, ...kindScripts(), "scorm/suspend.js"]);
  const codec = ctx.LearnpackSuspend(ctx.LEARNPACK_COURSE);
  return {
    encode: (state, next) => codec.encode(into(ctx, state), next),
    decode: (text) => plain(codec.decode(text)),
  };
}

const codec = codecFor(V.script);
const changedCodec = codecFor(V.changed_script);

/* Multiple-choice answers come back in option order; the pages keep them sorted: compare as sets. */
function sortedAnswers(state) {
  const copy = plain(state);
  Object.values(copy.quizzes || {}).forEach((qs) => {
    Object.keys(qs.answers || {}).forEach((id) => {
      if (Array.isArray(qs.answers[id])) qs.answers[id].sort();
    });
    if (qs.drawn) qs.drawn.sort();
  });
  return copy;
}

test("every state round-trips: decode(encode(state)) is the state", () => {
  for (const { name, state, next, decoded } of V.states) {
    const text = codec.encode(state, next);
    assert.deepEqual(sortedAnswers(codec.decode(text)), sortedAnswers(decoded), name);
    assert.equal(codec.encode(codec.decode(text), next), text, `${name}: encode(decode(s)) is s`);
  }
});

test("the worst-case state is exactly as long as suspend.worst_case_length", () => {
  const [atLimit, overLong] = V.worst;
  assert.equal(codec.encode(atLimit, 4095).length, V.worst_case_length, "every answer at its longest");
  assert.equal(codec.encode(overLong, 4095).length, V.worst_case_length, "texts longer than the limits are cut");
});

test("a quiz whose questions changed, or that is gone, is dropped whole; the rest is kept", () => {
  const { state, next } = V.states.find((s) => s.name === "checked and drawn");
  const dropped = [...V.changed.changed_quizzes, ...V.changed.removed_quizzes];
  dropped.forEach((id) => assert.ok(state.quizzes[id], `the state has quiz ${id}`));
  const text = codec.encode(state, next);
  const expected = codec.decode(text);
  dropped.forEach((id) => delete expected.quizzes[id]);
  assert.ok(Object.keys(expected.quizzes).length > 0, "some quiz is kept");
  assert.deepEqual(changedCodec.decode(text), expected);
});

test("a cut-off state never throws and keeps only what it read whole", () => {
  for (const { name, state, next } of V.states) {
    const text = codec.encode(state, next);
    const full = codec.decode(text);
    assert.equal(codec.decode(""), null);
    for (let end = 1; end < text.length; end++) {
      const part = codec.decode(text.slice(0, end));
      const where = `${name}, cut at ${end}`;
      assert.ok(part && part.visited && part.quizzes, where);
      Object.keys(part.visited).forEach((page) => assert.ok(full.visited[page], where));
      if (part.last !== undefined) assert.equal(part.last, full.last, where);
      Object.keys(part.quizzes).forEach((id) => assert.deepEqual(part.quizzes[id], full.quizzes[id], `${where}: ${id}`));
    }
  }
});

test("decode never throws on damaged or foreign text", () => {
  const foreign = [null, undefined, 0, 2, true, {}, [], "", "2", "1", "{\"v\":1}", "2".repeat(5000), "2__________"];
  foreign.forEach((value) => assert.doesNotThrow(() => codec.decode(value), String(value)));
  const replacements = ["", "0", "2", "_", "-", ".", "~", "\u0000", "\u{1F600}", "ا"];
  for (const { state, next } of V.states.filter((s) => /checked|worst/.test(s.name))) {
    const text = codec.encode(state, next);
    for (let at = 0; at < text.length; at++) {
      for (const r of replacements) {
        const damaged = text.slice(0, at) + r + text.slice(at + 1);
        const result = codec.decode(damaged);
        assert.ok(result === null || (result.visited && result.quizzes), JSON.stringify(damaged));
      }
    }
  }
  let seed = 1; // a fixed pseudo-random sequence: the same strings every run
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.";
  for (let i = 0; i < 2000; i++) {
    let s = "2";
    const length = Math.floor(random() * 120);
    for (let j = 0; j < length; j++) s += alphabet.charAt(Math.floor(random() * alphabet.length));
    assert.doesNotThrow(() => codec.decode(s), s);
  }
});
