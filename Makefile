# Raccordo — the two commands a newcomer needs:
#   make run    install what is missing, build, and open the desktop app (default database)
#   make test   install what is missing, build, and run every test (core, CLI, UI, desktop e2e)
# Other targets: bench, measure-startup, release, lint, bindings, fuzz, clean.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
export CARGO_TERM_COLOR ?= never

.PHONY: run test deps-run deps-test ui ui-checks rust-checks rust-tests desktop e2e bench measure-startup release lint bindings fuzz clean

run: deps-run ui
	$(CARGO) run --locked -p raccordo-desktop

test: deps-test ui-checks ui rust-checks rust-tests desktop e2e
	@echo "make test: tutti i controlli sono passati"

deps-run:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test

# The UI is embedded into the desktop binary at compile time: build it first.
ui:
	cd ui && npm run build

ui-checks:
	cd ui && npm run lint && npm run check && npm test

rust-checks:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings

rust-tests:
	rm -f $(TARGET_DIR)/tmp/safety-figures.txt
	$(CARGO) test --locked --workspace
	@echo "== Data-safety figures (short configuration; README: long configuration) =="
	@cat $(TARGET_DIR)/tmp/safety-figures.txt

desktop:
	$(CARGO) build --locked -p raccordo-desktop -p raccordo

e2e:
	RACCORDO_DESKTOP_BIN=$(TARGET_DIR)/debug/raccordo-desktop RACCORDO_CLI_BIN=$(TARGET_DIR)/debug/raccordo node tests/e2e/run.mjs

lint: ui-checks rust-checks

bindings:
	RACCORDO_BLESS=1 $(CARGO) test --locked -p raccordo --test bindings
	RACCORDO_BLESS=1 $(CARGO) test --locked -p raccordo-desktop --test bindings_commands

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
