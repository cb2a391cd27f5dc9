# levande_warnings(<target>): the project's warning set for its own code.
function(levande_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    # Designated initialisers name only the fields that differ from their
    # defaults (Person{.id = "e1", .team = "ops"}); GCC before 13 counts the
    # others as missing.
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                             -Wno-sign-conversion -Wno-missing-field-initializers)
    if(LEVANDE_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
