/* A number within one of the accepted ranges, typed in any digits (learnpack/kinds/numeric.py). */
(function () {
  "use strict";

  var Kinds = window.LearnpackKinds;
  var Number_ = window.LearnpackNumber; // numbers.js: read as the grading reads it, sent as the LMS wants it

  /* 36,5 or 36.5, −3, 1 000, ٣٦٫٥; anything else is NaN. */
  function parse(text) {
    var s = Number_.ascii(text);
    return s === null ? NaN : parseFloat(s);
  }

  /* An author's number as plain decimal digits, also when JavaScript would write 1e+21 or 1e-7. */
  function numberText(n) {
    var s = String(n);
    return /e/i.test(s) ? n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : s;
  }

  Kinds.define("numeric", {
    interaction: "numeric",
    read: Kinds.readField,
    write: Kinds.writeField,
    invalid: function (value) { return isNaN(parse(value)) ? "quiz.not_a_number" : null; },
    grade: function (key, value) {
      var n = parse(value);
      return !isNaN(n) && key.ranges.some(function (r) { return n >= r[0] - 1e-9 && n <= r[1] + 1e-9; });
    },
    correctText: function (key) {
      var r = key.ranges[0];
      return r[0] === r[1] ? String(r[0]) : r[0] + "–" + r[1];
    },
    encode: Kinds.textState.encode,
    decode: Kinds.textState.decode,
    response: function (value) { return Number_.decimal(value); }, // null: not a number, so none is sent
    correct: function (key) { return key.ranges.map(function (r) { return [numberText(r[0]), numberText(r[1])]; }); }
  });
})();
