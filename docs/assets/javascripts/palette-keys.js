/* The colour toggle answers Space as well as Enter.

   Material draws the toggle as a group of radio buttons, one per scheme, and switches to the next
   scheme when Enter is pressed on it. A keyboard user expects a button to answer Space too, and
   Space on a checked radio button does nothing, so the toggle looked broken. Here Space does what
   Material does for Enter: choose the next scheme and keep the focus on the toggle. Material's
   own change handler (listening on the inputs) then switches the colours and remembers the
   choice; nothing of Material's is touched. */
(function () {
  "use strict";

  const form = document.querySelector("form[data-md-component=palette]");
  if (!form) return;
  form.addEventListener("keydown", function (event) {
    if (event.key !== " " || !event.target.matches("input.md-option")) return;
    const inputs = Array.from(form.querySelectorAll("input.md-option"));
    const next = inputs[(inputs.indexOf(event.target) + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });
})();
