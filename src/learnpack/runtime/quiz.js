/* learnpack quiz engine: showing, reading, grading and keeping the answers of a page's quizzes.
 *
 * window.LearnpackQuiz(shell) returns setupQuiz(form); the course shell (learnpack.js) calls it
 * for every quiz of the page with what the two share: the learner's state, the store, the
 * interface strings and a few helpers.
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
    var complete = shell.complete;


    function shuffled(items) {
      var copy = items.slice();
      for (var i = copy.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1));
        var swap = copy[i]; copy[i] = copy[j]; copy[j] = swap;
      }
      return copy;
    }

    function normaliseText(text, caseSensitive) {
      var s = String(text || "").normalize("NFC").replace(/\s+/g, " ").trim();
      return caseSensitive ? s : s.toLocaleLowerCase();
    }

    /* A number as a learner writes it: 36,5 or 36.5, −3, 1 000, ٣٦٫٥ (numbers.js); anything else is NaN. */
    function parseNumber(text) {
      var s = window.LearnpackNumber.ascii(text);
      return s === null ? NaN : parseFloat(s);
    }

    /* Reading and writing one question's answer; values are plain JSON. */
    function readAnswer(fieldset) {
      var kind = fieldset.getAttribute("data-kind");
      if (kind === "single" || kind === "truefalse") {
        var checked = fieldset.querySelector("input:checked");
        return checked ? checked.value : null;
      }
      if (kind === "multiple") {
        var values = [];
        fieldset.querySelectorAll("input:checked").forEach(function (i) { values.push(i.value); });
        return values.length ? values.sort() : null;
      }
      if (kind === "ordering" || kind === "matching") {
        var map = {};
        var full = true;
        fieldset.querySelectorAll("select").forEach(function (s) {
          if (s.value) map[s.getAttribute("data-item")] = s.value; else full = false;
        });
        return full ? map : (Object.keys(map).length ? map : null);
      }
      var field = fieldset.querySelector("input, textarea");
      return field.value.trim() ? field.value : null;
    }

    function writeAnswer(fieldset, value) {
      var kind = fieldset.getAttribute("data-kind");
      if (value === null || value === undefined) return;
      if (kind === "single" || kind === "truefalse" || kind === "multiple") {
        var chosen = [].concat(value);
        fieldset.querySelectorAll("input").forEach(function (i) { i.checked = chosen.indexOf(i.value) >= 0; });
      } else if (kind === "ordering" || kind === "matching") {
        fieldset.querySelectorAll("select").forEach(function (s) { s.value = value[s.getAttribute("data-item")] || ""; });
      } else {
        fieldset.querySelector("input, textarea").value = value;
      }
    }

    function isComplete(kind, value, fieldset) {
      if (value === null) return false;
      if (kind === "ordering" || kind === "matching") {
        return Object.keys(value).length === fieldset.querySelectorAll("select").length;
      }
      return true;
    }

    function grade(key, value) {
      switch (key.kind) {
        case "single": return value === key.correct[0];
        case "truefalse": return value === key.correct;
        case "multiple": return value.join(",") === key.correct.slice().sort().join(",");
        case "text":
          return key.accept.some(function (a) { return normaliseText(a, key["case"]) === normaliseText(value, key["case"]); });
        case "numeric":
          var n = parseNumber(value);
          return !isNaN(n) && key.ranges.some(function (r) { return n >= r[0] - 1e-9 && n <= r[1] + 1e-9; });
        case "ordering":
          return key.order.every(function (id, index) { return Number(value[id]) === index + 1; });
        case "matching":
          return Object.keys(key.pairs).every(function (left) { return value[left] === key.pairs[left]; });
      }
      return false;
    }

    function correctAnswerText(fieldset, key) {
      if (key.kind === "text") return key.accept[0];
      if (key.kind === "numeric") {
        var r = key.ranges[0];
        return r[0] === r[1] ? String(r[0]) : r[0] + "–" + r[1];
      }
      return null;
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

      function scored(fs) { return fs.getAttribute("data-kind") !== "reflection"; }
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
          if (key.shuffle) {
            var list = fs.querySelector("ul.options");
            if (list) shuffled([].slice.call(list.children)).forEach(function (li) { list.appendChild(li); });
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
        clearFeedback(fs);
        var always = fs.querySelector(".feedback-always");
        if (always && value !== undefined) always.hidden = false;
        if (qkey.kind === "reflection") return;
        var right = qs.results[id];
        var verdict = fs.querySelector(".verdict");
        verdict.hidden = false;
        verdict.textContent = (right ? "✓ " + t["answer.correct"] : "✗ " + t["answer.incorrect"]);
        fs.classList.add(right ? "is-correct" : "is-incorrect");
        var general = fs.querySelector(right ? ".feedback-correct" : ".feedback-incorrect");
        if (general) general.hidden = false;
        var chosen = [].concat(value === undefined ? [] : value);
        fs.querySelectorAll(".option").forEach(function (option) {
          var choice = option.getAttribute("data-choice");
          var mark = option.querySelector(".mark");
          var optionFeedback = option.querySelector(".option-feedback");
          var correctChoice = qkey.kind === "truefalse" ? choice === qkey.correct
            : (qkey.correct || []).indexOf(choice) >= 0;
          if (qkey.kind === "single" || qkey.kind === "multiple" || qkey.kind === "truefalse") {
            if (chosen.indexOf(choice) >= 0) {
              option.classList.add(correctChoice ? "chosen-correct" : "chosen-wrong");
              mark.textContent = correctChoice ? "✓ " + t["answer.correct"] : "✗ " + t["answer.incorrect"];
              if (optionFeedback) optionFeedback.hidden = false;
            } else if (reveal && correctChoice) {
              option.classList.add("the-answer");
              mark.textContent = "✓ " + t["answer.correct"];
            }
          } else if (value && (qkey.kind === "ordering" || qkey.kind === "matching")) {
            var ok = qkey.kind === "ordering" ? Number(value[choice]) === qkey.order.indexOf(choice) + 1
              : value[choice] === qkey.pairs[choice];
            option.classList.add(ok ? "chosen-correct" : "chosen-wrong");
            mark.textContent = ok ? "✓" : "✗";
            if (reveal && !ok) {
              mark.textContent = "✗ → " + (qkey.kind === "ordering" ? qkey.order.indexOf(choice) + 1
                : fs.querySelector('option[value="' + qkey.pairs[choice] + '"]').textContent);
            }
          }
        });
        var answerText = reveal && !right && correctAnswerText(fs, qkey);
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
          qs.results[qid(fs)] = value !== undefined && grade(key.questions[qid(fs)], value);
        });
        qs.passed = qs.score >= key.pass;
      }

      function render() {
        layout();
        regrade();
        fieldsets.forEach(function (fs) { writeAnswer(fs, qs.answers[qid(fs)]); });
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

      // Typing keeps the answer in the page's state; leaving the field (change) hands it to the store.
      form.addEventListener("input", remember);
      form.addEventListener("change", function (event) {
        if (remember(event)) store.report("change", { quiz: id });
      });
      function remember(event) {
        var fs = event.target.closest("fieldset.question");
        if (!fs || qs.checked && scored(fs)) return false;
        var value = readAnswer(fs);
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
        var missing = shown.filter(function (fs) {
          return scored(fs) && !isComplete(fs.getAttribute("data-kind"), readAnswer(fs), fs);
        });
        if (missing.length) return refuse(missing, t["quiz.unanswered"]);
        var notNumbers = shown.filter(function (fs) {
          return fs.getAttribute("data-kind") === "numeric" && isNaN(parseNumber(readAnswer(fs)));
        });
        if (notNumbers.length) return refuse(notNumbers, t["quiz.not_a_number"]);
        fieldsets.forEach(function (fs) { fs.removeAttribute("aria-invalid"); });
        qs.results = {};
        var right = 0;
        var total = 0;
        shown.forEach(function (fs) {
          var id = qid(fs);
          var value = readAnswer(fs);
          if (value !== null) qs.answers[id] = value;
          if (!scored(fs)) return;
          total += 1;
          qs.results[id] = grade(key.questions[id], value);
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
            stem: stem.textContent.trim(), stemLanguage: languageOf(stem) });
        });
        store.report("quiz", { quiz: id, score: qs.score, passed: qs.passed, complete: complete() });
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
