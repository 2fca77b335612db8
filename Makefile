# smslint: `make run` builds and checks an example campaign; `make test` runs every test.
# Both install the Debian 12 packages they need first (apt-get; sudo when not root).

BUILD    ?= build
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
CAMPAIGN ?= campaigns/holiday-promo.yaml
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

BUILD_PACKAGES := build-essential cmake pkg-config ccache libcli11-dev libyaml-cpp-dev \
  libabsl-dev doctest-dev libre2-dev libphonenumber-dev libprotobuf-dev libicu-dev zlib1g-dev \
  nlohmann-json3-dev tzdata
TEST_PACKAGES  := python3 python3-jsonschema python3-yaml chromium
FUZZ_PACKAGES  := clang-16 libclang-rt-16-dev libfuzzer-16-dev
BENCH_PACKAGES := time $(if $(shell command -v npm),,nodejs npm)

.PHONY: all deps test-deps fuzz-deps bench-deps build run test test-sanitize bench fuzz golden clean format format-check

all: build

# Installs only what is missing, so a prepared machine pays one dpkg query.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(BUILD_PACKAGES))

test-deps: deps
	$(call apt_install,$(TEST_PACKAGES))

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target smslint

run: build
	./$(BUILD)/smslint check $(CAMPAIGN); status=$$?; [ $$status -le 1 ] || exit $$status

# One build, then the suite. CI (.ci/run) also runs test-sanitize and format-check.
test: test-deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole test suite again under AddressSanitizer + UndefinedBehaviorSanitizer
# (leaks included). Lean flags (-O1, no debug info) keep a cold build inside CI time.
ASAN_BUILD   ?= build-asan
SANITIZE_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(ASAN_BUILD)/CMakeCache.txt:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Sanitize -DSMSLINT_SANITIZE=ON \
	  -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g0"

test-sanitize: test-deps $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (clang-16: clang-14 rejects C++20 lambda captures of structured
# bindings, which the sources use), each run for FUZZ_SECONDS on a copy of its seed
# corpus; a crash stops `make fuzz` and leaves the input in $(FUZZ_BUILD)/artifacts/.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := campaign_loader recipients_csv template_renderer encoder config_parser rule_pack \
                suppression check_pipeline
# Largest input per target: a campaign or CSV of a few pages, a long message.
FUZZ_MAX_LEN_campaign_loader   := 8192
FUZZ_MAX_LEN_recipients_csv    := 8192
FUZZ_MAX_LEN_template_renderer := 4096
FUZZ_MAX_LEN_encoder           := 4096
FUZZ_MAX_LEN_config_parser     := 4096
FUZZ_MAX_LEN_rule_pack         := 8192
FUZZ_MAX_LEN_suppression       := 8192
# A campaign, a recipients CSV and a suppression file together (tests/fuzz/check_pipeline.h).
FUZZ_MAX_LEN_check_pipeline    := 16384

fuzz-deps:
	$(call apt_install,$(BUILD_PACKAGES) $(FUZZ_PACKAGES))

$(FUZZ_BUILD)/CMakeCache.txt:
	CC=clang-16 CXX=clang++-16 cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSMSLINT_FUZZ=ON

fuzz: fuzz-deps $(FUZZ_BUILD)/CMakeCache.txt
	cmake --build $(FUZZ_BUILD) -j $(JOBS) $(addprefix --target ,$(addsuffix _fuzzer,$(FUZZ_TARGETS)))
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts/$$t; \
	  echo "== $$t: $(FUZZ_SECONDS) s"; \
	  ./$(FUZZ_BUILD)/$${t}_fuzzer $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=$$(case $$t in \
	      campaign_loader) echo $(FUZZ_MAX_LEN_campaign_loader);; \
	      recipients_csv) echo $(FUZZ_MAX_LEN_recipients_csv);; \
	      template_renderer) echo $(FUZZ_MAX_LEN_template_renderer);; \
	      config_parser) echo $(FUZZ_MAX_LEN_config_parser);; \
	      rule_pack) echo $(FUZZ_MAX_LEN_rule_pack);; \
	      suppression) echo $(FUZZ_MAX_LEN_suppression);; \
	      check_pipeline) echo $(FUZZ_MAX_LEN_check_pipeline);; \
	      *) echo $(FUZZ_MAX_LEN_encoder);; esac) \
	    -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t/ > $(FUZZ_BUILD)/$$t.log 2>&1 \
	    && rc=0 || rc=$$?; \
	  grep -E '^(stat::|#[0-9]+[[:space:]]+DONE|SUMMARY)' $(FUZZ_BUILD)/$$t.log || true; \
	  [ $$rc -eq 0 ] || { tail -40 $(FUZZ_BUILD)/$$t.log; \
	    echo "$$t: failed, input in $(FUZZ_BUILD)/artifacts/$$t/"; exit 1; }; \
	done

# Deterministic inputs, then a table of measurements against DESIGN.md's targets.
bench-deps: deps
	$(call apt_install,$(BENCH_PACKAGES) python3 bc)

bench: bench-deps build
	tests/perf/bench.sh ./$(BUILD)/smslint

# Regenerates the golden CLI outputs under tests/golden/ after an intended change.
golden: build
	tests/golden/update.sh ./$(BUILD)/smslint

clean:
	rm -rf $(BUILD) build-*

FORMAT_FILES = $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h')

format:
	clang-format -i $(FORMAT_FILES)

# Fails, listing the files, when a source file does not match .clang-format.
format-check:
	$(call apt_install,clang-format)
	@bad=$$(for f in $(FORMAT_FILES); do clang-format --dry-run -Werror "$$f" >/dev/null 2>&1 || echo "$$f"; done); \
	if [ -n "$$bad" ]; then echo "not formatted (run make format):"; echo "$$bad"; exit 1; fi; \
	echo "format-check: every source file matches .clang-format"
