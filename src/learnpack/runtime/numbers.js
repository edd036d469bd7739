/* learnpack numbers: a number as a learner types it, written in plain ASCII.
 *
 * "37,2", "٣٧٫٢" (Arabic-Indic digits), "۳۷٫۲" (Persian), "−3", "1 000" -> "37.2", "37.2", "37.2",
 * "-3", "1000"; anything that is not a number -> null. Any script's decimal digits count: the
 * build lists the code point of every digit zero (course.digitZeros, from Python's unicodedata),
 * and a zero's nine next code points are 1 to 9. A comma or the Arabic decimal separator (٫) is
 * the decimal point; spaces, the Arabic thousands separator (٬) and direction marks are dropped.
 *
 * The numeric kind grades with it and sends the LMS what decimal() returns, so the two agree.
 */
(function () {
  "use strict";

  var course = window.LEARNPACK_COURSE || {};
  var zeros = course.digitZeros || [48];
  var IGNORED = /[\s\u00a0\u202f\u066c\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

  /* "٣" -> "3"; a character that is not a digit comes back as it is. */
  function asciiDigit(character) {
    var code = character.length > 1
      ? (character.charCodeAt(0) - 0xd800) * 0x400 + character.charCodeAt(1) - 0xdc00 + 0x10000
      : character.charCodeAt(0);
    for (var i = 0; i < zeros.length; i++) {
      if (code >= zeros[i] && code <= zeros[i] + 9) return String(code - zeros[i]);
    }
    return character;
  }

  function ascii(text) {
    var s = String(text === null || text === undefined ? "" : text).replace(IGNORED, "")
      .replace(/[\ud800-\udbff][\udc00-\udfff]|[^\ud800-\udfff]/g, asciiDigit)
      .replace(/^\u2212/, "-").replace(/[,\u066b]/, ".");
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? s : null;
  }

  /* A number as the data model writes it (CMIDecimal / real): ASCII digits, one point, no
   * exponent, no leading zeros; null when text is not a number. */
  function decimal(text) {
    var s = ascii(text);
    if (s === null) return null;
    var negative = s.charAt(0) === "-";
    s = s.replace(/^[-+]/, "");
    var parts = s.split(".");
    var whole = parts[0].replace(/^0+(?=\d)/, "") || "0";
    var fraction = (parts[1] || "").replace(/0+$/, "");
    var out = whole + (fraction ? "." + fraction : "");
    return negative && out !== "0" ? "-" + out : out;
  }

  window.LearnpackNumber = { ascii: ascii, decimal: decimal };
})();
