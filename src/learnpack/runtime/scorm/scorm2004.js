/* SCORM 2004 4th edition for the learnpack SCO runtime: names, formats and status rules.
 *
 * The adapter only says what to write; the runtime (sco-runtime.js) guards the calls,
 * sends only values that changed and commits once per event. status() gets the values
 * the LMS holds (known) and never returns a lower status, score or progress than those.
 */
(function () {
  "use strict";

  var facts = window.LEARNPACK_SCORM; // the build's facts of this version (assets/scorm-version.js)
  var limits = facts.interactionLimits;

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

  var COMPLETION = { "": 0, unknown: 0, "not attempted": 0, incomplete: 1, completed: 2 };
  var SUCCESS = { "": 0, unknown: 0, failed: 1, passed: 2 };

  function higher(ranks, next, current) { return !(current in ranks) || ranks[next] > ranks[current]; }
  function above(value, current) { return current === "" || isNaN(Number(current)) || value > Number(current); }

  window.LearnpackScormVersion = {
    name: facts.name,
    apiName: facts.api,
    suspendLimit: facts.suspendLimit,
    locationLimit: facts.locationLimit,
    probeInteractions: true, // ids are readable: find the end of the journal even without _count
    initialize: function (api) { return api.Initialize(""); },
    getValue: function (api, name) { return api.GetValue(name); },
    setValue: function (api, name, value) { return api.SetValue(name, value); },
    commit: function (api) { return api.Commit(""); },
    terminate: function (api) { return api.Terminate(""); },
    lastError: function (api) { return api.GetLastError() + " " + api.GetErrorString(api.GetLastError()); },
    names: facts.names, // the data model's names, from learnpack/scorm/versions.py
    stored: ["cmi.completion_status", "cmi.success_status", "cmi.score.raw", "cmi.progress_measure"],

    /* completed once every page is read and every scored quiz finished; the score and
       passed/failed once every scored quiz has been checked; each only ever upwards. */
    status: function (summary, known) {
      var out = [];
      var progress = Math.round(summary.progress * 10000) / 10000;
      if (above(progress, known("cmi.progress_measure"))) out.push(["cmi.progress_measure", String(progress)]);
      var completion = summary.complete ? "completed" : "incomplete";
      if (higher(COMPLETION, completion, known("cmi.completion_status"))) out.push(["cmi.completion_status", completion]);
      if (summary.scored && summary.answered) {
        if (above(summary.score, known("cmi.score.raw"))) {
          out.push(["cmi.score.min", "0"], ["cmi.score.max", "100"], ["cmi.score.raw", String(summary.score)],
            ["cmi.score.scaled", String(summary.score / 100)]);
        }
        var success = summary.passed ? "passed" : "failed";
        if (higher(SUCCESS, success, known("cmi.success_status"))) out.push(["cmi.success_status", success]);
      }
      return out;
    },

    /* Always suspend: the LMS hands the state back next time, also after the course is finished. */
    exit: function (ms) {
      return [["cmi.session_time", duration(ms)], ["cmi.exit", "suspend"]];
    },

    /* id and type first (else error 408), then the rest, in 2004's formats. */
    interaction: function (n, r) {
      var p = "cmi.interactions." + n + ".";
      var out = [
        [p + "id", r.id],
        [p + "type", r.type],
        [p + "timestamp", timestamp(new Date())],
        [p + "weighting", r.scored ? "1" : "0"]
      ];
      if (r.description) out.push([p + "description", "{lang=" + r.language + "}" + r.description.slice(0, limits.description)]);
      r.correct.slice(0, limits.patterns).forEach(function (value, i) {
        out.push([p + "correct_responses." + i + ".pattern", pattern(r.type, value, r.caseSensitive)]);
      });
      if (r.response !== null && r.response !== undefined) out.push([p + "learner_response", response(r.type, r.response)]);
      out.push([p + "result", r.result]);
      return out;
    },
    duration: duration
  };

  /* Responses arrive in a neutral form, by interaction type: arrays of ids, [source, target] pairs or text. */
  function response(type, value) {
    if (type === "choice" || type === "sequencing") return value.join("[,]");
    if (type === "matching") return value.map(function (pair) { return pair[0] + "[.]" + pair[1]; }).join("[,]");
    if (type === "long-fill-in") return String(value).slice(0, limits.longResponse);
    return String(value).slice(0, limits.response);
  }

  function pattern(type, value, caseSensitive) {
    if (type === "numeric") return value[0] + "[:]" + value[1];
    if (type === "fill-in") return "{case_matters=" + Boolean(caseSensitive) + "}" + String(value).slice(0, limits.pattern);
    return response(type, value);
  }
})();
