/* SCORM 1.2 for the learnpack SCO runtime: names, formats and status rules of version 1.2.
 *
 * The adapter only says what to write; the runtime (sco-runtime.js) guards the calls,
 * sends only values that changed and commits once per event. status() gets the values
 * the LMS holds (known) and never returns a lower status or score than those.
 */
(function () {
  "use strict";

  var facts = window.LEARNPACK_SCORM; // the build's facts of this version (assets/scorm-version.js)
  var limits = facts.interactionLimits;

  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }

  /* CMITimespan: HHHH:MM:SS.SS with two to four hour digits. */
  function timespan(ms) {
    var cs = Math.round(ms / 10);
    var h = Math.min(9999, Math.floor(cs / 360000));
    var m = Math.floor(cs / 6000) % 60;
    var s = Math.floor(cs / 100) % 60;
    return pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(cs % 100, 2);
  }

  /* The order in which statuses may follow each other: never back to a lower rank. */
  var RANK = { "": 0, "not attempted": 0, browsed: 0, incomplete: 1, completed: 2, failed: 2, passed: 3 };

  window.LearnpackScormVersion = {
    name: facts.name,
    apiName: facts.api,
    suspendLimit: facts.suspendLimit,
    locationLimit: facts.locationLimit,
    probeInteractions: false, // 1.2 interaction ids are write-only
    initialize: function (api) { return api.LMSInitialize(""); },
    getValue: function (api, name) { return api.LMSGetValue(name); },
    setValue: function (api, name, value) { return api.LMSSetValue(name, value); },
    commit: function (api) { return api.LMSCommit(""); },
    terminate: function (api) { return api.LMSFinish(""); },
    lastError: function (api) { return api.LMSGetLastError() + " " + api.LMSGetErrorString(api.LMSGetLastError()); },
    names: facts.names, // the data model's names, from learnpack/scorm/versions.py
    /* Read at start: what the LMS already holds is the floor of what we report. */
    stored: ["cmi.core.lesson_status", "cmi.core.score.raw"],

    /* incomplete until every page is read and every scored quiz finished; then passed or
       failed (a course with scored quizzes) or completed. The score is sent only then, so that
       an LMS whose mastery score overrides the status ("Mastery score overrides status" in
       Moodle) cannot turn an unfinished course into failed. */
    status: function (summary, known) {
      var out = [];
      var next = !summary.complete ? "incomplete" : summary.scored ? (summary.passed ? "passed" : "failed") : "completed";
      var current = known("cmi.core.lesson_status");
      if (summary.complete && summary.scored) {
        var raw = known("cmi.core.score.raw");
        if (raw === "" || isNaN(Number(raw)) || summary.score > Number(raw)) {
          out.push(["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"], ["cmi.core.score.raw", String(summary.score)]);
        }
      }
      if (!(current in RANK) || RANK[next] > RANK[current]) out.push(["cmi.core.lesson_status", next]);
      return out;
    },

    /* A finished course keeps its state too (suspend), so a learner who comes back sees it. */
    exit: function (ms) {
      return [["cmi.core.session_time", timespan(ms)], ["cmi.core.exit", "suspend"]];
    },

    /* One journal record per answered question, in 1.2's formats. */
    interaction: function (n, r) {
      var p = "cmi.interactions." + n + ".";
      var now = new Date();
      var out = [
        [p + "id", r.id],
        [p + "type", r.type === "long-fill-in" ? "fill-in" : r.type], // 1.2 has no long-fill-in
        [p + "time", pad(now.getHours(), 2) + ":" + pad(now.getMinutes(), 2) + ":" + pad(now.getSeconds(), 2)],
        [p + "weighting", r.scored ? "1" : "0"]
      ];
      var response = response12(r.type, r.response);
      if (response !== null) out.push([p + "student_response", response]);
      patterns(r.type, r.correct).forEach(function (pattern, i) {
        out.push([p + "correct_responses." + i + ".pattern", pattern]);
      });
      out.push([p + "result", r.result === "incorrect" ? "wrong" : r.result]);
      return out;
    },
    timespan: timespan
  };

  /* Responses arrive in a neutral form, by interaction type: arrays of ids, [source, target] pairs or text. */
  function response12(type, value) {
    if (value === undefined || value === null) return null;
    if (type === "true-false") return value === "true" ? "t" : "f";
    if (type === "choice" || type === "sequencing") return value.join(",");
    if (type === "matching") return value.map(function (pair) { return pair[0] + "." + pair[1]; }).join(",");
    return String(value).slice(0, limits.response);
  }

  /* Correct-response patterns 1.2 can express. A number range has none (1.2 knows only
     single numbers): leave it out rather than invent a value the LMS would show as "the" answer. */
  function patterns(type, correct) {
    if (type === "numeric") {
      return correct.filter(function (range) { return range[0] === range[1]; })
        .map(function (range) { return String(range[0]); }).slice(0, limits.patterns);
    }
    return correct.slice(0, limits.patterns).map(function (value) { return response12(type, value); })
      .filter(function (pattern) { return pattern; });
  }
})();
