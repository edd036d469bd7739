/* learnpack SCO runtime: the one connection between the course and the LMS.
 *
 * sco.html loads course.js, the version's facts (scorm-version.js, written by the build),
 * one version adapter (scorm12.js or scorm2004.js, which define window.LearnpackScormVersion),
 * suspend.js, kinds.js (numbers.js and the question kinds, kinds/*.js), languages.js and this file. It finds the LMS API,
 * starts the session, restores the learner's state, shows the bookmarked page in a
 * frame, and offers the pages a store (window.LearnpackSCO.store). Without an LMS the
 * pages fall back to localStorage.
 *
 * What the LMS holds is the learner's record, so this file:
 * - reads the stored status, score and progress at start and never writes lower ones;
 * - writes nothing in a visit in review or browse mode or without credit (Moodle's
 *   review after an attempt, and its preview), and tells the learner so;
 * - numbers new interactions after every earlier one (its own count, _count, and in 2004
 *   the journal itself), so a later session appends and never overwrites;
 * - sends a value only when it changed, and commits once per event (page, answer, quiz, exit);
 * - guards every LMS call: a missing or failing function never stops the course or the exit.
 */
(function () {
  "use strict";

  var course = window.LEARNPACK_COURSE;
  var version = window.LearnpackScormVersion;
  var codec = window.LearnpackSuspend(course);
  var frame = document.querySelector(".sco-frame");
  var statusLine = document.querySelector(".sco-status");
  var Kinds = window.LearnpackKinds; // kinds/*.js: each kind's SCORM response
  var suspendLimit = version.suspendLimit; // as built: the standard's, or what --scorm12-suspend-limit says

  var pages = [];
  course.modules.forEach(function (m) { pages = pages.concat(m.pages); });
  var quizIds = Object.keys(course.quizzes);
  var scoredQuizIds = quizIds.filter(function (id) { return course.quizzes[id].asked > 0; });
  var questionById = {};
  quizIds.forEach(function (id) {
    course.quizzes[id].questions.forEach(function (q) { questionById[q.id] = q; });
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

  /* ---- languages ---------------------------------------------------------------- */

  /* The package language that fits an LMS preference (languages.js). */
  function matchLanguage(preferred, available) {
    return window.LearnpackLanguage.match(preferred, available, course.languageAliases);
  }

  /* ---- status, score and interactions ---------------------------------------- */

  /* A quiz is finished when passed (its best attempt) or when every attempt is used. */
  function finishedQuiz(id, qs) {
    var quiz = course.quizzes[id];
    if (!qs) return false;
    return (qs.best || 0) >= quiz.pass || (Boolean(quiz.attempts) && (qs.used || 0) >= quiz.attempts);
  }

  function summary(state) {
    var visited = pages.filter(function (p) { return state.visited[p.id]; }).length;
    var finished = scoredQuizIds.filter(function (id) { return finishedQuiz(id, state.quizzes[id]); }).length;
    var answered = scoredQuizIds.every(function (id) {
      var qs = state.quizzes[id];
      return qs && qs.used > 0;
    });
    var asked = 0;
    var points = 0;
    scoredQuizIds.forEach(function (id) {
      var quiz = course.quizzes[id];
      var qs = state.quizzes[id] || {};
      asked += quiz.asked;
      points += (qs.best || 0) * quiz.asked;
    });
    var score = asked ? Math.round(points / asked) : 0;
    var steps = pages.length + scoredQuizIds.length;
    return {
      progress: steps ? (visited + finished) / steps : 1,
      complete: visited === pages.length && finished === scoredQuizIds.length,
      scored: scoredQuizIds.length > 0,
      answered: answered,
      score: score,
      passed: answered && score >= course.passMark
    };
  }

  /* ---- the session -------------------------------------------------------------- */

  var api = findApi(version.apiName);
  var started = Date.now();
  var finished = false;
  var recording = false; // normal mode with credit: the only visits whose data the LMS should keep
  var state = null;
  var nextInteraction = 0;
  var known = {}; // element -> the value the LMS holds, as read at start or last sent
  var pending = false; // values sent since the last commit
  var language = course.language; // the language shown; with several in the package, the learner's choice

  /* Every call to the LMS goes through here: an error or a missing function is logged, never thrown. */
  function call(name, args) {
    try {
      return String(version[name].apply(version, [api].concat(args || [])));
    } catch (e) {
      if (window.console) window.console.warn("learnpack: LMS call " + name + " failed: " + e);
      return "";
    }
  }

  function get(name) { return api ? call("getValue", [name]) : ""; }

  function knownValue(name) { return name in known ? known[name] : ""; }

  /* Send one value if the LMS does not hold it already. */
  function put(name, value) {
    value = String(value);
    if (!api || !recording || finished || known[name] === value) return;
    var ok = call("setValue", [name, value]) === "true";
    if (!ok && window.console) window.console.warn("learnpack: LMS refused " + name + " = " + value + ": " + call("lastError"));
    known[name] = value;
    pending = true;
  }

  function putAll(pairs) { pairs.forEach(function (pair) { put(pair[0], pair[1]); }); }

  /* Send what the state says now: the state itself, the location and the status. */
  function stage() {
    if (!api || !recording || finished || !state) return;
    var data = codec.encode(state, Math.min(nextInteraction, codec.interactionLimit));
    if (data.length <= suspendLimit) put(version.names.suspend, data);
    else if (window.console) window.console.warn("learnpack: state too long for suspend_data (" + data.length + ")");
    if (state.last) put(version.names.location, state.last.slice(0, version.locationLimit));
    putAll(version.status(summary(state), knownValue));
  }

  /* Commit what was sent since the last commit, if anything; true when the LMS took it. */
  function commit() {
    if (!pending) return true;
    pending = false;
    return call("commit") === "true";
  }

  /* The writes of one event, under one commit. */
  function flush() {
    stage();
    commit();
  }

  function journal(detail) {
    var question = questionById[detail.question];
    if (!question || !recording) return;
    if (nextInteraction >= codec.interactionLimit) return; // the state counts no further: never overwrite one
    var kind = Kinds.of(detail.kind);
    var answered = detail.value !== undefined && detail.value !== null;
    putAll(version.interaction(nextInteraction, {
      id: question.iid, type: kind.interaction, scored: kind.scored,
      language: detail.stemLanguage || language, description: detail.stem,
      response: answered ? kind.response(detail.value, course.choiceIds) : null,
      correct: kind.correct(detail.key, course.choiceIds), caseSensitive: detail.key["case"],
      result: !kind.scored ? "neutral" : detail.correct ? "correct" : "incorrect"
    }));
    nextInteraction += 1;
  }

  /* End the session once, the last writes and the exit under one commit; with a message (the
   * Exit button), show it in place of the course, whatever the LMS did. */
  function finish(message) {
    var saved = recording;
    if (!finished && api) {
      try {
        stage();
        if (recording) {
          putAll(version.exit(Date.now() - started));
          saved = commit();
        }
      } catch (e) {
        saved = false;
        if (window.console) window.console.warn("learnpack: the last writes failed: " + e);
      } finally {
        finished = true;
        call("terminate");
      }
    }
    finished = true;
    if (message) {
      frame.hidden = true;
      statusLine.hidden = false;
      statusLine.setAttribute("lang", message.lang || language);
      statusLine.setAttribute("dir", message.dir || "auto");
      statusLine.textContent = saved ? message.saved : message.ended;
    }
  }

  var store = {
    load: function () { return state && JSON.parse(JSON.stringify(state)); },
    /* Keep the page's state; it reaches the LMS with the next event. */
    save: function (newState) { state = JSON.parse(JSON.stringify(newState)); },
    clear: function () { state = { v: 1, visited: {}, quizzes: {} }; flush(); },
    canExit: true,
    recording: true,
    report: function (event, detail) {
      if (event === "answer") {
        journal(detail);
        return; // committed with the quiz that follows
      }
      if (event === "page" && detail.language && detail.language !== language) {
        language = detail.language; // the learner chose another language: remember it in the LMS
        put(version.names.language, language);
      }
      flush(); // "page", "quiz", "change": one batch each
    },
    finish: function (message) { finish(message || null); }
  };

  function readMode() {
    var mode = get(version.names.mode);
    var credit = get(version.names.credit);
    return mode !== "review" && mode !== "browse" && credit !== "no-credit";
  }

  function firstFreeInteraction(fromState) {
    var next = Math.max(fromState || 0, parseInt(get(version.names.count), 10) || 0);
    if (version.probeInteractions) {
      while (next < 100000 && get("cmi.interactions." + next + ".id") !== "") next += 1;
    }
    return next;
  }

  function start() {
    if (api && call("initialize") === "true") {
      recording = readMode();
      store.recording = recording;
      var stored = get(version.names.suspend);
      state = codec.decode(stored) || { v: 1, visited: {}, quizzes: {} };
      known[version.names.suspend] = stored;
      known[version.names.location] = get(version.names.location);
      version.stored.forEach(function (name) { known[name] = get(name); });
      store.learnerName = get(version.names.name); // "Last, First": the certificate shows "First Last"
      nextInteraction = firstFreeInteraction(state.next);
      delete state.next;
      var preferred = matchLanguage(get(version.names.language), course.languages);
      if (preferred) language = preferred;
      window.LearnpackSCO = { store: store, codec: codec, summary: function () { return summary(state); } };
      flush();
    } else {
      api = null; // no LMS: the pages keep their own localStorage store
    }
    var last = state && pages.filter(function (p) { return p.id === state.last; })[0];
    frame.src = language + "/" + (last ? last.href : "index.html");
    frame.hidden = false;
    statusLine.hidden = true;
  }

  window.addEventListener("pagehide", function () { finish(null); });
  start();
})();
