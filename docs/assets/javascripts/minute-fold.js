/* The "In one minute" box on a phone: folded by CSS from the first paint (extra.css, narrow
 * screens with scripting only) to its title and first lines, opened and folded again in place.
 *
 * For a screen reader and the keyboard it is a disclosure: where the box folds, the title's
 * text becomes a button inside its heading ("In one minute", button, collapsed or expanded),
 * whose aria-controls names the box's text, and the folded text is inert, out of the
 * accessibility tree and the Tab order, not only clipped for the eye. (The toggle had been the
 * button at the box's foot, "Read the one-minute summary", renamed "Show less" once open, after
 * a text only clipped: a screen reader heard the whole summary, then a collapsed button offering
 * it, a keyboard-and-screen-reader walkthrough.) The foot's button, which
 * scripts/summary_boxes.py writes, stays as a second way in for the eye and a finger, but is
 * no second control for a screen reader or Tab (aria-hidden, tabindex -1, and a press does not
 * focus it); a tap on the folded text opens the box too (inert text takes no tap: the box gets
 * it). The focus stays where it was. Where the box does not fold (wider screens, print) the
 * title is plain text again and nothing is inert.
 *
 * A browser without `inert` keeps the folded text readable, and focus landing on something
 * inside it (a glossary term) opens the box, so nothing focused is hidden or its tooltip
 * clipped. Listeners on the document, so it works on every page load. A classic script, so it
 * also runs from file://. */
(function () {
  "use strict";
  const OPEN = "ae-minute--open";
  const TOGGLE = ".ae-minute__toggle";   // the foot's button
  const HEADING = "ae-minute__heading";   // the title's button, made here
  // extra.css's fold: Material's phone and small-tablet layout.
  const folds = window.matchMedia("screen and (max-width: 44.984375em)");
  const canInert = "inert" in HTMLElement.prototype;

  function foldingBoxes() {
    return Array.prototype.filter.call(document.querySelectorAll(".admonition"), function (box) {
      return box.querySelector(":scope > " + TOGGLE);
    });
  }

  // The box's text: every block but its title and its foot's button.
  function textBlocks(box) {
    return Array.prototype.filter.call(box.children, function (block) {
      return !block.matches(".admonition-title, " + TOGGLE);
    });
  }

  function isOpen(box) {
    return box.classList.contains(OPEN);
  }

  function render(box) {
    const title = box.querySelector(":scope > .admonition-title");
    const foot = box.querySelector(":scope > " + TOGGLE);
    const blocks = textBlocks(box);
    const folding = folds.matches && Boolean(title);
    let heading = title && title.querySelector(":scope > ." + HEADING);
    if (folding && !heading) {
      blocks.forEach(function (block, n) {
        if (!block.id) block.id = box.id + "-text" + (n ? "-" + (n + 1) : "");
      });
      heading = document.createElement("button");
      heading.type = "button";
      heading.className = HEADING;
      heading.append.apply(heading, Array.from(title.childNodes));
      heading.setAttribute("aria-controls", blocks.map(function (block) {
        return block.id;
      }).join(" "));
      title.append(heading);
    } else if (!folding && heading) {
      heading.replaceWith.apply(heading, Array.from(heading.childNodes));
      heading = null;
    }
    if (heading) heading.setAttribute("aria-expanded", String(isOpen(box)));
    if (foot) {
      foot.setAttribute("aria-expanded", String(isOpen(box)));   // its label and chevron (extra.css)
      if (heading) {
        foot.setAttribute("aria-hidden", "true");
        foot.tabIndex = -1;
      } else {
        foot.removeAttribute("aria-hidden");
        foot.removeAttribute("tabindex");
      }
    }
    if (canInert) {
      blocks.forEach(function (block) {
        block.inert = folding && !isOpen(box);
      });
    }
  }

  function setOpen(box, open) {
    box.classList.toggle(OPEN, open);
    render(box);
  }

  document.addEventListener("click", function (event) {
    const target = event.target instanceof Element ? event.target : null;
    const box = target && target.closest(".admonition");
    if (!box || !box.querySelector(":scope > " + TOGGLE)) return;
    if (target.closest(TOGGLE + ", ." + HEADING)) setOpen(box, !isOpen(box));
    else if (folds.matches && !isOpen(box)) setOpen(box, true);   // a tap on the folded text
  });

  // A press on the foot's button does not focus it: it is hidden from screen readers.
  document.addEventListener("mousedown", function (event) {
    const target = event.target instanceof Element ? event.target : null;
    const foot = target && target.closest(TOGGLE);
    if (foot && foot.getAttribute("aria-hidden") === "true") event.preventDefault();
  });

  document.addEventListener("focusin", function (event) {
    const target = event.target;
    if (!(target instanceof Element) || target.closest(TOGGLE + ", ." + HEADING)) return;
    const box = target.closest(".admonition");
    const button = box && box.querySelector(":scope > " + TOGGLE);
    if (button && !isOpen(box)) setOpen(box, true);
  });

  function renderAll() {
    foldingBoxes().forEach(render);
  }

  folds.addEventListener("change", renderAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", renderAll);
  else renderAll();
})();
