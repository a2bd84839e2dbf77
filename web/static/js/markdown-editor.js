// Progressive enhancement for text boxes whose text is Markdown (textarea[data-markdown]): a
// small toolbar that writes the marks people would otherwise have to know (**bold**, lists,
// links), and a preview drawn by the server with the same rules as the saved page. Without
// JavaScript the box is a plain text box and the text is saved as typed.
(function () {
  "use strict";
  var template = document.getElementById("markdown-toolbar");
  if (!template) return;

  function replaceSelection(area, before, after, placeholder) {
    var start = area.selectionStart, end = area.selectionEnd;
    var chosen = area.value.slice(start, end) || placeholder || "";
    area.setRangeText(before + chosen + after, start, end, "end");
    area.setSelectionRange(start + before.length, start + before.length + chosen.length);
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function prefixLines(area, prefix) {
    var value = area.value;
    var start = value.lastIndexOf("\n", area.selectionStart - 1) + 1;
    var end = area.selectionEnd;
    var lines = value.slice(start, end).split("\n");
    var numbered = prefix === "1. ";
    var text = lines.map(function (line, index) {
      return (numbered ? (index + 1) + ". " : prefix) + line;
    }).join("\n");
    area.setRangeText(text, start, end, "end");
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function showPreview(area, button, preview) {
    var showing = button.getAttribute("aria-pressed") === "true";
    if (showing) {
      button.setAttribute("aria-pressed", "false");
      preview.hidden = true;
      area.hidden = false;
      area.focus();
      return;
    }
    var form = area.form;
    var token = form && form.querySelector("input[name=_csrf]");
    var body = new URLSearchParams();
    body.set("_csrf", token ? token.value : "");
    body.set("text", area.value);
    fetch("/markdown/preview", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString()
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      // The server escapes every character of the text and lets only safe links through.
      preview.innerHTML = html;
      preview.style.minHeight = area.offsetHeight + "px";
      area.hidden = true;
      preview.hidden = false;
      button.setAttribute("aria-pressed", "true");
    }).catch(function () {
      preview.textContent = template.dataset.failed;
      preview.hidden = false;
    });
  }

  document.querySelectorAll("textarea[data-markdown]").forEach(function (area) {
    var toolbar = template.content.firstElementChild.cloneNode(true);
    var preview = document.createElement("div");
    preview.className = "markdown-preview text-block markdown";
    preview.hidden = true;
    preview.setAttribute("aria-live", "polite");
    area.parentNode.insertBefore(toolbar, area);
    area.parentNode.insertBefore(preview, area.nextSibling);
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-preview")) {
        showPreview(area, button, preview);
      } else if (button.dataset.wrap) {
        replaceSelection(area, button.dataset.wrap, button.dataset.wrap, "");
      } else if (button.dataset.line) {
        prefixLines(area, button.dataset.line);
      } else if (button.dataset.link) {
        replaceSelection(area, "[", "](https://)", button.dataset.link);
      }
    });
  });
})();
