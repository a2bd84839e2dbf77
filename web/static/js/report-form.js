// Progressive enhancement for the reporting form; the form works without it.
// 1. A live count of the characters left in each limited text (data-limit).
// 2. Every keystroke is kept in this browser (localStorage) until the form is saved, so a
//    network hiccup or a closed tab loses nothing; the page offers to bring it back.
// 3. A few seconds after each change the fields are also sent to the server
//    (POST data-autosave), which keeps them for this person until the form is saved and
//    offers them back on any device. A failed send is retried on the next change and every
//    30 seconds; the status line says which.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) return;
  var key = "samtryg-form-" + form.dataset.formId + "-" + form.dataset.revision;
  var countFormat = document.documentElement.lang === "sv" ? "{left} av {max} tecken kvar"
    : document.documentElement.lang === "en" ? "{left} of {max} characters left"
    : "{left} af {max} tegn tilbage";

  function length(text) { return Array.from(text.replace(/\r/g, "")).length; }

  function updateCount(area) {
    var max = parseInt(area.dataset.limit, 10);
    var out = document.getElementById(area.id.replace(/\.text$/, ".count"));
    if (!out || !max) return;
    var left = max - length(area.value);
    out.textContent = countFormat.replace("{left}", left).replace("{max}", max);
    out.classList.toggle("over", left < 0);
  }

  function snapshot() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "_csrf" || el.type === "hidden" || el.type === "submit") return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      values[el.name] = el.value;
    });
    return values;
  }

  var areas = form.querySelectorAll("textarea[data-limit]");
  Array.prototype.forEach.call(areas, function (area) {
    updateCount(area);
    area.addEventListener("input", function () { updateCount(area); });
  });

  var initial = JSON.stringify(snapshot());
  form.addEventListener("input", function () {
    try { localStorage.setItem(key, JSON.stringify(snapshot())); } catch (e) { /* full or private */ }
  });
  var statusLine = form.querySelector("[data-autosave-status]");
  var timer = null;
  var pending = false;
  var submitting = false;
  function sendAutosave() {
    timer = null;
    if (!pending || submitting || !window.fetch || !form.dataset.autosave) return;
    pending = false;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.dataset.autosave, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (answer) {
      if (statusLine) statusLine.textContent = answer.message;
    }).catch(function () {
      pending = true;
      if (statusLine) statusLine.textContent = form.dataset.autosaveFailed;
      if (!timer) timer = setTimeout(sendAutosave, 30000);
    });
  }
  function scheduleAutosave() {
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(sendAutosave, 3000);
  }
  form.addEventListener("input", scheduleAutosave);
  form.addEventListener("change", scheduleAutosave);

  form.addEventListener("submit", function () {
    submitting = true;
    if (timer) clearTimeout(timer);
    try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
  });

  var saved = null;
  try { saved = localStorage.getItem(key); } catch (e) { saved = null; }
  if (saved && saved !== initial) {
    var box = form.querySelector(".unsaved-box");
    box.hidden = false;
    box.querySelector("[data-restore]").addEventListener("click", function () {
      var values = JSON.parse(saved);
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || !(el.name in values)) return;
        if (el.type === "radio" || el.type === "checkbox") {
          el.checked = values[el.name] === el.value;
        } else if (el.type !== "hidden" && el.type !== "submit") {
          el.value = values[el.name];
        }
      });
      Array.prototype.forEach.call(areas, updateCount);
      box.hidden = true;
    });
  }
})();
