# The layers of the library and the headers each may include.
#
# A public header's directory decides its layer:
#   core      include/levande/*.hpp, *.h   (not the umbrella levande.hpp)
#   io        include/levande/io/
#   fixtures  include/levande/fixtures/
#   capi      include/levande.h, include/levande/c/
# Each layer's public headers are staged (as symbolic links) in
# <build>/layers/<layer>/include, and a layer compiles with the staged
# headers of its own layer and of the layers it is BELOW only. Its private
# headers come from src/<layer>; core, io and fixtures also see the private
# headers of the layers below them (io implements core's ports), the C API
# sees public headers only, so it stays a thin translation.
#
# levande_layer(<name> [BELOW <layer>...] SOURCES <file>...)
#   adds the OBJECT library levande_<name>.

set(_levande_include "${PROJECT_SOURCE_DIR}/include")
set(_levande_stage "${PROJECT_BINARY_DIR}/layers")

file(GLOB _core_headers RELATIVE "${_levande_include}"
     "${_levande_include}/levande/*.hpp" "${_levande_include}/levande/*.h")
list(REMOVE_ITEM _core_headers levande/levande.hpp)
file(GLOB _io_headers RELATIVE "${_levande_include}" "${_levande_include}/levande/io/*")
file(GLOB _fixtures_headers RELATIVE "${_levande_include}" "${_levande_include}/levande/fixtures/*")
file(GLOB _capi_headers RELATIVE "${_levande_include}" "${_levande_include}/levande.h"
     "${_levande_include}/levande/c/*")
# A new header file needs a new configure to be staged.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${_levande_include}/levande" "${_levande_include}/levande/io"
             "${_levande_include}/levande/fixtures" "${_levande_include}/levande/c")

# Stage afresh on every configure, so a header moved to another layer leaves
# no link behind.
file(REMOVE_RECURSE "${_levande_stage}")
foreach(_layer core io fixtures capi)
  foreach(_header IN LISTS _${_layer}_headers)
    get_filename_component(_dir "${_levande_stage}/${_layer}/include/${_header}" DIRECTORY)
    file(MAKE_DIRECTORY "${_dir}")
    file(CREATE_LINK "${_levande_include}/${_header}"
         "${_levande_stage}/${_layer}/include/${_header}" SYMBOLIC)
  endforeach()
  file(MAKE_DIRECTORY "${_levande_stage}/${_layer}/include")
endforeach()

function(levande_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "BELOW;SOURCES")
  set(target levande_${name})
  add_library(${target} OBJECT ${arg_SOURCES})
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_definitions(${target} PRIVATE LEVANDE_BUILDING)
  if(DEFINED SKBUILD)
    target_compile_definitions(${target} PRIVATE LEVANDE_STATIC)
  endif()
  set(includes "${_levande_stage}/${name}/include" "${CMAKE_CURRENT_SOURCE_DIR}/${name}")
  foreach(below IN LISTS arg_BELOW)
    list(APPEND includes "${_levande_stage}/${below}/include")
    if(NOT name STREQUAL "capi")
      list(APPEND includes "${CMAKE_CURRENT_SOURCE_DIR}/${below}")
    endif()
  endforeach()
  target_include_directories(${target} PRIVATE ${includes})
  if(LEVANDE_ABI_CHECK)
    target_compile_options(${target} PRIVATE -g)
  endif()
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    # Debug information names the headers where they are, not where they are
    # staged: debuggers open the real file, and the ABI check (tests/abi)
    # finds the public headers' types under include/.
    foreach(layer IN ITEMS ${name} ${arg_BELOW})
      target_compile_options(${target} PRIVATE
        "-fdebug-prefix-map=${_levande_stage}/${layer}/include=${_levande_include}")
    endforeach()
  endif()
  levande_warnings(${target})
endfunction()
