# Installation: headers, the shared library, the CMake package
# (levandeConfig.cmake + levandeConfigVersion.cmake) and levande.pc.
set(LEVANDE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/levande")

install(TARGETS levande EXPORT levandeTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(EXPORT levandeTargets NAMESPACE levande:: DESTINATION ${LEVANDE_CMAKE_DIR})

configure_package_config_file(cmake/levandeConfig.cmake.in
  "${PROJECT_BINARY_DIR}/levandeConfig.cmake"
  INSTALL_DESTINATION ${LEVANDE_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/levandeConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/levandeConfig.cmake"
              "${PROJECT_BINARY_DIR}/levandeConfigVersion.cmake"
        DESTINATION ${LEVANDE_CMAKE_DIR})

# pkg-config wants paths relative to ${prefix} when the install dirs are relative.
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(LEVANDE_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(LEVANDE_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(LEVANDE_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(LEVANDE_PC_LIBDIR "\${exec_prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
# The .pc file finds its prefix from its own location, so the installed tree
# can move (and `cmake --install --prefix` works after configuring).
set(_pc_dir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
if(IS_ABSOLUTE "${_pc_dir}")
  set(LEVANDE_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _pc_up "/prefix/${_pc_dir}" "/prefix")
  set(LEVANDE_PC_PREFIX "\${pcfiledir}/${_pc_up}")
endif()
configure_file(cmake/levande.pc.in "${PROJECT_BINARY_DIR}/levande.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/levande.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
