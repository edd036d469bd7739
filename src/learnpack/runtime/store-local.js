/* learnpack progress store for the standalone course: the browser's localStorage.
 *
 * Every store has the same small interface, used by learnpack.js:
 *   load() -> state or null    save(state)    clear()
 *   report(event, detail)      (SCORM stores turn these into LMS data; here: nothing)
 *   finish()                   (end the session; here: nothing)
 *   learnerName                (the learner's name as the LMS has it, "Last, First"; here: none, so the
 *                               results page asks for it)
 */
(function () {
  "use strict";
  var key = "learnpack:" + window.LEARNPACK_COURSE.id;

  window.LearnpackStore = {
    load: function () {
      try {
        return JSON.parse(window.localStorage.getItem(key));
      } catch (e) {
        return null; // storage blocked or damaged: start afresh
      }
    },
    save: function (state) {
      try {
        window.localStorage.setItem(key, JSON.stringify(state));
      } catch (e) { /* private mode or full: the course still works, unsaved */ }
    },
    clear: function () {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing to clear */ }
    },
    report: function () {},
    finish: function () {}
  };
})();
