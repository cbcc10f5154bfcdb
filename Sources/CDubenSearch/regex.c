#define _GNU_SOURCE
#include "CDubenSearch.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <stdint.h>

// The text is handed to ICU as UTF-16 (converted here, a line at a time): ICU's matcher over a
// UTF-8 UText spends most of its time in the UText's access function — about three times
// slower on the search benchmark (Docs/DECISIONS.md, 2026-11-30). Offsets stay in bytes for
// the caller: each unit's byte offset is kept beside it.
struct duben_regex {
    URegularExpression *re;
    const uint8_t *bytes;
    int64_t length;
    UChar *units;
    // For each unit (and one past the last), the byte offset it starts at.
    int32_t *unit_bytes;
    int64_t unit_count;
    int64_t capacity;
    // Where the last match ended (bytes), for findNext; -1 when none.
    int64_t last_end;
};

// One UTF-8 sequence at `i`: its code point in *cp and its length; an invalid byte is U+FFFD of
// length 1.
static inline int decode(const uint8_t *p, int64_t i, int64_t n, uint32_t *cp) {
    uint8_t b = p[i];
    if (b < 0x80) { *cp = b; return 1; }
    if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(b & 0x1F) << 6) | (p[i + 1] & 0x3F);
        return 2;
    }
    if (b >= 0xE0 && b <= 0xEF && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
        uint32_t v = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
        if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = v; return 3; }
    }
    if (b >= 0xF0 && b <= 0xF4 && i + 3 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
        (p[i + 3] & 0xC0) == 0x80) {
        uint32_t v = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(p[i + 1] & 0x3F) << 12) |
                     ((uint32_t)(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
        if (v >= 0x10000 && v <= 0x10FFFF) { *cp = v; return 4; }
    }
    *cp = 0xFFFD;
    return 1;
}

// The first unit that starts at or after byte `byte` (binary search in `unit_bytes`).
static int64_t unit_at_byte(const duben_regex *r, int64_t byte) {
    int64_t lo = 0, hi = r->unit_count;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (r->unit_bytes[mid] < byte) lo = mid + 1; else hi = mid;
    }
    return lo;
}

// A pathological pattern ("(a+)+b" on a long run of a) stops with U_REGEX_TIME_OUT instead of
// running for minutes. The unit is ICU's match steps, "on the order of milliseconds" each.
enum { TIME_LIMIT = 5000 };

// A compiled pattern (new or cloned) with its time limit, in a struct of its own; NULL (and the
// pattern closed) when memory runs out.
static duben_regex *wrap(URegularExpression *re) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setTimeLimit(re, TIME_LIMIT, &status);
    duben_regex *r = calloc(1, sizeof *r);
    if (!r) { uregex_close(re); return NULL; }
    r->re = re;
    r->last_end = -1;
    return r;
}

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
    return wrap(re);
}

duben_regex *duben_regex_clone(const duben_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(regex->re, &status);
    if (U_FAILURE(status) || re == NULL) return NULL;
    return wrap(re);
}

void duben_regex_close(duben_regex *regex) {
    if (!regex) return;
    uregex_close(regex->re);
    free(regex->units);
    free(regex->unit_bytes);
    free(regex);
}

int duben_regex_set_text(duben_regex *regex, const uint8_t *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    if (length >= INT32_MAX) return -1;
    // At most one unit per byte.
    if (length + 1 > regex->capacity) {
        int64_t capacity = length + 1 > 4096 ? length + 1 : 4096;
        UChar *units = realloc(regex->units, (size_t)capacity * sizeof(UChar));
        if (units) regex->units = units;
        int32_t *map = realloc(regex->unit_bytes, (size_t)capacity * sizeof(int32_t));
        if (map) regex->unit_bytes = map;
        if (!units || !map) return -1;
        regex->capacity = capacity;
    }
    UChar *out = regex->units;
    int32_t *map = regex->unit_bytes;
    int64_t k = 0, i = 0;
    while (i < length) {
        uint8_t b = utf8[i];
        if (b < 0x80) { map[k] = (int32_t)i; out[k++] = b; i++; continue; }
        if (((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) && i + 2 < length && (utf8[i + 1] & 0xC0) == 0x80 && (utf8[i + 2] & 0xC0) == 0x80) {
            // Most CJK: a three-byte sequence that cannot be overlong or a surrogate.
            map[k] = (int32_t)i;
            out[k++] = (UChar)(((b & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F));
            i += 3;
            continue;
        }
        uint32_t cp;
        int len = decode(utf8, i, length, &cp);
        map[k] = (int32_t)i;
        if (cp > 0xFFFF) {
            out[k++] = (UChar)(0xD7C0 + (cp >> 10));
            map[k] = (int32_t)i;
            out[k++] = (UChar)(0xDC00 | (cp & 0x3FF));
        } else {
            out[k++] = (UChar)cp;
        }
        i += len;
    }
    map[k] = (int32_t)length;
    regex->unit_count = k;
    regex->bytes = length > 0 ? utf8 : (const uint8_t *)"";
    regex->length = length;
    regex->last_end = -1;
    uregex_setText(regex->re, out, (int32_t)k, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int duben_regex_find(duben_regex *regex, int64_t from, int64_t *start, int64_t *end) {
    UErrorCode status = U_ZERO_ERROR;
    if (from > regex->length) return 0;
    // Going on from the last match: findNext (no reset of the matcher); else from `from`.
    int next = regex->last_end >= 0 && from == regex->last_end;
    if (!next) {
        if (!uregex_find(regex->re, (int32_t)unit_at_byte(regex, from), &status)) return U_FAILURE(status) ? -1 : 0;
    } else if (!uregex_findNext(regex->re, &status)) {
        return U_FAILURE(status) ? -1 : 0;
    }
    for (;;) {
        int32_t s = uregex_start(regex->re, 0, &status);
        int32_t e = uregex_end(regex->re, 0, &status);
        if (U_FAILURE(status)) return -1;
        if (e > s) {
            *start = regex->unit_bytes[s];
            *end = regex->unit_bytes[e];
            regex->last_end = *end;
            return 1;
        }
        // An empty match: ICU's findNext moves past it.
        if (!uregex_findNext(regex->re, &status)) return U_FAILURE(status) ? -1 : 0;
    }
}

const uint8_t *duben_memmem(const uint8_t *haystack, int64_t length, const uint8_t *needle, int64_t needle_length) {
    if (length <= 0 || needle_length <= 0) return NULL;
    return memmem(haystack, (size_t)length, needle, (size_t)needle_length);
}
