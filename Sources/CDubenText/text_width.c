// wcwidth needs the X/Open declarations; SwiftPM drops pkg-config's -D_XOPEN_SOURCE.
#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <pthread.h>
#include "CDubenText.h"

uint8_t duben_bmp_widths[0x10000];

static pthread_once_t locale_once = PTHREAD_ONCE_INIT;
static int locale_status = -1;

static int is_utf8_codeset(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int setup_locale_now(void) {
    setlocale(LC_ALL, "");
    if (is_utf8_codeset()) return 1;
    if (setlocale(LC_ALL, "C.UTF-8") != NULL && is_utf8_codeset()) return 0;
    if (setlocale(LC_ALL, "en_US.UTF-8") != NULL && is_utf8_codeset()) return 0;
    return -1;
}

static void setup_locale_once(void) {
    locale_status = setup_locale_now();
}

int duben_setup_locale(void) {
    pthread_once(&locale_once, setup_locale_once);
    return locale_status;
}

int duben_wcwidth(uint32_t codepoint) {
    pthread_once(&locale_once, setup_locale_once);
    return wcwidth((wchar_t)codepoint);
}

int duben_bmp_width_slow(uint16_t codepoint) {
    int w = duben_wcwidth(codepoint);
    if (w < -1) w = -1;
    if (w > 2) w = 2;
    __atomic_store_n(&duben_bmp_widths[codepoint], (uint8_t)(w + 2), __ATOMIC_RELAXED);
    return w;
}
