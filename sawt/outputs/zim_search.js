/* The ZIM's search box (sawt/outputs/zim.py): Pagefind's index is not in the ZIM, so the
 * header's form asks the Kiwix reader's own full-text search, which holds each page's text
 * with Sawt's Arabic spellings as keywords.
 *
 * The form's action and hidden `content` field are a guess made when the ZIM was written
 * (kiwix-serve's /search, the ZIM's file name as the book's name). Here they are read from
 * where the page is served instead, so a renamed file or a server under a sub-path works:
 * the page's link to the ZIM's top (data-sawt-zim-root) resolves to /<book>/ (kiwix-serve up
 * to 3.3, Debian 12's) or /content/<book>/ (3.4 and later), and the search is beside them.
 */
(function () {
  "use strict";

  function kiwixSearch(form) {
    var top = new URL(form.getAttribute("data-sawt-zim-root") || "./", window.location.href);
    var parts = top.pathname.replace(/\/$/, "").split("/");
    var book = decodeURIComponent(parts.pop() || "");
    if (parts[parts.length - 1] === "content") parts.pop();
    return { action: top.origin + parts.join("/") + "/search", book: book };
  }

  function prepare(form) {
    var found = kiwixSearch(form);
    if (!found.book) return;
    form.setAttribute("action", found.action);
    var content = form.querySelector("input[name=content]");
    if (content) content.value = found.book;
  }

  function mount() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-sawt-kiwix-search]"), prepare);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
