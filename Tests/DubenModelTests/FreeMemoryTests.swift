import Foundation
import Testing
@testable import DubenModel

/// `FreeMemory.release` gives back what glibc keeps free in its arenas.
@Suite struct FreeMemoryTests {
    static func rssAnon() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    #if os(Linux)
    /// The small block left in use above the freed ones, and where the freed ones were (handed
    /// back through the semaphore).
    final class Fence: @unchecked Sendable {
        var block: UnsafeMutableRawPointer?
        var freed: [UnsafeMutableRawPointer] = []
    }

    /// Whether malloc is glibc's: AddressSanitizer and ThreadSanitizer put allocators of their
    /// own in its place, which keep freed memory in quarantine and do not trim.
    static let glibcMalloc = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") == nil
        && dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") == nil

    /// How many of the whole pages inside these blocks of `size` bytes are resident (`mincore`),
    /// and how many there are. Measured on the blocks themselves, not on the process's RssAnon,
    /// which the tests running beside this one change at the same time.
    static func residentPages(_ blocks: [UnsafeMutableRawPointer], size: Int) -> (resident: Int, pages: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var resident = 0, pages = 0
        for b in blocks {
            let start = (Int(bitPattern: b) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: b) + size) & ~(page - 1)
            guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { continue }
            var vector = [UInt8](repeating: 0, count: (end - start) / page)
            guard mincore(p, end - start, &vector) == 0 else { continue }
            pages += vector.count
            resident += vector.count { $0 & 1 == 1 }
        }
        return (resident, pages)
    }

    /// What the reader's threads do: a large block freed (glibc then raises its mmap threshold),
    /// then blocks below that size from a thread's arena, freed under a block still in use, so
    /// glibc keeps them resident. `release` gives their pages back.
    @Test(.enabled(if: glibcMalloc, "a sanitizer's allocator is in glibc's place"))
    func memoryFreedOnAThreadStaysResidentUntilReleased() {
        let done = DispatchSemaphore(value: 0)
        let fence = Fence()
        let size = 3 << 20
        let thread = Thread {
            free(malloc(16 << 20))
            var blocks: [UnsafeMutableRawPointer] = []
            for _ in 0..<24 {
                let p = malloc(size)!
                memset(p, 1, size)
                blocks.append(p)
            }
            fence.block = malloc(64)
            for p in blocks { free(p) }
            fence.freed = blocks
            done.signal()
        }
        thread.start()
        done.wait()
        defer { free(fence.block) }
        // Freed but kept: every page resident here when this test runs alone. Not expected,
        // because a reader session of another test running beside this one may release the
        // process's free memory first (`FreeMemory` is process-wide); the release here may then
        // find nothing left to give back, so its result is not expected either.
        let before = Self.residentPages(fence.freed, size: size)
        FreeMemory.release()
        let after = Self.residentPages(fence.freed, size: size)
        #expect(before.pages > 0)
        #expect(after.resident * 2 <= after.pages,
                "released: \(after.resident) of \(after.pages) pages still resident (\(before.resident) before)")
    }
    #endif
}
