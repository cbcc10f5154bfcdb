#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel for transparent huge pages (`MADV_HUGEPAGE`) under a large buffer about to be
/// written whole. A fresh allocation is faulted in a page at a time on its first write: here, 32
/// MB took 17 ms in 4 KiB faults and 4 ms in 2 MiB ones (the dated items of a gigabyte's library,
/// decoded from the index cache when the timeline opens: Docs/PERFORMANCE.md). Only whole huge
/// pages inside the buffer are affected; a kernel without them, or set to `never`, ignores it.
enum HugePages {
    /// Below this, the faults cost little and a huge page would mostly be the buffer's neighbours.
    static let threshold = 4 << 20

    /// Advises huge pages for the whole 2 MiB pages inside `buffer` (nothing for a small one).
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    }
}
