# The two commands: `make run` and `make test`. Everything else is plumbing they share.
BUILD_DIR ?= build
DATA_DIR  ?= var
JOBS      ?= $(shell nproc)
# Paths under the checkout are hashed relative to it, so every clone shares ccache hits.
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: run test deps build unit integration e2e fuzz format clean

run: build
	@# A fresh install gets a small demo set (RO Bandung, 20 positions) so the dashboards
	@# have something to show; an existing ./var or a DATABASE_URL is left as it is.
	@if [ -z "$$DATABASE_URL" ] && [ ! -d $(DATA_DIR)/pgdata ]; then \
	  echo "make run: fresh install: loading a demo data set"; \
	  ./$(BUILD_DIR)/smedash demo-data --out $(DATA_DIR)/demo --positions 20 --accounts 1500 \
	    > /dev/null && \
	  ./$(BUILD_DIR)/smedash import --data-dir $(DATA_DIR) $(DATA_DIR)/demo/*.csv > /dev/null; \
	fi
	./$(BUILD_DIR)/smedash serve --data-dir $(DATA_DIR)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	node --test tests/e2e/
	@$(MAKE) --no-print-directory fuzz FUZZ_TARGETS="$(FUZZ_ALL)"

deps:
	@scripts/install-deps

build: deps
	@test -f $(BUILD_DIR)/build.ninja || cmake -S . -B $(BUILD_DIR) -G Ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

unit: build
	cd $(BUILD_DIR) && ctest --output-on-failure -L unit -j $(JOBS)

integration: build
	cd $(BUILD_DIR) && ctest --output-on-failure -L integration -j $(JOBS)

e2e: build
	node --test tests/e2e/

# libFuzzer targets (tests/fuzz) built with clang in build-fuzz, each run FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
FUZZ_ALL := $(notdir $(wildcard tests/fuzz/corpus/*))
FUZZ_TARGETS ?= $(FUZZ_ALL)
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" scripts/fuzz

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
