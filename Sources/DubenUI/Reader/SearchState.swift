import DubenModel

/// The last search: its pattern, its direction, where its last match was (for n and N), and
/// the library-wide count, which arrives later (counted off the main loop).
public struct SearchState: Sendable {
    public var pattern: SearchPattern
    public var forward: Bool
    public var lastMatch: MatchLocation?
    /// Which search this is: a count that comes back for an older one is dropped.
    public var generation: Int
    /// Matches in the whole library (in blocks, as n visits them); nil until counted.
    public var libraryCount: Int?

    /// The pattern as typed.
    public var text: String { pattern.source }
}

/// Where a search match is.
public struct MatchLocation: Hashable, Sendable {
    public var document: Int
    public var block: Int
    public var range: Range<Int>

    public init(document: Int, block: Int, range: Range<Int>) {
        self.document = document
        self.block = block
        self.range = range
    }
}

/// The matches of the current pattern, document by document, found once and kept while the
/// pattern stays (n and N walk them; the status line counts them). A reference type so that
/// the reader stays a value that copies cheaply; only the reader's thread uses it.
final class MatchCache {
    private var key: SearchPattern?
    private var byDocument: [Int: [TextMatch]] = [:]
    private var matcher: SearchPattern.Matcher?

    /// Forgets every document's matches (the library was read again).
    func removeAll() {
        key = nil
        byDocument = [:]
    }

    /// The matches of `pattern` in document `index`.
    func matches(_ pattern: SearchPattern, document index: Int, in corpus: Corpus) -> [TextMatch] {
        if key != pattern {
            key = pattern
            byDocument = [:]
            matcher = pattern.matcher()
        }
        if let known = byDocument[index] { return known }
        var m = matcher!
        let found = corpus.documents[index].matches(&m)
        matcher = m
        byDocument[index] = found
        return found
    }
}
