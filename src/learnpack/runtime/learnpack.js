/* learnpack learner runtime, the course shell: progress, table of contents, language menu, exit.
 * The quiz engine is quiz.js; the build joins what a page needs into one script.
 *
 * Plain JavaScript, no framework. It reads the course's id, page count and interface strings from
 * window.LEARNPACK_COURSE (assets/shell.<lang>.js) and keeps all state through
 * window.LearnpackStore (localStorage, or a SCORM adapter inside an LMS). The outline
 * (assets/course.<lang>.js), which grows with the course, loads when the table of contents first
 * opens: a page weighs the same in a course of any size.
 *
 * State: { v: 1, last: pageId, visited: {pageId: 1},
 *          quizzes: {quizId: {attempt, used, drawn, answers, checked, score, passed, best, results}},
 *          completed: day (progress.js) }
 * (best: the best score of any attempt; a retry never takes a pass away.)
 *
 * The store is told what happened (report): "page" when a page is shown, "change" when
 * the learner has finished changing an answer (left a text field, ticked a box), "answer"
 * and "quiz" when a quiz is checked. An LMS store sends its data on these events only.
 */
(function () {
  "use strict";

  var course = window.LEARNPACK_COURSE; // the shell's data, not the outline
  var store = window.LearnpackStore;
  var t = course.strings;
  var state = normalise(store.load());
  var root = document.body.getAttribute("data-root") || "";
  var pageId = document.body.getAttribute("data-page");
  var total = course.pageCount;
  /* The course's pages ({id, href, quizzes}) once known: the start page lists them, the outline has them. */
  var allPages = listedPages();

  function normalise(loaded) {
    var s = loaded && loaded.v === 1 ? loaded : { v: 1 };
    s.visited = s.visited || {};
    s.quizzes = s.quizzes || {};
    return s;
  }

  var numbers = window.Intl ? new Intl.NumberFormat(document.documentElement.lang || course.language) : null;

  /* Fill {name} placeholders; numbers are written the way the page's language writes them. */
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      if (!(name in values)) return all;
      return typeof values[name] === "number" && numbers ? numbers.format(values[name]) : values[name];
    });
  }

  /* The plural form of a message for n, from the catalog's rule (precomputed: CSP forbids eval). */
  function plural(key, n, values) {
    var entry = course.plurals && course.plurals[key];
    if (!entry) return format(t[key], values);
    var index = Number(entry.table.charAt(n < 200 ? n : 100 + (n % 100)));
    return format(entry.forms[Math.min(index, entry.forms.length - 1)], values);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function save() { store.save(state); }

  /* Text in another language than the page's says so (WCAG 3.1.2); directions: the outline's. */
  function inLanguage(node, lang, directions) {
    if (lang && lang !== document.documentElement.lang) {
      node.setAttribute("lang", lang);
      node.setAttribute("dir", directions && directions[lang] || "auto");
    }
    return node;
  }

  /* The pages the start page lists (null elsewhere): what its progress and status are made of. */
  function listedPages() {
    var items = document.querySelectorAll(".pages li[data-page]");
    if (!items.length) return null;
    return [].map.call(items, function (li) {
      var link = li.querySelector("a");
      return { id: li.getAttribute("data-page"), href: link ? link.getAttribute("href") : "",
        quizzes: (li.getAttribute("data-quizzes") || "").split(" ").filter(Boolean), item: li };
    });
  }

  /* Pages read; until the pages are known, every page in the state (pages since removed from the
     course may linger in localStorage: at most all). */
  function visitedCount() {
    if (allPages) return allPages.filter(function (p) { return state.visited[p.id]; }).length;
    return Math.min(Object.keys(state.visited).length, total);
  }

  function complete() { return visitedCount() === total; }

  /* ---- pages and the table of contents --------------------------------- */

  function visitPage() {
    if (!pageId) return;
    state.visited[pageId] = 1;
    state.last = pageId;
  }

  function reportPage() {
    save();
    store.report("page", { page: pageId, progress: total ? visitedCount() / total : 1, complete: complete(),
      language: document.documentElement.lang });
  }

  /* A question answered on the page itself, never with window.confirm (blocked in many LMS frames). */
  function confirmInline(after, question, yesLabel, onYes) {
    var open = document.querySelector(".confirm");
    if (open) open.remove();
    var box = el("div", { "class": "confirm", role: "group", "aria-labelledby": "confirm-question" });
    box.appendChild(el("p", { id: "confirm-question" }, question));
    var actions = el("p", { "class": "confirm-actions" });
    var yes = el("button", { type: "button", "class": "button primary" }, yesLabel);
    var no = el("button", { type: "button", "class": "button" }, t.cancel);
    actions.appendChild(yes);
    actions.appendChild(no);
    box.appendChild(actions);
    after.parentNode.insertBefore(box, after.nextSibling);
    yes.addEventListener("click", function () { box.remove(); onYes(); });
    function close() { box.remove(); after.focus(); }
    no.addEventListener("click", close);
    box.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
    yes.focus();
  }

  /* The language of an element's text: its own span's (a text shown untranslated), or the nearest. */
  function languageOf(node) {
    var inner = node.firstElementChild;
    if (inner && inner.hasAttribute("lang") && inner.textContent.trim() === node.textContent.trim()) {
      return inner.getAttribute("lang");
    }
    return node.closest("[lang]").getAttribute("lang");
  }

  /* In an LMS visit that records nothing (review, preview), say so on every page. */
  function notRecordedNotice() {
    var main = document.querySelector("main");
    if (store.recording !== false || !main) return;
    main.insertBefore(el("p", { "class": "lms-notice", role: "note" }, t["lms.not_recorded"]), main.firstChild);
  }

  function pageStatus(page) {
    var status = state.visited[page.id] ? t["status.visited"] : t["status.unvisited"];
    page.quizzes.forEach(function (id) {
      var q = state.quizzes[id];
      if (q && q.checked) status += " · " + (q.passed ? t["status.passed"] : t["status.failed"]);
    });
    return status;
  }

  /* ---- the table of contents ----------------------------------------- */

  function tocList(outline) {
    var list = el("ol", { "class": "toc-modules" });
    outline.modules.forEach(function (module, index) {
      var item = el("li");
      var heading = el("p", { "class": "toc-module" }, t.module + " " + (index + 1) + ": ");
      heading.appendChild(inLanguage(el("span", {}, module.title), module.lang, outline.directions));
      item.appendChild(heading);
      var pages = el("ol");
      module.pages.forEach(function (page) {
        var li = el("li", { "class": state.visited[page.id] ? "visited" : "" });
        var link = inLanguage(el("a", { href: root + page.href }, page.title), page.lang, outline.directions);
        if (page.id === pageId) link.setAttribute("aria-current", "page");
        li.appendChild(link);
        li.appendChild(el("span", { "class": "visually-hidden" }, " (" +
          (page.id === pageId ? t["status.current"] + ", " : "") + pageStatus(page) + ")"));
        pages.appendChild(li);
      });
      item.appendChild(pages);
      list.appendChild(item);
    });
    return list;
  }

  /* What the table of contents says when its outline did not load, with the way to every page. */
  function tocUnavailable() {
    var box = el("div", { "class": "toc-unavailable" });
    box.appendChild(el("p", { tabindex: "-1" }, t["toc.unavailable"]));
    if (pageId) {
      var home = el("p");
      home.appendChild(el("a", { href: root + "index.html" }, t.home));
      box.appendChild(home);
    }
    return box;
  }

  /* The outline, by a script element added now: it loads from file:// and under script-src 'self'
     (fetch does neither). It sets window.LEARNPACK_COURSE; the page keeps the shell's. */
  function loadOutline(src, done) {
    if (!src) return done(null);
    var script = el("script", { src: src });
    function finish(outline) {
      script.remove();
      window.LEARNPACK_COURSE = course;
      done(outline && outline !== course && outline.modules && outline.id === course.id ? outline : null);
    }
    script.addEventListener("load", function () { finish(window.LEARNPACK_COURSE); });
    script.addEventListener("error", function () { finish(null); });
    document.head.appendChild(script);
  }

  function setupToc() {
    var toc = document.getElementById("toc");
    var toggle = document.querySelector(".toc-toggle");
    if (!toc || !toggle) return;
    var loading = false;
    toggle.hidden = false;
    function focusInside() {
      var target = toc.querySelector("[aria-current]") || toc.querySelector("a, [tabindex]");
      if (target) target.focus();
    }
    function fill() {
      loading = true;
      var failed = toc.querySelector(".toc-unavailable");
      if (failed) failed.remove(); // opened again: try again
      toc.setAttribute("aria-busy", "true");
      loadOutline(toc.getAttribute("data-outline"), function (outline) {
        loading = false;
        toc.removeAttribute("aria-busy");
        if (outline) {
          allPages = [].concat.apply([], outline.modules.map(function (m) { return m.pages; }));
          toc.appendChild(tocList(outline));
        } else {
          toc.appendChild(tocUnavailable());
        }
        if (!toc.hidden) focusInside();
      });
    }
    function setOpen(open) {
      toc.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (!open || loading) return;
      if (toc.querySelector(".toc-modules")) focusInside(); else fill();
    }
    toggle.addEventListener("click", function () { setOpen(toc.hidden); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !toc.hidden) { setOpen(false); toggle.focus(); }
    });
  }

  function startPage() {
    var progress = document.querySelector(".course-progress");
    if (!progress) return;
    var done = visitedCount();
    progress.hidden = false;
    progress.querySelector("progress").value = done;
    var line = progress.querySelector(".progress-text");
    line.textContent = plural("progress.pages", total, { done: done, total: total });
    if (complete()) line.appendChild(el("span", { "class": "progress-complete" }, t["course.complete"])); // a line of its own
    (allPages || []).forEach(function (page) {
      var status = page.item.querySelector(".page-status");
      if (state.visited[page.id]) page.item.classList.add("visited");
      if (status) status.textContent = pageStatus(page);
    });
    var start = document.querySelector(".start-link");
    var last = (allPages || []).filter(function (p) { return p.id === state.last; })[0];
    if (start && last) {
      start.href = root + last.href;
      start.textContent = start.getAttribute("data-continue");
    }
    var restart = document.querySelector(".restart");
    if (restart && done > 0) {
      restart.hidden = false;
      restart.addEventListener("click", function () {
        confirmInline(restart.parentNode, t["restart.confirm"], t.restart, function () {
          store.clear();
          state = normalise(null);
          window.location.reload();
        });
      });
    }
  }

  /* ---- a module's summary (cards and results: progress.js); data-scored="id:pass:asked …" ---- */
  function scoredQuizzes(node) {
    return (node.getAttribute("data-scored") || "").split(" ").filter(Boolean).map(function (entry) {
      var p = entry.split(":");
      return { id: p[0], pass: +p[1], asked: +p[2] };
    });
  }

  /* null: never checked. Passed: the best attempt reached the pass mark (the SCO's rule). */
  function bestScore(quiz) {
    var qs = state.quizzes[quiz.id];
    return qs && (qs.used || qs.checked) ? qs.best || 0 : null;
  }

  function quizPassed(quiz) { return bestScore(quiz) !== null && bestScore(quiz) >= quiz.pass; }

  function quizStatus(quiz, texts) {
    var best = bestScore(quiz);
    return best === null ? texts.getAttribute("data-untaken") : format(texts.getAttribute("data-best"), { percent: best }) +
      " – " + t[quizPassed(quiz) ? "status.passed" : "status.failed"];
  }

  function readCount(ids) { return ids.filter(function (id) { return state.visited[id]; }).length; }

  function moduleSummary() {
    var box = document.querySelector(".module-summary");
    if (!box) return;
    var line = box.querySelector(".summary-pages");
    line.textContent = format(line.getAttribute("data-read"), { done: readCount(box.getAttribute("data-pages").split(" ")) });
    scoredQuizzes(box).forEach(function (quiz) {
      box.querySelector("[data-quiz='" + quiz.id + "'] .quiz-status").textContent = quizStatus(quiz, box);
    });
    box.hidden = false;
  }

  /* The language menu (a <details>) closes on Escape (focus back on its button), on a tap or
     click outside it, and when focus leaves it. */
  document.querySelectorAll("details.language-menu").forEach(function (menu) {
    var summary = menu.querySelector("summary");
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) { menu.open = false; summary.focus(); }
    });
    menu.addEventListener("focusout", function (event) {
      if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) menu.open = false;
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  });

  /* On paper nothing opens: closed hints are opened to print and closed again after (for the
     browsers whose print styles cannot show a closed <details>). */
  var openedToPrint = [];
  window.addEventListener("beforeprint", function () {
    openedToPrint = [].filter.call(document.querySelectorAll("details.hint"), function (hint) { return !hint.open; });
    openedToPrint.forEach(function (hint) { hint.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedToPrint.forEach(function (hint) { hint.open = false; });
    openedToPrint = [];
  });

  /* A language chosen in the menu is the one the start page opens next time; the place on the
     page comes along (headings keep their ids in every language). */
  document.querySelectorAll(".language-menu a[data-lang]").forEach(function (link) {
    link.addEventListener("click", function () {
      if (window.location.hash) link.setAttribute("href", link.getAttribute("href").split("#")[0] + window.location.hash);
      try {
        window.localStorage.setItem("learnpack:" + course.id + ":language", link.getAttribute("data-lang"));
      } catch (e) { /* not kept */ }
    });
  });

  visitPage();
  notRecordedNotice();
  setupToc();
  startPage();
  moduleSummary();
  if (window.LearnpackProgress) {
    window.LearnpackProgress({ state: state, save: save, format: format, store: store, course: course, allPages: allPages,
      scored: scoredQuizzes, passed: quizPassed, best: bestScore, status: quizStatus, read: readCount });
  }
  if (window.LearnpackQuiz) {  // quiz.js: the quiz engine, on pages that have quizzes
    var setupQuiz = window.LearnpackQuiz({ state: state, save: save, t: t, format: format, plural: plural, el: el,
      store: store, languageOf: languageOf, complete: complete, checked: moduleSummary });
    document.querySelectorAll("form.quiz").forEach(setupQuiz);
  }
  reportPage();
  var exit = document.querySelector(".exit-button");
  if (exit && store.canExit) {
    exit.hidden = false;
    exit.addEventListener("click", function () {
      confirmInline(exit.closest(".site-header"), t["exit.confirm"], t.exit, function () {
        var html = document.documentElement;
        store.finish({ saved: t["exit.done"], ended: t["exit.ended"], lang: html.lang, dir: html.dir });
      });
    });
  }
  window.Learnpack = { state: function () { return state; }, complete: complete };
  document.body.setAttribute("data-learnpack", "ready"); // set up: state restored, visit counted
})();
