# LEVANDE_SANITIZE=ON instruments everything built in this tree with
# AddressSanitizer and UndefinedBehaviorSanitizer; any finding aborts the test.
if(LEVANDE_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "LEVANDE_SANITIZE needs GCC or Clang")
  endif()
  set(_levande_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_levande_san})
  add_link_options(-fsanitize=address,undefined)
  # A C program linked by Clang's C driver against the C++ library needs
  # the C++ part of the UBSan runtime too (GCC links it anyway).
  if(CMAKE_C_COMPILER_ID MATCHES "Clang")
    add_link_options("$<$<LINK_LANGUAGE:C>:-fsanitize-link-c++-runtime;-lstdc++>")
  endif()
endif()
# LEVANDE_TSAN=ON instruments everything with ThreadSanitizer instead (the
# two cannot be combined); scripts/test.sh builds the thread tests with it.
if(LEVANDE_TSAN)
  if(LEVANDE_SANITIZE)
    message(FATAL_ERROR "LEVANDE_TSAN and LEVANDE_SANITIZE cannot be combined")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
  # The AVX2 clones' ifunc resolvers run while the library is relocated,
  # before the ThreadSanitizer runtime is up, and crash in its hooks.
  add_compile_definitions(LEVANDE_NO_CLONES)
endif()
# LEVANDE_FUZZ=ON adds libFuzzer's coverage instrumentation to everything,
# so the fuzz targets (fuzz/) see into the library; the tests run as usual.
if(LEVANDE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT LEVANDE_SANITIZE)
    message(FATAL_ERROR "LEVANDE_FUZZ needs Clang and LEVANDE_SANITIZE=ON")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
