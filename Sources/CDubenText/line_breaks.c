#include "CDubenText.h"
#include <stdlib.h>
#include <unicode/ubrk.h>

// One break iterator per thread: opening one loads the rules (tens of microseconds).
static __thread UBreakIterator *cached_iterator = NULL;
// The UTF-16 copy of the text, reused between calls.
static __thread UChar *utf16 = NULL;
static __thread int32_t utf16_capacity = 0;
// Larger copies are freed after use rather than kept for the life of the thread.
enum { KEEP_UNITS = 1 << 16 };

// Length in bytes of the UTF-8 sequence that starts with `lead`. The text is well-formed
// (the loader validates it); the conversion and the offset walk below both use this same
// function, so they stay in step whatever the bytes are.
static inline int32_t sequence_length(uint8_t lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// UTF-8 to UTF-16. Returns the number of units written (`out` has room for `length`).
static int32_t to_utf16(const uint8_t *s, int32_t length, UChar *out) {
    int32_t i = 0, n = 0;
    while (i < length) {
        uint8_t b = s[i];
        if (b < 0x80) { out[n++] = b; i++; continue; }
        int32_t len = sequence_length(b);
        if (i + len > length) { out[n++] = 0xFFFD; i = length; break; }
        uint32_t c;
        if (len == 2) c = ((uint32_t)(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
        else if (len == 3) c = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        else c = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) | ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
        if (len == 4) {
            c -= 0x10000;
            out[n++] = (UChar)(0xD800 + (c >> 10));
            out[n++] = (UChar)(0xDC00 + (c & 0x3FF));
        } else {
            out[n++] = (UChar)c;
        }
        i += len;
    }
    return n;
}

// The thread's iterator, opened once.
static UBreakIterator *iterator(void) {
    if (cached_iterator == NULL) {
        UErrorCode status = U_ZERO_ERROR;
        cached_iterator = ubrk_open(UBRK_LINE, "zh@lb=strict", NULL, 0, &status);
        if (U_FAILURE(status)) cached_iterator = NULL;
    }
    return cached_iterator;
}

int32_t duben_line_breaks_utf16(const uint16_t *units, int32_t count, int32_t *out, int32_t capacity) {
    UBreakIterator *bi = iterator();
    if (bi == NULL) return -1;
    if (count <= 0) return 0;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(bi, (const UChar *)units, count, &status);
    if (U_FAILURE(status)) return -1;
    int32_t n = 0;
    for (int32_t pos = ubrk_next(bi); pos != UBRK_DONE; pos = ubrk_next(bi)) {
        if (n < capacity) out[n] = pos;
        n++;
    }
    // Detach the iterator from the caller's buffer before it may be freed or reused.
    ubrk_setText(bi, NULL, 0, &status);
    return n;
}

// ICU runs over UTF-16 (ubrk_setText) about twice as fast as over a UTF-8 UText, so the
// text is converted first and the UTF-16 offsets of the breaks mapped back to bytes.
int32_t duben_line_breaks(const uint8_t *utf8, int32_t length, int32_t *out, int32_t capacity) {
    if (iterator() == NULL) return -1;
    if (length <= 0) return 0;
    // Each UTF-8 sequence of k bytes becomes at most k UTF-16 units (1→1, 2→1, 3→1, 4→2).
    if (utf16_capacity < length) {
        UChar *grown = realloc(utf16, sizeof(UChar) * (size_t)length);
        if (grown == NULL) return -1;
        utf16 = grown;
        utf16_capacity = length;
    }
    int32_t units = to_utf16(utf8, length, utf16);
    // The UTF-16 offsets, mapped back to bytes in place (both ascend).
    int32_t count = duben_line_breaks_utf16(utf16, units, out, capacity);
    if (count < 0) return -1;
    int32_t byte = 0, unit = 0;
    for (int32_t k = 0; k < count && k < capacity; k++) {
        while (unit < out[k] && byte < length) {
            int32_t len = sequence_length(utf8[byte]);
            byte += len;
            unit += len == 4 ? 2 : 1;
        }
        out[k] = byte < length ? byte : length;
    }
    if (utf16_capacity > KEEP_UNITS) {
        free(utf16);
        utf16 = NULL;
        utf16_capacity = 0;
    }
    return count;
}
