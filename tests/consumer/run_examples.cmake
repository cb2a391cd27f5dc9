# cmake -DPREFIX=... -DSOURCE=<examples dir> -DBINARY=... -DGENERATOR=... -P run_examples.cmake
# Builds the examples against the installed levande, as a downstream project
# would, and runs them on the demo organisation written by the installed CLI.
include(${CMAKE_CURRENT_LIST_DIR}/configure_and_build.cmake)

function(expect program pattern)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "${program} (exit ${rc}) did not print '${pattern}':\n${out}")
  endif()
endfunction()

expect(team_progress "Goals as of 2026-11-30\n  it: 85 goals"
       "${BINARY}/team_progress" 2026-11-30 "${BINARY}/report.md")
if(NOT EXISTS "${BINARY}/report.md")
  message(FATAL_ERROR "team_progress wrote no report.md")
endif()
expect(levande "report.html"
       "${PREFIX}/bin/levande" demo --out "${BINARY}/demo")
expect(goal_status "goals need support"
       "${BINARY}/goal_status" "${BINARY}/demo/demo.levande" 2026-11-30)
