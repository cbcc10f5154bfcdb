#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDubenSearch

/// A search pattern: a regular expression (ICU's dialect, as `less` and `vim` users expect
/// one) or a literal string, matched after the one folding every matcher uses
/// (`TextMatcher.fold`: full-width and half-width forms alike, ASCII case ignored unless
/// `caseSensitive`). Matches never cross a line: the reader matches a block's text (a
/// paragraph, its hard-wrapped lines joined), `duben search` a file's lines, as grep does.
///
/// How the folding reaches the regex engine without copying the text: the pattern is
/// rewritten so that each literal character matches every form that folds to it (`a` →
/// `[aAａＡ]`, `（` → `[(（]`, a class `[0-9]` gains `０-９`). ICU then runs on the UTF-8 text as
/// it is. Full-width punctuation typed in a pattern is always literal (`（` is never a group).
///
/// Speed: a literal made only of characters the folding leaves alone (Chinese text) is
/// found with `memmem` on the bytes; other patterns look for their longest such required
/// piece first, and run the full match only on the lines that hold it.
public struct SearchPattern: Sendable, Hashable {
    public static func == (a: SearchPattern, b: SearchPattern) -> Bool {
        a.source == b.source && a.mode == b.mode && a.caseSensitive == b.caseSensitive
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(mode)
        hasher.combine(caseSensitive)
    }

    public enum Mode: String, Sendable, Hashable { case regex, literal }

    /// A pattern that is not a valid regular expression: why, and where.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong, in words ("unmatched (").
        public var reason: String
        /// The character (1-based, in the pattern as typed) where ICU stopped, when it says.
        public var position: Int?
        public var description: String {
            position.map { "\(reason) at character \($0)" } ?? reason
        }
    }

    public let source: String
    public let mode: Mode
    public let caseSensitive: Bool
    /// The regex as ICU compiles it (regex mode; literal mode for patterns the folding
    /// changes, which run as an escaped regex).
    let regex: CompiledRegex?
    /// The longest run of fold-invariant characters every match contains, in UTF-8; empty
    /// when there is none (then every line is tried).
    let required: [UInt8]
    /// A literal that the folding leaves alone: its matches are exactly the occurrences of
    /// `required`.
    let exactBytes: Bool

    /// Compiles `pattern`. An empty pattern is invalid.
    public init(_ pattern: String, mode: Mode = .regex, caseSensitive: Bool = false) throws(Invalid) {
        guard !pattern.isEmpty else { throw Invalid(reason: "empty pattern", position: nil) }
        source = pattern
        self.mode = mode
        self.caseSensitive = caseSensitive
        let scalars = Array(pattern.unicodeScalars)
        let rewrite: RegexRewrite
        if mode == .literal {
            rewrite = RegexRewrite(literal: scalars, caseSensitive: caseSensitive)
        } else {
            rewrite = RegexRewrite(regex: scalars, caseSensitive: caseSensitive)
        }
        if let problem = rewrite.problem { throw problem }
        required = Array(String(String.UnicodeScalarView(rewrite.required)).utf8)
        exactBytes = mode == .literal && rewrite.required.count == scalars.count && !pattern.contains("\n")
        if exactBytes {
            regex = nil
        } else {
            regex = try CompiledRegex(rewrite.pattern, source: scalars, map: rewrite.sourceIndex)
        }
    }

    /// The folding of one scalar (`TextMatcher.fold`, or only its width part when
    /// case-sensitive).
    static func fold(_ v: UInt32, caseSensitive: Bool) -> UInt32 {
        if !caseSensitive { return TextMatcher.fold(v) }
        if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
        return v == 0x3000 ? 0x20 : v
    }

    /// Every scalar that folds to what `c` folds to (`c` included), in order: `a` → a A ａ Ａ,
    /// `（` → ( （, `中` → 中.
    static func variants(of c: Unicode.Scalar, caseSensitive: Bool) -> [Unicode.Scalar] {
        let f = fold(c.value, caseSensitive: caseSensitive)
        var candidates: Set<UInt32> = [c.value, f]
        if (0x21...0x7E).contains(f) { candidates.insert(f + 0xFEE0) }
        if (0x61...0x7A).contains(f) { candidates.insert(f - 0x20); candidates.insert(f - 0x20 + 0xFEE0) }
        if (0x41...0x5A).contains(f) { candidates.insert(f + 0x20); candidates.insert(f + 0x20 + 0xFEE0) }
        if f == 0x20 { candidates.insert(0x3000) }
        return candidates.filter { fold($0, caseSensitive: caseSensitive) == f }.sorted().compactMap(Unicode.Scalar.init)
    }

    // MARK: Matching

    /// A matcher for one thread: the compiled regex is cloned for it.
    public func matcher() -> Matcher { Matcher(self) }

    /// Scalar ranges of every match in `text` (one line or block), in order, non-overlapping.
    public func matches(in text: String) -> [Range<Int>] {
        var m = matcher()
        return m.matches(in: text)
    }

    /// Whether `text` holds a match.
    public func occurs(in text: String) -> Bool {
        var m = matcher()
        var found = false
        var s = text
        s.withUTF8 { buffer in _ = m.forEachMatch(in: buffer) { _ in found = true; return false } }
        return found
    }

    /// Finds matches in text on one thread; holds that thread's copy of the regex.
    public struct Matcher {
        let pattern: SearchPattern
        let regex: RegexInstance?

        init(_ pattern: SearchPattern) {
            self.pattern = pattern
            regex = pattern.regex.map { RegexInstance($0) }
        }

        /// Byte ranges of the matches in UTF-8 `bytes`, line by line, in order; `body`
        /// returns false to stop. Returns false when the regex engine gave up (time limit).
        @discardableResult
        public mutating func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) -> Bool {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
            let n = bytes.count
            let needle = pattern.required
            if needle.isEmpty {
                // Every line.
                var start = 0
                while start < n {
                    let end = SearchPattern.lineEnd(base, from: start, count: n)
                    guard let more = matchLine(base, start..<end, body) else { return false }
                    if !more { return true }
                    start = end + 1
                }
                return true
            }
            var from = 0
            while from < n {
                guard let hit = needle.withUnsafeBufferPointer({ SearchPattern.find($0, in: base, from: from, count: n) }) else { return true }
                if pattern.exactBytes {
                    if !body(hit..<(hit + needle.count)) { return true }
                    from = hit + needle.count
                    continue
                }
                let lineStart = SearchPattern.lineStart(base, before: hit, limit: from)
                let lineEnd = SearchPattern.lineEnd(base, from: hit, count: n)
                guard let more = matchLine(base, lineStart..<lineEnd, body) else { return false }
                if !more { return true }
                from = lineEnd + 1
            }
            return true
        }

        /// The matches of one line; nil when the engine gave up, else whether to go on.
        mutating func matchLine(_ base: UnsafePointer<UInt8>, _ line: Range<Int>, _ body: (Range<Int>) -> Bool) -> Bool? {
            guard let regex else { return true }
            guard regex.setText(base + line.lowerBound, count: line.count) else { return nil }
            var at = 0
            while true {
                switch regex.find(from: at) {
                case .failed: return nil
                case .none: return true
                case .match(let r):
                    if !body((r.lowerBound + line.lowerBound)..<(r.upperBound + line.lowerBound)) { return false }
                    at = r.upperBound
                }
            }
        }

        /// Scalar ranges of every match in `text`.
        public mutating func matches(in text: String) -> [Range<Int>] {
            var byteRanges: [Range<Int>] = []
            var s = text
            s.withUTF8 { buffer in
                _ = forEachMatch(in: buffer) { byteRanges.append($0); return true }
            }
            guard !byteRanges.isEmpty else { return [] }
            // Byte offsets → scalar offsets, in one walk.
            var out: [Range<Int>] = []
            out.reserveCapacity(byteRanges.count)
            var scalar = 0, byte = 0
            let utf8 = Array(text.utf8)
            func advance(to target: Int) {
                while byte < target {
                    byte += UTF8Scalars.scalarLength(utf8[byte])
                    scalar += 1
                }
            }
            for r in byteRanges {
                advance(to: r.lowerBound)
                let a = scalar
                advance(to: r.upperBound)
                out.append(a..<scalar)
            }
            return out
        }
    }

    // MARK: Bytes

    /// The first occurrence of `needle` in `base[from..<count]`.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int? {
        guard count - from >= needle.count, let n = needle.baseAddress else { return nil }
        guard let p = duben_memmem(base + from, Int64(count - from), n, Int64(needle.count)) else { return nil }
        return p - base
    }

    /// The offset of the line feed ending the line at `from` (or `count`).
    static func lineEnd(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        guard from < count, let p = memchr(base + from, 0x0A, count - from) else { return count }
        return UnsafeRawPointer(p) - UnsafeRawPointer(base)
    }

    /// The start of the line holding `offset`, not before `limit`.
    static func lineStart(_ base: UnsafePointer<UInt8>, before offset: Int, limit: Int) -> Int {
        var i = offset
        while i > limit && base[i - 1] != 0x0A { i -= 1 }
        return i
    }
}
