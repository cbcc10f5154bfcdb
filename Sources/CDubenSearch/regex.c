#define _GNU_SOURCE
#include "CDubenSearch.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>

struct duben_regex {
    URegularExpression *re;
    UText *text;
    const uint8_t *bytes;
    int64_t length;
};

// A pathological pattern ("(a+)+b" on a long run of a) stops with U_REGEX_TIME_OUT instead of
// running for minutes. The unit is ICU's match steps, "on the order of milliseconds" each.
enum { TIME_LIMIT = 5000 };

duben_regex *duben_regex_open(const uint16_t *pattern, int32_t length, int case_insensitive,
                              int32_t *error_offset, char *error_name, int32_t error_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    uint32_t flags = case_insensitive ? UREGEX_CASE_INSENSITIVE : 0;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &pe, &status);
    if (U_FAILURE(status) || re == NULL) {
        if (error_offset) *error_offset = pe.offset >= 0 ? pe.offset : -1;
        if (error_name && error_capacity > 0) {
            strncpy(error_name, u_errorName(status), (size_t)error_capacity - 1);
            error_name[error_capacity - 1] = 0;
        }
        if (re) uregex_close(re);
        return NULL;
    }
    uregex_setTimeLimit(re, TIME_LIMIT, &status);
    duben_regex *r = calloc(1, sizeof *r);
    if (!r) { uregex_close(re); return NULL; }
    r->re = re;
    return r;
}

duben_regex *duben_regex_clone(const duben_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(regex->re, &status);
    if (U_FAILURE(status) || re == NULL) return NULL;
    uregex_setTimeLimit(re, TIME_LIMIT, &status);
    duben_regex *r = calloc(1, sizeof *r);
    if (!r) { uregex_close(re); return NULL; }
    r->re = re;
    return r;
}

void duben_regex_close(duben_regex *regex) {
    if (!regex) return;
    if (regex->text) utext_close(regex->text);
    uregex_close(regex->re);
    free(regex);
}

int duben_regex_set_text(duben_regex *regex, const uint8_t *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    // An empty text still needs a valid pointer.
    static const char empty[1] = {0};
    regex->text = utext_openUTF8(regex->text, length > 0 ? (const char *)utf8 : empty, length, &status);
    if (U_FAILURE(status)) return -1;
    uregex_setUText(regex->re, regex->text, &status);
    regex->bytes = utf8;
    regex->length = length;
    return U_FAILURE(status) ? -1 : 0;
}

int duben_regex_find(duben_regex *regex, int64_t from, int64_t *start, int64_t *end) {
    UErrorCode status = U_ZERO_ERROR;
    int64_t at = from;
    while (at <= regex->length) {
        if (!uregex_find64(regex->re, at, &status)) return U_FAILURE(status) ? -1 : 0;
        int64_t s = uregex_start64(regex->re, 0, &status);
        int64_t e = uregex_end64(regex->re, 0, &status);
        if (U_FAILURE(status)) return -1;
        if (e > s) { *start = s; *end = e; return 1; }
        // An empty match: look again from the next character (ICU would move an offset inside
        // a character back to its start).
        at = s + 1;
        while (at < regex->length && (regex->bytes[at] & 0xC0) == 0x80) at++;
    }
    return 0;
}

const uint8_t *duben_memmem(const uint8_t *haystack, int64_t length, const uint8_t *needle, int64_t needle_length) {
    if (length <= 0 || needle_length <= 0) return NULL;
    return memmem(haystack, (size_t)length, needle, (size_t)needle_length);
}
