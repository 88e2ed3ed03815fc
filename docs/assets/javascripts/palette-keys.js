/* The colour toggle: a keyboard reaches the radio button of the scheme shown, and it answers
   Space as well as Enter.

   Material draws the toggle as a group of radio buttons, one per scheme, each with a label that
   shows only while its scheme is active, and checks neither. Tab into an unchecked group lands
   on its first radio, "Switch to dark mode": on a dark page (a dark system on a first visit, or
   a reader who chose dark) that one's label is hidden and its input is 0 x 0, so no focus ring
   showed, a screen reader heard the wrong action, and Space changed nothing visible. The radio
   whose label Material shows is checked here, whenever Material shows it (its `hidden`
   attribute), so that Tab lands on it.

   Material switches to the next scheme when Enter is pressed on it. A keyboard user expects a
   button to answer Space too, and Space on a checked radio button does nothing, so the toggle
   looked broken. Here Space does what Material does for Enter: choose the next scheme and keep
   the focus on the toggle. Material's own change handler (listening on the inputs) then switches
   the colours and remembers the choice; nothing of Material's is touched. */
(function () {
  "use strict";

  const form = document.querySelector("form[data-md-component=palette]");
  if (!form) return;
  const inputs = Array.from(form.querySelectorAll("input.md-option"));

  // Checking a radio fires no change event, so Material's handlers do not see it.
  function checkTheShownOne() {
    inputs.forEach(function (input) {
      const label = input.nextElementSibling;
      if (label && label.tagName === "LABEL" && !label.hidden) input.checked = true;
    });
  }
  checkTheShownOne();
  new MutationObserver(checkTheShownOne)
    .observe(form, { subtree: true, attributes: true, attributeFilter: ["hidden"] });

  form.addEventListener("keydown", function (event) {
    if (event.key !== " " || !event.target.matches("input.md-option")) return;
    const next = inputs[(inputs.indexOf(event.target) + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });
})();
