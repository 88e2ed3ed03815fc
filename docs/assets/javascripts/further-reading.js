/* Further reading's chapter filter: "Show the works cited in [RLHF]" leaves the works that page
 * cites, with their groups (a group none of them is in goes too), so that a reader after more on
 * one subject does not scroll through every paper (the list runs some 40 phone screens). The
 * choice is kept in the address (?cited-in=rlhf.html), so a filtered list can be shared and
 * survives a reload. Without scripts the form stays hidden and the whole list shows.
 * The count of works shown (a polite live region) is written once the choice settles, as the
 * demos' live lines are (demo-page.js, 500 ms): in Chromium each arrow key on the closed select
 * changes its value, and five presses queued five counts, each over the option the screen reader
 * was already reading. A classic script, so it also runs from file://. */
(function () {
  "use strict";
  const form = document.querySelector("form.further-reading__filter");
  if (!form) return;
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
      const parts = [list];
      for (let node = list.previousElementSibling; node; node = node.previousElementSibling) {
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
    groups().forEach(function (parts) {
      const list = parts[parts.length - 1];
      let inGroup = 0;
      list.querySelectorAll(".further-reading__entry").forEach(function (entry) {
        const cited = (entry.getAttribute("data-cited-in") || "").split(" ");
        const show = !page || cited.indexOf(page) !== -1;
        entry.hidden = !show;
        all += 1;
        if (show) inGroup += 1;
      });
      parts.forEach(function (part) {
        part.hidden = inGroup === 0;
        if (part.tagName === "H2") {
          tocEntries(part).forEach(function (entry) { entry.hidden = inGroup === 0; });
        }
      });
      count += inGroup;
    });
    if (jump) jump.hidden = Boolean(page);
    const title = page && select.selectedOptions[0] ? select.selectedOptions[0].textContent : "";
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
    const id = location.hash.slice(1);
    const target = id ? document.getElementById(decodeURIComponent(id)) : null;
    if (!target || !target.closest("[hidden]")) return;
    choose("", true);
    target.scrollIntoView();
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
