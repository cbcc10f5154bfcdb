#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a source file (without its line feed) and the blank lines before it.
public struct SourceLine: Hashable, Sendable {
    public var range: Range<Int>
    public var blankLinesBefore: Int
}

/// Splits a file into documents: a run of three or more blank lines, or a form feed,
/// separates documents; one or two blank lines between paragraphs do not.
public enum DocumentSplitter {
    public static let blankLinesBetweenDocuments = 3

    /// The non-blank lines of each document, in order.
    public static func split(_ bytes: SourceBytes) -> [[SourceLine]] {
        var documents: [[SourceLine]] = []
        forEachDocument(bytes) { documents.append($0) }
        return documents
    }

    /// The same for bytes in an array.
    public static func split(_ bytes: [UInt8]) -> [[SourceLine]] { split(SourceBytes(bytes)) }

    /// Calls `body` with the non-blank lines of each document in turn (no list of all lines of
    /// a large file is ever held).
    public static func forEachDocument(_ bytes: SourceBytes, _ body: ([SourceLine]) -> Void) {
        eachDocument(bytes, in: 0..<bytes.count, while: { body($0); return true })
    }

    /// The same over the lines of `range` alone (it must start at a line's start): what a
    /// search uses to parse one document of a file, from its first line to the next
    /// document's, without splitting the whole file again.
    public static func forEachDocument(_ bytes: SourceBytes, in range: Range<Int>, _ body: ([SourceLine]) -> Void) {
        eachDocument(bytes, in: range, while: { body($0); return true })
    }

    /// The same from byte `from` (the start of a document's first line, or 0), stopping as
    /// soon as `body` returns false (the reader parses the first document before the others;
    /// the rest of the file is not even scanned). Scanning again from the first line of the
    /// document `body` refused gives the same documents as one scan.
    public static func eachDocument(_ bytes: SourceBytes, from: Int = 0, while body: ([SourceLine]) -> Bool) {
        eachDocument(bytes, in: min(from, bytes.count)..<bytes.count, while: body)
    }

    /// The one scan behind the others: the documents of the lines of `range`, while `body`
    /// says so.
    static func eachDocument(_ bytes: SourceBytes, in range: Range<Int>, while body: ([SourceLine]) -> Bool) {
        bytes.withUnsafeBufferPointer { p in
            var current: [SourceLine] = []
            var blanks = 0
            var start = range.lowerBound
            let n = min(range.upperBound, p.count)
            var i = start
            var stopped = false
            func emit() {
                if !stopped && !body(current) { stopped = true }
                current.removeAll(keepingCapacity: true)
            }
            func endLine(_ end: Int, formFeed: Bool) {
                if isBlank(p, start..<end) {
                    blanks += 1
                } else {
                    if blanks >= blankLinesBetweenDocuments && !current.isEmpty { emit() }
                    current.append(SourceLine(range: start..<end, blankLinesBefore: current.isEmpty ? 0 : blanks))
                    blanks = 0
                }
                if formFeed && !current.isEmpty {
                    emit()
                    blanks = 0
                }
            }
            guard let base = p.baseAddress else { return }
            // Line by line with memchr (vectorised): the line's end, then a form feed inside the
            // line. Never a scan of the rest of the file per call: the indexer calls this once a
            // slice, and a gigabyte's rest would cost more than the slice.
            while i < n && !stopped {
                let lineEnd = memchr(base + i, 0x0A, n - i).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? n
                if let ff = memchr(base + i, 0x0C, lineEnd - i) {
                    i = UnsafeRawPointer(ff) - UnsafeRawPointer(base)
                    endLine(i, formFeed: true)
                } else {
                    i = lineEnd
                    guard i < n else { break }
                    endLine(i, formFeed: false)
                }
                i += 1
                start = i
            }
            if stopped { return }
            if start < n { endLine(n, formFeed: false) }
            if !current.isEmpty && !stopped { _ = body(current) }
        }
    }

    /// Whether a line holds only white space (ASCII, ideographic space, NBSP).
    static func isBlank(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0B { i += 1; continue }
            let (v, len) = UTF8Scalars.decode(p, at: i)
            if v == 0x3000 || v == 0xA0 || v == 0xFEFF { i += len; continue }
            return false
        }
        return true
    }
}
