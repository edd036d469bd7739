/* Match each left item (l0, l1 …) with a right one (r0, r1 …) (learnpack/kinds/matching.py). */
(function () {
  "use strict";

  var Kinds = window.LearnpackKinds;

  function isRight(key, item, value) { return value[item] === key.pairs[item]; }

  /* {l0: "r2"} as SCORM pairs of choice ids: [["a", "c"]]. */
  function pairs(map, ids) {
    return Object.keys(map).sort().map(function (left) {
      return [ids.charAt(Number(left.slice(1))), ids.charAt(Number(map[left].slice(1)))];
    });
  }

  /* A select for each left item: item -> chosen right one; null when none is chosen. */
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

  var CUT = 24; // characters a closed select shows whole on a 360 px phone, at least

  /* Write a long chosen right-hand side out in full under its select (screen readers hear the select). */
  function spell(fieldset) {
    fieldset.querySelectorAll(".matching .option").forEach(function (option) {
      var select = option.querySelector("select");
      var chosen = select.selectedIndex > 0 ? select.options[select.selectedIndex].textContent : "";
      option.querySelector(".match-full").textContent = chosen.length > CUT ? chosen : "";
    });
  }

  Kinds.define("matching", {
    interaction: "matching",
    setup: function (fieldset) { fieldset.addEventListener("change", function () { spell(fieldset); }); },
    reset: spell,
    read: readSelects,
    write: function (fieldset, value) {
      writeSelects(fieldset, value);
      spell(fieldset);
    },
    complete: completeSelects,
    grade: function (key, value) {
      return Object.keys(key.pairs).every(function (left) { return value[left] === key.pairs[left]; });
    },
    mark: Kinds.markItems(isRight, function (key, item, fieldset, ui) {
      var answer = fieldset.querySelector('option[value="' + key.pairs[item] + '"]').textContent;
      return ui.format(ui.t["answer.correct_was"], { answer: answer });
    }),
    encode: function (q, value, codec) {
      var out = "";
      for (var i = 0; i < q.size; i++) {
        var target = value && value["l" + i];
        out += target ? codec.alphabet.charAt(Number(target.slice(1))) : ".";
      }
      return out;
    },
    decode: function (q, reader, codec) {
      var part = reader.take(q.size);
      var map = {};
      for (var i = 0; i < q.size; i++) {
        if (part.charAt(i) !== ".") map["l" + i] = "r" + codec.alphabet.indexOf(part.charAt(i));
      }
      return Object.keys(map).length ? map : undefined;
    },
    response: function (value, ids) { return pairs(value, ids); },
    correct: function (key, ids) { return [pairs(key.pairs, ids)]; }
  });
})();
