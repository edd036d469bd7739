/* SCORM 2004 4th edition for the learnpack SCO runtime: names, formats and status rules. */
(function () {
  "use strict";

  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }

  /* ISO 8601 duration with at most two decimals, e.g. PT1H2M3.5S. */
  function duration(ms) {
    var cs = Math.round(ms / 10);
    var h = Math.floor(cs / 360000);
    var m = Math.floor(cs / 6000) % 60;
    var s = (cs % 6000) / 100;
    return "PT" + h + "H" + m + "M" + s + "S";
  }

  function timestamp(d) {
    return d.getFullYear() + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2) + "T" +
      pad(d.getHours(), 2) + ":" + pad(d.getMinutes(), 2) + ":" + pad(d.getSeconds(), 2);
  }

  var TYPES = { single: "choice", multiple: "choice", truefalse: "true-false", text: "fill-in",
    numeric: "numeric", ordering: "sequencing", matching: "matching", reflection: "long-fill-in" };

  window.LearnpackScormVersion = {
    name: "2004",
    apiName: "API_1484_11",
    suspendLimit: 64000,
    locationLimit: 1000,
    initialize: function (api) { return api.Initialize(""); },
    getValue: function (api, name) { return api.GetValue(name); },
    setValue: function (api, name, value) { return api.SetValue(name, value); },
    commit: function (api) { return api.Commit(""); },
    terminate: function (api) { return api.Terminate(""); },
    lastError: function (api) { return api.GetLastError() + " " + api.GetErrorString(api.GetLastError()); },
    names: { location: "cmi.location", suspend: "cmi.suspend_data", entry: "cmi.entry",
      language: "cmi.learner_preference.language" },

    status: function (set, summary) {
      set("cmi.progress_measure", String(Math.round(summary.progress * 10000) / 10000));
      set("cmi.completion_status", summary.complete ? "completed" : "incomplete");
      if (summary.answered) {
        set("cmi.score.min", "0");
        set("cmi.score.max", "100");
        set("cmi.score.raw", String(summary.score));
        set("cmi.score.scaled", String(summary.score / 100));
        set("cmi.success_status", summary.passed ? "passed" : "failed");
      } else {
        set("cmi.success_status", "unknown");
      }
    },

    exit: function (set, ms, finished) {
      set("cmi.session_time", duration(ms));
      set("cmi.exit", finished ? "normal" : "suspend");
    },

    /* id and type first (else error 408), then the rest, in 2004's formats. */
    interaction: function (set, n, r) {
      var p = "cmi.interactions." + n + ".";
      set(p + "id", r.id);
      set(p + "type", TYPES[r.kind]);
      set(p + "timestamp", timestamp(new Date()));
      set(p + "weighting", r.kind === "reflection" ? "0" : "1");
      if (r.description) set(p + "description", "{lang=" + r.language + "}" + r.description.slice(0, 240));
      r.correct.slice(0, 5).forEach(function (value, i) {
        set(p + "correct_responses." + i + ".pattern", pattern(r.kind, value, r.caseSensitive));
      });
      set(p + "learner_response", response(r.kind, r.response));
      set(p + "result", r.result);
    },
    duration: duration
  };

  function response(kind, value) {
    if (kind === "single" || kind === "multiple" || kind === "ordering") return value.join("[,]");
    if (kind === "matching") return value.map(function (pair) { return pair[0] + "[.]" + pair[1]; }).join("[,]");
    if (kind === "reflection") return String(value).slice(0, 4000);
    return String(value).slice(0, 250);
  }

  function pattern(kind, value, caseSensitive) {
    if (kind === "numeric") return value[0] + "[:]" + value[1];
    if (kind === "text") return "{case_matters=" + Boolean(caseSensitive) + "}" + String(value).slice(0, 230);
    return response(kind, value);
  }
})();
