import DubenModel

/// Finds a bookmarked passage again after the text changed: at its anchor if the text there is
/// still the passage; else by its text (exact); among several places, the one whose context
/// matches best. Not found: the bookmark is orphaned, never dropped.
public enum Reanchoring {
    public static func locate(_ b: Bookmark, in doc: Document) -> (block: Int, offset: Int)? {
        let exact = Array(b.quote.exact.unicodeScalars)
        guard !exact.isEmpty else { return nil }
        if b.block < doc.blocks.count {
            let s = Array(doc.text(of: b.block).unicodeScalars)
            if b.offset + exact.count <= s.count && Array(s[b.offset..<(b.offset + exact.count)]) == exact { return (b.block, b.offset) }
        }
        var candidates: [(block: Int, offset: Int, score: Int)] = []
        let prefix = Array(b.quote.prefix.unicodeScalars), suffix = Array(b.quote.suffix.unicodeScalars)
        for block in doc.blocks.indices {
            let s = Array(doc.text(of: block).unicodeScalars)
            guard s.count >= exact.count else { continue }
            var i = 0
            while i + exact.count <= s.count {
                if s[i] == exact[0] && Array(s[i..<(i + exact.count)]) == exact {
                    // Context score: matching characters of prefix (backwards) and suffix.
                    var score = 0
                    var k = 0
                    while k < prefix.count && i - 1 - k >= 0 && s[i - 1 - k] == prefix[prefix.count - 1 - k] { score += 1; k += 1 }
                    k = 0
                    while k < suffix.count && i + exact.count + k < s.count && s[i + exact.count + k] == suffix[k] { score += 1; k += 1 }
                    candidates.append((block, i, score))
                }
                i += 1
            }
        }
        guard let best = candidates.max(by: { ($0.score, -abs($0.block - b.block)) < ($1.score, -abs($1.block - b.block)) }) else { return nil }
        return (best.block, best.offset)
    }

    /// Re-anchors every bookmark of a document: moved ones get their new place, lost ones are
    /// marked orphaned (and found ones un-orphaned).
    public static func refresh(_ bookmarks: inout [Bookmark], in doc: Document) -> Bool {
        var changed = false
        for i in bookmarks.indices where bookmarks[i].document == doc.id {
            if let (block, offset) = locate(bookmarks[i], in: doc) {
                if bookmarks[i].block != block || bookmarks[i].offset != offset || bookmarks[i].orphaned {
                    bookmarks[i].block = block
                    bookmarks[i].offset = offset
                    bookmarks[i].orphaned = false
                    changed = true
                }
            } else if !bookmarks[i].orphaned {
                bookmarks[i].orphaned = true
                changed = true
            }
        }
        return changed
    }
}
