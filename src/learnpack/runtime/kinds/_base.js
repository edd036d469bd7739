/* learnpack question kinds: the learner-side half of each kind, one module per kind.
 *
 * Each module here (choice.js, numeric.js …) defines its kinds with LearnpackKinds.define;
 * the Python half is learnpack/kinds/<kind>.py, the markup themes/…/kinds/<kind>.html. The
 * quiz engine (quiz.js), the learner state (scorm/suspend.js) and the SCO runtime ask a kind,
 * never test its name. A kind is an object with:
 *
 *   interaction        the SCORM 2004 interaction type of its journal records ("choice", "long-fill-in" …)
 *   scored             false for a kind that is never right or wrong (default true)
 *   setup(fs, ui)      make the question's fields work, once per page (optional; ordering's list)
 *   reset(fs)          show the question unanswered again, for a new attempt (optional)
 *   read(fieldset)     the learner's answer as plain JSON, or null when there is none
 *   write(fieldset, v) show answer v in the fields
 *   complete(v, fs)    whether v answers the whole question (default: v is not null)
 *   invalid(v)         the interface string that says why v cannot be checked, or null
 *   grade(key, v)      whether v is right, by the question's answer key (from the build)
 *   mark(fs, key, v, reveal, ui)  mark options or items after checking (optional); ui: {t, format}
 *   correctText(key)   the right answer as text, shown when revealed (optional)
 *   encode(q, v, codec), decode(q, reader, codec)   the answer in the compact learner state
 *   response(v, ids), correct(key, ids)   the answer and the right ones as the SCORM adapters
 *                      take them: arrays of choice ids, [source, target] pairs, or text
 *
 * `ids` and `codec.choiceIds` are the choice ids of the build (course.choiceIds).
 *
 * A page loads this file (with numbers.js and the small kinds, as assets/kinds/common.js), then
 * the module of each kind with a script of its own (ordering, matching) that it asks: a module
 * uses only what this file offers, never another kind's.
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
    markItems: markItems,
    icon: icon,
    says: says
  };

  /* Tick the inputs whose value is value (one id, or a list of them). */
  function writeChecked(fieldset, value) {
    if (value === null || value === undefined) return;
    var chosen = [].concat(value);
    fieldset.querySelectorAll("input").forEach(function (input) { input.checked = chosen.indexOf(input.value) >= 0; });
  }

  /* Each option: the learner's choice marked "your answer – correct/incorrect"; on reveal, a right one
     not chosen "correct answer", and a wrong one not chosen says so to screen readers. The mark is the
     option's description (aria-describedby), so its input announces it. */
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
          says(mark, right, ui.t[right ? "result.yours_right" : "result.yours_wrong"]);
          if (feedback) feedback.hidden = false;
        } else if (reveal && right) {
          option.classList.add("the-answer");
          says(mark, true, ui.t["result.the_answer"]);
        } else if (reveal) {
          mark.appendChild(hidden(ui.t["result.not_answer"]));
        }
      });
    };
  }

  var SVG = "http://www.w3.org/2000/svg";
  var PATHS = { right: "M3 8.5l3.2 3.2L13 4.8", wrong: "M4 4l8 8M12 4l-8 8" };

  /* A tick or a cross drawn inline (no font glyph, no file), hidden from screen readers: the text says it. */
  function icon(right) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "icon " + (right ? "icon-right" : "icon-wrong"));
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", PATHS[right ? "right" : "wrong"]);
    svg.appendChild(path);
    return svg;
  }

  /* node's content: the icon for right or wrong, then text. */
  function says(node, right, text) {
    node.textContent = "";
    node.appendChild(icon(right));
    node.appendChild(document.createTextNode(text));
    return node;
  }

  function hidden(text) {
    var span = document.createElement("span");
    span.className = "visually-hidden";
    span.textContent = text;
    return span;
  }

  /* Each item marked correct or incorrect; on reveal, a wrong one also says the right value (rightText).
     The mark describes the item's field (aria-describedby). */
  function markItems(isRight, rightText) {
    return function (fieldset, key, value, reveal, ui) {
      if (!value) return;
      fieldset.querySelectorAll(".option").forEach(function (option) {
        var item = option.getAttribute("data-choice");
        var ok = isRight(key, item, value);
        option.classList.add(ok ? "chosen-correct" : "chosen-wrong");
        var text = ui.t[ok ? "answer.correct" : "answer.incorrect"];
        if (reveal && !ok) text += ". " + rightText(key, item, fieldset, ui);
        says(option.querySelector(".mark"), ok, text);
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
