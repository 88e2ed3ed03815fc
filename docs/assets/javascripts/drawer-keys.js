/* The navigation drawer (windows 1219 px wide or less) works from the keyboard and with a
   screen reader.

   Material draws the drawer as a checkbox (#__drawer) that its stylesheet reads: the header's
   menu icon is a <label for="__drawer">, and a checked box slides .md-sidebar--primary in. A label is
   not focusable, so a keyboard user could not open the menu at all; meanwhile the closed drawer,
   only moved off screen, kept all its links in the Tab order (at 1024x768, seventeen Tab stops
   nobody could see) and in what a screen reader reads; and the open drawer neither closed on
   Escape nor kept the focus in it. Here, working only through the DOM Material renders and the
   checkbox it reads (nothing of Material's is patched: its own handlers still open and close
   the drawer, and close it on the overlay and on a link, as before):

   - the menu icon is a real <button> ("Menu", aria-expanded), with the label's classes and icon, in the
     label's place (a label may not take role="button": ARIA in HTML, and the site's axe audit);
     Enter and Space work on it as on any button;
   - in the drawer layout only, the closed drawer is `inert`: out of the Tab order and of the
     accessibility tree. The open drawer behaves as a modal dialog: the rest of the page is
     inert (but for the menu button under the drawer, so that a screen reader on a phone, with no
     Escape key, can close it there), the focus moves to the drawer's first link as it opens,
     Tab goes round inside it, and Escape closes it and puts the focus back on the menu button.
     Closed any other way with the focus in it, the focus goes back to the button too or, after
     a link to a part of this page, to that part (the drawer, now inert, would drop it);
   - a section of the drawer (Interactive demos; on a phone, the page's table of contents) is a
     pane Material slides over the list, again a checkbox with labels. A closed pane is only
     transparent and the list under an open one only covered, and both took the focus: what
     cannot be seen is inert. The labels a reader presses (the arrow beside a section's link and,
     on a phone, the page's entry, which open a pane; the pane's title, which takes the reader
     back) were heard as plain text with no state: in the drawer layout each is a <button> in
     the label's place, as the menu is ("Interactive demos", expanded or collapsed, with
     aria-controls; "Back from Interactive demos"), and the focus follows the pane that slides
     in or out.

   At desktop widths nothing is made inert and the focus is never moved: the sidebar is the
   page's ordinary navigation (and the menu button is hidden, as the label was). Its expandable
   sections (Interactive demos) open and close in place, by the same arrow, a label Material
   gives a tabindex but no role and no state (its aria-expanded is on the list, where no screen
   reader announces it) and that Enter and Space did not press: the same stand-in button is
   there too ("Interactive demos", expanded or collapsed), and stays where it is when pressed.
   The breakpoints
   are those of Material's stylesheet. In a browser without `inert` (before 2022-2023) the
   script does nothing and the drawer stays Material's. Works from file:// too. */
(function () {
  "use strict";

  const drawer = document.getElementById("__drawer");
  const label = document.querySelector('label.md-header__button[for="__drawer"]');
  const sidebar = document.querySelector(".md-sidebar--primary");
  const nav = sidebar && sidebar.querySelector("nav.md-nav--primary");
  if (!drawer || !label || !sidebar || !nav || !("inert" in HTMLElement.prototype)) return;
  if (!window.AlignmentHeader) return;

  // Material's stylesheet: `screen and (max-width: 76.234375em)` is the drawer layout (1219 px
  // and less), and from 60em the page's table of contents leaves the drawer for a sidebar.
  const drawerLayout = window.matchMedia("screen and (max-width: 76.234375em)");
  const tablet = window.matchMedia("screen and (min-width: 60em)");
  const FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]';

  let inerted = [];   // what this script made inert, so that it undoes only its own
  let front = nav;    // the pane of the open drawer in front: the list, or a section's
  let lastHashChange = -Infinity;

  function isDrawer() {
    return drawerLayout.matches;
  }

  function isOpen() {
    return isDrawer() && drawer.checked;
  }

  function rendered(element) {
    return element.getClientRects().length > 0;
  }

  function setInert(elements) {
    const wanted = new Set(elements);
    inerted = inerted.filter(function (element) {
      if (wanted.has(element)) return true;
      element.inert = false;
      return false;
    });
    wanted.forEach(function (element) {
      if (!element.inert) {
        element.inert = true;
        inerted.push(element);
      }
    });
  }

  // The elements beside `element` and beside each of its ancestors below `top`: everything in
  // `top` but `element`. Material's hidden checkboxes and the overlay are left alone (the labels
  // and the overlay must go on toggling them; none of them is ever a Tab stop).
  function around(element, top) {
    const found = [];
    for (let node = element; node !== top && node.parentElement; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node && !sibling.matches("input.md-toggle, label.md-overlay, script")) {
          found.push(sibling);
        }
      });
    }
    return found;
  }

  // A pane: the <nav> of a section, after the checkbox that slides it in.
  function paneOf(toggle) {
    return toggle.parentElement.querySelector(":scope > nav.md-nav");
  }

  function toggles(within) {
    return Array.prototype.filter.call(within.querySelectorAll("input.md-nav__toggle"), paneOf);
  }

  function enclosingPane(element) {
    for (let node = element.parentElement; node && node !== nav; node = node.parentElement) {
      const isPane = node.matches("nav.md-nav") &&
        node.parentElement.querySelector(":scope > input.md-nav__toggle");
      if (isPane) return node;
    }
    return nav;
  }

  // The pane in front: from the list, follow each open pane that is drawn at this width.
  function frontPane() {
    let pane = nav;
    for (;;) {
      const next = toggles(pane).find(function (toggle) {
        return toggle.checked && enclosingPane(toggle) === pane && rendered(paneOf(toggle));
      });
      if (!next) return pane;
      pane = paneOf(next);
    }
  }

  // What Tab reaches in `container`, in order.
  function focusables(container) {
    return Array.prototype.filter.call(container.querySelectorAll(FOCUSABLE), function (element) {
      return element.tabIndex >= 0 && !element.closest("[inert]") && rendered(element);
    });
  }

  function focusFirst(container) {
    const first = focusables(container)[0];
    // preventScroll: the drawer is still sliding in; the browser would scroll its box sideways
    // to reach an element that is, for a quarter of a second, off screen.
    if (first) first.focus({ preventScroll: true });
  }

  // The menu button, in the label's place.
  const button = window.AlignmentHeader.standIn(label, "Menu");   // header-buttons.js
  if (!nav.id) nav.id = "__drawer_nav";
  button.setAttribute("aria-controls", nav.id);
  button.addEventListener("click", function () {
    drawer.click();   // as the label did: Material's change handlers run
  });

  // The pane controls as buttons. Material's are <label>s for each pane's checkbox: the arrow
  // beside a section's link and, on a phone, the page's entry that opens its table of contents
  // (each opens a pane), and each pane's title (which takes the reader back). A screen reader
  // heard no button and no state in them, and a label may not take role="button" (ARIA in HTML,
  // and the axe audit). In the drawer layout each label is hidden and a <button> with its
  // classes and a copy of its content stands before it (so Material's rules, and those keyed to
  // the label's `for` that extra.css repeats for `data-for`, draw it as they drew the label); a
  // press clicks the label, so the checkbox and Material's own handlers work as before. The
  // button that opens a pane says whether it is open (aria-expanded, aria-controls); a title is
  // named for where it takes the reader ("Back from Interactive demos"). At desktop widths an
  // opener stays a button (the sidebar's sections expand in place under it, by the same
  // checkbox); the titles, which Material does not draw there, are its labels again.
  const paneButtons = [];   // { button, label, toggle, opens }
  toggles(nav).forEach(function (toggle) {
    const pane = paneOf(toggle);
    if (!pane.id) pane.id = toggle.id + "_pane";
    nav.querySelectorAll('label[for="' + toggle.id + '"]').forEach(function (paneLabel) {
      const text = paneLabel.textContent.trim();
      const opens = !paneLabel.classList.contains("md-nav__title");
      let name = "Back from " + text;
      if (opens) {
        const link = paneLabel.parentElement.querySelector(":scope > a.md-nav__link");
        const paneName = pane.getAttribute("aria-label");   // "Table of contents"
        const shown = text || (link ? link.textContent.trim() : "");
        name = paneName ? shown + ": " + paneName.toLowerCase() : shown;
        // Material's arrow shows only an icon, and it names the pane (aria-labelledby).
        if (!text && shown) paneLabel.setAttribute("aria-label", shown);
      }
      const paneButton = document.createElement("button");
      paneButton.type = "button";
      paneButton.className = paneLabel.className + " ae-pane-button";
      paneButton.dataset.for = toggle.id;
      paneButton.setAttribute("aria-label", name);
      if (opens) paneButton.setAttribute("aria-controls", pane.id);
      paneLabel.childNodes.forEach(function (node) {
        paneButton.append(node.cloneNode(true));
      });
      paneButton.hidden = true;   // until update()
      paneButton.addEventListener("click", function () {
        paneLabel.click();   // as a click on the label: the checkbox, and Material's handlers
      });
      paneLabel.before(paneButton);
      paneButtons.push({ button: paneButton, label: paneLabel, toggle: toggle, opens: opens });
    });
  });

  // The buttons or Material's labels (the openers are buttons at every width, the titles in the
  // drawer layout only), and each opener's state.
  function updatePaneButtons() {
    paneButtons.forEach(function (entry) {
      const asButton = entry.opens || isDrawer();
      entry.button.hidden = !asButton;
      entry.label.hidden = asButton;
      if (entry.opens) entry.button.setAttribute("aria-expanded", String(entry.toggle.checked));
    });
  }

  function update() {
    updatePaneButtons();
    button.hidden = !isDrawer();
    button.setAttribute("aria-expanded", String(isOpen()));
    if (!isDrawer()) {
      front = nav;
      setInert([]);
    } else if (!drawer.checked) {
      front = nav;
      setInert([sidebar]);
    } else {
      front = frontPane();
      const closedPanes = toggles(front).filter(function (toggle) {
        return !toggle.checked;
      }).map(paneOf);
      // The menu button stays out of the inert page: under the drawer, Tab never reaches it (Tab
      // goes round the drawer), but a screen reader on a phone, with no Escape key, can still
      // find "Menu, expanded" and close the drawer with it.
      const page = around(sidebar, document.body);
      const header = page.find(function (element) { return element.contains(button); });
      setInert(page.filter(function (element) { return element !== header; })
        .concat(header ? around(button, header) : [], around(front, nav), closedPanes));
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && isOpen()) {
      event.preventDefault();
      drawer.click();
      button.focus();
    } else if (event.key === "Tab" && isOpen()) {
      // The rest of the page is inert, so Tab could only leave for the browser's own toolbar;
      // it goes round the drawer instead, as in a dialog.
      const stops = focusables(front);
      const at = stops.indexOf(document.activeElement);
      let next = null;
      if (event.shiftKey && at <= 0) next = stops[stops.length - 1];
      else if (!event.shiftKey && (at === -1 || at === stops.length - 1)) next = stops[0];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  });

  window.addEventListener("hashchange", function () {
    lastHashChange = Date.now();
  });

  // The part of this page a link in the drawer has just led to, if that is why it closes
  // (Material closes the drawer itself then): the followed link has the focus, or (Safari does
  // not focus a clicked link) the address's #part has just changed.
  function linkedPart(active) {
    const link = active.closest("a[href]");
    const followed = link && link.hash &&
      link.hash === location.hash && link.pathname === location.pathname;
    if (!followed && Date.now() - lastHashChange > 1000) return null;
    try {
      return document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (error) {
      return null;
    }
  }

  // The focus moves to that heading, so that a screen reader reads on from there and Tab goes
  // on from there; focusable only for the moment (a heading is no Tab stop).
  function focusPart(part) {
    if (!part.hasAttribute("tabindex")) {
      part.setAttribute("tabindex", "-1");
      part.addEventListener("blur", function () {
        part.removeAttribute("tabindex");
      }, { once: true });
    }
    part.focus({ preventScroll: true });
  }

  drawer.addEventListener("change", function () {
    const active = document.activeElement || document.body;
    // In the drawer, about to be inert, or on the page itself after a click on the overlay.
    const lost = active === document.body || sidebar.contains(active);
    update();
    if (!isDrawer()) return;
    if (drawer.checked) {
      focusFirst(front);
    } else if (lost) {
      const part = linkedPart(active);
      if (part) focusPart(part);
      else button.focus();
    }
  });

  nav.addEventListener("change", function (event) {
    const toggle = event.target;
    if (!toggle.matches("input.md-nav__toggle")) return;
    const active = document.activeElement;
    const fromItsButton = paneButtons.some(function (entry) {
      return entry.button === active && entry.toggle === toggle;
    });
    update();
    if (!isOpen() || !fromItsButton) return;
    // The button pressed is now covered or slid away: the focus follows the pane in front.
    if (toggle.checked) focusFirst(front);   // the pane's title, which takes the reader back
    else {
      const opener = paneButtons.find(function (entry) {
        return entry.opens && entry.toggle === toggle && rendered(entry.button);
      });
      if (opener) opener.button.focus({ preventScroll: true });
    }
  });

  // Tab pressed while a pane is still sliding in scrolls the drawer's box sideways to reach the
  // element (the box's overflow is hidden, not unscrollable), and the whole drawer then stayed
  // a pane's width off to the left, its links out of sight. Nothing here scrolls sideways.
  const scrollwrap = sidebar.querySelector(".md-sidebar__scrollwrap");
  if (scrollwrap) {
    scrollwrap.addEventListener("scroll", function () {
      if (isDrawer() && scrollwrap.scrollLeft !== 0) scrollwrap.scrollLeft = 0;
    });
  }

  // A link the focus reaches wholly out of sight is scrolled into view by the browser, but one
  // only partly out is not (Chromium: Who's who, the list's second last link at 1024x768, stood
  // 4 px below the window's edge). Nor would scrollIntoView help: Material's drawer list snaps
  // to its links' tops (scroll-snap-type: y mandatory), so a 4 px scroll snaps back to 0. A
  // scroll by the part out of sight snaps on to the next link in that direction instead.
  sidebar.addEventListener("focusin", function (event) {
    const target = event.target;
    if (!isOpen() || !(target instanceof Element)) return;
    const box = target.getBoundingClientRect();
    const out = box.bottom > window.innerHeight ? box.bottom - window.innerHeight
      : Math.min(box.top, 0);
    if (!out) return;
    let list = target.parentElement;
    while (list && sidebar.contains(list) && list.scrollHeight <= list.clientHeight) {
      list = list.parentElement;
    }
    if (list && sidebar.contains(list)) list.scrollBy({ top: out });
  });

  drawerLayout.addEventListener("change", update);
  tablet.addEventListener("change", update);
  update();
})();
