#ifndef CDUBENTEXT_H
#define CDUBENTEXT_H

// Plain C functions over ICU's line breaker and the C library's wcwidth.
// Only plain C types cross this header: ICU's own headers clash with the copy of ICU
// that Foundation carries, so they stay inside the .c files.

#include <stdint.h>

/// Sets the C library locale from the environment (setlocale(LC_ALL, "")); when its codeset
/// is not UTF-8, falls back to C.UTF-8. Returns 1 when the environment's locale was UTF-8,
/// 0 when the fallback was used, -1 when no UTF-8 locale could be set. Runs once; later calls
/// return the first one's answer.
int duben_setup_locale(void);

/// wcwidth(3) of one code point in the current locale (-1 for non-printable).
/// Sets the locale up first (duben_setup_locale), once.
int duben_wcwidth(uint32_t codepoint);

/// wcwidth + 2 of each BMP code point (1 to 4) once asked for, 0 until then. Filled lazily,
/// one code point at a time, because filling all 65,536 at start cost about a millisecond
/// before the first screen. Written and read with relaxed atomics: two threads that fill
/// the same entry write the same value.
extern uint8_t duben_bmp_widths[0x10000];

/// wcwidth of a BMP code point, computed and remembered in duben_bmp_widths.
int duben_bmp_width_slow(uint16_t codepoint);

/// wcwidth of a BMP code point (-1, 0, 1 or 2): one load once it has been seen.
static inline int duben_bmp_width(uint16_t codepoint) {
    uint8_t known = __atomic_load_n(&duben_bmp_widths[codepoint], __ATOMIC_RELAXED);
    return known ? (int)known - 2 : duben_bmp_width_slow(codepoint);
}

/// Line-break opportunities of UTF-8 text by ICU (UAX #14, locale "zh" with strict line
/// breaking). Writes the byte offsets at which a line may start (ascending, excluding 0 and
/// including `length`) into `out`, at most `capacity` of them.
/// Returns how many there are (which may exceed `capacity`), or -1 when ICU fails.
int32_t duben_line_breaks(const uint8_t *utf8, int32_t length, int32_t *out, int32_t capacity);

/// The same over UTF-16 text (what ICU reads natively): writes the UTF-16 offsets at which a
/// line may start (ascending, excluding 0 and including `count`) into `out`, at most
/// `capacity` of them. Returns how many there are, or -1 when ICU fails.
int32_t duben_line_breaks_utf16(const uint16_t *units, int32_t count, int32_t *out, int32_t capacity);

#endif
