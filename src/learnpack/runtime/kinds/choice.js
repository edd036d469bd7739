/* Single and multiple choice: options with radio buttons or check boxes (learnpack/kinds/choice.py). */
(function () {
  "use strict";

  var Kinds = window.LearnpackKinds;

  function checked(fieldset) {
    var values = [];
    fieldset.querySelectorAll("input:checked").forEach(function (input) { values.push(input.value); });
    return values;
  }

  function isCorrectChoice(key, choice) { return key.correct.indexOf(choice) >= 0; }

  Kinds.define("single", {
    interaction: "choice",
    read: function (fieldset) { var values = checked(fieldset); return values.length ? values[0] : null; },
    write: Kinds.writeChecked,
    grade: function (key, value) { return value === key.correct[0]; },
    mark: Kinds.markOptions(isCorrectChoice),
    encode: function (q, value, codec) {
      return value === undefined ? "." : codec.alphabet.charAt(codec.choiceIds.indexOf(value));
    },
    decode: function (q, reader, codec) {
      var part = reader.take(1);
      return part === "." ? undefined : codec.choiceIds.charAt(codec.alphabet.indexOf(part));
    },
    response: function (value) { return [value]; },
    correct: function (key) { return [key.correct]; }
  });

  Kinds.define("multiple", {
    interaction: "choice",
    read: function (fieldset) { var values = checked(fieldset); return values.length ? values.sort() : null; },
    write: Kinds.writeChecked,
    grade: function (key, value) { return value.join(",") === key.correct.slice().sort().join(","); },
    mark: Kinds.markOptions(isCorrectChoice),
    encode: function (q, value, codec) {
      var chosen = [].concat(value || []);
      return codec.bitset(codec.choiceIds.slice(0, q.size).split("").map(function (id) { return chosen.indexOf(id) >= 0; }));
    },
    decode: function (q, reader, codec) {
      var ids = reader.bitset(q.size).map(function (on, index) { return on ? codec.choiceIds.charAt(index) : null; })
        .filter(Boolean);
      return ids.length ? ids : undefined;
    },
    response: function (value) { return value; },
    correct: function (key) { return [key.correct]; }
  });
})();
