# Sawt: `make serve` to see the site, `make test` for everything CI runs.
# Each target does its own set-up on a fresh machine (virtualenv, pinned installs).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000
CMS_PORT ?= 8081

.PHONY: serve build offline zim archive test test-unit check new-case new-page translations cms browser-deps clean import import-template

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

build: $(STAMP)
	@if [ -z "$$SAWT_SITE_URL" ]; then \
	  echo "make build makes the site you publish, and its share previews, feeds and sitemap"; \
	  echo "need its address: SAWT_SITE_URL=https://your.domain/ make build"; \
	  echo "(to look at the site locally, use make serve)"; exit 2; fi
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m sawt check

# A new case file to fill in (unpublished until it says publish: true), and a new pair of twin pages.
# SLUG and PAGE are read from the environment (make exports them), so no quote in them can break the shell.
new-case: $(STAMP)
	@if [ -z "$$SLUG" ]; then echo "Give the case's address: make new-case SLUG=firstname-familyname"; exit 2; fi
	@$(BIN)/python -m sawt new-case -- "$$SLUG"

new-page: $(STAMP)
	@if [ -z "$$PAGE" ]; then echo "Give the page's address: make new-page PAGE=statement (or news/2026-01-visit)"; exit 2; fi
	@$(BIN)/python -m sawt new-page -- "$$PAGE"

# Cases from a spreadsheet (.xlsx, .ods or .csv): every row checked as make check checks a case file,
# every problem listed by row and column, nothing written unless every row is good. FILE is read
# from the environment (make exports it), so no quote in a file name can break the shell.
# More options (--write-valid, --date-format, --encoding, --sheet, --dry-run): .venv/bin/python -m sawt import --help
import: $(STAMP)
	@if [ -z "$$FILE" ]; then echo "Give the sheet to import: make import FILE=cases.xlsx (make import-template writes one to fill in)"; exit 2; fi
	@$(BIN)/python -m sawt import -- "$$FILE"

# cases-template.xlsx: one column per case field, a row of hints in both languages, drop-down lists.
import-template: $(STAMP)
	@$(BIN)/python -m sawt import-template

# Pages and texts missing in one language, and translations older than their twin.
translations: $(STAMP)
	@$(BIN)/python -m sawt translations

# The editing UI (Decap CMS) on http://127.0.0.1:$(CMS_PORT)/admin/: what you save there is written
# into data/ and docs/ of this folder, for you to check (make check, make serve) and commit.
cms: $(STAMP) node_modules/.installed
	$(BIN)/python -m sawt cms --port $(CMS_PORT)

# Browser tests use Debian's Chromium (no browser downloads); the ZIM tests check with zimcheck and
# zimdump (zim-tools) and serve with kiwix-serve (kiwix-tools); print tests read PDFs with
# poppler; the sitemaps are checked against the protocol's schema with xmllint (libxml2-utils); the bucket publish uses rclone; the Nu Html Checker (vnu-jar from npm) runs on Debian's Java; npm (Debian's
# only when none is installed) installs axe-core and vnu-jar from package-lock.json.
browser-deps:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ] && command -v pdfinfo >/dev/null && command -v java >/dev/null && command -v npm >/dev/null \
	  && command -v zimcheck >/dev/null && command -v zimdump >/dev/null && command -v kiwix-serve >/dev/null && command -v xmllint >/dev/null && command -v rclone >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium firefox-esr poppler-utils default-jre-headless zim-tools kiwix-tools libxml2-utils rclone $$(command -v npm >/dev/null || echo npm) >/dev/null; \
	else \
	  echo "The browser and HTML tests need Debian's Chromium and Firefox ESR, poppler, Java, npm, zim-tools, kiwix-tools and libxml2-utils (xmllint). Install them with:"; \
	  echo "  sudo apt-get install chromium firefox-esr poppler-utils default-jre-headless npm zim-tools kiwix-tools libxml2-utils rclone"; \
	  exit 1; \
	fi

# npm tools, exactly as locked (axe-core, vnu-jar and Lighthouse for the tests, Decap CMS for make cms); --ignore-scripts: vnu-jar's install script
# would download a Java runtime, and Debian's is used instead.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "This needs Node.js and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

LINT_STAMP := $(VENV)/.lint-installed
$(LINT_STAMP): requirements-lint.txt $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-lint.txt
	touch $(LINT_STAMP)

# Pure-Python unit tests only (tests/unit/: no process, browser or built site; about a minute).
test-unit: $(STAMP)
	$(BIN)/python -m pytest -q tests/unit

test: $(STAMP) $(LINT_STAMP) browser-deps node_modules/.installed
	$(BIN)/python -m pytest
	@echo "The built-HTML tests again, on the site built as a mirror under a sub-path:"
	SAWT_TEST_SITE_URL=https://mirror.example/sawt/ $(BIN)/python -m pytest -q -p no:cacheprovider tests/build

clean:
	rm -rf site .cache test-artifacts

# A copy for a USB stick, opened from file:// (README: "A copy for a USB stick"): the site is built
# into site-offline/site/ (never into site/), then made to work from a folder, given a first page
# (site-offline/index.html) and zipped. Give the published address, so share links point to it:
# SAWT_SITE_URL=https://your.domain/ make offline.
offline: $(STAMP)
	rm -rf site-offline site-offline.zip
	SAWT_SITE_URL=$${SAWT_SITE_URL:-https://offline.invalid/} NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site-offline/site
	$(BIN)/python -m sawt.outputs.offline site-offline site-offline.zip

# The archive as a Kiwix ZIM file (README: "The archive in Kiwix"): the site is built into site-zim/
# (never into site/), then written to site.zim with its full-text index. The site's address as for
# make offline: SAWT_SITE_URL=https://your.domain/ make zim.
zim: $(STAMP)
	rm -rf site-zim site.zim
	SAWT_SITE_URL=$${SAWT_SITE_URL:-https://offline.invalid/} NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site-zim
	$(BIN)/python -m sawt zim site-zim site.zim

# Preserve every cited source (README: "Sources that last"): each one with a url is fetched once
# and kept as a WACZ file under archive/, with its hashes in archive/manifest.json. A maintainer's
# command (never the pull-request check). More: .venv/bin/python -m sawt archive --help
# (--again ID, --import ID FILE, --verify, --check-live).
archive: $(STAMP)
	$(BIN)/python -m sawt archive
