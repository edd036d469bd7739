/* Put items in order: a position for each item (learnpack/kinds/ordering.py). */
(function () {
  "use strict";

  var Kinds = window.LearnpackKinds;

  function isRight(key, item, value) { return Number(value[item]) === key.order.indexOf(item) + 1; }

  Kinds.define("ordering", {
    interaction: "sequencing",
    read: Kinds.readSelects,
    write: Kinds.writeSelects,
    complete: Kinds.completeSelects,
    grade: function (key, value) {
      return key.order.every(function (item, index) { return Number(value[item]) === index + 1; });
    },
    mark: Kinds.markItems(isRight, function (key, item, fieldset, ui) {
      return ui.format(ui.t["answer.correct_position"], { n: key.order.indexOf(item) + 1 });
    }),
    encode: function (q, value, codec) {
      var out = "";
      for (var i = 0; i < q.size; i++) {
        var position = value && Number(value[codec.choiceIds.charAt(i)]);
        out += position ? codec.alphabet.charAt(position) : ".";
      }
      return out;
    },
    decode: function (q, reader, codec) {
      var part = reader.take(q.size);
      var map = {};
      for (var i = 0; i < q.size; i++) {
        if (part.charAt(i) !== ".") map[codec.choiceIds.charAt(i)] = String(codec.alphabet.indexOf(part.charAt(i)));
      }
      return Object.keys(map).length ? map : undefined;
    },
    /* The item ids in the learner's order. */
    response: function (value) {
      return Object.keys(value).sort(function (a, b) { return value[a] - value[b]; });
    },
    correct: function (key) { return [key.order]; }
  });
})();
