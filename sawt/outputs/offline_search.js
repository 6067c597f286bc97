/* Pagefind for a copy opened from file:// (written by sawt/outputs/offline_search.py
 * as <site>/pagefind/pagefind-offline.js in the offline copy only).
 *
 * From file:// a browser refuses fetch() and module scripts, and those are
 * how Pagefind loads its code and its index (Pagefind issue #202). A classic
 * <script> still loads. So the offline copy ships
 *  - Pagefind's own search code, unchanged but for three mechanical edits made by
 *    offline_search.py (its `export` becomes this file's `return`, `import.meta.url`
 *    becomes the bundle's address, and `fetch` is the function below), so it
 *    ranks, stems and excerpts exactly as online;
 *  - each file of the index (entry, metadata, WebAssembly, chunks, fragments,
 *    filters) as a script, `<file>.js`, that hands its bytes, base64, to
 *    window.sawtPagefindFile.
 * The `fetch` Pagefind sees loads that script and answers with its bytes as a
 * Response; the index is still read chunk by chunk, only what a query needs.
 *
 * Result: window.sawtPagefindOffline, the module's exports (createInstance, ...).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var BASE = new URL(".", (script && script.src) || document.baseURI).href;
  var waiting = {}; // bundle-relative path -> [resolve, ...]
  var loaded = {};  // bundle-relative path -> Uint8Array

  function bytesOf(base64) {
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  /* Called by each <file>.js. */
  window.sawtPagefindFile = function (path, base64) {
    loaded[path] = bytesOf(base64);
    (waiting[path] || []).forEach(function (resolve) { resolve(); });
    delete waiting[path];
  };

  function bundlePath(input) {
    var url = new URL(String(input && input.url ? input.url : input), BASE);
    url.search = "";
    url.hash = "";
    if (url.href.indexOf(BASE) !== 0) return null;
    return decodeURIComponent(url.href.slice(BASE.length));
  }

  function loadFile(path) {
    if (loaded[path]) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var first = !waiting[path];
      (waiting[path] = waiting[path] || []).push(resolve);
      if (!first) return;
      var tag = document.createElement("script");
      tag.src = BASE + path.split("/").map(encodeURIComponent).join("/") + ".js";
      tag.onload = function () { tag.remove(); };
      tag.onerror = function () {
        tag.remove();
        delete waiting[path];
        reject(new TypeError("sawt: no offline search file " + path));
      };
      document.head.appendChild(tag);
    });
  }

  /* The fetch Pagefind calls: its bundle only; anything else is refused, as
     the page's Content-Security-Policy would. */
  function offlineFetch(input) {
    var path = bundlePath(input);
    if (path === null) return Promise.reject(new TypeError("sawt: offline search fetches nothing outside its bundle"));
    return loadFile(path).then(function () {
      var type = /\.json$/.test(path) ? "application/json" : "application/octet-stream";
      return new Response(loaded[path], { status: 200, headers: { "Content-Type": type } });
    });
  }

  window.sawtPagefindOffline = (function (fetch, sawtModuleUrl) {
    /* sawt:pagefind */
  })(offlineFetch, BASE + "pagefind.js");
})();
