#define _GNU_SOURCE
#include "CDubenFile.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// The mappings the guard knows: start and length, published with atomics so the handler reads
// them without a lock. A slot is free when its start is 0.
#define SLOTS 1024
#define CLAIMED UINTPTR_MAX
static _Atomic(uintptr_t) slot_start[SLOTS];
static _Atomic(uintptr_t) slot_length[SLOTS];
static atomic_llong faults;
static atomic_int installed;
static struct sigaction previous;

static void on_sigbus(int sig, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t start = atomic_load(&slot_start[i]);
        uintptr_t length = atomic_load(&slot_length[i]);
        if (start == 0 || start == CLAIMED || address < start || address - start >= length) continue;
        // Zero pages from the faulting page to the end of the mapping: reads go on and see NULs.
        uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
        uintptr_t from = address & ~(page - 1);
        uintptr_t end = (start + length + page - 1) & ~(page - 1);
        if (mmap((void *)from, end - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
            atomic_fetch_add(&faults, 1);
            return;
        }
        break;
    }
    // Not ours (or the zero pages failed): the action there was before, else the default.
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(sig, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
        return;
    }
    signal(SIGBUS, SIG_DFL);
}

static void install(void) {
    int expected = 0;
    if (!atomic_compare_exchange_strong(&installed, &expected, 1)) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
}

const uint8_t *duben_map(int fd, int64_t length) {
    if (length <= 0) return NULL;
    install();
    void *p = mmap(NULL, (size_t)length, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) return NULL;
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t expected = 0;
        // Claim the slot, then set its length, then its start: the handler skips a slot
        // being filled (CLAIMED is above every address).
        if (!atomic_compare_exchange_strong(&slot_start[i], &expected, CLAIMED)) continue;
        atomic_store(&slot_length[i], (uintptr_t)length);
        atomic_store(&slot_start[i], (uintptr_t)p);
        return p;
    }
    munmap(p, (size_t)length);
    return NULL;
}

void duben_unmap(const uint8_t *base, int64_t length) {
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slot_start[i]) == (uintptr_t)base) {
            atomic_store(&slot_start[i], 0);
            break;
        }
    }
    munmap((void *)base, (size_t)length);
}

int64_t duben_map_faults(void) { return atomic_load(&faults); }
