/* learnpack language chooser (the site's index.html): open the learner's language.
 * A language the learner chose before wins; then the browser's preferred languages;
 * Norwegian "no" counts as bokmål (languages.js). Without JavaScript the page is a list of links. */
(function () {
  "use strict";
  var course = document.body.getAttribute("data-course");
  var links = [].slice.call(document.querySelectorAll("a[data-lang]"));
  var available = links.map(function (a) { return a.getAttribute("data-lang"); });
  var chosen = null;
  try { chosen = window.localStorage.getItem("learnpack:" + course + ":language"); } catch (e) { chosen = null; }

  var aliases = JSON.parse(document.body.getAttribute("data-aliases") || "{}");

  function match(wanted) {
    return window.LearnpackLanguage.match(wanted, available, aliases);
  }

  var target = chosen && available.indexOf(chosen) >= 0 ? chosen : null;
  (navigator.languages || [navigator.language]).forEach(function (lang) { target = target || match(lang); });
  target = target || document.body.getAttribute("data-source");
  links.forEach(function (a) {
    a.addEventListener("click", function () {
      try { window.localStorage.setItem("learnpack:" + course + ":language", a.getAttribute("data-lang")); } catch (e) { /* not kept */ }
    });
  });
  window.location.replace(target + "/index.html");
})();
