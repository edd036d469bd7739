/* learnpack SCO runtime: the one connection between the course and the LMS.
 *
 * sco.html loads course.js, one version adapter (scorm12.js or scorm2004.js, which
 * define window.LearnpackScormVersion) and this file. It finds the LMS API, starts the
 * session, restores the learner's state from suspend_data, shows the bookmarked page in
 * a frame, and offers the pages a store (window.LearnpackSCO.store) that turns what
 * they report into SCORM data. Without an LMS the pages fall back to localStorage.
 */
(function () {
  "use strict";

  var course = window.LEARNPACK_COURSE;
  var version = window.LearnpackScormVersion;
  var frame = document.querySelector(".sco-frame");
  var statusLine = document.querySelector(".sco-status");
  var IDS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var B36 = "0123456789abcdefghijklmnopqrstuvwxyz";

  var pages = [];
  course.modules.forEach(function (m) { pages = pages.concat(m.pages); });
  var quizIds = Object.keys(course.quizzes).sort(function (a, b) { return order(a) - order(b); });
  function order(quizId) {
    for (var i = 0; i < pages.length; i++) if (pages[i].quizzes.indexOf(quizId) >= 0) return i;
    return pages.length;
  }
  var pageByKey = {};
  pages.forEach(function (p) { pageByKey[p.key] = p; });
  var quizByKey = {};
  var questionByKey = {};
  var questionById = {};
  quizIds.forEach(function (id) {
    var quiz = course.quizzes[id];
    quizByKey[quiz.key] = id;
    quiz.questions.forEach(function (q) { questionByKey[q.key] = q; questionById[q.id] = q; });
  });

  /* ---- finding the API: this window and its parents, then the opener's ---- */

  function findApi(name) {
    function climb(win) {
      for (var hops = 0; win && hops < 16; hops++) {
        try { if (win[name]) return win[name]; } catch (e) { /* another origin: look further up */ }
        var parent = null;
        try { parent = win.parent; } catch (e) { parent = null; }
        if (!parent || parent === win) return null;
        win = parent;
      }
      return null;
    }
    var api = climb(window);
    if (!api) {
      try { api = window.opener ? climb(window.opener) : null; } catch (e) { api = null; }
    }
    return api;
  }

  /* ---- the compact suspend_data encoding (see learnpack/scorm/suspend.py) ---- */

  function b36(n, width) {
    var s = "";
    for (var i = 0; i < width; i++) { s = B36.charAt(n % 36) + s; n = Math.floor(n / 36); }
    return s;
  }

  function encodeAnswer(q, value) {
    switch (q.kind) {
      case "single": return value;
      case "truefalse": return value === "true" ? "t" : "f";
      case "multiple":
        return value.reduce(function (mask, id) { return mask + Math.pow(2, IDS.indexOf(id)); }, 0).toString(36);
      case "ordering":
        return IDS.slice(0, q.size).split("").map(function (id) {
          return value[id] ? B36.charAt(Number(value[id])) : "_";
        }).join("");
      case "matching":
        var out = "";
        for (var i = 0; i < q.size; i++) {
          out += value["l" + i] ? B36.charAt(Number(value["l" + i].slice(1))) : "_";
        }
        return out.replace(/_+$/, "");
      case "reflection": return String(value).slice(0, course.reflectionMax);
      default: return String(value).slice(0, course.textMax);
    }
  }

  function decodeAnswer(q, text) {
    switch (q.kind) {
      case "single": return text;
      case "truefalse": return text === "t" ? "true" : "false";
      case "multiple":
        var mask = parseInt(text, 36);
        return IDS.slice(0, q.size).split("").filter(function (id, i) { return mask & Math.pow(2, i); });
      case "ordering":
        var positions = {};
        text.split("").forEach(function (c, i) { if (c !== "_") positions[IDS.charAt(i)] = String(B36.indexOf(c)); });
        return positions;
      case "matching":
        var pairs = {};
        text.split("").forEach(function (c, i) { if (c !== "_") pairs["l" + i] = "r" + B36.indexOf(c); });
        return pairs;
      default: return text;
    }
  }

  function encode(state) {
    var visited = pages.filter(function (p) { return state.visited[p.id]; }).map(function (p) { return p.key; }).join("");
    var last = pages.filter(function (p) { return p.id === state.last; }).map(function (p) { return p.key; }).join("");
    var quizzes = "";
    var answers = "";
    quizIds.forEach(function (id) {
      var quiz = course.quizzes[id];
      var qs = state.quizzes[id];
      if (!qs) return;
      var drawn = (qs.drawn || []).filter(function (qid) { return questionById[qid]; })
        .map(function (qid) { return questionById[qid].key; });
      if (qs.used || qs.checked || drawn.length) {
        quizzes += quiz.key + b36(Math.min(qs.used || 0, 35), 1) + (qs.checked ? "1" : "0") + b36(qs.score || 0, 2) +
          (quiz.draw ? b36(drawn.length, 2) + drawn.join("") : "");
      }
      quiz.questions.forEach(function (q) {
        var value = qs.answers && qs.answers[q.id];
        if (value === undefined || value === null) return;
        var text = encodeAnswer(q, value);
        answers += q.key + (text.length < 35 ? B36.charAt(text.length) : "z" + b36(text.length, 2)) + text;
      });
    });
    return ["1", visited, last, quizzes, answers].join("|");
  }

  function decode(text) {
    var state = { v: 1, visited: {}, quizzes: {} };
    var parts = String(text || "").split("|");
    if (parts[0] !== "1" || parts.length < 5) return null;
    var answers = parts.slice(4).join("|");
    chunks(parts[1], 3).forEach(function (key) { if (pageByKey[key]) state.visited[pageByKey[key].id] = 1; });
    if (pageByKey[parts[2]]) state.last = pageByKey[parts[2]].id;
    var q = parts[3];
    var owner = {};
    quizIds.forEach(function (id) {
      course.quizzes[id].questions.forEach(function (x) { owner[x.key] = id; });
    });
    for (var i = 0; i + 7 <= q.length;) {
      var quizId = quizByKey[q.substr(i, 3)];
      if (!quizId) break; // a quiz removed since: the rest cannot be read reliably
      var draws = Boolean(course.quizzes[quizId].draw);
      var count = draws ? parseInt(q.substr(i + 7, 2), 36) : 0;
      var drawn = chunks(q.substr(i + 9, 3 * count), 3).map(function (k) { return questionByKey[k] && questionByKey[k].id; });
      state.quizzes[quizId] = { attempt: 1, used: parseInt(q.charAt(i + 3), 36), checked: q.charAt(i + 4) === "1",
        score: parseInt(q.substr(i + 5, 2), 36), drawn: count ? drawn.filter(Boolean) : null, answers: {} };
      i += 7 + (draws ? 2 + 3 * count : 0);
    }
    for (var j = 0; j + 4 <= answers.length;) {
      var key = answers.substr(j, 3);
      var long = answers.charAt(j + 3) === "z";
      var length = long ? parseInt(answers.substr(j + 4, 2), 36) : B36.indexOf(answers.charAt(j + 3));
      var start = j + (long ? 6 : 4);
      var question = questionByKey[key];
      if (question && owner[key]) {
        var record = state.quizzes[owner[key]] ||
          (state.quizzes[owner[key]] = { attempt: 1, used: 0, checked: false, score: 0, drawn: null, answers: {} });
        record.answers[question.id] = decodeAnswer(question, answers.substr(start, length));
      }
      j = start + length;
    }
    return state;
  }

  function chunks(text, size) {
    var out = [];
    for (var i = 0; i + size <= text.length; i += size) out.push(text.substr(i, size));
    return out;
  }

  /* ---- status, score and interactions ---------------------------------------- */

  function summary(state) {
    var visited = pages.filter(function (p) { return state.visited[p.id]; }).length;
    var scored = quizIds.filter(function (id) { return course.quizzes[id].asked > 0; });
    var asked = 0;
    var correct = 0;
    var answered = scored.length > 0 && scored.every(function (id) {
      var qs = state.quizzes[id];
      return qs && qs.used > 0;
    });
    scored.forEach(function (id) {
      var quiz = course.quizzes[id];
      var qs = state.quizzes[id] || {};
      asked += quiz.asked;
      correct += Math.round((qs.score || 0) * quiz.asked / 100);
    });
    var score = asked ? Math.round(100 * correct / asked) : 0;
    return { progress: pages.length ? visited / pages.length : 1, complete: visited === pages.length,
      answered: answered, score: score, passed: answered && score >= course.passMark };
  }

  function neutralResponse(kind, value) {
    if (kind === "single") return [value];
    if (kind === "ordering") {
      return Object.keys(value).sort(function (a, b) { return value[a] - value[b]; });
    }
    if (kind === "matching") {
      return Object.keys(value).sort().map(function (left) {
        return [IDS.charAt(Number(left.slice(1))), IDS.charAt(Number(value[left].slice(1)))];
      });
    }
    if (kind === "numeric") {
      var n = String(value).replace(/\s/g, "").replace("−", "-").replace(",", ".");
      return /^-?\d+(\.\d+)?$/.test(n) ? String(parseFloat(n)) : String(value);
    }
    return value;
  }

  function correctResponses(key) {
    switch (key.kind) {
      case "single": case "multiple": return [key.correct];
      case "truefalse": return [key.correct];
      case "text": return key.accept;
      case "numeric": return key.ranges;
      case "ordering": return [key.order];
      case "matching":
        return [Object.keys(key.pairs).sort().map(function (left) {
          return [IDS.charAt(Number(left.slice(1))), IDS.charAt(Number(key.pairs[left].slice(1)))];
        })];
    }
    return [];
  }

  /* ---- the session -------------------------------------------------------------- */

  var api = findApi(version.apiName);
  var started = Date.now();
  var finished = false;
  var state = null;
  var interactionCount = 0;
  var language = course.language; // the language shown; with several in the package, the learner's choice

  function set(name, value) {
    if (!api || finished) return false;
    var ok = String(version.setValue(api, name, String(value))) === "true";
    if (!ok && window.console) window.console.warn("learnpack: LMS refused " + name + " = " + value + ": " + version.lastError(api));
    return ok;
  }

  function get(name) { return api ? String(version.getValue(api, name)) : ""; }

  function commit() { if (api && !finished) version.commit(api); }

  function saveState(newState) {
    state = JSON.parse(JSON.stringify(newState)); // a copy: the page that sent it may unload any moment
    if (!api || finished) return;
    var data = encode(state);
    if (data.length > version.suspendLimit) {
      window.console.warn("learnpack: state too long for suspend_data (" + data.length + ")");
      return;
    }
    set(version.names.suspend, data);
    if (state.last) set(version.names.location, state.last.slice(0, version.locationLimit));
  }

  function updateStatus() {
    if (state) version.status(set, summary(state));
  }

  function finish(explicit) {
    if (finished || !api) return;
    var s = state ? summary(state) : { complete: false, answered: false };
    var done = s.complete && (s.answered || !quizIds.some(function (id) { return course.quizzes[id].asked > 0; }));
    updateStatus();
    version.exit(set, Date.now() - started, done);
    version.commit(api);
    version.terminate(api);
    finished = true;
    if (explicit) {
      frame.hidden = true;
      statusLine.hidden = false;
      statusLine.textContent = course.strings["exit.done"];
    }
  }

  var store = {
    load: function () { return state && JSON.parse(JSON.stringify(state)); },
    save: saveState,
    clear: function () { state = { v: 1, visited: {}, quizzes: {} }; saveState(state); commit(); },
    canExit: true,
    report: function (event, detail) {
      if (event === "page") {
        if (detail.language && detail.language !== language) {
          language = detail.language; // the learner switched language: remember it in the LMS
          set(version.names.language, language);
        }
        updateStatus();
        commit();
      } else if (event === "answer") {
        var question = questionById[detail.question];
        version.interaction(set, interactionCount++, {
          id: question.iid, kind: detail.kind, language: language, description: detail.stem,
          response: neutralResponse(detail.kind, detail.value), correct: correctResponses(detail.key),
          caseSensitive: detail.key["case"],
          result: detail.kind === "reflection" ? "neutral" : detail.correct ? "correct" : "incorrect"
        });
      } else if (event === "quiz") {
        updateStatus();
        commit();
      }
    },
    finish: function (explicit) { finish(explicit !== false); }
  };

  function start() {
    if (api && String(version.initialize(api)) === "true") {
      state = decode(get(version.names.suspend));
      interactionCount = parseInt(get("cmi.interactions._count"), 10) || 0;
      var preferred = get(version.names.language);
      if (course.languages.indexOf(preferred) >= 0) language = preferred;
      set(version.names.language, language);
      window.LearnpackSCO = { store: store, encode: encode, decode: decode, summary: function () { return summary(state || { visited: {}, quizzes: {} }); } };
      updateStatus();
      commit();
    } else {
      api = null; // no LMS: the pages keep their own localStorage store
    }
    var last = state && pages.filter(function (p) { return p.id === state.last; })[0];
    frame.src = language + "/" + (last ? last.href : "index.html");
    frame.hidden = false;
    statusLine.hidden = true;
  }

  window.addEventListener("pagehide", function () { finish(false); });
  start();
})();
