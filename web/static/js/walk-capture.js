// Recording findings on a phone in the street, where the connection comes and goes. The walk
// page's "record a finding" form works without this script; with it:
// - "Use my position" fills the latitude and longitude from the phone's location.
// - Each finding gets a random client_key and is sent with fetch. Without a connection it is
//   kept in this browser (localStorage) and sent when the connection returns: on the `online`
//   event, on the next walk page opened, and every 30 seconds while something waits. The
//   server stores a resent client_key once, so a finding whose answer was lost on the way is
//   not saved twice.
// - A finding the server refuses (422) is never dropped. Sent at once, the form is posted the
//   ordinary way, so the server's page shows its errors beside the fields. Sent from the queue,
//   the server's errors are shown with a button that posts it that way.
// The texts come from the page (data-* attributes), in the page's language.
(function () {
  "use strict";
  var RETRY_MS = 30000;
  var TIMEOUT_MS = 20000;

  var form = document.querySelector("form[data-capture]");
  // Each person's findings wait under their own key: on a shared browser the next person to
  // sign in never sends someone else's findings under their own name.
  var person = form ? form.dataset.person || "" : "";
  var QUEUE = "samtryg-walk-findings-" + person;
  var REFUSED = "samtryg-walk-findings-refused-" + person;
  var texts = form ? form.dataset : {};
  var statusLine = document.querySelector("[data-capture-status]");
  var refusedBox = document.querySelector("[data-capture-refused]");
  var queueBox = document.querySelector("[data-capture-queue]");
  var action = form ? form.getAttribute("action") : null;

  function read(name) {
    try {
      var list = JSON.parse(localStorage.getItem(name) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }
  function write(name, list) {
    try {
      if (list.length === 0) localStorage.removeItem(name);
      else localStorage.setItem(name, JSON.stringify(list));
      return true;
    } catch (e) {
      return false;  // full, or storage turned off
    }
  }
  function say(text) {
    if (statusLine) statusLine.textContent = text || "";
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // randomUUID needs a secure context; a server on plain http still gets a random key.
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  // The token of this page's session: a finding kept before signing in again carries an old one.
  function currentToken() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : "";
  }
  function walkPathOf(entry) {
    return entry.action.replace(/\/findings$/, "");
  }
  function newestFinding(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var newest = 0;
    Array.prototype.forEach.call(doc.querySelectorAll("li.finding[id^='finding-']"), function (item) {
      newest = Math.max(newest, parseInt(item.id.slice(8), 10) || 0);
    });
    return newest;
  }
  // "What: Choose a category." for each field the server's page marks.
  function errorsOf(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var errors = [];
    Array.prototype.forEach.call(doc.querySelectorAll(".field-error"), function (error) {
      var label = doc.querySelector('label[for="' + CSS.escape(error.id.replace(/-error$/, "")) + '"]');
      var name = label ? label.textContent.replace(/\s*\*\s*$/, "").trim() : "";
      errors.push((name ? name + ": " : "") + error.textContent.trim());
    });
    if (errors.length === 0) {
      var heading = doc.querySelector("main h1");
      errors.push(heading ? heading.textContent.trim() : "");
    }
    return errors;
  }

  // Posts one finding; resolves to what became of it, never rejects.
  function send(entry) {
    var body = new URLSearchParams(entry.body);
    body.set("_csrf", currentToken());
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    return fetch(entry.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "text/html" },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      clearTimeout(timer);
      var saved = response.ok && response.redirected &&
        new URL(response.url).pathname === walkPathOf(entry);
      if (saved) {
        return response.text().then(function (html) {
          return { kind: "saved", url: response.url.split("#")[0], newest: newestFinding(html) };
        });
      }
      // Answers that will not change by sending again.
      if ([400, 404, 413, 422].indexOf(response.status) >= 0) {
        return response.text().then(function (html) { return { kind: "refused", html: html }; });
      }
      if (response.status === 401 || response.status === 403) return { kind: "signed_out" };
      return { kind: "later" };
    }).catch(function () {
      clearTimeout(timer);
      return { kind: "offline" };
    });
  }

  // Goes to `url`, loading it again even when only its #fragment differs from this page's.
  function go(url) {
    var target = new URL(url, location.href);
    if (target.href.split("#")[0] === location.href.split("#")[0]) {
      location.hash = target.hash;
      location.reload();
    } else {
      location.assign(target.href);
    }
  }

  function onThisPage(entry) {
    return action !== null && entry.action === action;
  }

  function showQueue() {
    if (!queueBox) return;
    var list = queueBox.querySelector("ul");
    var mine = read(QUEUE).filter(onThisPage);
    list.textContent = "";
    mine.forEach(function (entry) {
      var item = document.createElement("li");
      item.textContent = entry.summary;
      list.appendChild(item);
    });
    queueBox.hidden = mine.length === 0;
  }

  // Puts a refused finding back in the form and posts it the ordinary way: the server's page
  // then shows each error beside its field, with what was typed.
  function correct(entry) {
    var values = new URLSearchParams(entry.body);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "_csrf") return;
      if (field.type === "checkbox") field.checked = values.get(field.name) !== null;
      else if (field.type !== "submit" && field.type !== "button") field.value = values.get(field.name) || "";
    });
    write(REFUSED, read(REFUSED).filter(function (other) { return other.key !== entry.key; }));
    form.submit();
  }

  function showRefused() {
    if (!refusedBox) return;
    refusedBox.textContent = "";
    read(REFUSED).filter(onThisPage).forEach(function (entry) {
      var box = document.createElement("div");
      box.className = "error-summary";
      var intro = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = texts.refused;
      intro.appendChild(strong);
      intro.appendChild(document.createTextNode(" " + entry.summary));
      box.appendChild(intro);
      var errors = document.createElement("ul");
      (entry.errors || []).forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        errors.appendChild(item);
      });
      box.appendChild(errors);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button small";
      button.textContent = texts.correct;
      button.addEventListener("click", function () { correct(entry); });
      box.appendChild(button);
      refusedBox.appendChild(box);
    });
  }

  function pristine() {
    if (!form) return true;
    return ["place", "latitude", "longitude", "description"].every(function (name) {
      var field = form.elements.namedItem(name);
      return !field || field.value.trim() === "";
    });
  }

  var flushing = false;
  var retryTimer = null;
  function scheduleRetry() {
    if (retryTimer || read(QUEUE).length === 0) return;
    retryTimer = setTimeout(function () {
      retryTimer = null;
      flush();
    }, RETRY_MS);
  }

  // Sends what waits, oldest first, and stops at the first that cannot go now.
  function flush() {
    if (flushing || !window.fetch) return;
    // Only what this script puts there is sent, and only to where it came from.
    var queue = read(QUEUE).filter(function (entry) {
      return entry && typeof entry.body === "string" && /^\/walks\/\d+\/findings$/.test(entry.action);
    });
    if (queue.length === 0) return;
    flushing = true;
    var reload = null;
    var sentHere = false;
    (function next(index) {
      if (index >= queue.length) return Promise.resolve(null);
      var entry = queue[index];
      return send(entry).then(function (outcome) {
        if (outcome.kind === "saved" || outcome.kind === "refused") {
          write(QUEUE, read(QUEUE).filter(function (other) { return other.key !== entry.key; }));
          if (outcome.kind === "refused") {
            entry.errors = errorsOf(outcome.html);
            write(REFUSED, read(REFUSED).concat([entry]));
          } else if (onThisPage(entry)) {
            sentHere = true;
            reload = walkPathOf(entry) + "?notice=notice_finding_added#finding-" + outcome.newest;
          }
          return next(index + 1);
        }
        return outcome;
      });
    })(0).catch(function () {
      return { kind: "later" };
    }).then(function (stopped) {
      flushing = false;
      showQueue();
      showRefused();
      if (stopped) {
        say(stopped.kind === "signed_out" ? texts.signedOut
          : stopped.kind === "later" ? texts.retry : texts.kept);
      } else if (sentHere && pristine()) {
        // The list shows what was sent once the page is loaded again; nothing typed is lost.
        go(reload);
        return;
      } else if (sentHere) {
        say(texts.sent);
      }
      // Signed out, nothing goes until the person signs in again and opens a walk page.
      if (!stopped || stopped.kind !== "signed_out") scheduleRetry();
    });
  }

  if (form && window.fetch && window.URLSearchParams && window.FormData) {
    var keyInput = document.createElement("input");
    keyInput.type = "hidden";
    keyInput.name = "client_key";
    form.appendChild(keyInput);
    var submitButton = form.querySelector('button[type="submit"]');

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (submitButton && submitButton.disabled) return;
      keyInput.value = newKey();
      var fields = new FormData(form);
      var entry = {
        action: action,
        key: keyInput.value,
        body: new URLSearchParams(fields).toString(),
        summary: [fields.get("description"), fields.get("place")].filter(Boolean).join(" – "),
        kept: new Date().toISOString()
      };
      say(texts.sending);
      if (submitButton) submitButton.disabled = true;
      send(entry).then(function (outcome) {
        if (submitButton) submitButton.disabled = false;
        if (outcome.kind === "saved") {
          go(outcome.url + "#finding-" + outcome.newest);
          return;
        }
        if (outcome.kind === "refused") {
          form.submit();  // the server's page, with its errors beside the fields
          return;
        }
        if (!write(QUEUE, read(QUEUE).concat([entry]))) {
          form.submit();  // nowhere to keep it: the browser's own error page keeps the form
          return;
        }
        form.reset();
        say(outcome.kind === "signed_out" ? texts.signedOut
          : outcome.kind === "later" ? texts.retry : texts.kept);
        showQueue();
        if (outcome.kind !== "signed_out") scheduleRetry();
      });
    });
  }

  // "Use my position": the phone's location into the coordinate fields (the map follows them).
  var locate = document.querySelector("[data-locate-box]");
  var latitude = form ? form.elements.namedItem("latitude") : null;
  var longitude = form ? form.elements.namedItem("longitude") : null;
  if (locate && latitude && longitude && navigator.geolocation && window.isSecureContext !== false) {
    var field = longitude.closest(".field");
    if (field) field.parentNode.insertBefore(locate, field.nextSibling);
    locate.hidden = false;
    var locateStatus = locate.querySelector("[data-locate-status]");
    form.addEventListener("reset", function () { locateStatus.textContent = ""; });
    locate.querySelector("button").addEventListener("click", function () {
      locateStatus.textContent = locate.dataset.locating;
      navigator.geolocation.getCurrentPosition(function (position) {
        latitude.value = position.coords.latitude.toFixed(6);
        longitude.value = position.coords.longitude.toFixed(6);
        [latitude, longitude].forEach(function (input) {
          input.dispatchEvent(new Event("change", { bubbles: true }));
        });
        locateStatus.textContent = locate.dataset.located + " (± " + Math.round(position.coords.accuracy) + " m)";
      }, function () {
        locateStatus.textContent = locate.dataset.failed;
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 30000 });
    });
  }

  showQueue();
  showRefused();
  window.addEventListener("online", flush);
  flush();
})();
