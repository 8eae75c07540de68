// Progressive enhancement only: every form here also works with JavaScript off.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Toasts leave by themselves (errors stay longer: they ask the reader to do something),
  // wait while the pointer or focus is on them, and can be dismissed at once.
  var TOAST_MS = { success: 6000, info: 6000, error: 12000 };

  function kindOf(toast) {
    return toast.classList.contains("toast-error") ? "error"
      : toast.classList.contains("toast-info") ? "info" : "success";
  }

  function dismiss(toast) {
    toast.classList.add("toast-leaving");
    toast.remove();
  }

  function arm(toast) {
    if (toast.hasAttribute("data-armed")) return;
    toast.setAttribute("data-armed", "");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.setAttribute("aria-label", "Dismiss");
    close.setAttribute("data-testid", "toast-close");
    close.addEventListener("click", function () { dismiss(toast); });
    toast.appendChild(close);
    var timer = null;
    var start = function () { timer = window.setTimeout(function () { dismiss(toast); }, TOAST_MS[kindOf(toast)]); };
    var stop = function () { window.clearTimeout(timer); };
    toast.addEventListener("mouseenter", stop);
    toast.addEventListener("mouseleave", start);
    toast.addEventListener("focusin", stop);
    toast.addEventListener("focusout", start);
    start();
  }

  // undo: { action, version, view, csrf: an <input> to copy } -> a real form, like the
  // server-rendered toast's, so the undo is the same POST with or without this script.
  function showToast(message, kind, undo) {
    var region = document.getElementById("toasts");
    if (!region) return;
    var toast = document.createElement("div");
    toast.className = "toast " + (kind === "error" ? "toast-error" : kind === "info" ? "toast-info" : "toast-success");
    toast.setAttribute("data-testid", "toast");
    var text = document.createElement("span");
    text.className = "toast-message";
    text.textContent = message;
    toast.appendChild(text);
    if (undo) {
      var form = document.createElement("form");
      form.method = "post";
      form.action = undo.action;
      form.className = "toast-undo";
      [["version", undo.version], ["view", undo.view]].forEach(function (field) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = field[0];
        input.value = field[1];
        form.appendChild(input);
      });
      if (undo.csrf) form.appendChild(undo.csrf.cloneNode());
      var button = document.createElement("button");
      button.type = "submit";
      button.className = "toast-button";
      button.setAttribute("data-testid", "toast-undo");
      button.textContent = "Undo";
      form.appendChild(button);
      toast.appendChild(form);
    }
    // Keep the stack short: the oldest message gives way.
    while (region.children.length >= 3) region.removeChild(region.firstElementChild);
    region.appendChild(toast);
    arm(toast);
  }

  // Times read as people read them: every <time data-relative> (and the conflict banner's
  // .relative-time) shows "12 s ago", "3 min ago", "today 14:02", "yesterday 14:02" or a date,
  // in the reader's time zone, measured on the server's clock (body[data-now], the render
  // time) plus the time this page has been open, and kept current. The exact instant stays
  // in datetime (the hook) and the title. Without this script the server's text shows: the
  // absolute time on a cached page, relative to the render on a page rendered per request.
  var opened = Date.now();
  var serverNow = Date.parse(document.body ? document.body.getAttribute("data-now") || "" : "") || opened;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function relativeText(at, now) {
    var seconds = Math.max(0, Math.round((now - at) / 1000));
    if (seconds < 10) return "just now";
    if (seconds < 60) return seconds + " s ago";
    if (seconds < 3600) return Math.floor(seconds / 60) + " min ago";
    var then = new Date(at);
    var today = new Date(now);
    var clock = two(then.getHours()) + ":" + two(then.getMinutes());
    if (at >= new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime()) return "today " + clock;
    if (at >= new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1).getTime()) return "yesterday " + clock;
    var date = then.getDate() + " " + MONTHS[then.getMonth()];
    return then.getFullYear() === today.getFullYear() ? date + ", " + clock : date + " " + then.getFullYear();
  }

  function humanTimes(root) {
    var now = serverNow + (Date.now() - opened);
    (root || document).querySelectorAll("time[data-relative][datetime], time.relative-time[datetime]")
      .forEach(function (time) {
        var at = Date.parse(time.getAttribute("datetime"));
        if (isNaN(at)) return;
        if (!time.title) time.title = new Date(at).toString();
        time.textContent = relativeText(at, now);
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-testid=toast]").forEach(arm);
    humanTimes(document);
    window.setInterval(function () { humanTimes(document); }, 5000);
    // The printable invoice's Print button (hidden without this script: the browser's own
    // Print does the same).
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });

  window.ledgerline = {
    showToast: showToast,
    // For the comment thread's script, which renders comments itself.
    relativeTime: function (iso) {
      var at = Date.parse(iso);
      return isNaN(at) ? iso : relativeText(at, serverNow + (Date.now() - opened));
    }
  };

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
          if (now && next) {
            now.replaceWith(next);
            humanTimes(next.parentNode);
          }
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
          var undo = verb === "archive" ? {
            action: action.replace(/\/archive$/, "/restore"),
            version: body.data.version,
            view: (form.querySelector("input[name=view]") || {}).value || "active",
            csrf: form.querySelector("input[name=_csrf]")
          } : null;
          showToast(body.data.number + " " + done + ".", "success", undo);
          refreshFromServer(["[data-testid=summary]", ".fetched-strip"]);
        } else {
          row.hidden = false;
          var message = body && body.error && typeof body.error === "object" ? body.error.message : null;
          showToast(message || "The action failed; please try again.", "error");
          // A conflict answers with the row as it is now: show that version in place, so the
          // next click carries it (the toast says the list shows the latest version).
          if (response.status === 409) {
            refreshFromServer(["tr[data-testid=invoice-row][data-invoice-id='" + row.getAttribute("data-invoice-id") + "']",
              "[data-testid=summary]", ".fetched-strip"]);
          }
        }
      });
    }).catch(function () {
      row.hidden = false;
      showToast("Network error; nothing was changed.", "error");
    });
  });
})();
