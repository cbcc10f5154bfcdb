#include "CDubenSearch.h"
#include <string.h>

// UTF-8 validation with AVX2: the lookup algorithm of Keiser and Lemire, "Validating UTF-8 In
// Less Than One Instruction Per Byte" (Software: Practice and Experience, 2021), as simdutf
// implements it. Three table lookups by nibble classify each pair of bytes; the length of
// multi-byte sequences is checked from the bytes two and three places before.

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

#define B(x) ((char)(x))

enum {
    TOO_SHORT = 1 << 0,
    TOO_LONG = 1 << 1,
    OVERLONG_3 = 1 << 2,
    TOO_LARGE = 1 << 3,
    SURROGATE = 1 << 4,
    OVERLONG_2 = 1 << 5,
    TOO_LARGE_1000 = 1 << 6,
    OVERLONG_4 = 1 << 6,
    TWO_CONTS = 1 << 7,
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

#define TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)                                      \
    _mm256_setr_epi8(B(a), B(b), B(c), B(d), B(e), B(f), B(g), B(h), B(i), B(j), B(k), B(l), B(m), \
                     B(n), B(o), B(p), B(a), B(b), B(c), B(d), B(e), B(f), B(g), B(h), B(i), B(j), \
                     B(k), B(l), B(m), B(n), B(o), B(p))

__attribute__((target("avx2"))) static int valid_avx2(const uint8_t *p, int64_t n) {
    const __m256i byte1High = TABLE(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
        TOO_SHORT | OVERLONG_2,
        TOO_SHORT,
        TOO_SHORT | OVERLONG_3 | SURROGATE,
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
    const __m256i byte1Low = TABLE(
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
        CARRY | OVERLONG_2,
        CARRY,
        CARRY,
        CARRY | TOO_LARGE,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000);
    const __m256i byte2High = TABLE(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    // The last three bytes of a block may not open a sequence that the block does not finish.
    const __m256i maxValue = _mm256_setr_epi8(
        B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(255),
        B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(255),
        B(255), B(255), B(255), B(255), B(255), B(255), B(255), B(0xF0 - 1), B(0xE0 - 1), B(0xC0 - 1));
    __m256i previous = _mm256_setzero_si256();
    __m256i error = _mm256_setzero_si256();
    __m256i incomplete = _mm256_setzero_si256();
    uint8_t tail[32];
    for (int64_t i = 0; i < n; i += 32) {
        __m256i input;
        if (i + 32 <= n) {
            input = _mm256_loadu_si256((const __m256i *)(p + i));
        } else {
            // Padded with NULs (ASCII): a sequence cut by the end is then too short.
            memset(tail, 0, sizeof tail);
            memcpy(tail, p + i, (size_t)(n - i));
            input = _mm256_loadu_si256((const __m256i *)tail);
        }
        if (_mm256_movemask_epi8(input) == 0) {
            error = _mm256_or_si256(error, incomplete);
            incomplete = _mm256_setzero_si256();
            previous = input;
            continue;
        }
        __m256i joined = _mm256_permute2x128_si256(previous, input, 0x21);
        __m256i prev1 = _mm256_alignr_epi8(input, joined, 15);
        __m256i prev2 = _mm256_alignr_epi8(input, joined, 14);
        __m256i prev3 = _mm256_alignr_epi8(input, joined, 13);
        __m256i b1h = _mm256_shuffle_epi8(byte1High, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
        __m256i b1l = _mm256_shuffle_epi8(byte1Low, _mm256_and_si256(prev1, nibble));
        __m256i b2h = _mm256_shuffle_epi8(byte2High, _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble));
        __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
        __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(B(0xE0 - 0x80)));
        __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(B(0xF0 - 0x80)));
        __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(B(0x80)));
        error = _mm256_or_si256(error, _mm256_xor_si256(must23, special));
        incomplete = _mm256_subs_epu8(input, maxValue);
        previous = input;
    }
    error = _mm256_or_si256(error, incomplete);
    return _mm256_testz_si256(error, error);
}

int duben_utf8_valid(const uint8_t *bytes, int64_t length) {
    if (length <= 0) return 1;
    if (!__builtin_cpu_supports("avx2")) return -1;
    return valid_avx2(bytes, length);
}

#else

int duben_utf8_valid(const uint8_t *bytes, int64_t length) {
    (void)bytes;
    return length <= 0 ? 1 : -1;
}

#endif
