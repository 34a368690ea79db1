# SPDX-License-Identifier: MIT
# sr_target_defaults(TARGET): C11 without extensions and the project's warnings.
function(sr_target_defaults target)
    set_target_properties(${target} PROPERTIES
        C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
    if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
            -Wmissing-prototypes -Wcast-qual -Wformat=2)
        if(SESSREPORT_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()
