# Compiles a one-line file `#include "<HEADER>"` with the include paths of a
# layer and checks the outcome: EXPECT=rejected must fail because the header
# is not found (not for any other reason), EXPECT=accepted must compile.
#
#   cmake -DCOMPILER=... -DINCLUDES=a|b|c -DHEADER=levande/io/json.hpp
#         -DEXPECT=rejected -DWORK=<dir> -P check_include.cmake
foreach(var COMPILER INCLUDES HEADER EXPECT WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_include.cmake: ${var} is not set")
  endif()
endforeach()

string(REPLACE "|" ";" dirs "${INCLUDES}")
set(flags)
foreach(dir IN LISTS dirs)
  list(APPEND flags "-I${dir}")
endforeach()
string(MAKE_C_IDENTIFIER "${HEADER}" name)
file(MAKE_DIRECTORY "${WORK}")
set(probe "${WORK}/${name}.cpp")
file(WRITE "${probe}" "#include \"${HEADER}\"\n")
execute_process(COMMAND "${COMPILER}" -std=c++20 -fsyntax-only ${flags} "${probe}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)

if(EXPECT STREQUAL "accepted")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${HEADER} should compile in this layer but did not:\n${err}")
  endif()
  message(STATUS "${HEADER}: accepted, as it should be")
elseif(EXPECT STREQUAL "rejected")
  if(rc EQUAL 0)
    message(FATAL_ERROR "${HEADER} compiled in a layer below it: the layering is not enforced")
  endif()
  # GCC: "<header>: No such file or directory"; Clang: "'<header>' file not found".
  string(FIND "${err}" "${HEADER}: No such file or directory" gcc)
  string(FIND "${err}" "'${HEADER}' file not found" clang)
  if(gcc EQUAL -1 AND clang EQUAL -1)
    message(FATAL_ERROR "${HEADER} failed to compile, but not because it is out of reach:\n${err}")
  endif()
  message(STATUS "${HEADER}: rejected, as it should be")
else()
  message(FATAL_ERROR "EXPECT must be accepted or rejected, not '${EXPECT}'")
endif()
