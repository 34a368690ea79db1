/* SPDX-License-Identifier: MIT */
/* What every response type shares: the drivers (text or cJSON tree in,
 * object out, and back) and the entry points over them. The per-type
 * knowledge is the type's field table. */
#include <string.h>

#include "internal.h"
#include "json_check.h"
#include "json_tree.h"
#include "response_common.h"
#include "sessreport/cjson.h"
#include "sessreport/response.h"

static void *response_new(const sr__response_type *t)
{
    void *obj = sr__calloc(1, t->table->size);
    if (obj != NULL && t->init != NULL)
        t->init(obj);
    return obj;
}

void sr__response_free(const sr__response_type *t, void *obj)
{
    if (obj == NULL)
        return;
    sr__table_clear(t->table, obj);
    sr__free(obj);
}

/* The shared core of both decoders; tree is the top-level value. */
static sr_status decode_tree(const sr__response_type *t, const cJSON *tree,
                             const sr_parse_options *opts, void **out, sr_error *err)
{
    int strict = opts != NULL && (opts->flags & SR_PARSE_STRICT) != 0;
    void *obj;
    sr_status st;
    if (!cJSON_IsObject(tree))
        return sr__error_set(err, SR_ERR_TYPE, "", "expected an object, found %s",
                             sr__json_kind_name(tree));
    obj = sr__calloc(1, t->table->size); /* decoded: no defaults, only what was read */
    if (obj == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, "", "out of memory");
    st = sr__table_decode(t->table, tree, obj, "", strict, err);
    if (st == SR_OK)
        *out = obj;
    else
        sr__response_free(t, obj);
    return st;
}

/* Text -> object: SR_ERR_ARG when out is NULL, else *out = NULL first. */
static sr_status from_json(const sr__response_type *t, const char *json, size_t len,
                           const sr_parse_options *opts, void **out, sr_error *err)
{
    cJSON *tree = NULL;
    sr_status st;
    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out is NULL");
    *out = NULL;
    st = sr__json_parse(json, len, opts, &tree, err); /* checks json and len */
    if (st == SR_OK)
        st = decode_tree(t, tree, opts, out, err);
    cJSON_Delete(tree);
    return st;
}

sr_status sr__response_from_cjson(const sr__response_type *t, const cJSON *tree,
                                  const sr_parse_options *opts, void **out, sr_error *err)
{
    sr_status st;
    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out is NULL");
    *out = NULL;
    if (tree == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "the tree is NULL");
    st = sr__json_check_tree(tree, err); /* what the text check guarantees parsed trees */
    return st == SR_OK ? decode_tree(t, tree, opts, out, err) : st;
}

/* Object -> a new tree; exact_raw as sr__table_encode. */
static sr_status to_tree(const sr__response_type *t, const void *obj, int exact_raw, cJSON **out)
{
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    return obj != NULL ? sr__table_encode(t->table, obj, exact_raw, out) : SR_ERR_ARG;
}

/* Object -> text, through a tree whose counts are raw digits. */
static sr_status to_json(const sr__response_type *t, const void *obj, unsigned flags, char **out,
                         size_t *out_len)
{
    cJSON *tree = NULL;
    sr_status st;
    if (out_len != NULL)
        *out_len = 0;
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    st = to_tree(t, obj, 1, &tree);
    if (st == SR_OK)
        st = sr__json_print(tree, flags, out, out_len);
    cJSON_Delete(tree);
    return st;
}

/* The entry points of public type T, whose field table and defaults are
 * type, with the header's name x for the object: T_new, T_free,
 * T_from_json, T_to_json, T_from_cjson, T_to_cjson. The decoders fill a
 * void *: a T ** cannot be passed as a void **. */
/* NOLINTBEGIN(bugprone-macro-parentheses): T is a type and x a parameter */
#define SR__RESPONSE_ENTRY_POINTS(T, type, x)                                                      \
    T *T##_new(void)                                                                               \
    {                                                                                              \
        return response_new(&(type));                                                              \
    }                                                                                              \
    void T##_free(T *x)                                                                            \
    {                                                                                              \
        sr__response_free(&(type), x);                                                             \
    }                                                                                              \
    sr_status T##_from_json(const char *json, size_t len, const sr_parse_options *opts, T **out,   \
                            sr_error *err)                                                         \
    {                                                                                              \
        void *decoded = NULL;                                                                      \
        sr_status st = from_json(&(type), json, len, opts, out != NULL ? &decoded : NULL, err);    \
        if (out != NULL)                                                                           \
            *out = decoded;                                                                        \
        return st;                                                                                 \
    }                                                                                              \
    sr_status T##_to_json(const T *x, unsigned flags, char **out, size_t *out_len)                 \
    {                                                                                              \
        return to_json(&(type), x, flags, out, out_len);                                           \
    }                                                                                              \
    sr_status T##_from_cjson(const cJSON *object, const sr_parse_options *opts, T **out,           \
                             sr_error *err)                                                        \
    {                                                                                              \
        void *decoded = NULL;                                                                      \
        sr_status st =                                                                             \
            sr__response_from_cjson(&(type), object, opts, out != NULL ? &decoded : NULL, err);    \
        if (out != NULL)                                                                           \
            *out = decoded;                                                                        \
        return st;                                                                                 \
    }                                                                                              \
    sr_status T##_to_cjson(const T *x, cJSON **out)                                                \
    {                                                                                              \
        return to_tree(&(type), x, 0, out);                                                        \
    }
/* NOLINTEND(bugprone-macro-parentheses) */

SR__RESPONSE_ENTRY_POINTS(sr_aggregate_report, sr__aggregate_report_type, r)
SR__RESPONSE_ENTRY_POINTS(sr_callback_result, sr__callback_result_type, r)
SR__RESPONSE_ENTRY_POINTS(sr_error_body, sr__error_body_type, b)
