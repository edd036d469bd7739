/* learnpack quiz engine: showing, reading, grading and keeping the answers of a page's quizzes.
 *
 * window.LearnpackQuiz(shell) returns setupQuiz(form); the course shell (learnpack.js) calls it
 * for every quiz of the page with what the two share: the learner's state, the store, the
 * interface strings and a few helpers. What differs between kinds of question (how an answer
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

    function complete(kind, value, fieldset) {
      return kind.complete ? kind.complete(value, fieldset) : value !== null;
    }

    function setupQuiz(form) {
      var key = JSON.parse(form.querySelector(".quiz-key").textContent);
      var id = key.id;
      var qs = state.quizzes[id] || (state.quizzes[id] = { attempt: 1, used: 0, answers: {}, checked: false, results: {} });
      qs.answers = qs.answers || {};
      qs.used = qs.used || 0;
      var fieldsets = [].slice.call(form.querySelectorAll("fieldset.question"));
      var result = form.querySelector(".quiz-result");
      var retry = form.querySelector(".quiz-retry");
      var check = form.querySelector(".quiz-check");

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
        verdict.textContent = (right ? "✓ " + t["answer.correct"] : "✗ " + t["answer.incorrect"]);
        fs.classList.add(right ? "is-correct" : "is-incorrect");
        var general = fs.querySelector(right ? ".feedback-correct" : ".feedback-incorrect");
        if (general) general.hidden = false;
        if (kind.mark) kind.mark(fs, qkey, value, reveal, { t: t });
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

      function lock(locked) {
        active().forEach(function (fs) {
          if (scored(fs)) fs.querySelectorAll("input, select, textarea").forEach(function (i) { i.disabled = locked; });
        });
        check.hidden = locked;
        retry.hidden = !locked || attemptsLeft() === 0;
      }

      function summary() {
        var shown = active().filter(scored);
        var correct = shown.filter(function (fs) { return qs.results[qid(fs)]; }).length;
        result.textContent = "";
        var line = format(t["quiz.score"], { correct: correct, total: shown.length, percent: qs.score }) + " " +
          (qs.passed ? t["quiz.passed"] : t["quiz.failed"]);
        var left = attemptsLeft();
        if (left !== Infinity) {
          line += " " + (left > 0 ? plural("quiz.attempts.left", left, { n: left }) : t["quiz.attempts.none"]);
        }
        result.appendChild(el("p", { "class": qs.passed ? "passed" : "failed" }, (qs.passed ? "✓ " : "✗ ") + line));
        var list = el("ul", { "class": "result-list" });
        shown.forEach(function (fs) {
          var item = el("li");
          var link = el("a", { href: "#" + fs.id },
            fs.querySelector(".question-number").textContent + ": " +
            (qs.results[qid(fs)] ? t["answer.correct"] : t["answer.incorrect"]));
          item.appendChild(link);
          list.appendChild(item);
        });
        result.appendChild(list);
      }

      function regrade() {
        // State restored from an LMS keeps answers and scores, not the verdicts: work them out again.
        if (!qs.checked || (qs.results && Object.keys(qs.results).length)) return;
        qs.results = {};
        active().filter(scored).forEach(function (fs) {
          var value = qs.answers[qid(fs)];
          qs.results[qid(fs)] = value !== undefined && kindOf(fs).grade(key.questions[qid(fs)], value);
        });
        qs.passed = qs.score >= key.pass;
      }

      function render() {
        layout();
        regrade();
        fieldsets.forEach(function (fs) { kindOf(fs).write(fs, qs.answers[qid(fs)]); });
        if (qs.checked) {
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
        if (!fs || qs.checked && scored(fs)) return false;
        var value = kindOf(fs).read(fs);
        if (value === null) delete qs.answers[qid(fs)]; else qs.answers[qid(fs)] = value;
        fs.removeAttribute("aria-invalid");
        save();
        return true;
      }

      function questionNumbers(list) {
        return list.map(function (fs) { return fs.querySelector(".question-number").textContent; }).join(", ");
      }

      /* Refuse to check while questions are unanswered or a number answer is not a number. */
      function refuse(missing, message) {
        fieldsets.forEach(function (fs) { fs.removeAttribute("aria-invalid"); });
        missing.forEach(function (fs) { fs.setAttribute("aria-invalid", "true"); });
        result.textContent = format(message, { list: questionNumbers(missing) });
        missing[0].querySelector("input, select, textarea").focus();
      }

      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (qs.checked) return;
        var shown = active();
        var values = shown.map(function (fs) { return kindOf(fs).read(fs); }); // read once, checked, then kept
        var missing = shown.filter(function (fs, i) { return scored(fs) && !complete(kindOf(fs), values[i], fs); });
        if (missing.length) return refuse(missing, t["quiz.unanswered"]);
        var invalid = shown.map(function (fs, i) {
          var kind = kindOf(fs);
          return kind.invalid ? kind.invalid(values[i]) : null;
        });
        var first = invalid.filter(Boolean)[0];
        if (first) return refuse(shown.filter(function (fs, i) { return invalid[i] === first; }), t[first]);
        fieldsets.forEach(function (fs) { fs.removeAttribute("aria-invalid"); });
        qs.results = {};
        var right = 0;
        var total = 0;
        shown.forEach(function (fs, i) {
          var id = qid(fs);
          var value = values[i];
          if (value !== null) qs.answers[id] = value;
          if (!scored(fs)) return;
          total += 1;
          qs.results[id] = kindOf(fs).grade(key.questions[id], value);
          if (qs.results[id]) right += 1;
        });
        qs.used += 1;
        qs.checked = true;
        qs.score = total ? Math.round(100 * right / total) : 100;
        qs.passed = qs.score >= key.pass;
        qs.best = Math.max(qs.best || 0, qs.score);
        save();
        shown.forEach(function (fs) {
          var stem = fs.querySelector(".stem");
          store.report("answer", { quiz: id, question: qid(fs), kind: key.questions[qid(fs)].kind,
            value: qs.answers[qid(fs)], correct: qs.results[qid(fs)], key: key.questions[qid(fs)],
            stem: stem.textContent.replace(/\u00ad/g, "").trim(), stemLanguage: languageOf(stem) });
        });
        store.report("quiz", { quiz: id, score: qs.score, passed: qs.passed, complete: courseComplete() });
        render();
        result.focus();
      });

      retry.addEventListener("click", function () {
        if (attemptsLeft() === 0) return;
        qs.attempt += 1;
        qs.checked = false;
        fieldsets.filter(scored).forEach(function (fs) {
          delete qs.answers[qid(fs)];
          fs.querySelectorAll("input, textarea").forEach(function (i) { i.checked = false; if (i.type === "text") i.value = ""; });
          fs.querySelectorAll("select").forEach(function (s) { s.value = ""; });
        });
        if (key.draw) draw();
        save();
        render();
        var first = active()[0];
        if (first) first.querySelector("input, select, textarea").focus();
      });

      render();
    }

    return setupQuiz;
  };
})();
