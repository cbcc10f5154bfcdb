#include "CDubenText.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>

// One break iterator per thread: opening one loads the rules (tens of microseconds).
static __thread UBreakIterator *cached_iterator = NULL;

int32_t duben_line_breaks(const uint8_t *utf8, int32_t length, int32_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    if (cached_iterator == NULL) {
        cached_iterator = ubrk_open(UBRK_LINE, "zh@lb=strict", NULL, 0, &status);
        if (U_FAILURE(status)) { cached_iterator = NULL; return -1; }
    }
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, (const char *)utf8, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(cached_iterator, &text, &status);
    if (U_FAILURE(status)) { utext_close(&text); return -1; }
    int32_t count = 0;
    for (int32_t pos = ubrk_next(cached_iterator); pos != UBRK_DONE; pos = ubrk_next(cached_iterator)) {
        if (count < capacity) out[count] = pos;
        count++;
    }
    utext_close(&text);
    return count;
}
