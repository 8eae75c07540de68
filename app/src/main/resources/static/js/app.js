// Progressive enhancement only: every form here also works with JavaScript off.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function showToast(message, kind) {
    var region = document.getElementById("toasts");
    if (!region) return;
    var toast = document.createElement("div");
    toast.className = "toast " + (kind === "error" ? "toast-error" : "toast-success");
    toast.setAttribute("data-testid", "toast");
    toast.textContent = message;
    region.appendChild(toast);
  }
  window.ledgerline = { showToast: showToast };

  // After a write, re-read the parts of this page that the write made stale (the summary
  // and the fetched-at strip) from the server, rather than patching numbers in the browser:
  // the server's cache was invalidated by the action, so this read shows the user's write.
  function refreshFromServer(selectors) {
    return fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        selectors.forEach(function (selector) {
          var now = document.querySelector(selector);
          var next = fresh.querySelector(selector);
          if (now && next) now.replaceWith(next);
        });
      })
      .catch(function () { /* the next full load shows them anyway */ });
  }

  document.addEventListener("change", function (event) {
    var select = event.target.closest("select[data-auto-submit]");
    if (select) select.form.requestSubmit();
  });

  // Optimistic row removal: hide the row at once, ask for JSON, and put the row back
  // with the server's message if the action is refused (e.g. a stale version). The list's
  // row buttons submit one shared form (form=…, formaction=…, their own name=value); a
  // form may also carry the row itself.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.getAttribute("data-optimistic") !== "remove-row") return;
    var button = event.submitter && event.submitter.form === form ? event.submitter : null;
    var action = button && button.hasAttribute("formaction") ? button.formAction : form.action;
    var verb = action.split("/").pop();
    var question = (button && button.getAttribute("data-confirm")) || form.getAttribute("data-confirm-" + verb) ||
      form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); return; }
    var row = (button || form).closest("tr");
    if (!row) return;
    event.preventDefault();
    row.hidden = true;
    var body = new URLSearchParams(new FormData(form));
    if (button && button.name) body.append(button.name, button.value);
    fetch(action, {
      method: "POST",
      body: body,
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (response.ok && body && body.ok) {
          row.remove();
          var done = { archive: "archived", restore: "restored", "delete": "deleted" }[verb] || "updated";
          showToast(body.data.number + " " + done + ".", "success");
          refreshFromServer(["[data-testid=summary]", ".fetched-strip"]);
        } else {
          row.hidden = false;
          var message = body && body.error && typeof body.error === "object" ? body.error.message : null;
          showToast(message || "The action failed; please try again.", "error");
        }
      });
    }).catch(function () {
      row.hidden = false;
      showToast("Network error; nothing was changed.", "error");
    });
  });
})();
