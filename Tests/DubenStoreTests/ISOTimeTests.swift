import DubenStore
import Foundation
import Testing

/// `ISOTime` writes with `gmtime_r`: the same text as Foundation's ISO 8601 formatter.
@Suite("ISO 8601 timestamps")
struct ISOTimeTests {
    @Test("the same as ISO8601DateFormatter, from 1970 to 2100 and at the edges of days and years")
    func sameAsFoundation() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        var instants: [Int] = [0, 59, 60, 3599, 86_399, 86_400, 951_782_400, 1_709_164_799, 1_796_100_000, 4_102_444_799]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2000 { instants.append(Int.random(in: 0...4_102_444_800, using: &g)) }
        for s in instants {
            #expect(ISOTime.string(secondsSince1970: time_t(s)) == f.string(from: Date(timeIntervalSince1970: Double(s))), "at \(s)")
        }
    }

    @Test("now is this second")
    func now() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        let before = f.string(from: Date())
        let made = ISOTime.now()
        let after = f.string(from: Date())
        #expect(made == before || made == after)
    }
}
