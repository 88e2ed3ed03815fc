/* Further reading's folds and chapter filter.
 * Folds: each topic's group (the works a chapter cites first) is a <details open>, so that
 * without scripts, and in the book, everything shows. On a phone or a narrow tablet (below
 * Material's 60em, where neither sidebar shows) the page ran to 80 screens: this closes the folds
 * on arrival, leaving "Start here" and a line per topic, each counting its works by kind. An
 * address or a link naming a work or a topic (a chapter's "In Further reading", a tooltip's link,
 * the contents list) opens its fold first; so does printing. Chromium opens a fold by itself for
 * find in page.
 * Filter: "Show the works cited in [RLHF]" leaves the works that page
 * cites, with their groups (a group none of them is in goes too, and the ones kept open), so
 * that a reader after more on one subject does not scroll through every topic. The
 * choice is kept in the address (?cited-in=rlhf.html), so a filtered list can be shared and
 * survives a reload. Without scripts the form stays hidden and the whole list shows.
 * The count of works shown (a polite live region) is written once the choice settles, as the
 * demos' live lines are (demo-page.js, 500 ms): in Chromium each arrow key on the closed select
 * changes its value, and five presses queued five counts, each over the option the screen reader
 * was already reading. A classic script, so it also runs from file://. */
(function () {
  "use strict";
  const NARROW = "(max-width: 59.9375em)";
  const folds = document.querySelectorAll("details.further-reading__fold");

  /* Folds as a reader arriving meets them: closed on a narrow screen, open on a wide one. */
  function foldAsArrived() {
    const narrow = window.matchMedia && window.matchMedia(NARROW).matches;
    folds.forEach(function (fold) { fold.open = !narrow; });
    return narrow;
  }

  /* Opens the fold holding the element `id` names, or the one under a topic's heading. */
  function reveal(id) {
    const target = id ? document.getElementById(id) : null;
    if (!target) return null;
    let fold = target.closest("details.further-reading__fold");
    if (!fold && target.tagName === "H2") {
      for (let node = target.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
        if (node.matches("details.further-reading__fold")) { fold = node; break; }
      }
    }
    if (fold && !fold.open) fold.open = true;
    return target;
  }

  function addressed() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return location.hash.slice(1);
    }
  }

  const narrowOnArrival = foldAsArrived();
  window.addEventListener("beforeprint", function () {
    folds.forEach(function (fold) { fold.open = true; });
  });
  /* A link to a work on this page (the contents list, a "Jump to" line) opens its fold before
     the browser scrolls; following the same link twice fires no hashchange. */
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link) reveal(decodeURIComponent(link.getAttribute("href").slice(1)));
  }, true);

  const form = document.querySelector("form.further-reading__filter");
  if (!form) {
    const target = reveal(addressed());
    if (target) target.scrollIntoView();
    window.addEventListener("hashchange", function () { reveal(addressed()); });
    return;
  }
  const select = form.querySelector("select");
  const shown = form.querySelector(".further-reading__shown");
  const jump = document.querySelector(".further-reading__jump");
  const PARAM = "cited-in";
  const SETTLE_MS = 500;
  let settling = 0;

  /* Writes the count now, or `SETTLE_MS` after the last change; only new words. */
  function tell(text, settle) {
    window.clearTimeout(settling);
    const write = function () { if (shown.textContent !== text) shown.textContent = text; };
    if (settle) settling = window.setTimeout(write, SETTLE_MS);
    else write();
  }

  /* A group: its list, and what belongs to it before the list (heading, introduction). */
  function groups() {
    return Array.prototype.map.call(document.querySelectorAll("div.further-reading"), function (list) {
      const block = list.closest("details.further-reading__fold") || list;
      const parts = [block];
      for (let node = block.previousElementSibling; node; node = node.previousElementSibling) {
        parts.unshift(node);
        if (node.tagName === "H2") break;
      }
      return parts;
    });
  }

  /* The table of contents' entry for a heading (Material's sidebar, and the phone's menu). */
  function tocEntries(heading) {
    if (!heading.id) return [];
    return Array.prototype.map.call(
      document.querySelectorAll('.md-nav--secondary a[href="#' + heading.id + '"]'),
      function (link) { return link.closest("li") || link; }
    );
  }

  function apply(page, settle) {
    let count = 0;
    let all = 0;
    const title = page && select.selectedOptions[0] ? select.selectedOptions[0].textContent : "";
    if (!page) foldAsArrived();
    groups().forEach(function (parts) {
      const list = parts[parts.length - 1];
      const summary = list.tagName === "DETAILS" ? list.querySelector("summary") : null;
      let inGroup = 0;
      let inAll = 0;
      list.querySelectorAll(".further-reading__entry").forEach(function (entry) {
        const cited = (entry.getAttribute("data-cited-in") || "").split(" ");
        const show = !page || cited.indexOf(page) !== -1;
        entry.hidden = !show;
        inAll += 1;
        if (show) inGroup += 1;
      });
      all += inAll;
      if (summary) {  /* a topic keeps its count of everything; filtered, it says how many show */
        if (!summary.hasAttribute("data-all")) summary.setAttribute("data-all", summary.textContent);
        summary.textContent = page
          ? inGroup + " of " + inAll + " cited in " + title
          : summary.getAttribute("data-all");
        if (page && inGroup) list.open = true;  /* a short list: open the groups it keeps */
      }
      parts.forEach(function (part) {
        part.hidden = inGroup === 0;
        if (part.tagName === "H2") {
          tocEntries(part).forEach(function (entry) { entry.hidden = inGroup === 0; });
        }
      });
      count += inGroup;
    });
    if (jump) jump.hidden = Boolean(page) || narrowOnArrival;  /* on a phone, the folds are the index */
    tell(page
      ? count + (count === 1 ? " work" : " works") + " cited in " + title
      : "All " + all + " works", settle);
  }

  /* Filter by page ("" for all) and keep the choice in the address; a reader's own choice drops
     the work the address named, which the new list may not hold. */
  function choose(page, keepHash, settle) {
    select.value = page;
    const url = new URL(location.href);
    if (!keepHash) url.hash = "";
    if (page) url.searchParams.set(PARAM, page);
    else url.searchParams.delete(PARAM);
    try {
      history.replaceState(null, "", url.href);
    } catch (error) {
      /* file:// in some browsers: the filter still works, the address just does not keep it */
    }
    apply(page, settle);
  }

  /* An address naming a work the filter hides (a link from a chapter's References, with a filter
     kept in the address): show everything again, and the work. */
  function showAddressed() {
    const id = addressed();
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    const closed = target.closest("details.further-reading__fold:not([open])");
    const filtered = target.closest("[hidden]");
    if (filtered) choose("", true);
    reveal(id);
    if (closed || filtered) target.scrollIntoView();
  }

  function fromAddress() {
    const page = new URLSearchParams(location.search).get(PARAM) || "";
    const known = Array.prototype.some.call(select.options, function (o) { return o.value === page; });
    return known ? page : "";
  }

  select.addEventListener("change", function () { choose(select.value, false, true); });
  window.addEventListener("hashchange", showAddressed);

  select.value = fromAddress();
  form.hidden = false;
  apply(select.value);
  showAddressed();
})();
