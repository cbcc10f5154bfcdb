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
    public static func split(_ bytes: [UInt8]) -> [[SourceLine]] {
        bytes.withUnsafeBufferPointer { p in
            var documents: [[SourceLine]] = []
            var current: [SourceLine] = []
            var blanks = 0
            var start = 0
            let n = p.count
            var i = 0
            func endLine(_ end: Int, formFeed: Bool) {
                if isBlank(p, start..<end) {
                    blanks += 1
                } else {
                    if blanks >= blankLinesBetweenDocuments && !current.isEmpty {
                        documents.append(current)
                        current = []
                    }
                    current.append(SourceLine(range: start..<end, blankLinesBefore: current.isEmpty ? 0 : blanks))
                    blanks = 0
                }
                if formFeed && !current.isEmpty {
                    documents.append(current)
                    current = []
                    blanks = 0
                }
            }
            while i < n {
                let b = p[i]
                if b == 0x0A || b == 0x0C {
                    endLine(i, formFeed: b == 0x0C)
                    start = i + 1
                }
                i += 1
            }
            if start < n { endLine(n, formFeed: false) }
            if !current.isEmpty { documents.append(current) }
            return documents
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
