# SPDX-License-Identifier: MIT
# examples/client.c (the program of docs/responses.md), built when the
# libcurl sender is.
if(TARGET sessreport_http)
    add_executable(sessreport-client ${CMAKE_CURRENT_LIST_DIR}/client.c)
    target_link_libraries(sessreport-client PRIVATE sessreport_http)
    sr_target_defaults(sessreport-client)
endif()
