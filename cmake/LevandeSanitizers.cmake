# LEVANDE_SANITIZE=ON instruments everything built in this tree with
# AddressSanitizer and UndefinedBehaviorSanitizer; any finding aborts the test.
if(LEVANDE_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "LEVANDE_SANITIZE needs GCC or Clang")
  endif()
  set(_levande_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_levande_san})
  add_link_options(-fsanitize=address,undefined)
endif()
