// wcwidth needs the X/Open declarations; SwiftPM drops pkg-config's -D_XOPEN_SOURCE.
#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include "CDubenText.h"

static int is_utf8_codeset(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int duben_setup_locale(void) {
    setlocale(LC_ALL, "");
    if (is_utf8_codeset()) return 1;
    if (setlocale(LC_ALL, "C.UTF-8") != NULL && is_utf8_codeset()) return 0;
    if (setlocale(LC_ALL, "en_US.UTF-8") != NULL && is_utf8_codeset()) return 0;
    return -1;
}

int duben_wcwidth(uint32_t codepoint) {
    return wcwidth((wchar_t)codepoint);
}
