// Sawt's editing UI: Decap CMS with the config generated from the case schema (config.json, see
// sawt/volunteer/cms.py) and two widgets that write a text in both languages the way Sawt's files
// hold it. The Arabic input is always dir="rtl" lang="ar"; English is dir="ltr" lang="en".
window.CMS_MANUAL_INIT = true;

(function () {
  "use strict";

  function get(value, key) {
    if (value === null || value === undefined) { return ""; }
    var got = typeof value.get === "function" ? value.get(key) : value[key];
    return got === undefined || got === null ? "" : String(got);
  }

  function option(field, key, fallback) {
    var got = field && typeof field.get === "function" ? field.get(key) : undefined;
    return got === undefined ? fallback : got;
  }

  function toJS(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }

  var MISSING = {
    en: { en: "Write the English text too.", ar: "اكتب النص الإنكليزي أيضاً." },
    ar: { en: "Write the Arabic text too.", ar: "اكتب النص العربي أيضاً." }
  };

  function input(h, props, multiline) {
    return h(multiline ? "textarea" : "input", Object.assign({ type: multiline ? undefined : "text", rows: multiline ? 6 : undefined }, props));
  }

  var inputStyle = {
    width: "100%", boxSizing: "border-box", padding: ".6rem .75rem", font: "inherit", fontSize: "1rem", fontStyle: "normal",
    lineHeight: 1.6, border: "2px solid #dfdfe3", borderRadius: "5px", background: "#fff", color: "#313d3e"
  };

  // {en: "...", ar: "..."}: both languages side by side (stacked on a narrow screen).
  function bilingualWidget(h, createClass) {
    return createClass({
      languages: function () {
        return toJS(option(this.props.field, "languages", null)) || [
          { code: "en", label: "English", dir: "ltr" }, { code: "ar", label: "العربية", dir: "rtl" }];
      },
      change: function (code, text) {
        var next = {};
        var value = this.props.value;
        this.languages().forEach(function (language) { next[language.code] = get(value, language.code); });
        next[code] = text;
        Object.keys(next).forEach(function (key) { if (!next[key]) { delete next[key]; } });
        this.props.onChange(Object.keys(next).length ? next : undefined);
      },
      isValid: function () {
        var value = this.props.value;
        var languages = this.languages();
        var filled = languages.filter(function (language) { return get(value, language.code).trim(); });
        var required = option(this.props.field, "required", true) !== false;
        if (!filled.length && !required) { return true; }
        for (var i = 0; i < languages.length; i++) {
          var language = languages[i];
          var text = get(value, language.code);
          if (!text.trim()) {
            var words = MISSING[language.code] || MISSING.en;
            return { error: { message: words.en + " / " + words.ar } };
          }
          if (language.max_length && text.length > language.max_length) {
            return { error: { message: language.label + ": at most " + language.max_length + " characters (now " + text.length + ")" } };
          }
        }
        return true;
      },
      render: function () {
        var self = this;
        var multiline = option(this.props.field, "multiline", false);
        return h("div", { className: this.props.classNameWrapper, style: { display: "flex", flexWrap: "wrap", gap: "1rem" } },
          this.languages().map(function (language, index) {
            var id = index === 0 ? self.props.forID : self.props.forID + "-" + language.code;
            return h("div", { key: language.code, lang: language.code, dir: language.dir, style: { flex: "1 1 18rem", minWidth: 0 } },
              h("label", { htmlFor: id, style: { display: "block", fontWeight: 600, marginBottom: ".25rem" } }, language.label),
              input(h, {
                id: id, lang: language.code, dir: language.dir, value: get(self.props.value, language.code),
                "data-sawt-language": language.code, style: inputStyle,
                onChange: function (event) { self.change(language.code, event.target.value); },
                onFocus: self.props.setActiveStyle, onBlur: self.props.setInactiveStyle
              }, multiline));
          }));
      }
    });
  }

  // One language of a page (Decap's i18n panes): right-to-left in the Arabic pane.
  function localizedWidget(h, createClass) {
    return createClass({
      isValid: function () {
        var required = option(this.props.field, "required", true) !== false;
        return !required || String(this.props.value || "").trim() ? true : { error: { message: "Required / مطلوب" } };
      },
      render: function () {
        var self = this;
        // Decap's i18n panes give the locale; a section collection pins it in the field (cms.py).
        var code = this.props.locale || option(this.props.field, "language", "en");
        var dir = code === "ar" ? "rtl" : "ltr";
        return input(h, {
          id: this.props.forID, className: this.props.classNameWrapper, lang: code, dir: dir,
          value: this.props.value || "", "data-sawt-language": code,
          style: Object.assign({}, inputStyle, option(this.props.field, "multiline", false) ? { minHeight: "24rem" } : {}),
          onChange: function (event) { self.props.onChange(event.target.value); },
          onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle
        }, option(this.props.field, "multiline", false));
      }
    });
  }

  window.addEventListener("DOMContentLoaded", function () {
    var CMS = window.CMS;
    CMS.registerWidget("sawt-bilingual", bilingualWidget(window.h, window.createClass));
    CMS.registerWidget("sawt-localized", localizedWidget(window.h, window.createClass));
    fetch("config.json", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (config) {
        if (config.local_backend) {
          // make cms: Decap's local proxy answers on this same address (sawt/volunteer/admin/server.js).
          config.local_backend = { url: location.origin + "/api/v1" };
        }
        config.load_config_file = false;
        CMS.init({ config: config });
      });
  });
})();
