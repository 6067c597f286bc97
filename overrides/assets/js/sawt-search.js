/* Sawt search: Pagefind's component UI in the header, with Arabic-aware queries.
 *
 * One script for both languages; it reads <html lang>. It
 *  - normalises each query with the rules of sawt/outputs/search/pairs.json (the same
 *    rules sawt/search_text.py applied to the indexed pages), so أحمد/احمد,
 *    والصفحة/صفحة, ٢٠٢٣/2023 ... find each other;
 *  - routes every search, the UI's and window.sawtSearch's, through one path
 *    (sawtEngine.search), so a test of sawtSearch is a test of what readers get;
 *  - rebuilds an excerpt from the page's own words when a page matched only
 *    through its hidden search forms, so results always quote the page;
 *  - from file:// (no fetch, no module scripts), uses the offline copy's
 *    pagefind-offline.js (sawt/outputs/offline_search.py: the same Pagefind, its index
 *    as classic scripts) and makes result links name their index.html; a copy
 *    without it (a plain `site/` opened from disk) shows a message in the page
 *    language instead of a search box that would spin forever.
 *
 * Page contract (what the templates provide):
 *   <div class="sawt-search" data-sawt-search></div>      where the header search goes
 *   <script src=".../assets/js/sawt-search.js" defer></script>
 *   optional on the script: data-sawt-bundle="<url of the pagefind/ folder>"
 *   optional on the slot:   data-sawt-placeholder="<trigger text>"
 *                           data-sawt-grade-filter="<label of the filter by grade>"
 */
(function () {
  "use strict";

  // ---- rules: a copy of "rules" in sawt/outputs/search/pairs.json (tests/unit/test_search_text.py checks they agree)
  var RULES = /* sawt-rules:begin */ {
    "strip_ranges": [
      ["\u0610", "\u061a", "Quranic honorific signs"],
      ["\u064b", "\u065f", "tashkeel: tanwin, fatha, damma, kasra, shadda, sukun, ..."],
      ["\u0670", "\u0670", "superscript alef"],
      ["\u06d6", "\u06ed", "Quranic annotation marks"],
      ["\u0640", "\u0640", "tatweel"],
      ["\u200b", "\u200f", "zero-width space/joiners and LRM/RLM marks"],
      ["\u061c", "\u061c", "Arabic letter mark"]
    ],
    "fold": {
      "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
      "\u0672": "\u0627", "\u0673": "\u0627", "\u0675": "\u0627",
      "\u0649": "\u064a", "\u06cc": "\u064a",
      "\u0629": "\u0647", "\u06c0": "\u0647",
      "\u0624": "\u0648", "\u0626": "\u064a", "\u06a9": "\u0643",
      "\u0660": "0", "\u0661": "1", "\u0662": "2", "\u0663": "3", "\u0664": "4",
      "\u0665": "5", "\u0666": "6", "\u0667": "7", "\u0668": "8", "\u0669": "9",
      "\u06f0": "0", "\u06f1": "1", "\u06f2": "2", "\u06f3": "3", "\u06f4": "4",
      "\u06f5": "5", "\u06f6": "6", "\u06f7": "7", "\u06f8": "8", "\u06f9": "9"
    },
    "article_prefixes": ["\u0648\u0627\u0644", "\u0641\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0644\u0644", "\u0627\u0644"],
    "min_stem_length": 3
  } /* sawt-rules:end */;

  var STRINGS = {
    en: {
      placeholder: "Search the archive",
      offlineTitle: "Search is not available here",
      offline: "Search needs the site to be served; open it online, run `make serve`, or use the offline copy (`make offline`).",
      unavailable: "Search could not be loaded. Please try again later.",
      close: "Close"
    },
    ar: {
      placeholder: "ابحث في الأرشيف",
      offlineTitle: "البحث غير متاح هنا",
      offline: "يحتاج البحث إلى تشغيل الموقع عبر خادم؛ افتحه على الإنترنت أو شغّل الأمر `make serve`، أو استخدم النسخة غير المتصلة (`make offline`).",
      unavailable: "تعذّر تحميل البحث. يُرجى المحاولة لاحقًا.",
      close: "إغلاق"
    }
  };

  var LANG = (document.documentElement.getAttribute("lang") || "en").split("-")[0].toLowerCase();
  var T = STRINGS[LANG] || STRINGS.en;
  var OFFLINE = window.location.protocol === "file:";
  var SCRIPT = document.currentScript;

  // ---- normalisation (mirror of sawt/search_text.py) -------------------------------

  function codePointClass(ch) {
    return "\\u{" + ch.codePointAt(0).toString(16) + "}";
  }
  var STRIP = new RegExp(
    "[" + RULES.strip_ranges.map(function (r) { return codePointClass(r[0]) + "-" + codePointClass(r[1]); }).join("") + "]",
    "gu"
  );
  var PREFIXES = RULES.article_prefixes.slice().sort(function (a, b) { return b.length - a.length; });
  var WORD = /[\p{L}\p{N}_]+/gu;

  function normaliseArabic(text) {
    var stripped = String(text).normalize("NFKC").replace(STRIP, "");
    var out = "";
    for (var ch of stripped) out += Object.prototype.hasOwnProperty.call(RULES.fold, ch) ? RULES.fold[ch] : ch;
    return out;
  }

  function stripArticle(word) {
    for (var i = 0; i < PREFIXES.length; i++) {
      var prefix = PREFIXES[i];
      if (word.startsWith(prefix) && word.length - prefix.length >= RULES.min_stem_length) {
        return word.slice(prefix.length);
      }
    }
    return word;
  }

  function searchKey(word) {
    return stripArticle(normaliseArabic(word).toLowerCase());
  }

  /* The forms a word on a page is findable under (search_variants in Python):
     its key, and for a ل+ال word (للاجئين) also the key with the lam restored. */
  function searchVariants(word) {
    var folded = normaliseArabic(word).toLowerCase();
    var key = stripArticle(folded);
    return folded.startsWith("\u0644\u0644") && key !== folded ? [key, "\u0644" + key] : [key];
  }

  function normaliseQuery(query) {
    return normaliseArabic(query).toLowerCase().replace(WORD, stripArticle);
  }

  // ---- where the Pagefind bundle lives ---------------------------------------------

  function bundleUrl() {
    var explicit = SCRIPT && SCRIPT.getAttribute("data-sawt-bundle");
    if (explicit) return new URL(explicit, document.baseURI).href.replace(/\/?$/, "/");
    // The script sits at <site>/assets/js/; the bundle at <site>/pagefind/.
    var base = (SCRIPT && SCRIPT.src) || document.baseURI;
    return new URL("../../pagefind/", base).href;
  }
  var BUNDLE = bundleUrl();
  // Result URLs are Pagefind's page paths under the site's own path (the bundle's
  // parent), so a site served under a sub-path (https://mirror.example/sawt/) or
  // from a folder links to its own pages. Pagefind makes the same guess over http;
  // from file:// its guess keeps "file:" and loses the "//", hence said here.
  var SITE_PATH = new URL("../", BUNDLE).pathname;

  // ---- the one search path -----------------------------------------------------------

  var RANKING = {
    // Names typed in another script match through sawt_names: count them like a title.
    metaWeights: { title: 5.0, sawt_names: 5.0, sawt_terms: 1.0, status: 0.0 }
  };
  var EXCERPT_WORDS = 24;
  var loading = null;

  function offlineError() {
    var error = new Error(T.offline);
    error.name = "SawtSearchOffline";
    return error;
  }

  /* Pagefind as a classic script, for file:// (only the offline copy has it). */
  var offlineLoading = null;
  function loadOfflinePagefind() {
    if (!offlineLoading) {
      offlineLoading = window.sawtPagefindOffline ? Promise.resolve(window.sawtPagefindOffline)
        : loadScript(BUNDLE + "pagefind-offline.js").then(function () {
          if (!window.sawtPagefindOffline) throw offlineError();
          return window.sawtPagefindOffline;
        }, function () { throw offlineError(); });
    }
    return offlineLoading;
  }

  /* A large archive's case pages are in shards beside the main bundle
     (sawt/outputs/search/index.py): the main bundle lists them in sawt-shards.json,
     and each is merged in with the same options before the first search runs.
     `read` is fetch online, and the offline copy's script-backed fetch from file://. */
  var SHARDS_FILE = "sawt-shards.json";

  function shardList(read) {
    return read(BUNDLE + SHARDS_FILE).then(function (response) {
      if (!response.ok) throw new Error("sawt: " + SHARDS_FILE + " " + response.status);
      return response.json();
    }).then(function (listing) { return (listing && listing.merge) || []; });
  }

  function loadPagefind() {
    if (!loading) {
      // The offline copy served over http has no module bundle: use its scripts.
      var module_ = OFFLINE ? loadOfflinePagefind()
        : import(BUNDLE + "pagefind.js").catch(function (error) {
          return loadOfflinePagefind().catch(function () { throw error; });
        });
      loading = module_.then(function (module) {
        var options = { baseUrl: SITE_PATH, excerptLength: EXCERPT_WORDS, ranking: RANKING };
        var instance = module.createInstance(Object.assign({ basePath: BUNDLE, noWorker: true }, options));
        var read = module === window.sawtPagefindOffline ? window.sawtPagefindOfflineFetch : window.fetch.bind(window);
        return shardList(read).then(function (shards) {
          return Promise.all(shards.map(function (shard) {
            return instance.mergeIndex(new URL(shard, BUNDLE).href, options);
          }));
        }).then(function () { return instance; });
      });
      loading.catch(function () { loading = null; }); // let a later search retry
    }
    return loading;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function wordMatches(word, keys) {
    var parts = normaliseArabic(word).match(WORD);
    if (!parts) return false;
    return parts.some(function (part) {
      return searchVariants(part).some(function (variant) {
        return keys.some(function (key) { return variant.startsWith(key); });
      });
    });
  }

  /* A page that matched only through its hidden search forms gets an excerpt of
     its own words around the first match, marked the way Pagefind marks. */
  function withOwnExcerpt(data, keys) {
    if (!keys.length || /<mark>/.test(data.excerpt || "")) return data;
    var content = data.raw_content || escapeHtml(data.content || "");
    var words = content.split(/[\r\n\s]+/g);
    var hits = [];
    for (var i = 0; i < words.length; i++) if (wordMatches(words[i], keys)) hits.push(i);
    if (!hits.length) return data;
    var start = Math.max(0, Math.min(hits[0] - Math.floor(EXCERPT_WORDS / 3), words.length - EXCERPT_WORDS));
    var window_ = words.slice(start, start + EXCERPT_WORDS);
    var marked = window_.map(function (word, j) {
      return hits.indexOf(start + j) >= 0 ? "<mark>" + word + "</mark>" : word;
    });
    data.plain_excerpt = window_.join(" ").trim();
    data.excerpt = marked.join(" ").trim();
    data.sub_results = []; // Pagefind's sub-results have nothing to highlight here
    return data;
  }

  /* In Arabic text, ASCII digits become "Arabic numbers" for the bidi algorithm
     and a hyphen between them does not join them: 2023-04-19 would read
     19-04-2023. The page isolates its dates; a plain-text excerpt cannot, so
     number runs with separators are isolated here (text only, never inside a tag). */
  var NUMBER_RUN = /\d+(?:[-\/.:]\d+)+/g;
  function isolateNumbers(excerptHtml) {
    return String(excerptHtml || "").split(/(<[^>]*>)/).map(function (part) {
      return part.charAt(0) === "<" ? part : part.replace(NUMBER_RUN, '<span dir="ltr">$&</span>');
    }).join("");
  }

  /* From file:// a link to a folder shows a folder listing: name its index.html. */
  function fileUrl(url) {
    return String(url || "").replace(/\/(?=$|[?#])/, "/index.html");
  }

  function presentable(data, keys) {
    withOwnExcerpt(data, keys);
    if (OFFLINE) {
      data.url = fileUrl(data.url);
      (data.sub_results || []).forEach(function (sub) { sub.url = fileUrl(sub.url); });
    }
    data.excerpt = isolateNumbers(data.excerpt);
    (data.sub_results || []).forEach(function (sub) { sub.excerpt = isolateNumbers(sub.excerpt); });
    return data;
  }

  /* Two searches, merged: first the pages found by the query as typed, in
     Pagefind's order (its stemmer ranks best when a page spells a word the way
     the reader typed it: منى stays منى rather than becoming مني "from me"),
     then the pages found only by the normalised query, in its order (the
     spellings Pagefind does not merge: والصفحة, مصطفى/مصطفي, ۱۹۹۸). A query
     that normalises to itself (Latin, digits) runs once. */
  function search(query, options) {
    // null: every page that passes the options' filters (Pagefind's filter-only search).
    var filterOnly = query === null;
    var typed = String(query === null || query === undefined ? "" : query).trim();
    var normalised = normaliseQuery(typed);
    var keys = normalised.match(WORD) || [];
    return loadPagefind().then(function (pagefind) {
      var searches = [pagefind.search(filterOnly ? null : typed, options || {})];
      if (!filterOnly && normalised !== typed.toLowerCase()) searches.push(pagefind.search(normalised, options || {}));
      return Promise.all(searches);
    }).then(function (responses) {
      var response = responses[0];
      if (!response) return response;
      var merged = [];
      var seen = {};
      responses.forEach(function (r) {
        (r && r.results || []).forEach(function (result) {
          if (!seen[result.id]) { seen[result.id] = true; merged.push(result); }
        });
      });
      merged.forEach(function (result) {
        var load = result.data;
        var loaded = null;
        result.data = function () {
          if (!loaded) loaded = load.call(result).then(function (data) { return presentable(data, keys); });
          return loaded;
        };
      });
      response.unfilteredResultCount = Math.max.apply(null, responses.map(function (r) { return (r && r.unfilteredResultCount) || 0; }).concat([merged.length]));
      return titleMatchesFirst(merged, normalised).then(function (ordered) {
        response.results = ordered;
        return response;
      });
    });
  }

  /* Pagefind ignores word order, so for "جمال علي البيطار" the page of
     "علي جمال البيطار" can come first. Among the first few results (whose data
     the results list loads anyway), a page whose title contains the query as
     a phrase moves ahead, keeping Pagefind's order otherwise. */
  var PHRASE_WINDOW = 5;
  function titleMatchesFirst(results, normalised) {
    var phrase = " " + (normalised.match(WORD) || []).join(" ") + " ";
    if (phrase.trim().indexOf(" ") < 0 || results.length < 2) return Promise.resolve(results);
    var head = results.slice(0, PHRASE_WINDOW);
    return Promise.all(head.map(function (r) { return r.data(); })).then(function (pages) {
      var matching = [];
      var rest = [];
      head.forEach(function (result, i) {
        var title = " " + (normaliseQuery((pages[i].meta && pages[i].meta.title) || "").match(WORD) || []).join(" ") + " ";
        (title.indexOf(phrase) >= 0 ? matching : rest).push(result);
      });
      return matching.concat(rest, results.slice(PHRASE_WINDOW));
    }, function () { return results; });
  }

  var engine = {
    // The shape Pagefind's component UI expects of a Pagefind instance.
    search: search,
    filters: function () { return loadPagefind().then(function (p) { return p.filters(); }); },
    options: function (opts) { return loadPagefind().then(function (p) { return p.options(opts); }); },
    mergeIndex: function () { return Promise.reject(new Error("sawt: mergeIndex is not supported")); },
    preload: function (query) { return loadPagefind().then(function (p) { return p.preload(normaliseQuery(query)); }); },
    normaliseQuery: normaliseQuery,
    searchKey: searchKey,
    searchVariants: searchVariants
  };
  window.sawtEngine = engine;

  /* The test seam: the same path as the UI. Resolves to results in rank order. `options` are
     Pagefind's search options, e.g. { filters: { grade: "Single source" } }, as the UI passes them. */
  window.sawtSearch = function (query, limit, options) {
    var count = typeof limit === "number" ? limit : 10;
    return search(query === null ? null : String(query), options).then(function (response) {
      var results = (response && response.results) || [];
      return Promise.all(results.slice(0, count).map(function (r) { return r.data(); }));
    }).then(function (pages) {
      return pages.map(function (page) {
        return {
          url: page.url,
          title: (page.meta && page.meta.title) || "",
          status: (page.meta && page.meta.status) || null,
          grade: (page.filters && page.filters.grade) || [],
          excerpt: page.excerpt || ""
        };
      });
    });
  };

  // ---- the header UI -----------------------------------------------------------------

  /* The engine as the component UI sees it: a failure to load Pagefind becomes
     the UI's own error message (in the page language), never an endless skeleton. */
  function engineForUi(instance) {
    function failed() {
      instance.__dispatch__("error", { type: "bundle_load_failed", message: T.unavailable });
      return null; // the UI renders no results for a null answer
    }
    /* Pagefind counts the filters in a search's answer only once its filters are loaded, which
       the component UI does only for a Pagefind it loaded itself: load them before the first
       search, and give them to the UI, so the grade filter offers its choices from the start. */
    var filtersLoaded = null;
    function withFilters() {
      if (!filtersLoaded) {
        filtersLoaded = engine.filters().then(function (available) {
          instance.availableFilters = available;
          instance.totalFilters = available;
          instance.__dispatch__("filters", { available: available, total: available });
        }).catch(function () { filtersLoaded = null; });
      }
      return filtersLoaded;
    }
    return {
      search: function (query, options) {
        return withFilters().then(function () { return search(query, options); }).catch(failed);
      },
      filters: function () { return engine.filters().catch(function () { return {}; }); },
      options: engine.options,
      mergeIndex: engine.mergeIndex
    };
  }

  var RESULT_TEMPLATE =
    '<li class="pf-result">' +
    '<div class="pf-result-card"><div class="pf-result-content">' +
    '<p class="pf-result-title">' +
    '<a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a>' +
    '{{#if meta.status}} <span class="sawt-search-status">{{ meta.status }}</span>{{/if}}' +
    "</p>" +
    '{{#if excerpt}}<p class="pf-result-excerpt">{{+ excerpt +}}</p>{{/if}}' +
    "</div></div>" +
    '{{#if sub_results}}<ul class="pf-heading-chips">{{#each sub_results as sub}}' +
    '<li class="pf-heading-chip"><a class="pf-heading-link" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a>' +
    '<p class="pf-heading-excerpt">{{+ sub.excerpt +}}</p></li>{{/each}}</ul>{{/if}}' +
    "</li>";

  function element(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = element("script", { src: src });
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  function loadStylesheet(href) {
    return new Promise(function (resolve) {
      var link = element("link", { rel: "stylesheet", href: href });
      link.onload = resolve;
      link.onerror = resolve; // unstyled is better than no search
      document.head.appendChild(link);
    });
  }

  function mountComponentUi(slots, openWhenReady) {
    var placeholder = slots[0].getAttribute("data-sawt-placeholder") || T.placeholder;
    // Case pages carry the grade of the event their status rests on as the "grade" filter
    // (sawt/outputs/search/index.py), its values in the page's language: a reader picks one.
    var gradeLabel = slots[0].getAttribute("data-sawt-grade-filter");
    Promise.all([
      loadStylesheet(BUNDLE + "pagefind-component-ui.css"),
      window.PagefindComponents ? Promise.resolve() : loadScript(BUNDLE + "pagefind-component-ui.js")
    ]).then(function () {
      var instance = window.PagefindComponents.getInstanceManager().getInstance("default");
      // Give the UI our engine before any component can load Pagefind itself:
      // the component UI has no hook for rewriting queries, and only ever calls
      // search() and filters() on this object (Pagefind 1.5.2, core/instance.ts).
      instance.__pagefind__ = engineForUi(instance);
      slots.forEach(function (slot, i) {
        var attr = escapeHtml(placeholder).replace(/"/g, "&quot;");
        // One parse of the whole structure: the components upgrade in tree order,
        // as they do from static markup (building it node by node made the modal
        // header initialise twice when the modal moved it into its <dialog>).
        slot.innerHTML =
          '<pagefind-modal-trigger placeholder="' + attr + '"' + (i > 0 ? ' shortcut=""' : "") + "></pagefind-modal-trigger>" +
          '<pagefind-modal reset-on-close>' +
          '<pagefind-modal-header><pagefind-input placeholder="' + attr + '"></pagefind-input>' +
          (gradeLabel ? '<pagefind-filter-dropdown class="sawt-search-grade" filter="grade" label="' +
            escapeHtml(gradeLabel).replace(/"/g, "&quot;") + '"></pagefind-filter-dropdown>' : "") +
          "</pagefind-modal-header>" +
          "<pagefind-modal-body><pagefind-summary></pagefind-summary>" +
          '<pagefind-results max-sub-results="2"><script type="text/pagefind-template">' + RESULT_TEMPLATE + "</script></pagefind-results>" +
          "</pagefind-modal-body>" +
          "<pagefind-modal-footer><pagefind-keyboard-hints></pagefind-keyboard-hints></pagefind-modal-footer>" +
          "</pagefind-modal>";
        // Start fetching Pagefind as soon as the reader heads for the search box.
        slot.addEventListener("focusin", function () { loadPagefind().catch(function () {}); }, { once: true });
        slot.addEventListener("pointerenter", function () { loadPagefind().catch(function () {}); }, { once: true });
      });
      document.documentElement.setAttribute("data-sawt-search-state", "ready");
      if (openWhenReady()) openModal(slots[0], Date.now() + 5000);
    }).catch(function () {
      slots.forEach(function (slot) { mountMessage(slot, T.unavailable); });
      document.documentElement.setAttribute("data-sawt-search-state", "unavailable");
    });
  }

  /* Typing goes straight into the box, as with the built-in trigger; the input
     appears a few frames after the modal opens on first use. */
  function focusInput(modal, deadline) {
    var input = modal.querySelector("pagefind-input input");
    if (input && document.activeElement !== input) input.focus();
    if ((!input || document.activeElement !== input) && Date.now() < deadline) {
      window.setTimeout(function () { focusInput(modal, deadline); }, 30);
    }
  }

  /* The modal renders its <dialog> when it is attached; try again until it has. */
  function openModal(slot, deadline) {
    var modal = slot.querySelector("pagefind-modal");
    if (modal && modal.dialogEl && typeof modal.open === "function") {
      modal.open();
      focusInput(modal, Date.now() + 5000);
    } else if (Date.now() < deadline) {
      // On a slow phone the components can take a while to upgrade: keep trying for a few seconds.
      window.setTimeout(function () { openModal(slot, deadline); }, 30);
    }
  }

  /* Until the reader heads for search, the header holds a plain button: the
     component UI (about 240 KB, 56 KB gzipped) is fetched on first hover, focus,
     tap or Ctrl+K, not on every page view of a reader on a slow connection. */
  function mountLazily(slots) {
    var started = false;
    var wantsOpen = false;
    // Hovering starts the download; a click (or Ctrl+K) also opens the modal,
    // whether it comes before, during or after that download.
    function start(open) {
      wantsOpen = wantsOpen || open;
      if (started) return;
      started = true;
      mountComponentUi(slots, function () { return wantsOpen; });
    }
    slots.forEach(function (slot) {
      var button = element("button", {
        type: "button",
        class: "sawt-search-offline sawt-search-lazy",
        "aria-haspopup": "dialog"
      }, [element("span", { class: "sawt-search-offline__label" }, [slot.getAttribute("data-sawt-placeholder") || T.placeholder])]);
      button.addEventListener("click", function () { start(true); });
      slot.addEventListener("pointerenter", function () { start(false); }, { once: true });
      slot.addEventListener("focusin", function () { start(false); }, { once: true });
      slot.replaceChildren(button);
    });
    document.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k" && !document.querySelector("pagefind-modal")) {
        event.preventDefault();
        start(true);
      }
    });
    document.documentElement.setAttribute("data-sawt-search-state", "waiting");
  }

  /* Offline (file://) or broken: a search button that explains, never a spinner. */
  function mountMessage(slot, message) {
    var title = element("h2", { class: "sawt-search-message__title" }, [T.offlineTitle]);
    // `make serve` in the message is shown as code.
    var text = element("p", { class: "sawt-search-message__text" }, message.split("`").map(function (part, i) {
      return i % 2 ? element("code", {}, [part]) : part;
    }));
    var close = element("button", { type: "button", class: "md-button sawt-search-message__close" }, [T.close]);
    var dialog = element("dialog", { class: "sawt-search-message", "aria-labelledby": "" }, [title, text, close]);
    title.id = "sawt-search-message-" + Math.random().toString(36).slice(2);
    dialog.setAttribute("aria-labelledby", title.id);
    var button = element("button", {
      type: "button",
      class: "sawt-search-offline",
      "aria-haspopup": "dialog",
      title: message.replace(/`/g, "")
    }, [element("span", { class: "sawt-search-offline__label" }, [slot.getAttribute("data-sawt-placeholder") || T.placeholder])]);
    button.addEventListener("click", function () { dialog.showModal(); });
    close.addEventListener("click", function () { dialog.close(); });
    slot.replaceChildren(button, dialog);
  }

  function mount() {
    var slots = Array.prototype.slice.call(document.querySelectorAll("[data-sawt-search]"));
    if (OFFLINE) {
      // From a folder, loading the offline search script costs a disk read: try it now,
      // so that a copy without one says so before the reader types.
      loadOfflinePagefind().then(function () {
        if (slots.length) mountLazily(slots);
      }, function () {
        slots.forEach(function (slot) { mountMessage(slot, T.offline); });
        document.documentElement.setAttribute("data-sawt-search-state", "offline");
      });
      return;
    }
    if (slots.length) mountLazily(slots);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
