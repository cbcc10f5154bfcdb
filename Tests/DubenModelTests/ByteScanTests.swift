@testable import DubenModel
import Testing

/// Word-at-a-time byte scans against scalar-at-a-time references: the UTF-8 scan, on text made
/// of the pieces that exercise its paths (runs of CJK, ASCII, E0 and ED sequences, four-byte
/// sequences, and invalid bytes: overlongs, surrogates, stray continuations, truncations); and
/// the news scanner's sentence starts.
@Suite("Byte scans")
struct ByteScanTests {
    static func reference(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let n = SourceDecoder.validLength(p, at: i)
                if n == 0 { return i }
                i += n
            }
            return p.count
        }
    }

    static let valid: [[UInt8]] = [
        Array("中".utf8), Array("文，".utf8), Array("。".utf8), Array("a".utf8), Array("2020年".utf8), Array("\n".utf8),
        [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0x98, 0x80], [0xC3, 0xA9],
        Array("全面建成小康社会，奋力谱写新篇章".utf8),
    ]
    static let invalid: [[UInt8]] = [
        [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xE4, 0xB8], [0xC0, 0xAF], [0xF5, 0x80, 0x80, 0x80], [0xFF],
    ]

    @Test func wordScanAgreesWithReference() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<4_000 {
            var bytes: [UInt8] = []
            let pieces = Int.random(in: 1...40, using: &rng)
            for _ in 0..<pieces {
                if round % 2 == 1 && Int.random(in: 0..<30, using: &rng) == 0 {
                    bytes += Self.invalid.randomElement(using: &rng)!
                } else {
                    bytes += Self.valid.randomElement(using: &rng)!
                }
            }
            #expect(SourceDecoder.scanValidPrefix(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    @Test func longCJKRunsWithEdgeLeads() {
        // Runs long enough for the 24-byte path, with an E0/ED lead or a bad byte at each position.
        let base = Array(String(repeating: "中文标点，。", count: 10).utf8)
        for k in 0..<base.count {
            for bad: [UInt8] in [[0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0x80, 0x80, 0x80]] {
                var bytes = base
                let at = k - k % 3
                bytes.replaceSubrange(at..<(at + 3), with: bad)
                #expect(SourceDecoder.scanValidPrefix(bytes) == Self.reference(bytes), "at \(at) \(bad)")
            }
        }
    }

    /// The sentence starts as the scanner found them scalar by scalar.
    static func sentenceStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var i = 0
        while i + 2 < bytes.count {
            let b0 = bytes[i]
            if b0 < 0xE0 { i += b0 < 0x80 ? 1 : 2; continue }
            if b0 >= 0xF0 { i += 4; continue }
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            i += 3
            if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x82) || (b0 == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F || b2 == 0x9B)) {
                if i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x9D { i += 3 }
                if i < bytes.count { starts.append(i) }
            }
        }
        return starts
    }

    @Test func sentenceStartsAgreeWithReference() {
        let pieces = ["会议指出", "。", "！", "？", "；", "，", "”", "“", "5日", "a", "\n", "、", "😀", "é", "（完）", "。”"]
        let source = SourceFile(path: "t.txt", bytes: [])
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            var found: [Int] = []
            bytes.withUnsafeBufferPointer { p in
                NewsDateScanner(source: source).forEachSentenceStart(p, 0..<bytes.count) { found.append($0); return true }
            }
            #expect(found == Self.sentenceStarts(bytes), "\(text)")
        }
    }
}
