/* Citation and glossary tooltips are shown by CSS on hover and keyboard focus (citations.css).
 * This adds what CSS cannot:
 * - on a touch screen, a tap on a citation opens its tooltip instead of jumping to the
 *   References list (which would throw the reader far down the page); the tooltip's own "Full
 *   reference" link goes there; a second tap on the citation, or a tap anywhere else, closes it
 *   (a second tap had followed the link, 19,000 px down a chapter, when readers meant to close);
 * - Escape dismisses a tooltip without moving the pointer or the focus (WCAG 2.1, 1.4.13); it
 *   comes back when the pointer or focus next arrives;
 * - a tooltip that would run past the bottom of the window opens above its line instead, where
 *   there is room under the sticky header (a citation near the foot of a phone's screen);
 * - a link to a References entry, or an address ending in one, opens the folded References list
 *   first (Chromium opens a fold for a fragment itself; not every browser does);
 * - back at a citation through a ↩ link, its tooltip stays shut (the browser focuses the link);
 * - a glossary term is a link to its glossary entry (role="link", scripts/glossary.py): Enter,
 *   a click, or a screen reader's or voice control's activation follows its tooltip's "In the
 *   glossary" link; a tap on a touch screen only opens the tooltip, whose link goes there, and a
 *   second tap closes it.
 * A classic script, so it also runs from file://. */
(function () {
  "use strict";
  const HOSTS = ".citation__work, .glossary-term";
  const OPEN = "citation__work--open";
  const DISMISSED = "hover-tip-host--dismissed";
  let lastPointer = "mouse";

  /* The top of the room a tooltip has: the sticky header's bottom edge (a tooltip opened above
     its line up to the window's top had its first lines under the header at 200% zoom). */
  function roomTop() {
    const header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  /* Under its line (CSS), or above it when under it would leave the window. */
  function place(host) {
    const tip = host && host.querySelector(".hover-tip");
    if (!tip) return;
    tip.style.top = "";
    const box = tip.getBoundingClientRect();
    if (!box.height || box.bottom <= window.innerHeight) return;
    const term = host.querySelector(".citation__link, .glossary-term__name") || host;
    const line = term.getBoundingClientRect();
    if (line.top - box.height < roomTop()) return; // no room above either
    const parent = tip.offsetParent;
    const origin = parent ? parent.getBoundingClientRect().top + parent.clientTop : 0;
    tip.style.top = line.top - box.height - origin + "px";
  }

  function closeOpen(except) {
    document.querySelectorAll("." + OPEN).forEach(function (work) {
      if (work !== except) work.classList.remove(OPEN);
    });
  }

  /* The last press came from a finger or a pen: a tap opens a tooltip, it does not follow. */
  function tapped() {
    return lastPointer === "touch" || lastPointer === "pen";
  }

  let pressedAt = null; // where the last pointer went down: a drag is not a click on a term
  let focusedAtPress = null; // what had the focus then: a term tapped again closes its tooltip
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    pressedAt = { x: event.clientX, y: event.clientY };
    focusedAtPress = document.activeElement;
  }, true);

  document.addEventListener("click", function (event) {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest(".citation__link");
    if (link && tapped()) {
      const work = link.closest(".citation__work");
      if (work) {
        event.preventDefault();
        if (work.classList.contains(OPEN)) { // a second tap closes it, as a reader expects
          work.classList.remove(OPEN);
          work.classList.add(DISMISSED); // a tap leaves :hover behind on a touch screen
          link.blur();
          return;
        }
        closeOpen(work);
        work.classList.remove(DISMISSED);
        work.classList.add(OPEN);
        place(work);
        return;
      }
    }
    if (!(target && target.closest("." + OPEN))) closeOpen(null);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    closeOpen(null);
    document.querySelectorAll(".citation__work:hover, .citation__work:focus-within, " +
                              ".glossary-term:hover, .glossary-term:focus-within")
      .forEach(function (host) { host.classList.add(DISMISSED); });
  });

  /* Glossary terms: the term (role="link") follows the "In the glossary" link of its tooltip. */
  function glossaryEntryLink(target) {
    const term = target instanceof Element && target.closest(".glossary-term__name[role='link']");
    const host = term && term.closest(".glossary-term");
    return host && host.querySelector("a.glossary-term__more");
  }

  function modified(event) {
    return event.altKey || event.ctrlKey || event.metaKey || event.shiftKey;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.isComposing || modified(event)) return;
    const entry = glossaryEntryLink(event.target);
    if (!entry) return;
    event.preventDefault();
    entry.click();
  });

  function dragged(event) {
    return pressedAt !== null && event.detail !== 0 &&
      Math.hypot(event.clientX - pressedAt.x, event.clientY - pressedAt.y) > 4;
  }

  function follow(entry, newTab) {
    if (newTab) window.open(entry.href, "_blank", "noopener");
    else entry.click();
  }

  document.addEventListener("click", function (event) {
    const entry = glossaryEntryLink(event.target);
    if (!entry || event.defaultPrevented || event.altKey || event.shiftKey) return;
    // A tap opens the tooltip (CSS, on focus) and stays there; a click with no pointer behind it
    // (detail 0: a screen reader, voice control, a keyboard) always follows.
    if (event.detail !== 0 && tapped()) {
      const term = event.target.closest(".glossary-term__name");
      if (term === focusedAtPress) { // a second tap closes it, as on a citation
        term.closest(".glossary-term").classList.add(DISMISSED);
        term.blur();
      }
      return;
    }
    // A drag across the term, or a double or triple click, selects its words: no navigation.
    if (dragged(event) || event.detail > 1) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    follow(entry, event.ctrlKey || event.metaKey); // Ctrl or Cmd opens the entry in a new tab
  });

  // The middle button opens the entry in a new tab, as on a link.
  document.addEventListener("auxclick", function (event) {
    const entry = event.button === 1 && glossaryEntryLink(event.target);
    if (entry) follow(entry, true);
  });

  function restore(event) {
    const host = event.target instanceof Element && event.target.closest(HOSTS);
    if (host && !(event.relatedTarget instanceof Node && host.contains(event.relatedTarget))) {
      host.classList.remove(DISMISSED);
      place(host);
    }
  }
  document.addEventListener("mouseover", restore);
  document.addEventListener("focusin", restore);

  /* Open the closed folds around the element with this id; true if there were any. */
  function unfold(id) {
    let node = id ? document.getElementById(id) : null;
    let opened = false;
    for (; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
        opened = true;
      }
    }
    return opened;
  }

  function idOf(hash) {
    try {
      return decodeURIComponent(hash.slice(1));
    } catch (error) {
      return hash.slice(1);
    }
  }

  /* Before the browser follows a same-page link (after the tap handler above, which may keep a
     first tap for the tooltip), so that it scrolls to a laid-out target. */
  document.addEventListener("click", function (event) {
    const link = event.target instanceof Element && event.target.closest("a[href^='#']");
    if (link && !event.defaultPrevented) unfold(idOf(link.getAttribute("href")));
  });

  /* An address that names an entry in a fold: open it and show the entry (again, when
     Material's own hashchange handler, which runs first, opened the fold after scrolling). */
  function unfoldAddress() {
    const target = document.getElementById(idOf(location.hash));
    if (!target || !(target.parentElement && target.parentElement.closest("details"))) return;
    unfold(target.id);
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", unfoldAddress);
  unfoldAddress();

  /* Back at a citation through its References entry's ↩: the browser focuses the link it lands
     on, which would open its tooltip over the text the reader came back to; it stays shut until
     the pointer or the focus next arrives. */
  window.addEventListener("hashchange", function () {
    const target = document.getElementById(idOf(location.hash));
    const host = target && target.closest(HOSTS);
    if (host && host.contains(document.activeElement)) host.classList.add(DISMISSED);
  });
})();
