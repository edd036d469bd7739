/* The SCORM adapters (scorm/scorm12.js, scorm/scorm2004.js) and sco-runtime.js against the data model.
 *
 * Each version's SCO runs on a fake LMS API: it journals every answer the Python side lists for
 * every question kind (with the answer keys the pages get), moves through incomplete, failed and
 * passed, and exits. Everything it sends, and what status() and exit() return over a grid of
 * inputs, is checked by tests/support/datamodel.py's Checker, the one the browser tests use.
 */
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { vectors, kindScripts, dataModelProblems, context, run, into, plain } = require("./harness");

const V = vectors("scorm");
const ADAPTERS = { 12: "scorm/scorm12.js", 2004: "scorm/scorm2004.js" };
const RESPONSE = { 12: "student_response", 2004: "learner_response" };
const KNOWN_PROBLEM = "stor"; // a quiz whose answer is 10^21: checked on its own at the end

/* An LMS API for the adapter's version that accepts everything and remembers what was set. */
function fakeLms(version, held = {}) {
  const values = { ...held };
  const sets = [];
  const ok = () => "true";
  const get = (name) => (name in values ? values[name] : "");
  const set = (name, value) => { sets.push([String(name), String(value)]); values[name] = String(value); return "true"; };
  const error = () => "0";
  const api = version === "12"
    ? { LMSInitialize: ok, LMSGetValue: get, LMSSetValue: set, LMSCommit: ok, LMSFinish: ok,
        LMSGetLastError: error, LMSGetErrorString: () => "" }
    : { Initialize: ok, GetValue: get, SetValue: set, Commit: ok, Terminate: ok,
        GetLastError: error, GetErrorString: () => "" };
  return { api, sets };
}

/* The little of sco.html that sco-runtime.js touches. */
function fakeDocument() {
  const element = () => ({ hidden: true, src: "", textContent: "", setAttribute() {} });
  const nodes = { ".sco-frame": element(), ".sco-status": element() };
  return { querySelector: (selector) => nodes[selector] || null, body: { getAttribute: () => null } };
}

/* A SCO of `version` on a fake LMS holding `held`, loaded as sco.html loads it; interaction() calls are recorded. */
function startSco(version, held = {}) {
  const lms = fakeLms(version, held);
  const ctx = context({ document: fakeDocument(), addEventListener() {} });
  run(ctx, [{ source: V.script, name: "course.js" }, { source: V.versions[version], name: "scorm-version.js" },
    ADAPTERS[version]]);
  const adapter = ctx.LearnpackScormVersion;
  ctx[adapter.apiName] = lms.api;
  const records = [];
  const interaction = adapter.interaction;
  adapter.interaction = function (n, record) {
    const pairs = interaction.call(this, n, record);
    records.push({ n, type: record.type, pairs: plain(pairs) });
    return pairs;
  };
  run(ctx, [...kindScripts(), "scorm/suspend.js", "languages.js", "scorm/sco-runtime.js"]);
  assert.ok(ctx.LearnpackSCO, "the runtime found the LMS and started");
  return { ctx, lms, records, store: ctx.LearnpackSCO.store, course: plain(ctx.LEARNPACK_COURSE) };
}

/* Every answer of every question of `quizzes`, as learnpack.js reports it; what was journaled for each. */
function journal(sco, quizzes) {
  const answered = [];
  let turn = 0;
  quizzes.forEach((quiz) => {
    quiz.questions.forEach((question) => {
      question.answers.forEach((value, i) => {
        const detail = { quiz: quiz.id, question: question.id, kind: question.kind, correct: i === 0,
          key: quiz.key.questions[question.id], stem: question.stem,
          stemLanguage: V.languages[turn++ % V.languages.length] };
        if (value !== null) detail.value = value;
        const before = sco.records.length;
        sco.store.report("answer", into(sco.ctx, detail));
        assert.equal(sco.records.length, before + 1, `${question.id}: one interaction per answer`);
        answered.push({ question, index: i, record: sco.records[before] });
      });
    });
    sco.store.report("quiz", into(sco.ctx, { quiz: quiz.id }));
  });
  return answered;
}

/* The learner's state: `share` of the pages read, every quiz checked with `best` after its last attempt. */
function progress(sco, share, best) {
  const pages = sco.course.modules.flatMap((m) => m.pages);
  const visited = {};
  pages.slice(0, Math.ceil(pages.length * share)).forEach((p) => { visited[p.id] = 1; });
  const quizzes = {};
  if (best !== null) {
    Object.entries(sco.course.quizzes).forEach(([id, quiz]) => {
      quizzes[id] = { attempt: 1, used: quiz.attempts || 1, checked: true, answers: {}, results: {}, best,
        score: best, passed: best >= quiz.pass };
    });
  }
  sco.store.save(into(sco.ctx, { v: 1, last: pages[0].id, visited, quizzes }));
  sco.store.report("change", into(sco.ctx, {}));
}

function session(version, quizzes) {
  const sco = startSco(version);
  const answered = journal(sco, quizzes);
  progress(sco, 0.5, null);
  progress(sco, 1, 0);
  sco.store.report("page", into(sco.ctx, { page: "x", language: V.languages[V.languages.length - 1] }));
  progress(sco, 1, 100);
  sco.store.finish(into(sco.ctx, { saved: "saved", ended: "ended" }));
  return { sco, answered };
}

/* What status() and exit() return over a grid of summaries, held values and times. */
function grid(version) {
  const ctx = run(context(), [{ source: V.versions[version], name: "scorm-version.js" }, ADAPTERS[version]]);
  const adapter = ctx.LearnpackScormVersion;
  const statuses = ["", "not attempted", "browsed", "incomplete", "completed", "failed", "passed", "unknown"];
  const held = [{}, ...statuses.map((status) => Object.fromEntries(adapter.stored.map((name) =>
    [name, /score|progress/.test(name) ? "" : status]))),
  Object.fromEntries(adapter.stored.map((name) => [name, "55"])),
  Object.fromEntries(adapter.stored.map((name) => [name, "abc"]))];
  const status = [];
  for (const complete of [false, true]) {
    for (const scored of [false, true]) {
      for (const answered of [false, true]) {
        for (const score of [0, 33, 67, 79, 80, 100]) {
          for (const share of [0, 1 / 3, 2 / 7, 0.5, 1]) {
            const summary = { progress: share, complete, scored, answered, score, passed: answered && score >= 80 };
            held.forEach((known) => {
              status.push(...plain(adapter.status(into(ctx, summary), (name) => (name in known ? known[name] : ""))));
            });
          }
        }
      }
    }
  }
  const exit = [];
  for (let ms = 0; ms <= 61000; ms += 10) exit.push(...plain(adapter.exit(ms)));
  [1, 4, 5, 994, 995, 999.999, 3599999, 3600000, 35999999, 36e7, 3.6e10, 1e13].forEach((ms) => {
    exit.push(...plain(adapter.exit(ms)));
  });
  return { status, exit };
}

/* Every session of both versions, checked by Python in one run (it starts in about half a second). */
const sessions = [];
function toCheck(version, pairs) {
  sessions.push({ version, pairs });
  return sessions.length - 1;
}
const CANARY = [
  { version: "12", pairs: [["cmi.core.lesson_status", "done"], ["cmi.core.session_time", "PT1S"]] },
  { version: "2004", pairs: [["cmi.interactions.0.result", "wrong"], ["cmi.interactions.0.type", "choice"]] },
].map(({ version, pairs }) => toCheck(version, pairs));
const VISITS = {};
for (const version of Object.keys(ADAPTERS)) {
  const visit = session(version, V.quizzes.filter((quiz) => quiz.id !== KNOWN_PROBLEM));
  const { status, exit } = grid(version);
  const known = session(version, V.quizzes.filter((quiz) => quiz.id === KNOWN_PROBLEM));
  VISITS[version] = { ...visit, sent: toCheck(version, visit.sco.lms.sets), status: toCheck(version, status),
    exit: toCheck(version, exit), known: toCheck(version, known.sco.lms.sets), grid: { status, exit } };
}
const PROBLEMS = dataModelProblems(sessions);
const problems = (index) => PROBLEMS.filter((p) => p.session === index)
  .map((p) => `${p.element} = ${JSON.stringify(p.value)}: ${p.problem}`);

for (const version of Object.keys(ADAPTERS)) {
  const { sco, answered } = VISITS[version];

  test(`SCORM ${version}: everything a visit sends fits the data model`, () => {
    const sent = sco.lms.sets.map((pair) => pair[0]);
    const journaled = new Set(answered.map((a) => a.question.kind));
    V.kinds.forEach((kind) => assert.ok(journaled.has(kind), `a ${kind} question was journaled`));
    ["suspend", "location", "language"].forEach((name) => {
      assert.ok(sent.includes(sco.ctx.LearnpackScormVersion.names[name]), `${name} was sent`);
    });
    sco.ctx.LearnpackScormVersion.stored.forEach((name) => assert.ok(sent.includes(name), `${name} was sent`));
    assert.ok(sent.some((element) => /exit$/.test(element)), "the exit was sent");
    assert.deepEqual(problems(VISITS[version].sent), []);
  });

  test(`SCORM ${version}: each interaction starts with id and type, one number after another`, () => {
    answered.forEach(({ record }, i) => {
      const prefix = `cmi.interactions.${i}.`;
      assert.equal(record.n, i);
      assert.deepEqual(record.pairs.slice(0, 2).map((pair) => pair[0]), [prefix + "id", prefix + "type"]);
      record.pairs.forEach(([element]) => assert.ok(element.startsWith(prefix), element));
    });
  });

  test(`SCORM ${version}: number answers reach the LMS as the decimals Python reads`, () => {
    const numbers = answered.filter((a) => a.question.kind === "numeric");
    assert.ok(numbers.length > 0);
    numbers.forEach(({ question, index, record }) => {
      const sent = record.pairs.filter(([element]) => element.endsWith("." + RESPONSE[version]));
      const expected = question.sent[index];
      assert.deepEqual(sent.map((pair) => pair[1]), expected === null ? [] : [expected],
        `${question.id}: ${JSON.stringify(question.answers[index])}`);
      const patterns = record.pairs.filter(([element]) => element.endsWith(".pattern")).map((pair) => pair[1]);
      if (version === "2004") {
        assert.deepEqual(patterns, question.ranges.slice(0, 5).map((r) => r.join("[:]")), question.id);
      } else {
        const exact = question.ranges.filter((r) => r[0] === r[1]).map((r) => r[0]);
        assert.deepEqual(patterns, exact.slice(0, 5), question.id);
      }
    });
  });

  test(`SCORM ${version}: status() and exit() fit the data model over a grid of inputs`, () => {
    assert.ok(VISITS[version].grid.status.length > 1000 && VISITS[version].grid.exit.length > 1000);
    assert.deepEqual(problems(VISITS[version].status), []);
    assert.deepEqual(problems(VISITS[version].exit), []);
  });
}

test("the data model check finds a wrong value (it is not vacuous)", () => {
  assert.equal(problems(CANARY[0]).length, 2);
  assert.deepEqual(problems(CANARY[1]).map((p) => p.split(" ")[0]), ["cmi.interactions.0.result"]);
});

test("a number answer of 10^21 or more reaches the LMS as a decimal", () => {
  Object.keys(ADAPTERS).forEach((version) => assert.deepEqual(problems(VISITS[version].known).slice(0, 2), []));
});

test("a session whose interactions reach what the state can count writes no more of them", () => {
  Object.keys(ADAPTERS).forEach((version) => {
    [[4093, [4093, 4094]], [4095, []], [5000, []]].forEach(([count, expected]) => {
      const sco = startSco(version, { "cmi.interactions._count": String(count) });
      const quiz = V.quizzes.find((q) => q.id !== KNOWN_PROBLEM);
      const question = quiz.questions[0];
      for (let i = 0; i < 3; i++) {
        sco.store.report("answer", into(sco.ctx, { quiz: quiz.id, question: question.id, kind: question.kind,
          correct: true, key: quiz.key.questions[question.id], stem: question.stem, value: question.answers[0] }));
      }
      sco.store.report("quiz", into(sco.ctx, { quiz: quiz.id }));
      assert.deepEqual(sco.records.map((r) => r.n), expected, `${version}, ${count} held`);
      const names = sco.ctx.LearnpackScormVersion.names;
      const stored = sco.lms.sets.filter(([element]) => element === names.suspend).pop()[1];
      assert.equal(sco.ctx.LearnpackSCO.codec.decode(stored).next, 4095, `${version}, ${count} held: the state counts to its end`);
    });
  });
});
