#include "CDubenFile.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// glibc keeps what a thread frees in that thread's arena, and after a large block is freed it
// raises its mmap threshold, so later blocks that size come from the arenas too and stay there
// when freed (a reload of a 100 MB library left ~35 MB free in each of four arenas). malloc_trim
// returns the free pages of every arena, not only the top of the main heap.
int duben_release_free_memory(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
