# cmake -DPREFIX=... -DSOURCE=... -DBINARY=... -DGENERATOR=... -P run_find_package.cmake
# Configures, builds and runs the consumer project against the installed prefix.
file(REMOVE_RECURSE "${BINARY}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}"
          "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCMAKE_BUILD_RPATH=${PREFIX}/lib"
  COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BINARY}" COMMAND_ERROR_IS_FATAL ANY)
foreach(program consumer_cpp consumer_c)
  execute_process(COMMAND "${BINARY}/${program}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
