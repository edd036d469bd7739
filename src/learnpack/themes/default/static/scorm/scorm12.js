/* SCORM 1.2 for the learnpack SCO runtime: names, formats and status rules of version 1.2. */
(function () {
  "use strict";

  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }

  /* CMITimespan: HHHH:MM:SS.SS with two to four hour digits. */
  function timespan(ms) {
    var cs = Math.round(ms / 10);
    var h = Math.min(9999, Math.floor(cs / 360000));
    var m = Math.floor(cs / 6000) % 60;
    var s = Math.floor(cs / 100) % 60;
    return pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(cs % 100, 2);
  }

  var TYPES = { single: "choice", multiple: "choice", truefalse: "true-false", text: "fill-in",
    numeric: "numeric", ordering: "sequencing", matching: "matching", reflection: "fill-in" };

  window.LearnpackScormVersion = {
    name: "1.2",
    apiName: "API",
    suspendLimit: 4096,
    locationLimit: 255,
    initialize: function (api) { return api.LMSInitialize(""); },
    getValue: function (api, name) { return api.LMSGetValue(name); },
    setValue: function (api, name, value) { return api.LMSSetValue(name, value); },
    commit: function (api) { return api.LMSCommit(""); },
    terminate: function (api) { return api.LMSFinish(""); },
    lastError: function (api) { return api.LMSGetLastError() + " " + api.LMSGetErrorString(api.LMSGetLastError()); },
    names: { location: "cmi.core.lesson_location", suspend: "cmi.suspend_data", entry: "cmi.core.entry",
      language: "cmi.student_preference.language" },

    /* Status: passed/failed once the assessment is answered, else completed when every
       page is read, else incomplete. */
    status: function (set, summary) {
      if (summary.answered) {
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set("cmi.core.score.raw", String(summary.score));
        set("cmi.core.lesson_status", summary.passed ? "passed" : "failed");
      } else {
        set("cmi.core.lesson_status", summary.complete ? "completed" : "incomplete");
      }
    },

    exit: function (set, ms, finished) {
      set("cmi.core.session_time", timespan(ms));
      set("cmi.core.exit", finished ? "" : "suspend");
    },

    /* One journal record per answered question; responses in 1.2's formats. */
    interaction: function (set, n, r) {
      var p = "cmi.interactions." + n + ".";
      var now = new Date();
      set(p + "id", r.id);
      set(p + "type", TYPES[r.kind]);
      set(p + "time", pad(now.getHours(), 2) + ":" + pad(now.getMinutes(), 2) + ":" + pad(now.getSeconds(), 2));
      set(p + "weighting", r.kind === "reflection" ? "0" : "1");
      set(p + "student_response", response12(r.kind, r.response));
      var pattern = response12(r.kind, r.correct[0]);
      if (pattern !== "") set(p + "correct_responses.0.pattern", pattern);
      set(p + "result", r.result === "incorrect" ? "wrong" : r.result);
    },
    timespan: timespan
  };

  /* Responses arrive in a neutral form: arrays of ids, [source, target] pairs or text. */
  function response12(kind, value) {
    if (value === undefined || value === null) return "";
    if (kind === "truefalse") return value === "true" ? "t" : "f";
    if (kind === "single" || kind === "multiple" || kind === "ordering") return value.join(",");
    if (kind === "matching") return value.map(function (pair) { return pair[0] + "." + pair[1]; }).join(",");
    if (kind === "numeric") return Array.isArray(value) ? String((value[0] + value[1]) / 2) : value;
    return String(value).slice(0, 255);
  }
})();
