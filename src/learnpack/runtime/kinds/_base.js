/* learnpack question kinds: the learner-side half of each kind, one module per kind.
 *
 * Each module here (choice.js, numeric.js …) defines its kinds with LearnpackKinds.define;
 * the Python half is learnpack/kinds/<kind>.py, the markup themes/…/kinds/<kind>.html. The
 * quiz engine (quiz.js), the learner state (scorm/suspend.js) and the SCO runtime ask a kind,
 * never test its name. A kind is an object with:
 *
 *   interaction        the SCORM 2004 interaction type of its journal records ("choice", "long-fill-in" …)
 *   scored             false for a kind that is never right or wrong (default true)
 *   read(fieldset)     the learner's answer as plain JSON, or null when there is none
 *   write(fieldset, v) show answer v in the fields
 *   complete(v, fs)    whether v answers the whole question (default: v is not null)
 *   invalid(v)         the interface string that says why v cannot be checked, or null
 *   grade(key, v)      whether v is right, by the question's answer key (from the build)
 *   mark(fs, key, v, reveal, ui)  mark options or items after checking (optional)
 *   correctText(key)   the right answer as text, shown when revealed (optional)
 *   encode(q, v, codec), decode(q, reader, codec)   the answer in the compact learner state
 *   response(v, ids), correct(key, ids)   the answer and the right ones as the SCORM adapters
 *                      take them: arrays of choice ids, [source, target] pairs, or text
 *
 * `ids` and `codec.choiceIds` are the choice ids of the build (course.choiceIds).
 */
(function () {
  "use strict";

  var kinds = {};

  /* A typed answer in the learner state, cut to the build's limit for the kind. */
  var textState = {
    encode: function (q, value, codec) { return codec.text(value === undefined ? "" : value, codec.limits[q.kind]); },
    decode: function (q, reader) {
      var part = reader.text();
      return part === "" ? undefined : part;
    }
  };

  window.LearnpackKinds = {
    define: function (name, kind) {
      kind.name = name;
      kind.scored = kind.scored !== false;
      kinds[name] = kind;
    },
    /* The kind called name; an unknown one is a fault of the build, and throws. */
    of: function (name) {
      if (!(name in kinds)) throw new Error("learnpack: no question kind " + JSON.stringify(name) + " in this runtime");
      return kinds[name];
    },
    names: function () { return Object.keys(kinds).sort(); },

    /* What several kinds share. */
    writeChecked: writeChecked,
    markOptions: markOptions,
    writeField: writeField,
    readField: readField,
    textState: textState,
    readSelects: readSelects,
    writeSelects: writeSelects,
    completeSelects: completeSelects,
    markItems: markItems
  };

  /* Tick the inputs whose value is value (one id, or a list of them). */
  function writeChecked(fieldset, value) {
    if (value === null || value === undefined) return;
    var chosen = [].concat(value);
    fieldset.querySelectorAll("input").forEach(function (input) { input.checked = chosen.indexOf(input.value) >= 0; });
  }

  /* Each option: the learner's choice marked right or wrong; on reveal, the right ones not chosen. */
  function markOptions(isRight) {
    return function (fieldset, key, value, reveal, ui) {
      var chosen = [].concat(value === undefined || value === null ? [] : value);
      fieldset.querySelectorAll(".option").forEach(function (option) {
        var choice = option.getAttribute("data-choice");
        var right = isRight(key, choice);
        var mark = option.querySelector(".mark");
        var feedback = option.querySelector(".option-feedback");
        if (chosen.indexOf(choice) >= 0) {
          option.classList.add(right ? "chosen-correct" : "chosen-wrong");
          mark.textContent = right ? "✓ " + ui.t["answer.correct"] : "✗ " + ui.t["answer.incorrect"];
          if (feedback) feedback.hidden = false;
        } else if (reveal && right) {
          option.classList.add("the-answer");
          mark.textContent = "✓ " + ui.t["answer.correct"];
        }
      });
    };
  }

  /* Items with a select each (ordering, matching): item -> chosen value; null when none is chosen. */
  function readSelects(fieldset) {
    var map = {};
    fieldset.querySelectorAll("select").forEach(function (select) {
      if (select.value) map[select.getAttribute("data-item")] = select.value;
    });
    return Object.keys(map).length ? map : null;
  }

  function writeSelects(fieldset, value) {
    if (value === null || value === undefined) return;
    fieldset.querySelectorAll("select").forEach(function (select) {
      select.value = value[select.getAttribute("data-item")] || "";
    });
  }

  function completeSelects(value, fieldset) {
    return value !== null && Object.keys(value).length === fieldset.querySelectorAll("select").length;
  }

  /* Each item marked right or wrong; on reveal, a wrong one shows the right value (rightText). */
  function markItems(isRight, rightText) {
    return function (fieldset, key, value, reveal) {
      if (!value) return;
      fieldset.querySelectorAll(".option").forEach(function (option) {
        var item = option.getAttribute("data-choice");
        var ok = isRight(key, item, value);
        var mark = option.querySelector(".mark");
        option.classList.add(ok ? "chosen-correct" : "chosen-wrong");
        mark.textContent = ok ? "✓" : "✗";
        if (reveal && !ok) mark.textContent = "✗ → " + rightText(key, item, fieldset);
      });
    };
  }

  /* A typed answer: the text as typed, or null when there is none. */
  function readField(fieldset) {
    var field = fieldset.querySelector("input, textarea");
    return field.value.trim() ? field.value : null;
  }

  function writeField(fieldset, value) {
    if (value === null || value === undefined) return;
    fieldset.querySelector("input, textarea").value = value;
  }

})();
