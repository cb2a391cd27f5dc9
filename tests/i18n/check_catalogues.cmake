# The message catalogues against the source (docs/i18n.md):
#  - every catalogue passes msgfmt --check (format strings, header, plural forms);
#  - every message the source marks (tr, trc, trn, LEVANDE_N_) is translated
#    in every catalogue (xgettext extracts them, msgcmp compares);
#  - no catalogue keeps a message the source no longer has (msgcmp the other way).
#
#   cmake -DSOURCE=<repository> -DWORK=<dir> [-DUPDATE=ON] -P check_catalogues.cmake
#
# With UPDATE=ON (scripts/update-catalogues.sh) it first merges the source's
# messages into every catalogue (msgmerge): new ones arrive untranslated,
# removed ones are kept as obsolete (#~), for the translator.
foreach(var SOURCE WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_catalogues.cmake: ${var} is not set")
  endif()
endforeach()
foreach(tool xgettext msgfmt msgcmp msgmerge)
  find_program(${tool}_exe ${tool} REQUIRED)
endforeach()
file(MAKE_DIRECTORY "${WORK}")

file(GLOB_RECURSE sources RELATIVE "${SOURCE}" "${SOURCE}/src/*.cpp" "${SOURCE}/src/*.hpp"
     "${SOURCE}/apps/*.cpp" "${SOURCE}/apps/*.hpp")
list(SORT sources)
set(pot "${WORK}/levande.pot")
execute_process(
  COMMAND ${xgettext_exe} --language=C++ --from-code=UTF-8 --keyword --keyword=tr:1
          --keyword=trc:1c,2 --keyword=trn:1,2 --keyword=trf:1 --keyword=LEVANDE_N_:1
          --keyword=LEVANDE_NC_:1c,2 --add-comments
          --package-name=levande -o "${pot}" ${sources}
  WORKING_DIRECTORY "${SOURCE}" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed (${rc}):\n${err}")
endif()

file(GLOB catalogues "${SOURCE}/src/core/i18n/po/*.po")
if(UPDATE)
  foreach(po IN LISTS catalogues)
    execute_process(COMMAND ${msgmerge_exe} --quiet --update --backup=none --no-wrap "${po}" "${pot}"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "msgmerge failed on ${po}")
    endif()
  endforeach()
endif()
set(failed FALSE)
foreach(po IN LISTS catalogues)
  get_filename_component(language "${po}" NAME_WE)
  execute_process(COMMAND ${msgfmt_exe} --check -o /dev/null "${po}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    set(failed TRUE)
    message("${language}: msgfmt --check fails:\n${err}")
  endif()
  # Every message of the source translated (untranslated and fuzzy count as missing).
  execute_process(COMMAND ${msgcmp_exe} "${po}" "${pot}" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    set(failed TRUE)
    message("${language}: messages of the source missing or untranslated:\n${err}")
  endif()
  # No message the source no longer has.
  execute_process(COMMAND ${msgcmp_exe} --use-untranslated "${pot}" "${po}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    set(failed TRUE)
    message("${language}: messages the source no longer has (remove them):\n${err}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "The catalogues do not match the source; see docs/i18n.md.")
endif()
list(LENGTH catalogues n)
message(STATUS "${n} catalogue(s) match the source")
