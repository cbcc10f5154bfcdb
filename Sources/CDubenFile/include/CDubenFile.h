#ifndef CDUBENFILE_H
#define CDUBENFILE_H

// Read-only file mappings with a guard against SIGBUS, behind plain C types.
//
// A mapped file that shrinks (truncated, or rewritten in place) makes every read of a page past
// its new end raise SIGBUS. The guard catches that signal for the mappings it knows, maps zero
// pages over the rest of the mapping so the read goes on (the text then holds NULs there), and
// counts the fault; the reader sees the file changed (its size and time) and offers to reload it.
// A SIGBUS anywhere else is left to the default action.

#include <stddef.h>
#include <stdint.h>

/// Maps `length` bytes of the open file `fd` read-only and registers the mapping with the
/// guard (installed on first use). Returns NULL when the file cannot be mapped or the guard has
/// no free slot (the caller then reads the file instead); `length` must be > 0.
const uint8_t *duben_map(int fd, int64_t length);

/// Unregisters and unmaps a mapping made by `duben_map`.
void duben_unmap(const uint8_t *base, int64_t length);

/// How many SIGBUS faults the guard has caught since the process started.
int64_t duben_map_faults(void);

/// Gives the memory malloc holds free back to the system when it holds more than `keep`
/// bytes free (glibc: `mallinfo2`, then `malloc_trim(0)`, every arena; elsewhere nothing).
/// Returns 1 when some was given back.
int duben_release_free_memory(size_t keep);

/// Sets the calling thread's nice value (Linux: that thread alone; elsewhere nothing).
/// Returns 0, or -1 with errno.
int duben_lower_thread_priority(int nice);

#endif
