/* Search, for keyboard and screen-reader users, and its results' highlighting: what Material's
   markup and scripts leave out.

   - Its results pane (.md-search__scrollwrap, a Tab stop so that a keyboard can scroll it) is a
     Tab stop even while search is closed, when it is 0 px tall: the focus vanished there between
     the search field and the navigation. While search is closed (Material's #__search checkbox
     unchecked) the pane is `inert`; open, it is Material's again. The checkbox is set by
     Material's scripts, which fire no event, so its state is read after each focus change,
     click and key press.
   - The line above the results ("12 matching documents", "No matching documents") changed
     without a word to a screen reader: it is a polite status, read when the typing pauses.
   - Only the Down arrow reaches the results (each is tabindex -1, and Tab closes search and
     throws them away), and nothing said so: readers typed, pressed Tab and lost them (review
     13). While results show, a line under the count says "Use the Down arrow to move through
     the results.", shown and, a polite status of its own, spoken after the count.
   - On a phone or tablet (under 960 px) open search covers the whole screen, yet the page
     behind it stayed in reach: a screen reader swiping past the last result went on into the
     navigation and the chapter, unseen. While search is open there, the dialog is aria-modal
     and the page's main part and footer are `inert`; both are undone when it closes.
   - On a phone or tablet (under 960 px) the header's search icon is Material's
     <label for="__search"> around a picture (hidden from screen readers, overrides/main.html):
     a screen reader found an unnamed image, and no Tab reached it. A real button named "Search"
     takes its place (a label may not take role="button"); a click on it is a click on the
     label, which Material's own handlers answer (open search, focus the field). Closed again
     (Escape, the overlay) while the focus was in search, the focus comes back to the button.
     The back arrow inside the open search on a phone, another icon-only label, is named
     "Close search". While search is closed and the button shows, the search field is out of
     the Tab order (tabindex -1): Tab from the button landed on it and opened the full-screen
     search, and the next Tab left the focus on the hidden field, with no ring.
   - On a desktop, Escape closed search and Material dropped the focus to <body>, from the field
     or from a result: a screen reader said nothing and the reader's place was lost. The focus
     goes back to where it was before it entered search (the field takes it by Tab, and the
     next Tab opens search again), or, if it came from nowhere (a click into the field), to the
     search box. Not to the field itself: focused, it opens search again, and Material would
     leave it focused with search closed, typing into nothing.
   - Each result is a link around an <article>, from which Chromium takes no name for the link:
     a screen reader arrowing through the results heard "link" and nothing of where it went.
     The article gets role="none", so the link is named by its content, what it shows: its
     title first, then the excerpt. (Named by its title alone, through
     aria-labelledby, the link's name left out text it shows: WCAG 2.5.3, axe's
     label-content-name-mismatch, one of Lighthouse's audits.)
   - Material's results link each page's entry with `?h=` and the query's words found in that
     entry, so that the page, once open, marks them. A page listed only for its sections (a
     search for "sycophancy" lists RLHF for two of its sections) has no words of its own (its
     search worker gives it `terms: {}`), so its link said `?h=` and the page opened unmarked.
     It gets the words its sections' links carry.

   Only attributes and links in Material's own markup change, and one label is stood in for; its
   scripts are untouched. Works from file:// too. */
(function () {
  "use strict";

  const count = document.querySelector(".md-search-result__meta");
  if (count) count.setAttribute("role", "status");

  const dialog = document.querySelector(".md-search[role=dialog]");
  const name = (dialog && dialog.getAttribute("aria-label")) || "Search";
  const pane = document.querySelector(".md-search__scrollwrap");
  const open = document.getElementById("__search");
  if (!open) return;

  // The search icon as a button, in its label's place (CSS hides it where Material hid the label).
  const label = document.querySelector('header label.md-header__button[for="__search"]');
  let button = null;
  if (label && window.AlignmentHeader) {
    button = window.AlignmentHeader.standIn(label, name);   // header-buttons.js
    button.classList.add("ae-search-opener");
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function () {
      label.click();   // as a tap on the label did: Material opens search and focuses its field
    });
  }
  const back = document.querySelector(".md-search__form label.md-search__icon[for=__search] svg:last-child");
  if (back) {
    back.removeAttribute("aria-hidden");
    back.setAttribute("role", "img");
    back.setAttribute("aria-label", "Close search");
  }

  const field = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");

  // The way into the results, under the count while there are results to move through.
  const keys = document.createElement("p");
  keys.className = "ae-search-keys";
  keys.setAttribute("role", "status");
  keys.hidden = true;
  if (count) count.after(keys);
  function showKeys() {
    const results = !!(list && list.querySelector(".md-search-result__item")) &&
      !!field && field.value.trim() !== "";
    if (keys.hidden !== results) return;
    keys.hidden = !results;
    // written afresh as it shows, so that a screen reader reads it (once per run of results)
    keys.textContent = results ? "Use the Down arrow to move through the results." : "";
  }
  if (field) field.addEventListener("input", showKeys);

  // Under 960 px (Material's full-screen search) the open dialog is modal: the page is inert.
  const fullScreen = window.matchMedia("screen and (max-width: 59.984375em)");
  let madeInert = [];   // what this script made inert, so that it undoes only its own
  function modal(on) {
    if (!dialog || !("inert" in HTMLElement.prototype)) return;
    if (on) {
      document.querySelectorAll(".md-main, .md-footer").forEach(function (part) {
        if (!part.inert) {
          part.inert = true;
          madeInert.push(part);
        }
      });
      dialog.setAttribute("aria-modal", "true");
    } else {
      madeInert.forEach(function (part) { part.inert = false; });
      madeInert = [];
      dialog.removeAttribute("aria-modal");
    }
  }

  let opener = null;     // where the focus was before it entered search
  let escaped = false;   // Escape pressed while search was open
  if (dialog) {
    dialog.addEventListener("focusin", function (event) {
      if (!dialog.contains(event.relatedTarget)) opener = event.relatedTarget;
    });
  }
  function giveFocusBack() {
    if (opener && opener !== document.body && opener.isConnected && !dialog.contains(opener) &&
        opener.getClientRects().length && !opener.closest("[inert]")) {
      opener.focus();
      return;
    }
    const box = field && field.form;
    if (!box) return;
    if (!box.hasAttribute("tabindex")) {
      box.tabIndex = -1;
      box.addEventListener("blur", function () { box.removeAttribute("tabindex"); }, { once: true });
    }
    box.focus();
  }
  let wasOpen = open.checked;
  function sync() {
    if (pane && "inert" in HTMLElement.prototype) pane.inert = !open.checked;
    modal(open.checked && fullScreen.matches);
    if (button) button.setAttribute("aria-expanded", String(open.checked));
    if (field && button) {
      // The button is the way in where it shows; focus() still reaches a tabindex -1 field.
      if (!open.checked && button.getClientRects().length) field.tabIndex = -1;
      else field.removeAttribute("tabindex");
    }
    if (wasOpen && !open.checked) {
      const focus = document.activeElement;
      if (!focus || focus === document.body || (dialog && dialog.contains(focus))) {
        if (button && button.getClientRects().length) button.focus();
        else if (escaped && dialog) giveFocusBack();
      }
    }
    wasOpen = open.checked;
    escaped = false;
  }
  sync();
  // Material closes search on Escape in its own keydown listener, on window, after this one
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open.checked) escaped = true;
  }, true);
  ["focusin", "click", "keydown", "keyup"].forEach(function (type) {
    // after Material's own handlers have opened or closed search
    document.addEventListener(type, function () { window.setTimeout(sync, 0); }, true);
  });
  open.addEventListener("change", sync);
  window.addEventListener("resize", sync);   // the button shows under 960 px only

  // Each result link is named by what it shows, and a page's entry without words of its own gets
  // its sections' (Material renders the results afresh as the query changes, and adds more as
  // the list is scrolled).
  if (!list || !("MutationObserver" in window)) return;
  function highlightWords(href) {
    try {
      return new URL(href, document.baseURI).searchParams.get("h");
    } catch (error) {
      return null;
    }
  }
  function nameLinks() {
    list.querySelectorAll("a.md-search-result__link > article:not([role])").forEach(function (article) {
      article.setAttribute("role", "none");
    });
  }
  function fill() {
    nameLinks();
    list.querySelectorAll(".md-search-result__item").forEach(function (item) {
      const links = Array.from(item.querySelectorAll("a.md-search-result__link"));
      const page = links[0];
      if (!page || highlightWords(page.href) !== "") return;   // no ?h=, or words already
      const words = [];
      links.slice(1).forEach(function (link) {
        (highlightWords(link.href) || "").split(" ").forEach(function (word) {
          if (word && words.indexOf(word) < 0) words.push(word);
        });
      });
      if (!words.length) return;
      const url = new URL(page.href, document.baseURI);
      url.searchParams.set("h", words.join(" "));
      page.href = url.href;
    });
  }
  new MutationObserver(function () {
    fill();
    showKeys();
  }).observe(list, { childList: true, subtree: true });
})();
