/* A typed answer compared with the accepted ones (learnpack/kinds/text.py). */
(function () {
  "use strict";

  var Kinds = window.LearnpackKinds;

  /* Compared as a reader would: composed characters, one space for any run of spaces, case by the key. */
  function normalised(text, caseSensitive) {
    var s = String(text || "").normalize("NFC").replace(/\s+/g, " ").trim();
    return caseSensitive ? s : s.toLocaleLowerCase();
  }

  Kinds.define("text", {
    interaction: "fill-in",
    read: Kinds.readField,
    write: Kinds.writeField,
    grade: function (key, value) {
      return key.accept.some(function (accepted) {
        return normalised(accepted, key["case"]) === normalised(value, key["case"]);
      });
    },
    correctText: function (key) { return key.accept[0]; },
    encode: Kinds.textState.encode,
    decode: Kinds.textState.decode,
    response: function (value) { return value; },
    correct: function (key) { return key.accept; }
  });
})();
