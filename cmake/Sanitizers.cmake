# Two opt-in builds for finding memory and undefined-behaviour bugs; the default build
# (gcc, RelWithDebInfo, no sanitizer) is untouched by both.
#
# SMEDASH_SANITIZE=ON: every target of the tree with AddressSanitizer + UBSan (gcc or clang),
#   for running the unit tests under them: cmake -B build-asan -DSMEDASH_SANITIZE=ON.
# SMEDASH_FUZZ=ON: the same sanitizers plus libFuzzer's coverage instrumentation, and the
#   fuzz targets of tests/fuzz. clang only (libFuzzer is part of clang); `make fuzz` builds
#   it in build-fuzz with Debian's clang++.
option(SMEDASH_SANITIZE "Build everything with AddressSanitizer and UBSan" OFF)
option(SMEDASH_FUZZ "Build the libFuzzer targets (tests/fuzz); needs clang" OFF)

if(SMEDASH_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "SMEDASH_FUZZ needs clang (libFuzzer): configure with "
                      "-DCMAKE_CXX_COMPILER=clang++, or run `make fuzz`")
endif()

if(SMEDASH_SANITIZE OR SMEDASH_FUZZ)
  # Any UB report ends the process, so a test or a fuzz run cannot pass over one.
  set(SMEDASH_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
                              -fno-omit-frame-pointer)
  add_compile_options(${SMEDASH_SANITIZER_FLAGS})
  add_link_options(${SMEDASH_SANITIZER_FLAGS})
endif()
if(SMEDASH_FUZZ)
  # Coverage feedback in every library the targets link; only the targets link libFuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
