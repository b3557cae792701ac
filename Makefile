# The quick start: `make run` and `make test`. Both install what is missing (Debian 12),
# configure and build with CMake.
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
PORT       ?= 8421

.PHONY: all deps configure build run test browser-test configure-sanitize test-sanitize fuzz bench clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/bin/hoego serve --port $(PORT)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory browser-test

# The web view in Debian's headless Chromium (tests/browser). npm ci installs exactly the
# lockfile and runs no install scripts, so it never downloads a browser. Screenshots go to
# $(BUILD_DIR)/test-output/.
browser-test: build
	cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
	cd tests/browser && HOEGO_BINARY=$(abspath $(BUILD_DIR))/bin/hoego \
		node --test --test-reporter=spec test/*.test.mjs

# The whole GoogleTest suite built with clang, AddressSanitizer and UndefinedBehaviorSanitizer,
# in a build tree of its own, which also holds the fuzzers (make fuzz). The crash test imports
# 20,000 entries instead of 200,000 there: sanitized code runs about ten times slower.
SANITIZE_DIR ?= build-sanitize
configure-sanitize: deps
	@CC=clang CXX=clang++ cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
		-DHOEGO_SANITIZE=ON -DHOEGO_FUZZ=ON >/dev/null

test-sanitize: configure-sanitize
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	HOEGO_CRASH_ENTRIES=20000 \
		ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS)

# Each fuzz target for FUZZ_SECONDS, starting from its saved inputs (tests/data/fuzz/<target>/).
# A crash stops with the input saved in $(SANITIZE_DIR)/fuzz-crashes/: fix the cause, then copy
# the input into tests/data/fuzz/<target>/ so that make test replays it from then on.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := feed jsonl entry http json
fuzz: configure-sanitize
	cmake --build $(SANITIZE_DIR) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@mkdir -p $(SANITIZE_DIR)/fuzz-crashes
	@set -e; for target in $(FUZZ_TARGETS); do \
		mkdir -p $(SANITIZE_DIR)/fuzz-corpus/$$target; \
		echo "== fuzz_$$target for $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=0 $(SANITIZE_DIR)/bin/fuzz/fuzz_$$target \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=$(SANITIZE_DIR)/fuzz-crashes/$$target- \
			$(SANITIZE_DIR)/fuzz-corpus/$$target tests/data/fuzz/$$target; \
	done

# Benchmarks with optimisation (bench/, docs/performance.md). SIZES picks the data sets, e.g.
# make bench SIZES=10000,100000,1000000; each is built once and kept in $(BENCH_DIR)/bench-data.
# Last, the dashboard's load in Debian's headless Chromium (bench/page_load.mjs, the browser
# tests' playwright-core).
BENCH_DIR ?= build-bench
SIZES     ?= 10000,100000
bench: deps
	@cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DHOEGO_BUILD_BENCH=ON \
		-DBUILD_TESTING=OFF >/dev/null
	cmake --build $(BENCH_DIR) -j $(JOBS) --target hoego_bench bare_server hoego
	HOEGO_BENCH_SIZES=$(SIZES) HOEGO_BENCH_DATA=$(abspath $(BENCH_DIR))/bench-data \
		$(BENCH_DIR)/bin/hoego_bench
	bench/http.sh $(BENCH_DIR) $(abspath $(BENCH_DIR))/bench-data/$(lastword $(subst $(comma), ,$(SIZES)))
	cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
	node bench/page_load.mjs $(abspath $(BENCH_DIR))/bin/hoego

comma := ,

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(BENCH_DIR)
