/* The learner's state as compact suspend_data (format 2; see learnpack/scorm/suspend.py).
 *
 * window.LearnpackSuspend(course) gives { encode(state, next), decode(text), interactionLimit }. Keys and
 * quiz fingerprints come from the build (course.js); nothing here hashes. Each answer is written
 * by its kind (kinds/*.js, loaded before this file) with the codec's characters. decode never
 * throws: what it cannot read safely it leaves out, and a quiz whose questions changed
 * since the state was written (another fingerprint) is skipped whole, so an answer is
 * never applied to another question.
 */
(function () {
  "use strict";

  var ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var Kinds = window.LearnpackKinds; // kinds/*.js: how each kind writes its answer
  var VERSION = "2";
  var SHORT_TEXT = 62;
  var CHECKED = 1;
  var DRAWN = 2;
  var PARTS = 4; // a practice quiz (check=question) with questions checked on their own: qs.done

  function number(n, width) {
    var s = "";
    for (var i = 0; i < width; i++) { s = ALPHABET.charAt(n % 64) + s; n = Math.floor(n / 64); }
    return s;
  }

  function bitset(flags) {
    var s = "";
    for (var i = 0; i < flags.length; i += 6) {
      var bits = 0;
      for (var j = 0; j < 6 && i + j < flags.length; j++) if (flags[i + j]) bits += 1 << j;
      s += ALPHABET.charAt(bits);
    }
    return s;
  }

  function text(value, max) {
    var s = String(value).slice(0, max);
    return (s.length < SHORT_TEXT ? ALPHABET.charAt(s.length) : "-" + number(s.length, 2)) + s;
  }

  /* A reader over the string: every read past the end or of a foreign character throws. */
  function Reader(s) { this.s = s; this.at = 0; }
  Reader.prototype.take = function (n) {
    if (this.at + n > this.s.length) throw new Error("short");
    var part = this.s.substr(this.at, n);
    this.at += n;
    return part;
  };
  Reader.prototype.number = function (width) {
    var part = this.take(width);
    var n = 0;
    for (var i = 0; i < part.length; i++) {
      var digit = ALPHABET.indexOf(part.charAt(i));
      if (digit < 0) throw new Error("digit");
      n = n * 64 + digit;
    }
    return n;
  };
  Reader.prototype.bitset = function (count) {
    var flags = [];
    var part = this.take(Math.ceil(count / 6));
    for (var i = 0; i < count; i++) {
      var bits = ALPHABET.indexOf(part.charAt(Math.floor(i / 6)));
      if (bits < 0) throw new Error("bits");
      flags.push(Boolean(bits & (1 << (i % 6))));
    }
    return flags;
  };
  Reader.prototype.text = function () {
    var first = this.take(1);
    var length = first === "-" ? this.number(2) : ALPHABET.indexOf(first);
    if (length < 0) throw new Error("length");
    return this.take(length);
  };

  window.LearnpackSuspend = function (course) {
    var pages = [];
    course.modules.forEach(function (m) { pages = pages.concat(m.pages); });
    var pageByKey = {};
    pages.forEach(function (p) { pageByKey[p.key] = p; });
    var quizIds = Object.keys(course.quizzes).sort();
    var quizByKey = {};
    quizIds.forEach(function (id) { quizByKey[course.quizzes[id].key] = id; });

    // What a kind needs to write its answer (kinds/*.js encode and decode).
    var codec = { alphabet: ALPHABET, choiceIds: course.choiceIds, limits: course.limits, bitset: bitset, text: text };

    function encodeQuiz(id, qs) {
      var quiz = course.quizzes[id];
      var answers = qs.answers || {};
      var touched = qs.used || qs.checked || qs.drawn || Object.keys(answers).length;
      if (!touched) return "";
      var ids = quiz.questions.map(function (q) { return q.id; });
      var done = qs.done || {};
      var parts = Object.keys(done).length > 0;
      var flags = (qs.checked ? CHECKED : 0) + (qs.drawn ? DRAWN : 0) + (parts ? PARTS : 0);
      var body = quiz.fingerprint + number(Math.min(qs.used || 0, 63), 1) + ALPHABET.charAt(flags) +
        number(Math.min(Math.max(qs.best || 0, 0), 100), 2);
      if (qs.drawn) body += bitset(ids.map(function (qid) { return qs.drawn.indexOf(qid) >= 0; }));
      if (parts) body += bitset(ids.map(function (qid) { return Boolean(done[qid]); }));
      if (qs.checked || parts) body += bitset(ids.map(function (qid) { return Boolean(qs.results && qs.results[qid]); }));
      quiz.questions.forEach(function (q) { body += Kinds.of(q.kind).encode(q, answers[q.id], codec); });
      return quiz.key + number(body.length, 3) + body;
    }

    function encode(state, next) {
      var visited = pages.filter(function (p) { return state.visited && state.visited[p.id]; });
      var last = pages.filter(function (p) { return p.id === state.last; })[0];
      var out = VERSION + number(next || 0, 2) + (last ? last.key : "..") + number(visited.length, 2) +
        visited.map(function (p) { return p.key; }).join("");
      quizIds.forEach(function (id) {
        if (state.quizzes && state.quizzes[id]) out += encodeQuiz(id, state.quizzes[id]);
      });
      return out;
    }

    function decodeQuiz(quiz, reader) {
      var ids = quiz.questions.map(function (q) { return q.id; });
      var used = reader.number(1);
      var flags = ALPHABET.indexOf(reader.take(1));
      var best = reader.number(2);
      var qs = { attempt: 1, used: used, checked: Boolean(flags & CHECKED), best: best, drawn: null,
        answers: {}, results: {} };
      if (flags & DRAWN) {
        qs.drawn = ids.filter(function (qid, i) { return this[i]; }, reader.bitset(ids.length));
      }
      var done = flags & PARTS ? reader.bitset(ids.length) : null;
      var verdicts = qs.checked || done ? reader.bitset(ids.length) : null;
      if (done) {
        qs.done = {};
        ids.forEach(function (qid, i) {
          if (!done[i]) return;
          qs.done[qid] = 1;
          qs.results[qid] = verdicts[i];
        });
      }
      quiz.questions.forEach(function (q) {
        var value = Kinds.of(q.kind).decode(q, reader, codec);
        if (value !== undefined) qs.answers[q.id] = value;
      });
      if (qs.checked) {
        var shown = quiz.questions.filter(function (q) {
          return Kinds.of(q.kind).scored && (!qs.drawn || qs.drawn.indexOf(q.id) >= 0);
        });
        var right = 0;
        shown.forEach(function (q) {
          qs.results[q.id] = verdicts[ids.indexOf(q.id)];
          if (qs.results[q.id]) right += 1;
        });
        qs.score = shown.length ? Math.round(100 * right / shown.length) : 100;
        qs.passed = Math.max(qs.score, best) >= quiz.pass; // a retry never takes a pass away
      }
      return qs;
    }

    /* The state written by encode, or null when the text is not state this runtime can read. */
    function decode(s) {
      s = String(s || "");
      if (s.charAt(0) !== VERSION) return null;
      var state = { v: 1, visited: {}, quizzes: {}, next: 0 };
      var reader = new Reader(s);
      try {
        reader.take(1);
        state.next = reader.number(2);
        var last = reader.take(2);
        if (pageByKey[last]) state.last = pageByKey[last].id;
        var count = reader.number(2);
        for (var i = 0; i < count; i++) {
          var page = pageByKey[reader.take(2)];
          if (page) state.visited[page.id] = 1;
        }
        while (reader.at < s.length) {
          var quizId = quizByKey[reader.take(2)];
          var size = reader.number(3);
          var body = new Reader(reader.take(size));
          var quiz = quizId && course.quizzes[quizId];
          if (!quiz || body.take(4) !== quiz.fingerprint) continue; // removed or changed: skip it whole
          try {
            var qs = decodeQuiz(quiz, body);
            if (body.at === size) state.quizzes[quizId] = qs; // else damaged: leave it out
          } catch (e) { /* damaged record: leave it out */ }
        }
      } catch (e) { /* cut short: keep what was read */ }
      return state;
    }

    // The largest next interaction index the state holds (two characters): a session that
    // reaches it writes no more interactions rather than let a later one start again at 0.
    return { encode: encode, decode: decode, interactionLimit: 64 * 64 - 1 };
  };
})();
