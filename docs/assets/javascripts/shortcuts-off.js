/* Material's single-key shortcuts off (WCAG 2.1.4, Character Key Shortcuts: a reader must be
   able to turn them off).

   Material listens for keydown on `window` and, with nothing editable focused (a radio button
   counts as not editable), goes to the next page on n or ".", to the previous one on p or ",",
   and opens search, taking the focus, on s, f or "/". A mistyped key or a speech-input user's
   word left the page; on the Goodhart explorer p on a radio button went to the boat race; and in
   the boat race s, which brakes, opened search and took the focus from the course. Nothing let a
   reader turn them off, so they are off: this listener on `document` stops those keys, pressed
   without Ctrl or Cmd (as Material reads them), on their way up to `window`. The focused
   element's own handlers (the boat's WASD) have run by then, the browser's default action is
   untouched, and every other key (Enter, Escape, Tab, the arrows) reaches Material as before.
   Editable fields and open search are left alone, as Material leaves them: its search hands
   typed letters to its field. Search opens by Tab and, on a phone, by its button. */
(function () {
  "use strict";

  const KEYS = ["n", "p", ",", ".", "s", "f", "/"];
  const search = document.getElementById("__search");   // Material's toggle: checked while open

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || KEYS.indexOf(event.key) < 0) return;
    if (search && search.checked) return;
    const target = event.target;
    if (target.isContentEditable ||
        (target.matches && target.matches("input:not([type=radio]), select, textarea"))) return;
    event.stopPropagation();
  });
})();
