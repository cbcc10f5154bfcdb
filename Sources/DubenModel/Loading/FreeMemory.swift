import CDubenFile

/// Memory the allocator holds free, given back to the system.
///
/// glibc keeps what a thread frees in that thread's arena, and after a large block is freed it
/// raises its mmap threshold, so later blocks of that size come from the arenas and stay there
/// once freed. The reader's threads (the background indexer, the match counter) free a great
/// deal when they finish — a reload of a 100 MB library left about 35 MB free in each of four
/// arenas, 200 MB of RssAnon of which 30 MB was in use (Docs/TESTING.md, soak) — so the
/// session gives it back once such work is done and the reader is idle.
public enum FreeMemory {
    /// Gives back what malloc holds free (glibc's `malloc_trim(0)`, every arena; nothing on
    /// other C libraries). Whether anything was given back.
    @discardableResult
    public static func release() -> Bool {
        duben_release_free_memory() == 1
    }
}
