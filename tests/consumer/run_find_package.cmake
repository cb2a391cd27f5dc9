# cmake -DPREFIX=... -DSOURCE=... -DBINARY=... -DGENERATOR=... -P run_find_package.cmake
# Configures, builds and runs the consumer project against the installed prefix.
include(${CMAKE_CURRENT_LIST_DIR}/configure_and_build.cmake)
foreach(program consumer_cpp consumer_c)
  execute_process(COMMAND "${BINARY}/${program}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
