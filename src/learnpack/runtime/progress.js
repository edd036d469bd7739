/* learnpack learner runtime: the start page's module cards and the results page (what is left, the
 * scores, the certificate). Only the start page and the results page load it (start.js), so a content
 * page's script stays the same size; learnpack.js calls it with what it shares.
 *
 * state.completed ("2025-03-14") is the day the start page or the results page first saw every page
 * read and every scored quiz passed. The localStorage store keeps it; a SCORM store keeps it for the
 * session only (suspend_data, whose format is pinned, has no place for it), so in an LMS it is the day
 * of the session that shows the certificate, and the LMS's own record says when the course was completed.
 */
(function () {
  "use strict";

  window.LearnpackProgress = function (shell) {
    var state = shell.state;
    var save = shell.save;
    var format = shell.format;
    var store = shell.store;
    var course = shell.course;
    var allPages = shell.allPages;
    var scoredQuizzes = shell.scored;
    var bestScore = shell.best;
    var quizPassed = shell.passed;
    var quizStatus = shell.status;
    var readCount = shell.read;

    /* A text of the results page, which the page carries (the shell, which every page loads, need not). */
    function text(node, key) { return node.getAttribute("data-" + key); }

    /* The SCO's overall score: right answers of every quiz's best attempt, of all asked. */
    function overallScore(quizzes) {
      var asked = 0;
      var points = 0;
      quizzes.forEach(function (quiz) {
        asked += quiz.asked;
        points += (bestScore(quiz) || 0) * quiz.asked;
      });
      return asked ? Math.round(points / asked) : 0;
    }

    /* The start page's module cards: pages read and quizzes passed; the title leads to where the learner
       left off in the module, else its first page. */
    function moduleCards() {
      document.querySelectorAll(".modules > .module").forEach(function (card) {
        var ids = [].map.call(card.querySelectorAll(".pages li[data-page]"), function (li) { return li.getAttribute("data-page"); });
        var progress = card.querySelector(".module-progress");
        if (!progress || !ids.length) return;
        var quizzes = scoredQuizzes(progress);
        var read = readCount(ids);
        var line = format(progress.getAttribute("data-read"), { done: read });
        if (quizzes.length) line += " · " + format(progress.getAttribute("data-passed"), { done: quizzes.filter(quizPassed).length });
        progress.textContent = line;
        progress.hidden = false;
        if (read === ids.length) card.classList.add("module-done");
        var link = card.querySelector(".module-link");
        var last = ids.indexOf(state.last) >= 0 && card.querySelector(".pages li[data-page='" + state.last + "'] a");
        if (link && last) link.href = last.getAttribute("href");
      });
    }

    /* Every page read and every scored quiz passed, of the course as the page lists it (the start
       page and the results page know the whole course); the day it first was, kept in the state. */
    function courseDone(ids, quizzes) {
      var done = readCount(ids) === ids.length && quizzes.every(quizPassed);
      if (done && !state.completed) {
        var now = new Date();
        state.completed = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(function (n) {
          return n < 10 ? "0" + n : String(n);
        }).join("-");
        save();
      }
      return done;
    }

    function longDate(iso) {
      var parts = String(iso || "").split("-").map(Number);
      if (parts.length !== 3 || !window.Intl) return iso;
      try {
        return new Intl.DateTimeFormat(document.documentElement.lang || course.language,
          { year: "numeric", month: "long", day: "numeric" }).format(new Date(parts[0], parts[1] - 1, parts[2]));
      } catch (e) { return iso; }
    }

    /* "Nordmann, Kari" (the LMS convention) as "Kari Nordmann"; any other form as it is. */
    function displayName(name) {
      var parts = String(name || "").split(",");
      if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return String(name || "").trim();
      return parts[1].trim() + " " + parts[0].trim();
    }

    var nameKey = "learnpack:" + course.id + ":name"; // a name typed for the certificate, in this browser only

    function certificate(score) {
      var box = document.querySelector(".certificate");
      var learner = box.querySelector(".certificate-learner");
      var fromLms = displayName(store.learnerName);
      function show(name) {
        learner.textContent = name;
        learner.hidden = !name;
      }
      if (fromLms) {
        show(fromLms);
      } else {
        var field = box.querySelector(".certificate-name-field");
        var input = field.querySelector("input");
        try { input.value = window.localStorage.getItem(nameKey) || ""; } catch (e) { /* not kept */ }
        field.hidden = false;
        show(input.value.trim());
        input.addEventListener("input", function () {
          show(input.value.trim());
          try { window.localStorage.setItem(nameKey, input.value.trim()); } catch (e) { /* not kept */ }
        });
      }
      box.querySelector(".certificate-date").textContent = longDate(state.completed);
      var scoreCell = box.querySelector(".certificate-score");
      if (scoreCell) scoreCell.textContent = format(text(scoreCell, "template"), { percent: score });
      box.querySelector(".certificate-print").addEventListener("click", function () { window.print(); });
      box.hidden = false;
    }

    /* The results page: what is left, as links; once nothing is, the date, the scores and the certificate. */
    function resultsPage() {
      var page = document.querySelector(".completion");
      if (!page) return;
      var ids = [].map.call(page.querySelectorAll(".left-pages li[data-page]"), function (li) {
        li.hidden = Boolean(state.visited[li.getAttribute("data-page")]);
        return li.getAttribute("data-page");
      });
      var quizzes = scoredQuizzes(page);
      quizzes.forEach(function (quiz) {
        page.querySelectorAll("li[data-quiz='" + quiz.id + "']").forEach(function (li) {
          if (li.closest(".left-quizzes")) li.hidden = quizPassed(quiz);
          var status = li.querySelector(".quiz-status");
          if (status) status.textContent = quizStatus(quiz, page);
        });
      });
      if (!courseDone(ids, quizzes)) {
        var left = page.querySelector(".completion-left");
        [].forEach.call(left.querySelectorAll(".left-pages, .left-quizzes"), function (group) {
          group.hidden = !group.querySelector("li:not([hidden])");
        });
        left.hidden = false;
        return;
      }
      var score = overallScore(quizzes);
      var done = page.querySelector(".completion-done");
      done.querySelector(".completion-date").textContent = format(text(done, "done"), { date: longDate(state.completed) });
      var line = done.querySelector(".completion-score");
      if (line) line.textContent = format(text(done, "score"), { percent: score });
      done.hidden = false;
      certificate(score);
    }

    /* The start page links to the results once the course is complete. */
    function completedLink() {
      var link = document.querySelector(".completed-link");
      if (!link || !allPages) return;
      link.hidden = !courseDone(allPages.map(function (p) { return p.id; }), scoredQuizzes(document.querySelector(".modules")));
    }

    moduleCards();
    completedLink();
    resultsPage();
  };
})();
