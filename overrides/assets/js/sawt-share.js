/* Sawt share block: reveal the buttons that can work in this browser.
   The share links themselves are plain links and need no script. */
(function () {
  "use strict";
  document.querySelectorAll(".sawt-share").forEach(function (block) {
    var url = block.getAttribute("data-url");
    var text = block.getAttribute("data-text");
    var copy = block.querySelector(".sawt-share__copy");
    var device = block.querySelector(".sawt-share__device");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () {
          var label = copy.textContent;
          copy.textContent = copy.getAttribute("data-done");
          window.setTimeout(function () { copy.textContent = label; }, 2000);
        });
      });
    }
    if (device && navigator.share) {
      device.hidden = false;
      device.addEventListener("click", function () {
        navigator.share({ title: document.title, text: text, url: url }).catch(function () {});
      });
    }
  });

  // Appeal letters (sawt.render.appeal): the copy button puts the letter on the clipboard;
  // where the clipboard cannot be written (no secure context, or refused), it selects
  // the letter instead, so the reader can copy it with their own device's command.
  document.querySelectorAll(".sawt-letter__copy[data-letter]").forEach(function (button) {
    var letter = document.getElementById(button.getAttribute("data-letter"));
    if (!letter) return;
    var label = button.textContent;
    function say(text) {
      button.textContent = text;
      window.setTimeout(function () { button.textContent = label; }, 3000);
    }
    function select() {
      var range = document.createRange();
      range.selectNodeContents(letter);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say(button.getAttribute("data-selected"));
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!(navigator.clipboard && window.isSecureContext)) { select(); return; }
      navigator.clipboard.writeText(letter.innerText.trim()).then(function () {
        say(button.getAttribute("data-done"));
      }, select);
    });
  });
})();
