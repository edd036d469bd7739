/* A reflection: the learner writes, nothing is graded (learnpack/kinds/reflection.py). */
(function () {
  "use strict";

  var Kinds = window.LearnpackKinds;

  Kinds.define("reflection", {
    interaction: "long-fill-in",
    scored: false,
    read: Kinds.readField,
    write: Kinds.writeField,
    grade: function () { return false; },
    encode: Kinds.textState.encode,
    decode: Kinds.textState.decode,
    response: function (value) { return value; },
    correct: function () { return []; }
  });
})();
