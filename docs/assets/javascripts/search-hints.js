/* When a search finds nothing, a way on: Material says only "No matching documents", a dead end
   for a newcomer's first questions (a reader review: "hallucination", or a whole sentence). A
   line under it says why a search may come up empty and links to the glossary, which also lists
   the everyday words readers search for ("Related terms": AGI, p(doom), kill switch):

     Nothing here for “hallucination”. Search for one main word (very common words such as “we”
     or “it”, and single letters, are left out), or look in the glossary.

   The line is the site's own element after Material's count (.md-search-result__meta), shown
   while the count reads Material's own "no results" text (its translation, from the page's
   __config, so it follows the site's language); Material's markup and scripts are untouched.
   It sits inside Material's results pane so that the arrow keys reach its link, as they reach
   a result (Material moves through every [href] in the pane; Tab closes search). So the link
   has its href only while the line shows: a hidden link in that list stopped the arrow keys
   on it. The link's text is in a <span>: Material's Enter handler reads the first child element
   of the links it scores, and would fail on a link without one.
   A polite status, as the count is (search-a11y.js), so a screen reader reads it too. The
   glossary's address is relative to the page (__config's base), so it works from file:// as
   well. */
(function () {
  "use strict";

  const meta = document.querySelector(".md-search-result__meta");
  const field = document.querySelector("input.md-search__input");
  const script = document.getElementById("__config");
  if (!meta || !field || !script || !("MutationObserver" in window)) return;
  let config;
  try {
    config = JSON.parse(script.textContent);
  } catch (error) {
    return;
  }
  const none = config.translations && config.translations["search.result.none"];
  if (!none) return;
  const glossary = (config.base || ".").replace(/\/$/, "") + "/glossary.html";

  const hint = document.createElement("p");
  hint.className = "ae-search-hint";
  hint.setAttribute("role", "status");
  hint.hidden = true;
  const query = document.createElement("q");
  const link = document.createElement("a");
  const words = document.createElement("span");
  words.textContent = "look in the glossary";
  link.append(words);
  hint.append("Nothing here for ", query, ". Search for one main word (very common words such " +
    "as “we” or “it”, and single letters, are left out), or ", link, ".");
  meta.after(hint);

  function update() {
    const empty = meta.textContent.trim() === none && field.value.trim() !== "";
    if (empty) query.textContent = field.value.trim();
    if (hint.hidden !== empty) return;
    hint.hidden = !empty;
    if (empty) link.href = glossary;
    else link.removeAttribute("href");
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  field.addEventListener("input", update);
  update();
})();
