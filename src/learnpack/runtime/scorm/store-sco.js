/* learnpack store for pages running inside a SCORM package.
 *
 * The package launches sco.html, which holds the one connection to the LMS and shows
 * the course pages in a frame. Pages reach it through window.parent.LearnpackSCO and
 * use it in place of the localStorage store; opened on their own, they keep that one.
 */
(function () {
  "use strict";
  var sco = null;
  try {
    sco = window.parent !== window ? window.parent.LearnpackSCO : null;
  } catch (e) {
    sco = null; // a frame of another origin: not our launcher
  }
  if (sco) window.LearnpackStore = sco.store;
})();
