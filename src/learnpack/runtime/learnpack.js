/* learnpack learner runtime, the course shell: progress, table of contents, language menu, exit.
 * The quiz engine is quiz.js; the build joins what a page needs into one script.
 *
 * Plain JavaScript, no framework. It reads the course outline from
 * window.LEARNPACK_COURSE (assets/course.js) and keeps all state through
 * window.LearnpackStore (localStorage, or a SCORM adapter inside an LMS).
 *
 * State: { v: 1, last: pageId, visited: {pageId: 1},
 *          quizzes: {quizId: {attempt, used, drawn, answers, checked, score, passed, best, results}} }
 * (best: the best score of any attempt; a retry never takes a pass away.)
 *
 * The store is told what happened (report): "page" when a page is shown, "change" when
 * the learner has finished changing an answer (left a text field, ticked a box), "answer"
 * and "quiz" when a quiz is checked. An LMS store sends its data on these events only.
 */
(function () {
  "use strict";

  var course = window.LEARNPACK_COURSE;
  var store = window.LearnpackStore;
  var t = course.strings;
  var state = normalise(store.load());
  var root = document.body.getAttribute("data-root") || "";
  var pageId = document.body.getAttribute("data-page");
  var allPages = [];
  course.modules.forEach(function (m) { allPages = allPages.concat(m.pages); });

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

  /* Text in another language than the page's says so (WCAG 3.1.2). */
  function inLanguage(node, lang) {
    if (lang && lang !== document.documentElement.lang) {
      node.setAttribute("lang", lang);
      node.setAttribute("dir", course.directions && course.directions[lang] || "auto");
    }
    return node;
  }

  function visitedCount() {
    return allPages.filter(function (p) { return state.visited[p.id]; }).length;
  }

  function complete() { return visitedCount() === allPages.length; }

  /* ---- pages and the table of contents --------------------------------- */

  function visitPage() {
    if (!pageId) return;
    state.visited[pageId] = 1;
    state.last = pageId;
  }

  function reportPage() {
    save();
    store.report("page", { page: pageId, progress: visitedCount() / allPages.length, complete: complete(),
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

  function buildToc() {
    var toc = document.getElementById("toc");
    var toggle = document.querySelector(".toc-toggle");
    if (!toc || !toggle) return;
    var list = el("ol", { "class": "toc-modules" });
    course.modules.forEach(function (module, index) {
      var item = el("li");
      var heading = el("p", { "class": "toc-module" }, t.module + " " + (index + 1) + ": ");
      heading.appendChild(inLanguage(el("span", {}, module.title), module.lang));
      item.appendChild(heading);
      var pages = el("ol");
      module.pages.forEach(function (page) {
        var li = el("li", { "class": state.visited[page.id] ? "visited" : "" });
        var link = inLanguage(el("a", { href: root + page.href }, page.title), page.lang);
        if (page.id === pageId) link.setAttribute("aria-current", "page");
        li.appendChild(link);
        li.appendChild(el("span", { "class": "visually-hidden" }, " (" +
          (page.id === pageId ? t["status.current"] + ", " : "") + pageStatus(page) + ")"));
        pages.appendChild(li);
      });
      item.appendChild(pages);
      list.appendChild(item);
    });
    toc.appendChild(list);
    toggle.hidden = false;
    function setOpen(open) {
      toc.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (open) {
        var current = toc.querySelector("[aria-current]") || toc.querySelector("a");
        if (current) current.focus();
      }
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
    var text = plural("progress.pages", allPages.length, { done: done, total: allPages.length });
    if (complete()) text += " " + t["course.complete"];
    progress.querySelector(".progress-text").textContent = text;
    document.querySelectorAll(".pages li[data-page]").forEach(function (li) {
      var page = allPages.filter(function (p) { return p.id === li.getAttribute("data-page"); })[0];
      var status = li.querySelector(".page-status");
      if (page && state.visited[page.id]) li.classList.add("visited");
      if (page && status) status.textContent = pageStatus(page);
    });
    var start = document.querySelector(".start-link");
    var last = allPages.filter(function (p) { return p.id === state.last; })[0];
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
  buildToc();
  startPage();
  if (window.LearnpackQuiz) {  // quiz.js: the quiz engine, on pages that have quizzes
    var setupQuiz = window.LearnpackQuiz({ state: state, save: save, t: t, format: format, plural: plural, el: el,
      store: store, languageOf: languageOf, complete: complete });
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
