import CDubenText
import DubenLayout
import Dispatch
import Synchronization
import Testing

/// The BMP widths are remembered as they are first asked for (`duben_bmp_widths`): the
/// remembered answer must be the C library's, on every call and from every thread.
@Suite("Display width")
struct DisplayWidthTests {
    /// What `wcwidth` says of a code point, clamped as the table keeps it.
    static func expected(_ v: UInt32) -> Int {
        min(2, max(-1, Int(duben_wcwidth(v))))
    }

    @Test func everyBMPCodePointHasTheCLibrarysWidthFirstAndAfter() {
        let measure = DisplayWidth()
        for round in 0..<2 {
            var wrong: [UInt32] = []
            for v in UInt32(0)..<0x10000 where !(0xD800...0xDFFF).contains(v) {
                if measure.width(v) != Self.expected(v) { wrong.append(v) }
            }
            #expect(wrong.isEmpty, "round \(round): \(wrong.prefix(10).map { String($0, radix: 16) })")
        }
        #expect(measure.width(0x4E2D) == 2)  // 中
        #expect(measure.width(0x41) == 1)
        #expect(measure.width(0x0301) == 0)  // combining acute
        #expect(measure.width(0x07) == -1)  // BEL
        #expect(measure.width(0x20000) == 2)  // 𠀀, astral: wcwidth each time
    }

    @Test func threadsFillingTheSameCodePointsAgree() {
        let measure = DisplayWidth()
        // Ideographs and kana from the Extension A block onward: most are not asked for by
        // the other tests, so the threads race to fill them.
        let range = UInt32(0x3400)..<0xA000
        let mismatches = Mutex([Int]())
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            var wrong = 0
            for v in range where measure.width(v) != Self.expected(v) { wrong += 1 }
            mismatches.withLock { $0.append(wrong) }
        }
        #expect(mismatches.withLock { $0 } == [0, 0, 0, 0])
    }

    @Test func ambiguousCharactersTakeTheChosenWidth() {
        #expect(DisplayWidth(ambiguousWidth: 1).width(0x201C) == 1)  // “
        #expect(DisplayWidth(ambiguousWidth: 2).width(0x201C) == 2)
        #expect(DisplayWidth(ambiguousWidth: 2).width(0x41) == 1)
    }
}
