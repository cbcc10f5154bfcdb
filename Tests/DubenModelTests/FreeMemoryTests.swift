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
    /// The small block left in use above the freed ones (handed back through the semaphore).
    final class Fence: @unchecked Sendable { var block: UnsafeMutableRawPointer? }

    /// Whether malloc is glibc's: AddressSanitizer and ThreadSanitizer put allocators of their
    /// own in its place, which keep freed memory in quarantine and do not trim.
    static let glibcMalloc = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") == nil
        && dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") == nil

    /// What the reader's threads do: a large block freed (glibc then raises its mmap threshold),
    /// then blocks below that size from a thread's arena, freed under a block still in use, so
    /// glibc keeps them. They stay in RssAnon until `release`.
    @Test(.enabled(if: glibcMalloc, "a sanitizer's allocator is in glibc's place"))
    func memoryFreedOnAThreadStaysResidentUntilReleased() {
        let done = DispatchSemaphore(value: 0)
        let fence = Fence()
        let thread = Thread {
            free(malloc(16 << 20))
            var blocks: [UnsafeMutableRawPointer] = []
            for _ in 0..<24 {
                let p = malloc(3 << 20)!
                memset(p, 1, 3 << 20)
                blocks.append(p)
            }
            fence.block = malloc(64)
            for p in blocks { free(p) }
            done.signal()
        }
        thread.start()
        done.wait()
        defer { free(fence.block) }
        let before = Self.rssAnon()
        #expect(FreeMemory.release())
        let after = Self.rssAnon()
        #expect(before > 0 && before - after >= 40 << 10, "RssAnon \(before) kB before, \(after) kB after")
    }
    #endif
}
