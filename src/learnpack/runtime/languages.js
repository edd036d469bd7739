/* learnpack languages: which of the course's languages fits the learner's.
 *
 * LearnpackLanguage.match(preferred, available, aliases): "en-GB" -> "en", "nb-NO" -> "nb",
 * "no" -> "nb"; null when none fits. The aliases come from the build (learnpack/i18n/languages.py):
 * the language chooser reads them from its page, the SCO runtime from course.js.
 */
(function () {
  "use strict";

  function match(preferred, available, aliases) {
    var wanted = String(preferred || "").trim().toLowerCase().replace(/_/g, "-");
    if (!wanted) return null;
    var primary = wanted.split("-")[0];
    primary = (aliases || {})[primary] || primary;
    var lower = available.map(function (code) { return code.toLowerCase(); });
    var exact = lower.indexOf(wanted);
    if (exact >= 0) return available[exact];
    for (var i = 0; i < available.length; i++) {
      if (lower[i].split("-")[0] === primary) return available[i];
    }
    return null;
  }

  window.LearnpackLanguage = { match: match };
})();
