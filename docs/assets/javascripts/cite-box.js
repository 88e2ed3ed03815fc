/* "Cite this page" (overrides/partials/source-file.html): the copy buttons. Works offline and
   from file://: the Clipboard API where the page may use it, else the text is selected and
   copied with execCommand, and if even that is refused the text stays selected for Ctrl+C.
   The outcome is announced in the box's live region. */
(function () {
  "use strict";

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelection(element) {
    select(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(element) {
    var text = element.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(element); }
      );
    }
    return Promise.resolve(copyBySelection(element));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    var box = button.closest(".ae-cite");
    var status = box && box.querySelector(".ae-cite__status");
    if (!source || !status) return;
    copy(source).then(function (copied) {
      if (copied) {
        var what = button.textContent.replace(/^Copy /, "");
        status.textContent = what.charAt(0).toUpperCase() + what.slice(1) + " copied to the clipboard.";
      } else {
        select(source);
        status.textContent = "Selected: press Ctrl+C (Cmd+C on a Mac) to copy.";
      }
    });
  });
})();
