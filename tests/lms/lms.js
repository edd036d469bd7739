/* A test LMS: scorm-again provides window.API (1.2) or window.API_1484_11 (2004), set up
 * the way a real LMS behaves, and every call the SCO makes is logged. The SCO is loaded in
 * a frame so that it must find the API by climbing its parents.
 *
 * Query: ?version=12|2004&sco=<url of the SCO>&quirks=<comma list>
 * Hash:  #<JSON of {cmi: {...}}>, the values the LMS holds for this learner before the
 *        launch (renderCMIToJSONObject's shape, with mode/credit/entry as the LMS sets them).
 * Quirks, each seen in a real LMS (shared/docs/LMS.md):
 *   nocount   GetValue of any _count returns ""            (smaller LMSs)
 *   nofinish  the API has no LMSFinish / Terminate         (calling it throws TypeError)
 *   mastery   "mastery score overrides status" with mastery score 80 (Moodle's default, 1.2)
 *   selfclose the player commits and terminates on its own beforeunload, before the SCO's pagehide
 */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var version = params.get("version");
  var quirks = (params.get("quirks") || "").split(",").filter(Boolean);
  var settings = { lmsCommitUrl: false, autocommit: false, logLevel: 5, mastery_override: quirks.indexOf("mastery") >= 0 };
  var api = version === "12" ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  var preload = window.location.hash.length > 1 ? JSON.parse(decodeURIComponent(window.location.hash.slice(1))) : null;
  if (preload) api.loadFromJSON(preload, "");
  var names = version === "12"
    ? { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish" }
    : { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate" };
  window.LMS = { log: [], api: api, version: version, initial: preload };

  /* Log every call with its arguments and result: ["set", element, value, result], ["Commit"], ... */
  function wrap(name, logged) {
    var original = api[name].bind(api);
    api[name] = function (element, value) {
      var result = original(element, value);
      if (logged === "set") window.LMS.log.push(["set", String(element), String(value), String(result)]);
      else if (logged) window.LMS.log.push([name]);
      return result;
    };
  }
  wrap(names.init, true);
  wrap(names.set, "set");
  wrap(names.commit, true);
  wrap(names.finish, true);
  if (quirks.indexOf("nocount") >= 0) {
    var get = api[names.get].bind(api);
    api[names.get] = function (element) { return /\._count$/.test(element) ? "" : get(element); };
  }
  if (quirks.indexOf("nofinish") >= 0) api[names.finish] = undefined;
  if (quirks.indexOf("selfclose") >= 0) {
    window.addEventListener("beforeunload", function () {
      api[names.commit]("");
      api[names.finish]("");
    });
  }
  window[version === "12" ? "API" : "API_1484_11"] = api;
  window.addEventListener("DOMContentLoaded", function () {
    document.getElementById("sco").src = params.get("sco");
  });
})();
