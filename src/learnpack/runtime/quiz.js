/* learnpack quiz engine: showing, reading, grading and keeping the answers of a page's quizzes.
 *
 * window.LearnpackQuiz(shell) returns setupQuiz(form); the course shell (learnpack.js) calls it
 * for every quiz of the page with what the two share: the learner's state, the store, the
 * interface strings and a few helpers.
 *
 * A test (check=quiz) is checked as a whole, with attempts; a practice quiz (check=question)
 * checks each question on its own with its own button, and a wrong one can be tried again
 * until it is right. qs.done holds the questions a practice quiz has checked; the quiz is
 * checked (qs.checked) once all are. A retry never takes a pass away (qs.best). What differs between kinds of question (how an answer
 * is read, graded and marked) is the kind's own (kinds/*.js); this file knows none by name.
 */
(function () {
  "use strict";

  window.LearnpackQuiz = function (shell) {
    var state = shell.state;
    var save = shell.save;
    var t = shell.t;
    var format = shell.format;
    var plural = shell.plural;
    var el = shell.el;
    var store = shell.store;
    var languageOf = shell.languageOf;
    var courseComplete = shell.complete;
    var quizChecked = shell.checked; // the shell shows a quiz just checked in the module's summary
    var Kinds = window.LearnpackKinds; // kinds/*.js: read, grade and mark each kind of question

    function shuffled(items, random) {
      var copy = items.slice();
      for (var i = copy.length - 1; i > 0; i--) {
        var j = Math.floor((random || Math.random)() * (i + 1));
        var swap = copy[i]; copy[i] = copy[j]; copy[j] = swap;
      }
      return copy;
    }

    /* Numbers in [0, 1) that depend only on seed: the same order of options for the same attempt,
       after checking and after a reload, and another order for the next attempt. */
    function seededRandom(seed) {
      var h = 2166136261;
      for (var i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
      return function () {
        h = Math.imul(h ^ (h >>> 15), 2246822507);
        h = Math.imul(h ^ (h >>> 13), 3266489909);
        h ^= h >>> 16;
        return (h >>> 0) / 4294967296;
      };
    }

    function kindOf(fieldset) { return Kinds.of(fieldset.getAttribute("data-kind")); }

    /* Where the learner answers a question: its first field, or button (ordering). */
    function firstField(fieldset) { return fieldset.querySelector("input, select, textarea, button:not([disabled])"); }

    function complete(kind, value, fieldset) {
      return kind.complete ? kind.complete(value, fieldset) : value !== null;
    }

    function setupQuiz(form) {
      var key = JSON.parse(form.querySelector(".quiz-key").textContent);
      var id = key.id;
      var qs = state.quizzes[id] || (state.quizzes[id] = { attempt: 1, used: 0, answers: {}, checked: false, results: {} });
      qs.answers = qs.answers || {};
      qs.used = qs.used || 0;
      qs.results = qs.results || {};
      qs.done = qs.done || {};
      var perQuestion = key.check === "question";
      var fieldsets = [].slice.call(form.querySelectorAll("fieldset.question"));
      var result = form.querySelector(".quiz-result");
      var retry = form.querySelector(".quiz-retry"); // a test's; a practice quiz has a pair per question
      var check = form.querySelector(".quiz-check");
      var ui = { t: t, format: format };

      var authorOrder = {}; // question -> its options as written, before any shuffle
      function scored(fs) { return kindOf(fs).scored; }
      function qid(fs) { return fs.getAttribute("data-question"); }

      function draw() {
        var pool = fieldsets.filter(scored).map(qid);
        qs.drawn = key.draw ? shuffled(pool).slice(0, key.draw).sort() : null;
      }

      function active() {
        return fieldsets.filter(function (fs) { return !qs.drawn || !scored(fs) || qs.drawn.indexOf(qid(fs)) >= 0; });
      }

      function layout() {
        if (key.draw && !qs.drawn) {
          draw();
          save(); // the same questions again after a reload
        }
        var shown = active();
        fieldsets.forEach(function (fs) {
          fs.hidden = shown.indexOf(fs) < 0;
          fs.disabled = fs.hidden;
        });
        shown.forEach(function (fs, index) {
          fs.querySelector(".question-number").textContent = format(t["quiz.question"], { n: index + 1 });
          var list = fs.querySelector("ul.options");
          if (key.shuffle && list) {
            var written = authorOrder[qid(fs)] || (authorOrder[qid(fs)] = [].slice.call(list.children));
            shuffled(written, seededRandom(id + "/" + qid(fs) + "/" + qs.attempt))
              .forEach(function (li) { list.appendChild(li); });
          }
        });
      }

      function clearFeedback(fs) {
        fs.classList.remove("is-correct", "is-incorrect");
        fs.querySelectorAll(".verdict, .option-feedback, .feedback-correct, .feedback-incorrect, .feedback-always")
          .forEach(function (node) { node.hidden = true; });
        fs.querySelectorAll(".option").forEach(function (o) {
          o.classList.remove("chosen-correct", "chosen-wrong", "the-answer");
          o.querySelector(".mark").textContent = "";
        });
        fs.removeAttribute("aria-invalid");
        fs.querySelector(".question-missing").hidden = true;
        var reveal = fs.querySelector(".reveal");
        if (reveal) reveal.remove();
      }

      function show(fs, reveal) {
        var id = qid(fs);
        var qkey = key.questions[id];
        var value = qs.answers[id];
        var kind = Kinds.of(qkey.kind);
        clearFeedback(fs);
        var always = fs.querySelector(".feedback-always");
        if (always && value !== undefined) always.hidden = false;
        if (!kind.scored) return;
        var right = qs.results[id];
        var verdict = fs.querySelector(".verdict");
        verdict.hidden = false;
        Kinds.says(verdict, right, t[right ? "answer.correct" : "answer.incorrect"]);
        fs.classList.add(right ? "is-correct" : "is-incorrect");
        var general = fs.querySelector(right ? ".feedback-correct" : ".feedback-incorrect");
        if (general) general.hidden = false;
        if (kind.mark) kind.mark(fs, qkey, value, reveal || right, ui);
        var answerText = reveal && !right && kind.correctText && kind.correctText(qkey);
        if (answerText) {
          var revealed = el("p", { "class": "reveal" }, format(t["answer.correct_was"], { answer: answerText }));
          ["lang", "dir"].forEach(function (name) {  // interface text: the verdict's language, not the content's
            if (verdict.hasAttribute(name)) revealed.setAttribute(name, verdict.getAttribute(name));
          });
          verdict.parentNode.insertBefore(revealed, verdict.nextSibling);
        }
      }

      function attemptsLeft() {
        return key.attempts ? Math.max(0, key.attempts - qs.used) : Infinity;
      }

      /* May the learner try the quiz again? Not when attempts are used up, nor after a pass unless the
         author lets learners improve their score (improve); the pass is kept either way. */
      function mayRetry() {
        return attemptsLeft() > 0 && (!qs.passed || Boolean(key.improve));
      }

      function lockFields(fs, locked) {
        fs.querySelectorAll("input, select, textarea, .order-move").forEach(function (i) { i.disabled = locked; });
      }

      function lock(locked) {
        active().filter(scored).forEach(function (fs) { lockFields(fs, locked); });
        check.hidden = locked;
        retry.hidden = !locked || !mayRetry();
      }

      /* A practice quiz: each checked question locked, with a retry when it was wrong. */
      function lockQuestions() {
        active().filter(scored).forEach(function (fs) {
          var done = Boolean(qs.done[qid(fs)]);
          lockFields(fs, done);
          fs.querySelector(".question-check").hidden = done;
          fs.querySelector(".question-retry").hidden = !done || qs.results[qid(fs)];
        });
      }

      function summary() {
        var shown = active().filter(scored);
        var correct = shown.filter(function (fs) { return qs.results[qid(fs)]; }).length;
        result.textContent = "";
        var left = attemptsLeft();
        var final = !qs.passed && left === 0; // the last attempt failed: say what to do next
        var line = format(t["quiz.score"], { correct: correct, total: shown.length, percent: qs.score });
        if (qs.best > qs.score) line += " " + format(t["quiz.best"], { percent: qs.best });
        line += " " + (qs.passed ? t["quiz.passed"] : final ? t["quiz.failed.final"] : t["quiz.failed"]);
        if (!qs.passed && left !== Infinity && left > 0) line += " " + plural("quiz.attempts.left", left, { n: left });
        result.appendChild(Kinds.says(el("p", { "class": qs.passed ? "passed" : "failed" }), qs.passed, line));
        var list = el("ul", { "class": "result-list" });
        shown.forEach(function (fs) {
          var item = el("li");
          var right = qs.results[qid(fs)];
          var link = el("a", { href: "#" + fs.id });
          Kinds.says(link, right, fs.querySelector(".question-number").textContent + ": " +
            t[right ? "answer.correct" : "answer.incorrect"]);
          item.appendChild(link);
          list.appendChild(item);
        });
        result.appendChild(list);
        var review = document.querySelector("template.review-pages");
        if (final && review) {
          result.appendChild(el("p", { "class": "review" }, t["quiz.review"]));
          result.appendChild(review.content.cloneNode(true));
        }
      }

      function regrade() {
        // State restored from an LMS keeps answers and scores, not the verdicts: work them out again.
        if (!qs.checked || Object.keys(qs.results).length) return;
        active().filter(scored).forEach(function (fs) {
          var value = qs.answers[qid(fs)];
          qs.results[qid(fs)] = value !== undefined && kindOf(fs).grade(key.questions[qid(fs)], value);
        });
        qs.passed = Math.max(qs.score, qs.best || 0) >= key.pass;
      }

      function render() {
        layout();
        regrade();
        fieldsets.forEach(function (fs) { kindOf(fs).write(fs, qs.answers[qid(fs)]); });
        if (perQuestion) {
          active().forEach(function (fs) {
            if (qs.done[qid(fs)] || qs.checked) show(fs, false); else clearFeedback(fs);
          });
          if (qs.checked) summary(); else result.textContent = "";
          lockQuestions();
        } else if (qs.checked) {
          var reveal = qs.passed || attemptsLeft() === 0;
          active().forEach(function (fs) { show(fs, reveal); });
          summary();
          lock(true);
        } else {
          fieldsets.forEach(clearFeedback);
          result.textContent = "";
          lock(false);
        }
      }

      // Enter in a one-line answer field keeps the answer; it does not check the quiz and spend an attempt.
      form.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && event.target.matches("input[type=text], input:not([type])")) event.preventDefault();
      });

      // Typing keeps the answer in the page's state; leaving the field (change) hands it to the store.
      form.addEventListener("input", remember);
      form.addEventListener("change", function (event) {
        if (remember(event)) store.report("change", { quiz: id });
      });
      function remember(event) {
        var fs = event.target.closest("fieldset.question");
        if (!fs || scored(fs) && (qs.checked || qs.done[qid(fs)])) return false;
        var value = kindOf(fs).read(fs);
        if (value === null) delete qs.answers[qid(fs)]; else qs.answers[qid(fs)] = value;
        fs.removeAttribute("aria-invalid");
        fs.querySelector(".question-missing").hidden = true;
        save();
        return true;
      }

      function questionNumbers(list) {
        return list.map(function (fs) { return fs.querySelector(".question-number").textContent; }).join(", ");
      }

      /* Refuse to check while questions are unanswered or a number answer is not a number: each is marked
         (aria-invalid) with the reason at its top, in view, and focus goes to the first. */
      function refuse(missing, message, each) {
        missing.forEach(function (fs) {
          fs.setAttribute("aria-invalid", "true");
          var note = fs.querySelector(".question-missing");
          note.textContent = each;
          note.hidden = false;
        });
        if (message) result.textContent = format(message, { list: questionNumbers(missing) });
        missing[0].scrollIntoView({ block: "start" });
        firstField(missing[0]).focus({ preventScroll: true });
        return false;
      }

      /* Read, test and grade the questions list; false (with the reason shown) when one cannot be checked. */
      function grade(list, message) {
        var values = list.map(function (fs) { return kindOf(fs).read(fs); }); // read once, checked, then kept
        list.forEach(clearFeedback);
        var missing = list.filter(function (fs, i) { return scored(fs) && !complete(kindOf(fs), values[i], fs); });
        if (missing.length) return refuse(missing, message, t["quiz.unanswered_one"]);
        var invalid = list.map(function (fs, i) {
          var kind = kindOf(fs);
          return kind.invalid ? kind.invalid(values[i]) : null;
        });
        var first = invalid.filter(Boolean)[0];
        if (first) return refuse(list.filter(function (fs, i) { return invalid[i] === first; }), message && t[first], t[first]);
        list.forEach(function (fs, i) {
          if (values[i] !== null) qs.answers[qid(fs)] = values[i];
          if (scored(fs)) qs.results[qid(fs)] = kindOf(fs).grade(key.questions[qid(fs)], values[i]);
        });
        return true;
      }

      /* The quiz's score from the verdicts of the shown questions; a pass, once had, is kept. */
      function score() {
        var shown = active().filter(scored);
        var right = shown.filter(function (fs) { return qs.results[qid(fs)]; }).length;
        qs.checked = true;
        qs.score = shown.length ? Math.round(100 * right / shown.length) : 100;
        qs.best = Math.max(qs.best || 0, qs.score);
        qs.passed = qs.best >= key.pass;
      }

      function reportAnswers(list) {
        list.forEach(function (fs) {
          var stem = fs.querySelector(".stem");
          store.report("answer", { quiz: id, question: qid(fs), kind: key.questions[qid(fs)].kind,
            value: qs.answers[qid(fs)], correct: qs.results[qid(fs)], key: key.questions[qid(fs)],
            stem: stem.textContent.replace(/\u00ad/g, "").trim(), stemLanguage: languageOf(stem) });
        });
      }

      function reportQuiz() {
        store.report("quiz", { quiz: id, score: qs.score, passed: qs.passed, complete: courseComplete() });
        if (quizChecked) quizChecked();
      }

      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (qs.checked || perQuestion) return;
        var shown = active();
        result.textContent = "";
        qs.results = {};
        if (!grade(shown, t["quiz.unanswered"])) return;
        qs.used += 1;
        score();
        save();
        reportAnswers(shown);
        reportQuiz();
        render();
        result.focus();
      });

      /* A practice quiz's question: checked on its own; the quiz is scored once every question is. */
      form.addEventListener("click", function (event) {
        var button = event.target.closest(".question-check, .question-retry");
        if (!button || !perQuestion) return;
        var fs = button.closest("fieldset.question");
        var question = qid(fs);
        if (button.classList.contains("question-retry")) {
          delete qs.done[question];
          delete qs.results[question];
          delete qs.answers[question];
          qs.checked = false;
          clearFields(fs);
          save();
          render();
          firstField(fs).focus();
          return;
        }
        if (qs.done[question] || !grade([fs], null)) return;
        qs.done[question] = 1;
        var wasChecked = qs.checked;
        if (active().filter(scored).every(function (f) { return qs.done[qid(f)]; })) score();
        save();
        var finished = qs.checked && !wasChecked;
        // The reflections go to the LMS with the question that finishes the quiz.
        reportAnswers(finished ? [fs].concat(active().filter(function (f) { return !scored(f) && qs.answers[qid(f)] !== undefined; })) : [fs]);
        if (finished) reportQuiz();
        render();
        fs.querySelector(".verdict").focus();
      });

      function clearFields(fs) {
        fs.querySelectorAll("input, textarea").forEach(function (i) { i.checked = false; if (i.type === "text" || i.tagName === "TEXTAREA") i.value = ""; });
        fs.querySelectorAll("select").forEach(function (s) { s.value = ""; });
        var kind = kindOf(fs);
        if (kind.reset) kind.reset(fs);
      }

      if (retry) retry.addEventListener("click", function () {
        if (!mayRetry()) return;
        qs.attempt += 1;
        qs.checked = false;
        qs.results = {};
        fieldsets.filter(scored).forEach(function (fs) {
          delete qs.answers[qid(fs)];
          clearFields(fs);
        });
        if (key.draw) draw();
        save();
        render();
        var first = active()[0];
        if (first) firstField(first).focus();
      });

      fieldsets.forEach(function (fs) {
        var kind = kindOf(fs);
        if (kind.setup) kind.setup(fs, ui);
      });
      render();
    }

    return setupQuiz;
  };
})();
