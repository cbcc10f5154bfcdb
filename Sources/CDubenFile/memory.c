#include "CDubenFile.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

// glibc keeps what a thread frees in that thread's arena, and after a large block is freed it
// raises its mmap threshold, so later blocks that size come from the arenas too and stay there
// when freed (the library soak: 30-45 MB in use, 75-190 MB more held free). malloc_trim(0)
// returns the free pages of every arena, not only the top of the main heap; mallinfo2 (which
// walks the free chunks) says first whether there is enough to be worth it.
int duben_release_free_memory(size_t keep) {
#if defined(__GLIBC__)
#if __GLIBC_PREREQ(2, 33)
    size_t held = mallinfo2().fordblks;
#else
    size_t held = (size_t)(unsigned)mallinfo().fordblks;
#endif
    if (held <= keep) return 0;
    return malloc_trim(0);
#else
    (void)keep;
    return 0;
#endif
}

// Linux gives each thread its own nice value (setpriority on the thread id); elsewhere the
// call would lower the whole process, so it is not made.
int duben_lower_thread_priority(int nice) {
#if defined(__linux__)
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), nice);
#else
    (void)nice;
    return 0;
#endif
}
