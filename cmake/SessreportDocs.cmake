# SPDX-License-Identifier: MIT
# The `docs` target: Doxygen HTML for the public headers and docs/*.md into
# BUILD/docs/html. Any Doxygen warning (an undocumented declaration, a
# parameter without @param) fails it; the warnings are also kept in
# BUILD/docs/warnings.log.
find_package(Doxygen QUIET)
if(NOT DOXYGEN_FOUND)
    message(STATUS "Doxygen not found: no `docs` target")
    return()
endif()

set(SESSREPORT_DOCS_OUTPUT_DIR "${PROJECT_BINARY_DIR}/docs")
configure_file("${PROJECT_SOURCE_DIR}/Doxyfile.in" "${PROJECT_BINARY_DIR}/Doxyfile" @ONLY)
add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E make_directory "${SESSREPORT_DOCS_OUTPUT_DIR}"
    COMMAND Doxygen::doxygen "${PROJECT_BINARY_DIR}/Doxyfile"
    WORKING_DIRECTORY "${PROJECT_BINARY_DIR}"
    COMMENT "Doxygen: ${SESSREPORT_DOCS_OUTPUT_DIR}/html/index.html"
    VERBATIM)
