import DubenModel
import DubenTerminal
import DubenTestSupport
import Foundation
import Testing

/// The library count on its own thread (also run under ThreadSanitizer by scripts/sanitize):
/// the newest search's count arrives, equal to counting on the caller's thread; older counts
/// started just before it are dropped.
@Suite("Match counter")
struct MatchCounterTests {
    @Test func theNewestCountArrivesAndOlderOnesAreDropped() throws {
        let corpus = TestSupport.bundled
        let counter = MatchCounter()
        let patterns = try ["中国", "发展", "人民", "命运.*共同体"].map { try SearchPattern($0) }
        for (generation, pattern) in patterns.enumerated() {
            counter.start(pattern, generation: generation, in: corpus)
        }
        let deadline = Date().addingTimeInterval(60)
        var result: (total: Int, generation: Int)? = nil
        while result == nil && Date() < deadline {
            result = counter.take()
            if result == nil { usleep(10_000) }
        }
        var matcher = patterns[3].matcher()
        let expected = corpus.documents.reduce(0) { $0 + $1.countMatches(&matcher) }
        #expect(result?.generation == 3)
        #expect(result?.total == expected && expected > 0)
        while counter.isRunning && Date() < deadline { usleep(10_000) }
        #expect(!counter.isRunning)
        #expect(counter.take() == nil, "an older count arrived after the newest")
    }

    @Test func aCancelledCountNeverArrives() throws {
        let counter = MatchCounter()
        counter.start(try SearchPattern("的"), generation: 0, in: TestSupport.bundled)
        counter.cancel()
        let deadline = Date().addingTimeInterval(60)
        while counter.isRunning && Date() < deadline { usleep(10_000) }
        #expect(counter.take() == nil)
    }
}
