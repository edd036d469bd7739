/* True or false: two options, "true" and "false" (learnpack/kinds/truefalse.py). */
(function () {
  "use strict";

  var Kinds = window.LearnpackKinds;

  Kinds.define("truefalse", {
    interaction: "true-false",
    read: function (fieldset) {
      var input = fieldset.querySelector("input:checked");
      return input ? input.value : null;
    },
    write: Kinds.writeChecked,
    grade: function (key, value) { return value === key.correct; },
    mark: Kinds.markOptions(function (key, choice) { return choice === key.correct; }),
    encode: function (q, value) { return value === undefined ? "." : value === "true" ? "t" : "f"; },
    decode: function (q, reader) {
      var part = reader.take(1);
      return part === "." ? undefined : part === "t" ? "true" : "false";
    },
    response: function (value) { return value; },
    correct: function (key) { return [key.correct]; }
  });
})();
