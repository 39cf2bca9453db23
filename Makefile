# Raccordo — the two commands a newcomer needs:
#   make run    install what is missing, build, and open the desktop app (default database)
#   make test   install what is missing, build, and run every test (core, CLI, UI, desktop e2e)
# Other targets: bench, measure-startup, release, lint, bindings, fuzz, clean.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
export CARGO_TERM_COLOR ?= never
# Each stage of `make test` notes its wall-clock time here; the table is printed at the end.
STAGE_TIMES := $(TARGET_DIR)/tmp/stage-times.txt
STAGE := scripts/stage-time.sh

.PHONY: run test stage-times deps-run deps-test ui ui-checks rust-checks audit rust-tests desktop e2e bench measure-startup release lint bindings fuzz clean

run: deps-run ui
	$(CARGO) run --locked -p raccordo-desktop

test: stage-times deps-test ui-checks ui rust-checks audit rust-tests desktop e2e
	@$(STAGE) table $(STAGE_TIMES)
	@echo "make test: tutti i controlli sono passati"

stage-times:
	@$(STAGE) reset $(STAGE_TIMES)

deps-run:
	@scripts/deps.sh run

deps-test:
	@$(STAGE) begin $(STAGE_TIMES) deps
	@scripts/deps.sh test
	@$(STAGE) end $(STAGE_TIMES) deps

# The UI is embedded into the desktop binary at compile time: build it first.
ui:
	@$(STAGE) begin $(STAGE_TIMES) ui
	cd ui && npm run build
	@$(STAGE) end $(STAGE_TIMES) ui

ui-checks:
	@$(STAGE) begin $(STAGE_TIMES) ui-checks
	cd ui && npm run lint && npm run check && npm test
	@$(STAGE) end $(STAGE_TIMES) ui-checks

rust-checks:
	@$(STAGE) begin $(STAGE_TIMES) rust-checks
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings
	@$(STAGE) end $(STAGE_TIMES) rust-checks

# Known vulnerabilities of the locked dependencies, against the project's offline RustSec
# snapshot (tools/advisory-db, see its SNAPSHOT.md); accepted findings are explained in
# audit.toml. --stale: the snapshot is older than cargo-audit's freshness limit on purpose.
audit:
	@$(STAGE) begin $(STAGE_TIMES) audit
	cargo audit --no-fetch --stale --db tools/advisory-db --deny warnings
	@$(STAGE) end $(STAGE_TIMES) audit

rust-tests:
	@$(STAGE) begin $(STAGE_TIMES) rust-tests
	rm -f $(TARGET_DIR)/tmp/safety-figures.txt
	$(CARGO) test --locked --workspace
	@echo "== Data-safety figures (short configuration; README: long configuration) =="
	@cat $(TARGET_DIR)/tmp/safety-figures.txt
	@$(STAGE) end $(STAGE_TIMES) rust-tests

desktop:
	@$(STAGE) begin $(STAGE_TIMES) desktop
	$(CARGO) build --locked -p raccordo-desktop -p raccordo
	@$(STAGE) end $(STAGE_TIMES) desktop

e2e:
	@$(STAGE) begin $(STAGE_TIMES) e2e
	RACCORDO_DESKTOP_BIN=$(TARGET_DIR)/debug/raccordo-desktop RACCORDO_CLI_BIN=$(TARGET_DIR)/debug/raccordo node tests/e2e/run.mjs
	@$(STAGE) end $(STAGE_TIMES) e2e

lint: ui-checks rust-checks

bindings:
	RACCORDO_BLESS=1 $(CARGO) test --locked -p raccordo --test it -- bindings::
	RACCORDO_BLESS=1 $(CARGO) test --locked -p raccordo-desktop --test it -- bindings_commands::

bench: deps-run
	$(CARGO) bench --locked -p raccordo

measure-startup: deps-test ui
	$(CARGO) build --locked --release -p raccordo-desktop -p bare-tauri
	scripts/measure-startup.sh $(TARGET_DIR)/release/raccordo-desktop $(TARGET_DIR)/release/bare-tauri

release: deps-run
	cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb,rpm

# Fuzz every importer for FUZZ_SECONDS each (nightly toolchain and cargo-fuzz; see
# fuzz/README.md). New inputs go to a scratch corpus; the checked-in one is only read.
FUZZ_SECONDS ?= 60
fuzz:
	cd fuzz && for t in $$(cargo +nightly fuzz list); do \
		mkdir -p "$(TARGET_DIR)/fuzz-corpus/$$t" && \
		cargo +nightly fuzz run "$$t" "$(TARGET_DIR)/fuzz-corpus/$$t" "corpus/$$t" -- \
			-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 || exit 1; \
	done

clean:
	$(CARGO) clean
	rm -rf ui/dist tests/e2e/screenshots
