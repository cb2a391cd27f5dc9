# The ABI test: the library just built against the baseline of this release
# (tests/abi/*.abi). Functions and symbols may be added; anything else that
# libabigail's abidiff reports — a removed or changed function, a struct
# whose layout or an enum whose values changed — fails, with the report.
#
#   cmake -DLIBRARY=<liblevande.so> -DWORK=<dir> -P tests/abi/check_abi.cmake
foreach(var LIBRARY WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_abi.cmake: ${var} is not set")
  endif()
endforeach()
set(here "${CMAKE_CURRENT_LIST_DIR}")

execute_process(COMMAND sh "${here}/abi_dump.sh" "${LIBRARY}" "${WORK}" RESULT_VARIABLE rc
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abi_dump.sh failed (${rc}):\n${err}")
endif()

set(failed FALSE)
foreach(dump c-api symbols)
  execute_process(COMMAND abidiff --no-added-syms "${here}/${dump}.abi" "${WORK}/${dump}.abi"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE err)
  if(rc EQUAL 0)
    message(STATUS "${dump}: the same ABI as the baseline")
  else()
    set(failed TRUE)
    message("${dump}: abidiff found changes (exit ${rc}):\n${report}${err}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR
    "The ABI differs from this release's baseline. A change within a major version may only "
    "add functions and symbols (and fields at the end of a versioned struct, with a new "
    "baseline). If the change is deliberate, record it: scripts/update-abi-baseline.sh, and "
    "say why in CHANGELOG.md.")
endif()
