/* A test LMS: scorm-again provides window.API (1.2) or window.API_1484_11 (2004),
 * every call the SCO makes is logged, and the SCO is loaded in a frame so that it must
 * find the API by climbing its parents.
 *
 * Query: ?version=12|2004&sco=<url of the SCO>&resume=<key in sessionStorage with saved CMI JSON>
 */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var version = params.get("version");
  var settings = { lmsCommitUrl: false, autocommit: false, logLevel: 5 };
  var api = version === "12" ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  var saved = params.get("resume") && window.sessionStorage.getItem(params.get("resume"));
  if (saved) {
    var cmi = JSON.parse(saved);  // as renderCMIToJSONObject() gave it: {cmi: {...}}
    if (version === "12") cmi.cmi.core.entry = "resume"; else cmi.cmi.entry = "resume";
    api.loadFromJSON(cmi, "");
  }
  window.LMS = { log: [], api: api, version: version };
  function record(kind) {
    return function (element, value) { window.LMS.log.push([kind, element || "", value === undefined ? "" : String(value)]); };
  }
  if (version === "12") {
    window.API = api;
    ["LMSInitialize", "LMSFinish", "LMSCommit"].forEach(function (name) { api.on(name, record(name)); });
    api.on("LMSSetValue.cmi.*", record("set"));
  } else {
    window.API_1484_11 = api;
    ["Initialize", "Terminate", "Commit"].forEach(function (name) { api.on(name, record(name)); });
    api.on("SetValue.cmi.*", record("set"));
  }
  window.addEventListener("DOMContentLoaded", function () {
    document.getElementById("sco").src = params.get("sco");
  });
})();
