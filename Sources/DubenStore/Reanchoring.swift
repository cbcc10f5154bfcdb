import DubenModel

/// Finds a bookmarked passage again after the text changed: at its anchor if the text there is
/// still the passage; else by its text (exact); among several places, the one whose context
/// matches best. Not found: the bookmark is orphaned, never dropped.
public enum Reanchoring {
    public static func locate(_ b: Bookmark, in doc: Document) -> (block: Int, offset: Int)? {
        if b.quote.exact.contains("\n") { return locateAcrossBlocks(b, in: doc) }
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

    /// A passage over several blocks (`exact` holds one line feed between blocks): its first
    /// part ends a block, the middle parts are whole blocks, the last part starts a block. At
    /// its anchor if it is still there; else the place whose context matches best (the text
    /// before the passage, in its block or the block before, and the text after it).
    static func locateAcrossBlocks(_ b: Bookmark, in doc: Document) -> (block: Int, offset: Int)? {
        let parts = b.quote.exact.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let k = parts.count - 1
        guard k >= 1, doc.blocks.count > k else { return nil }
        let texts = doc.blocks.indices.map { Array(doc.text(of: $0).unicodeScalars) }
        func matches(at s: Int) -> Bool {
            guard texts[s].count >= parts[0].count, texts[s].suffix(parts[0].count).elementsEqual(parts[0]) else { return false }
            for j in 1..<k where texts[s + j] != parts[j] { return false }
            return texts[s + k].starts(with: parts[k])
        }
        let last = doc.blocks.count - 1 - k
        if b.block <= last, matches(at: b.block), texts[b.block].count - parts[0].count == b.offset { return (b.block, b.offset) }
        let prefix = Array(b.quote.prefix.unicodeScalars), suffix = Array(b.quote.suffix.unicodeScalars)
        var best: (block: Int, offset: Int, score: Int)? = nil
        for s in 0...last where matches(at: s) {
            let offset = texts[s].count - parts[0].count
            let before = offset > 0 ? Array(texts[s][..<offset]) : (s > 0 ? texts[s - 1] : [])
            let rest = Array(texts[s + k].dropFirst(parts[k].count))
            let after = !rest.isEmpty ? rest : (s + k + 1 < texts.count ? texts[s + k + 1] : [])
            let score = zip(before.reversed(), prefix.reversed()).prefix { $0 == $1 }.count + zip(after, suffix).prefix { $0 == $1 }.count
            if let current = best, (current.score, -abs(current.block - b.block)) >= (score, -abs(s - b.block)) { continue }
            best = (s, offset, score)
        }
        return best.map { ($0.block, $0.offset) }
    }

    /// Re-anchors every bookmark of a document: moved ones get their new place, lost ones are
    /// marked orphaned (and found ones un-orphaned); missing citation metadata (a version-1
    /// bookmark's) is filled from the document (`Bookmark.refreshed(from:)`). True when any changed.
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
            let filled = bookmarks[i].refreshed(from: doc)
            if filled != bookmarks[i] {
                bookmarks[i] = filled
                changed = true
            }
        }
        return changed
    }
}
