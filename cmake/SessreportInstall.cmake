# SPDX-License-Identifier: MIT
# Install rules: headers (the generated version.h included), the static (or
# shared) library, the CMake package `sessreport` exporting
# sessreport::sessreport (and sessreport::http when built) and sessreport.pc.
# The CLI's own install rule lives in examples/.
include(CMakePackageConfigHelpers)

set(SESSREPORT_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/sessreport"
    CACHE STRING "Where sessreportConfig.cmake is installed, relative to the prefix")
set(SESSREPORT_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Where sessreport.pc is installed, relative to the prefix")

set(_sr_export_targets sessreport)
if(TARGET sessreport_http)
    # Consumers spell it sessreport::http.
    set_target_properties(sessreport_http PROPERTIES EXPORT_NAME http)
    list(APPEND _sr_export_targets sessreport_http)
    set(SESSREPORT_HAVE_HTTP 1)
else()
    set(SESSREPORT_HAVE_HTTP 0)
endif()

install(TARGETS ${_sr_export_targets}
    EXPORT sessreportTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# Public headers; http.h only ships with the library that implements it.
install(FILES include/sessreport.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(_sr_header_excludes)
if(NOT SESSREPORT_HAVE_HTTP)
    set(_sr_header_excludes PATTERN "http.h" EXCLUDE)
endif()
install(DIRECTORY include/sessreport/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sessreport
    FILES_MATCHING PATTERN "*.h" ${_sr_header_excludes})
install(FILES "${PROJECT_BINARY_DIR}/include/sessreport/version.h"
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sessreport)

install(EXPORT sessreportTargets
    NAMESPACE sessreport::
    DESTINATION ${SESSREPORT_INSTALL_CMAKEDIR})

configure_package_config_file(
    "${PROJECT_SOURCE_DIR}/cmake/sessreportConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/sessreportConfig.cmake"
    INSTALL_DESTINATION ${SESSREPORT_INSTALL_CMAKEDIR})
# Before 1.0 a minor release may break the API, so only the same minor matches.
if(PROJECT_VERSION_MAJOR EQUAL 0)
    set(_sr_compat SameMinorVersion)
else()
    set(_sr_compat SameMajorVersion)
endif()
write_basic_package_version_file(
    "${PROJECT_BINARY_DIR}/sessreportConfigVersion.cmake"
    VERSION ${PROJECT_VERSION}
    COMPATIBILITY ${_sr_compat})
install(FILES
    "${PROJECT_BINARY_DIR}/sessreportConfig.cmake"
    "${PROJECT_BINARY_DIR}/sessreportConfigVersion.cmake"
    DESTINATION ${SESSREPORT_INSTALL_CMAKEDIR})

# pkg-config: libdir and includedir are written relative to ${prefix}; the
# prefix itself is filled in at install time so that `cmake --install
# --prefix DIR` yields a correct file. Absolute GNUInstallDirs values are
# kept as they are.
foreach(_sr_dir LIBDIR INCLUDEDIR)
    if(IS_ABSOLUTE "${CMAKE_INSTALL_${_sr_dir}}")
        set(SESSREPORT_PC_${_sr_dir} "${CMAKE_INSTALL_${_sr_dir}}")
    else()
        set(SESSREPORT_PC_${_sr_dir} "\${prefix}/${CMAKE_INSTALL_${_sr_dir}}")
    endif()
endforeach()
# The first pass leaves the literal @CMAKE_INSTALL_PREFIX@ for the second.
set(SESSREPORT_PC_PREFIX "@CMAKE_INSTALL_PREFIX@")
configure_file("${PROJECT_SOURCE_DIR}/cmake/sessreport.pc.in"
               "${PROJECT_BINARY_DIR}/sessreport.pc.stage" @ONLY)
install(CODE "configure_file(\"${PROJECT_BINARY_DIR}/sessreport.pc.stage\"
                             \"${PROJECT_BINARY_DIR}/sessreport.pc\" @ONLY)")
install(FILES "${PROJECT_BINARY_DIR}/sessreport.pc"
    DESTINATION ${SESSREPORT_INSTALL_PKGCONFIGDIR})
