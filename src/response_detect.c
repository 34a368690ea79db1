/* SPDX-License-Identifier: MIT */
/* Guessing which response a document is, for tools that do not know the
 * endpoint and status it came from. */
#include <stddef.h>

#include "internal.h"
#include "json_tree.h"
#include "response_common.h"
#include "sessreport/response.h"

/* How many top-level members of tree type t knows, or 0 when the tree does
 * not decode as t (leniently). */
static size_t fit(const sr__response_type *t, const cJSON *tree)
{
    void *obj = NULL;
    size_t known = sr__table_known_members(t->table, tree);
    if (known == 0 || sr__response_from_cjson(t, tree, NULL, &obj, NULL) != SR_OK)
        return 0;
    sr__response_free(t, obj);
    return known;
}

sr_response_kind sr_response_detect(const char *json, size_t len)
{
    static const sr__response_type *const candidates[] = {
        &sr__aggregate_report_type, &sr__callback_result_type, &sr__error_body_type};
    cJSON *tree = NULL;
    sr_response_kind best = SR_RESPONSE_UNKNOWN;
    size_t best_known = 0;
    if (sr__json_parse(json, len, NULL, &tree, NULL) != SR_OK)
        return SR_RESPONSE_UNKNOWN;
    if (cJSON_IsObject(tree)) {
        for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
            size_t known = fit(candidates[i], tree);
            if (known > best_known) {
                best = candidates[i]->kind;
                best_known = known;
            } else if (known != 0 && known == best_known) {
                best = SR_RESPONSE_AMBIGUOUS;
            }
        }
    }
    cJSON_Delete(tree);
    return best;
}

const char *sr_response_kind_name(sr_response_kind k)
{
    static const char *const names[] = {"unknown", "aggregate report", "callback result",
                                        "error body", "ambiguous"};
    return (size_t)k < sizeof names / sizeof names[0] ? names[k] : names[0];
}
