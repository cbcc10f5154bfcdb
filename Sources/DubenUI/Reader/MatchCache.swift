import DubenModel

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
