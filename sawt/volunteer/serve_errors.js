// Served by `make serve` only (sawt/volunteer/serve_errors.py): never part of a built site.
// Asks the development server how the last rebuild went and, when it failed, lays the list of
// problems over the page, in the page's language and direction. The server's own live reload
// reloads the page once a rebuild passes.
(function () {
  "use strict";
  var STATUS = "/__sawt__/build-status";
  var TEXT = {
    en: {
      title: "Your last change stopped the site from building",
      help: "Fix what is listed below and save the file: this page reloads by itself. Until then it shows the last version that built.",
      rebuilding: "Rebuilding…",
      line: "line",
      hide: "Hide",
      count: function (n) { return n === 1 ? "1 problem" : n + " problems"; }
    },
    ar: {
      title: "آخر تعديل أوقف بناء الموقع",
      help: "أصلِح ما تذكره القائمة أدناه واحفظ الملف، فتُحدَّث هذه الصفحة وحدها. وحتى ذلك الحين تعرض آخر نسخة نجح بناؤها. تفاصيل المشكلات بالإنكليزية.",
      rebuilding: "جارٍ إعادة البناء…",
      line: "السطر",
      hide: "إخفاء",
      count: function (n) { return "عدد المشكلات: " + n; }
    }
  };
  var lang = (document.documentElement.lang || "en").slice(0, 2) === "ar" ? "ar" : "en";
  var text = TEXT[lang];
  var seen = null;
  var hidden = false;

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function problemItem(problem) {
    var where = [];
    if (problem.file) {
      where.push(element("code", { dir: "ltr", lang: "en" }, [problem.file]));
      if (problem.line) {
        where.push(" ", element("span", { class: "sawt-build-errors__line" }, [text.line + " ", element("bdi", {}, [String(problem.line)])]));
      }
    }
    return element("li", {}, [
      element("div", { class: "sawt-build-errors__where" }, where),
      element("p", { lang: "en", dir: "ltr" }, [problem.message])
    ]);
  }

  var STYLE =
    "#sawt-build-errors{position:fixed;inset-inline:0;bottom:0;z-index:100000;max-height:60vh;overflow:auto;" +
    "box-sizing:border-box;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;border-top:.35rem solid #b3261e;" +
    "box-shadow:0 -.25rem 1.5rem rgba(0,0,0,.25);font:inherit;font-size:1rem;line-height:1.5;font-style:normal}" +
    "#sawt-build-errors h2{margin:0 0 .25rem;font-size:1.15rem;color:#b3261e}" +
    "#sawt-build-errors ol{margin:.75rem 0 0;padding-inline-start:1.5rem}" +
    "#sawt-build-errors li{margin:0 0 .6rem}#sawt-build-errors li p{margin:.1rem 0 0;text-align:start}" +
    "#sawt-build-errors code{font-weight:600;unicode-bidi:isolate}" +
    "#sawt-build-errors .sawt-build-errors__line{color:#555}" +
    "#sawt-build-errors button{float:inline-end;font:inherit;padding:.25rem .75rem;cursor:pointer}" +
    "#sawt-build-errors [role=status]{font-weight:600}";

  function show(status) {
    var old = document.getElementById("sawt-build-errors");
    if (old) { old.remove(); }
    if (status.state === "ok" || !status.problems.length || hidden) { return; }
    if (!document.getElementById("sawt-build-errors-style")) {
      document.head.appendChild(element("style", { id: "sawt-build-errors-style" }, [STYLE]));
    }
    var button = element("button", { type: "button" }, [text.hide]);
    button.addEventListener("click", function () { hidden = true; show(status); });
    var panel = element("section", { id: "sawt-build-errors", role: "alert", lang: lang, dir: lang === "ar" ? "rtl" : "ltr",
                                      "aria-labelledby": "sawt-build-errors-title" }, [
      button,
      element("h2", { id: "sawt-build-errors-title" }, [text.title]),
      element("p", {}, [text.help + " (" + text.count(status.problems.length) + ")"]),
      status.state === "building" ? element("p", { role: "status" }, [text.rebuilding]) : "",
      element("ol", {}, status.problems.map(problemItem))
    ]);
    document.body.appendChild(panel);
  }

  function poll() {
    var url = STATUS + (seen === null ? "" : "?after=" + seen);
    fetch(url, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.state === "failed" && seen !== null && status.generation !== seen) { hidden = false; }
        seen = status.generation;
        show(status);
        poll();
      })
      .catch(function () { setTimeout(poll, 3000); }); // the server is restarting or stopped
  }

  poll();
})();
