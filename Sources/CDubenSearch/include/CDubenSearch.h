#ifndef CDUBENSEARCH_H
#define CDUBENSEARCH_H

// ICU regular expressions over UTF-8 text, behind plain C types (ICU's headers clash with
// the copy of ICU that Foundation carries, so they stay inside the .c file).

#include <stdint.h>

/// A compiled pattern. Not shared between threads: each thread uses its own clone.
typedef struct duben_regex duben_regex;

/// Compiles a pattern given in UTF-16. `case_insensitive` folds case as ICU does (Unicode
/// simple case folding). On failure returns NULL and writes the UTF-16 offset of the error in
/// the pattern to `error_offset` (-1 when unknown) and ICU's error name (e.g.
/// "U_REGEX_MISMATCHED_PAREN") into `error_name` (`error_capacity` bytes, NUL-terminated).
duben_regex *duben_regex_open(const uint16_t *pattern, int32_t length, int case_insensitive,
                              int32_t *error_offset, char *error_name, int32_t error_capacity);

/// A copy for another thread (cheap: the compiled pattern is shared inside ICU).
duben_regex *duben_regex_clone(const duben_regex *regex);

void duben_regex_close(duben_regex *regex);

/// Sets the UTF-8 text to search: converted to UTF-16 for ICU, but offsets are mapped back
/// through the bytes, so they must outlive the searches.
/// Returns 0, or -1 when ICU fails.
int duben_regex_set_text(duben_regex *regex, const uint8_t *utf8, int64_t length);

/// The next non-empty match at or after byte offset `from` in the text set last: writes its
/// byte range to `start`/`end` and returns 1; returns 0 when there is none, -1 when ICU fails
/// (e.g. the time limit or stack of a pathological pattern).
int duben_regex_find(duben_regex *regex, int64_t from, int64_t *start, int64_t *end);

/// The first occurrence of `needle` in `haystack` (glibc's memmem, a two-way search), or NULL.
const uint8_t *duben_memmem(const uint8_t *haystack, int64_t length, const uint8_t *needle, int64_t needle_length);

/// Whether `bytes` are well-formed UTF-8 (Unicode table 3-7): 1 yes, 0 no, -1 when this
/// processor has no fast check (then the caller checks itself). AVX2 (utf8.c).
int duben_utf8_valid(const uint8_t *bytes, int64_t length);

#endif
