/* SPDX-License-Identifier: MIT */
/**
 * @file sessreport/common.h
 * @brief Export and C++ linkage macros shared by every public header.
 */
#ifndef SESSREPORT_COMMON_H
#define SESSREPORT_COMMON_H

/**
 * @def SR_API
 * Marks a public function. Empty for the static library; with
 * `BUILD_SHARED_LIBS=ON` the build defines `SESSREPORT_SHARED` and the
 * symbols are exported with default visibility while everything else stays
 * hidden.
 */
#if defined(SESSREPORT_SHARED) && defined(_WIN32)
#    if defined(SESSREPORT_BUILDING)
#        define SR_API __declspec(dllexport)
#    else
#        define SR_API __declspec(dllimport)
#    endif
#elif defined(SESSREPORT_SHARED) && defined(__GNUC__)
#    define SR_API __attribute__((visibility("default")))
#else
#    define SR_API
#endif

/**
 * @def SR_DEPRECATED(msg)
 * Marks a public function that will be removed; calling it makes the
 * compiler warn with @p msg (GCC, Clang and MSVC; empty elsewhere). It goes
 * first in the declaration, before ::SR_API, where MSVC wants it.
 */
#if defined(__GNUC__) || defined(__clang__)
#    define SR_DEPRECATED(msg) __attribute__((deprecated(msg)))
#elif defined(_MSC_VER)
#    define SR_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#    define SR_DEPRECATED(msg)
#endif

/**
 * @def SR_WARN_UNUSED
 * Flags calls whose result must be checked (GCC and Clang).
 */
#if defined(__GNUC__) || defined(__clang__)
#    define SR_WARN_UNUSED __attribute__((warn_unused_result))
#else
#    define SR_WARN_UNUSED
#endif

/**
 * @def SR_BEGIN_DECLS
 * Opens `extern "C"` when the header is read by a C++ compiler.
 * @def SR_END_DECLS
 * Closes what ::SR_BEGIN_DECLS opened.
 */
#ifdef __cplusplus
#    define SR_BEGIN_DECLS extern "C" {
#    define SR_END_DECLS   }
#else
#    define SR_BEGIN_DECLS
#    define SR_END_DECLS
#endif

#endif /* SESSREPORT_COMMON_H */
