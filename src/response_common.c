/* SPDX-License-Identifier: MIT */
/* The drivers every response type shares: text or cJSON tree in, object
 * out, and back. The per-type knowledge is the type's field table. */
#include <string.h>

#include "internal.h"
#include "json_check.h"
#include "json_tree.h"
#include "response_common.h"

void *sr__response_new(const sr__response_type *t)
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

static int is_strict(const sr_parse_options *opts)
{
    return opts != NULL && (opts->flags & SR_PARSE_STRICT) != 0;
}

/* The shared core of both decoders; tree is the top-level value. */
static sr_status decode_tree(const sr__response_type *t, const cJSON *tree, int strict, void **out,
                             sr_error *err)
{
    void *obj;
    sr_status st;
    if (!cJSON_IsObject(tree))
        return sr__error_set(err, SR_ERR_TYPE, "", "expected an object, found %s",
                             sr__json_kind_name(tree));
    obj = sr__calloc(1, t->table->size); /* decoded: no defaults, only what was read */
    if (obj == NULL)
        return sr__error_set(err, SR_ERR_NOMEM, "", "out of memory");
    st = sr__table_decode(t->table, tree, obj, "", strict, err);
    if (st != SR_OK) {
        sr__response_free(t, obj);
        return st;
    }
    *out = obj;
    return SR_OK;
}

sr_status sr__response_from_json(const sr__response_type *t, const char *json, size_t len,
                                 const sr_parse_options *opts, void **out, sr_error *err)
{
    cJSON *tree = NULL;
    sr_status st;
    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out is NULL");
    *out = NULL;
    st = sr__json_parse(json, len, opts, &tree, err); /* checks json and len */
    if (st != SR_OK)
        return st;
    st = decode_tree(t, tree, is_strict(opts), out, err);
    cJSON_Delete(tree);
    return st;
}

sr_status sr__response_from_cjson(const sr__response_type *t, const cJSON *obj,
                                  const sr_parse_options *opts, void **out, sr_error *err)
{
    sr_status st;
    if (out == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "out is NULL");
    *out = NULL;
    if (obj == NULL)
        return sr__error_set(err, SR_ERR_ARG, "", "the tree is NULL");
    st = sr__json_check_tree(obj, err); /* what the text check guarantees parsed trees */
    if (st != SR_OK)
        return st;
    return decode_tree(t, obj, is_strict(opts), out, err);
}

sr_status sr__response_to_json(const sr__response_type *t, const void *obj, unsigned flags,
                               char **out, size_t *out_len)
{
    cJSON *tree = NULL;
    sr_status st;
    if (out_len != NULL)
        *out_len = 0;
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    if (obj == NULL)
        return SR_ERR_ARG;
    st = sr__table_encode(t->table, obj, 1, &tree);
    if (st != SR_OK)
        return st;
    st = sr__json_print(tree, flags, out, out_len);
    cJSON_Delete(tree);
    return st;
}

sr_status sr__response_to_cjson(const sr__response_type *t, const void *obj, cJSON **out)
{
    if (out == NULL)
        return SR_ERR_ARG;
    *out = NULL;
    if (obj == NULL)
        return SR_ERR_ARG;
    return sr__table_encode(t->table, obj, 0, out);
}
