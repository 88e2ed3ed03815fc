/* Copy buttons: "Cite this page" (overrides/partials/source-file.html) and the end of the guide's
   "Copy link" and "Share" (overrides/partials/end-of-guide.html). A button[data-copy] copies the
   text of the element it names; a button[data-share] hands the page's title and that address to
   the system's share sheet where there is one (phones), else copies it. Works offline and from
   file://: the Clipboard API where the page may use it, else the text is selected and copied
   with execCommand, and if even that is refused the text stays selected for Ctrl+C. The outcome
   is announced in the nearest [data-copy-scope]'s live region (role="status"). */
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
    var text = element.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(element); }
      );
    }
    return Promise.resolve(copyBySelection(element));
  }

  function report(button, source, status) {
    return function (copied) {
      if (copied) {
        var what = button.getAttribute("data-copied") || button.textContent.replace(/^Copy /, "");
        status.textContent = what.charAt(0).toUpperCase() + what.slice(1) + " copied to the clipboard.";
      } else {
        select(source);
        status.textContent = "Selected: press Ctrl+C (Cmd+C on a Mac) to copy.";
      }
    };
  }

  // "Share" is for a system share sheet; where there is none, "Copy link" beside it does the job.
  function showShareButtons() {
    if (!navigator.share) return;
    document.querySelectorAll("button[data-share][hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showShareButtons);
  } else {
    showShareButtons();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy], button[data-share]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy") || button.getAttribute("data-share"));
    var scope = button.closest("[data-copy-scope]");
    var status = scope && scope.querySelector("[role='status']");
    if (!source || !status) return;
    if (button.hasAttribute("data-share") && navigator.share) {
      navigator.share({ title: document.title, url: source.textContent.trim() }).then(
        function () { status.textContent = "Shared."; },
        function (error) {
          // Closing the share sheet is not a failure; anything else falls back to a copy.
          if (error && error.name === "AbortError") return;
          copy(source).then(report(button, source, status));
        }
      );
      return;
    }
    copy(source).then(report(button, source, status));
  });
})();
