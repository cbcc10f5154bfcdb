import CDubenFile

/// Memory the allocator holds free, given back to the system.
///
/// glibc keeps what a thread frees in that thread's arena, and after a large block is freed it
/// raises its mmap threshold, so later blocks of that size come from the arenas and stay there
/// once freed. The reader frees a great deal after its work — a reload, an index, a count or a
/// search of a 100 MB library — and on that library the soak found 30–45 MB in use and 75–190
/// MB more held free in the arenas, all of it in RssAnon (Docs/TESTING.md, soak). The session
/// gives it back when the reader falls idle.
public enum FreeMemory {
    /// Gives back what malloc holds free when that is more than `keep` bytes (glibc's
    /// `mallinfo2` and `malloc_trim(0)`, every arena; nothing on other C libraries). Whether
    /// anything was given back.
    @discardableResult
    public static func release(keeping keep: Int = 1 << 20) -> Bool {
        duben_release_free_memory(keep) == 1
    }
}
