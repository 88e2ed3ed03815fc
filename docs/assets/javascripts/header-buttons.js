/* Material's header controls that are a <label> around an icon (the menu, and on a phone the
   search) as real buttons. A label may not take role="button" (ARIA in HTML, and the site's axe
   audit), a screen reader met it as an unnamed image, and no Tab reached it.
   `AlignmentHeader.standIn(label, name)` puts a <button> named `name`, with the label's classes
   and icon, in the label's place, hides the label and returns the button: what a click on it
   does, and what else it says (aria-expanded, aria-controls), is its caller's
   (drawer-keys.js, search-a11y.js). Loaded before them (mkdocs.yml). */
(function () {
  "use strict";

  function standIn(label, name) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.append(...Array.from(label.childNodes));   // the icon
    button.setAttribute("aria-label", name);
    label.before(button);
    label.hidden = true;
    label.style.display = "none";   // Material shows some header labels by a display rule of its own
    return button;
  }

  window.AlignmentHeader = { standIn: standIn };
})();
