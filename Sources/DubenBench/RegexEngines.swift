import DubenModel
import Foundation

/// `DubenBench regex-engines FILE [PATTERN]`: one regular expression counted over a whole file
/// by three engines — ours (ICU through CDubenSearch: a memmem prefilter, then each line holding the required piece converted to UTF-16 for ICU),
/// NSRegularExpression (ICU through Foundation, over the file as one string) and Swift's
/// `Regex` — for the record of issue 13 (Docs/DECISIONS.md). Swift's `Regex` runs over a
/// prefix when the whole would take too long, and the figure is scaled.
enum RegexEngines {
    static func run(_ path: String, pattern: String) throws {
        let source = try CorpusLoader().read(path)
        let bytes = source.bytes
        let mb = Double(bytes.count) / 1e6
        func report(_ name: String, _ count: Int, _ seconds: Double, _ note: String = "") {
            print(String(format: "regex-engines: %-42@ %8d matches  %7.3f s  %7.0f MB/s%@", name as NSString, count, seconds, mb / seconds, note as NSString))
        }

        // Ours.
        var start = now()
        let compiled = try SearchPattern(pattern)
        var matcher = compiled.matcher()
        var ours = 0
        bytes.withUnsafeBufferPointer { p in _ = matcher.forEachMatch(in: p) { _ in ours += 1; return true } }
        report("duben: memmem, then ICU per line in UTF-16", ours, now() - start)

        // The text as a String, as the other two need it.
        start = now()
        let text = String(decoding: bytes, as: UTF8.self)
        let decoding = now() - start
        print(String(format: "regex-engines: (making a String of the file: %.3f s, not counted below)", decoding))

        // NSRegularExpression.
        start = now()
        let ns = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        let nsCount = ns.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        report("NSRegularExpression (whole text)", nsCount, now() - start)

        // Swift Regex, over a prefix of whole lines when the file is large.
        let regex = try Regex(pattern).ignoresCase()
        var limit = min(bytes.count, 10_000_000)
        while limit < bytes.count && bytes[limit - 1] != 0x0A { limit += 1 }
        let prefix = String(decoding: bytes[0..<limit], as: UTF8.self)
        start = now()
        let swiftCount = prefix.matches(of: regex).count
        let seconds = now() - start
        let scale = Double(bytes.count) / Double(limit)
        report("Swift Regex", swiftCount, seconds * scale,
               limit < bytes.count ? String(format: " (%.0f MB prefix: %d matches in %.2f s, scaled)", Double(limit) / 1e6, swiftCount, seconds) : "")
    }
}
