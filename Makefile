# smslint: `make run` builds and checks an example campaign; `make test` runs every test.
# Both install the Debian 12 packages they need first (apt-get; sudo when not root).

BUILD    ?= build
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
CAMPAIGN ?= campaigns/holiday-promo.yaml
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

BUILD_PACKAGES := build-essential cmake pkg-config libcli11-dev libyaml-cpp-dev \
  libabsl-dev doctest-dev libre2-dev libphonenumber-dev libicu-dev nlohmann-json3-dev \
  tzdata
TEST_PACKAGES  := python3 python3-jsonschema
FUZZ_PACKAGES  := clang-14 libclang-rt-14-dev libfuzzer-14-dev
BENCH_PACKAGES := nodejs npm time

.PHONY: all deps test-deps build run test bench fuzz golden clean format

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

test: test-deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Regenerates the golden CLI outputs under tests/golden/ after an intended change.
golden: build
	tests/golden/update.sh ./$(BUILD)/smslint

clean:
	rm -rf $(BUILD) build-*

format:
	clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h')
