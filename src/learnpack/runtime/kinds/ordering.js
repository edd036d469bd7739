/* Put items in order: a list the learner reorders (learnpack/kinds/ordering.py).
 *
 * Each item has a handle to drag (touch, pen or mouse) and move up/down buttons (keyboard and
 * switch users); every move is announced ("Første: plass 2 av 3"). The answer is the item ->
 * position map of the list as it stands, always complete. */
(function () {
  "use strict";

  var Kinds = window.LearnpackKinds;

  function isRight(key, item, value) { return Number(value[item]) === key.order.indexOf(item) + 1; }

  function items(fieldset) { return [].slice.call(fieldset.querySelectorAll(".order-item")); }

  function arrange(fieldset, sorted) {
    var list = fieldset.querySelector("ol.ordering");
    sorted.forEach(function (li) { list.appendChild(li); });
    update(fieldset);
  }

  /* The first item cannot go up nor the last down: said (aria-disabled), and focus is never lost. */
  function update(fieldset) {
    var all = items(fieldset);
    all.forEach(function (li, index) {
      li.querySelector('[data-move="-1"]').setAttribute("aria-disabled", String(index === 0));
      li.querySelector('[data-move="1"]').setAttribute("aria-disabled", String(index === all.length - 1));
    });
  }

  /* Say where an item went, and hand the new order to the quiz like any changed answer. */
  function moved(fieldset, li, ui) {
    var all = items(fieldset);
    update(fieldset);
    fieldset.querySelector(".order-status").textContent = ui.format(ui.t["order.moved"], {
      item: li.querySelector(".order-text").textContent.replace(/\u00ad/g, "").trim(),
      n: all.indexOf(li) + 1, total: all.length });
    fieldset.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function setup(fieldset, ui) {
    update(fieldset);
    fieldset.addEventListener("click", function (event) {
      var button = event.target.closest(".order-move");
      if (!button || button.disabled || button.getAttribute("aria-disabled") === "true") return;
      var li = button.closest(".order-item");
      var list = li.parentNode;
      if (button.getAttribute("data-move") === "-1") list.insertBefore(li, li.previousElementSibling);
      else list.insertBefore(li.nextElementSibling, li);
      moved(fieldset, li, ui);
      button.focus();
    });
    fieldset.addEventListener("pointerdown", function (event) {
      var handle = event.target.closest(".order-handle");
      if (!handle || fieldset.disabled || handle.closest(".order-item").querySelector(".order-move").disabled) return;
      drag(fieldset, handle.closest(".order-item"), event, ui);
    });
  }

  /* Follow the pointer: the item moves to where its middle passes the middle of another. The
     document listens, not the item: moving the item in the list would release a pointer capture.
     Near the top or bottom of the window the page scrolls along (a finger that drags cannot also
     scroll), so an item reaches any place in a list taller than the screen. */
  function drag(fieldset, li, start, ui) {
    start.preventDefault();
    var before = items(fieldset).indexOf(li);
    var y = start.clientY;
    var frame = 0;
    li.classList.add("dragging");
    function place() {
      var others = items(fieldset).filter(function (other) { return other !== li; });
      var after = others.filter(function (other) {
        var box = other.getBoundingClientRect();
        return y > box.top + box.height / 2;
      });
      var target = others[after.length] || null;
      if (target !== li.nextElementSibling) li.parentNode.insertBefore(li, target);
    }
    function scroll() {
      var edge = Math.min(48, window.innerHeight / 8);
      var step = y < edge ? -10 : y > window.innerHeight - edge ? 10 : 0;
      frame = step && requestAnimationFrame(scroll);
      if (step) { window.scrollBy(0, step); place(); }
    }
    function move(event) {
      if (event.pointerId !== start.pointerId) return;
      y = event.clientY;
      place();
      if (!frame) scroll();
    }
    function end(event) {
      if (event.pointerId !== start.pointerId) return;
      cancelAnimationFrame(frame);
      li.classList.remove("dragging");
      document.removeEventListener("pointermove", move);
      document.removeEventListener("pointerup", end);
      document.removeEventListener("pointercancel", end);
      if (items(fieldset).indexOf(li) !== before) moved(fieldset, li, ui);
    }
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", end);
    document.addEventListener("pointercancel", end);
  }

  Kinds.define("ordering", {
    interaction: "sequencing",
    setup: setup,
    read: function (fieldset) {
      var value = {};
      items(fieldset).forEach(function (li, index) { value[li.getAttribute("data-choice")] = String(index + 1); });
      return value;
    },
    write: function (fieldset, value) {
      if (!value) return;
      arrange(fieldset, items(fieldset).sort(function (a, b) {
        return (Number(value[a.getAttribute("data-choice")]) || 99) - (Number(value[b.getAttribute("data-choice")]) || 99);
      }));
    },
    /* A new attempt starts from the order the build shows. */
    reset: function (fieldset) {
      arrange(fieldset, items(fieldset).sort(function (a, b) { return a.getAttribute("data-start") - b.getAttribute("data-start"); }));
    },
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
