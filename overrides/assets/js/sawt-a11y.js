/* Sawt: keyboard access to the theme's table and code scroll areas.
   The theme wraps each Markdown table in a div that scrolls sideways on a phone
   but cannot be focused, so a keyboard user cannot scroll it (axe-core:
   scrollable-region-focusable). Each wrapper becomes a focusable, named region. */
(function () {
  "use strict";
  function label(wrapper) {
    var caption = wrapper.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var before = wrapper.previousElementSibling;
    return before ? before.textContent.replace(/#$/, "").trim() : "";
  }
  function mount() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrapper) {
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      var name = label(wrapper);
      if (name) wrapper.setAttribute("aria-label", name);
    });
    // Code blocks (a command to copy) scroll sideways on a phone too.
    document.querySelectorAll(".md-typeset pre > code:not([tabindex])").forEach(function (code) {
      code.tabIndex = 0;
    });
  }
  // The theme wraps tables when its document$ stream emits; subscribing after it runs after that.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
