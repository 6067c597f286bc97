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

  // Letter templates: a button that copies the letter as plain text.
  var copyLabel = document.documentElement.lang === "ar" ? "نسخ الرسالة" : "Copy the letter";
  var copiedLabel = document.documentElement.lang === "ar" ? "نُسخت الرسالة" : "Letter copied";
  document.querySelectorAll(".sawt-letter").forEach(function (letter) {
    if (!(navigator.clipboard && window.isSecureContext)) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button sawt-letter__copy";
    button.textContent = copyLabel;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(letter.innerText.trim()).then(function () {
        button.textContent = copiedLabel;
        window.setTimeout(function () { button.textContent = copyLabel; }, 2000);
      });
    });
    letter.parentNode.insertBefore(button, letter.nextSibling);
  });
})();
