// The new-invoice and edit forms' "Add a line" and "Remove" buttons, done in the page when
// JavaScript is on. Without it they are ordinary submit buttons that the server answers
// by re-rendering the form with every value kept, so this file is only a shortcut.
(function () {
  "use strict";
  var form = document.querySelector("form[data-lines-form]");
  var template = document.getElementById("new-line-template");
  if (!form || !template) return;
  var body = form.querySelector("#new-lines");
  var maxLines = parseInt(form.getAttribute("data-max-lines"), 10) || 100;

  function rows() { return body.querySelectorAll("tr[data-testid=new-line]"); }

  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-line-add]");
    if (add) {
      event.preventDefault();
      if (rows().length >= maxLines) return;
      body.appendChild(template.content.cloneNode(true));
      var added = rows()[rows().length - 1];
      added.querySelector("input").focus();
      return;
    }
    var remove = event.target.closest("[data-line-remove]");
    if (remove) {
      event.preventDefault();
      var row = remove.closest("tr");
      if (rows().length > 1) {
        row.remove();
      } else {
        // The form always keeps one line to type into: clear it instead.
        row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
      }
    }
  });
})();
