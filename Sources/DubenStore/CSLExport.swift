import Foundation

/// The sources of bookmarks as CSL-JSON items (CSL 1.0.2 input schema), for pandoc's
/// `--citeproc` and reference managers (Docs/BOOKMARKS.md, "csl-json").
///
/// One item per source: a speech, report or other document for a passage outside any quotation;
/// for a passage in a quotation of a collection, the speech, call, letter or telegram the
/// quotation quotes (its citation's date and occasion), with the collection as `container-title`.
/// Keys are ASCII and stable: "duben-" + the document id, and for a quotation its date and a
/// hash of its citation text ("duben-d92dfdc5-20200327-1a2b3c4d").
public enum CSLExport {
    /// The citation key of a bookmark's source (the `id` of its CSL-JSON item).
    public static func key(for b: Bookmark) -> String {
        guard let c = b.citation else { return "duben-\(b.document)" }
        let date = c.date.filter(\.isNumber)
        return "duben-\(b.document)-\(date.isEmpty ? "undated" : date)-\(fnv1a(c.text))"
    }

    /// FNV-1a (32 bits) of a string's UTF-8, as 8 hex digits: a hash that is the same in every
    /// run (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ s: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for byte in s.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// A CSL `date` object: `{"date-parts": [[2020, 3, 27]]}` at the date's precision, two parts
    /// for a span. Nil for a date without a year.
    static func date(start: String, end: String?) -> [String: Any]? {
        func parts(_ iso: String) -> [Int]? {
            guard let p = ISODate.parts(iso), let y = p.year else { return nil }
            return [y] + [p.month, p.month == nil ? nil : p.day].compactMap { $0 }
        }
        guard let first = parts(start) else { return nil }
        if let end, end != start, let last = parts(end) { return ["date-parts": [first, last]] }
        return ["date-parts": [first]]
    }

    /// The genre word of a correspondence occasion ("通电话", "回信", "慰问电"), when it names one.
    static func genre(of occasion: String) -> String? {
        CitationStyle.correspondence.first { occasion.contains($0) }
    }

    /// The meeting a speech was given at, from its occasion or title: "在打好精准脱贫攻坚战座谈会上的讲话"
    /// → "打好精准脱贫攻坚战座谈会".
    static func event(in text: String) -> String? {
        guard let open = text.range(of: "在"), let close = text.range(of: "上的", options: .backwards),
              open.upperBound < close.lowerBound else { return nil }
        let rest = text[close.upperBound...]
        guard ["讲话", "致辞", "演讲", "报告", "发言", "主旨讲话", "重要讲话", "主旨演讲", "致辞和讲话"].contains(where: { rest.hasPrefix($0) }) else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }

    /// The CSL-JSON item of a bookmark's source.
    public static func item(for b: Bookmark) -> [String: Any] {
        var item: [String: Any] = ["id": key(for: b), "language": "zh-CN"]
        if let a = b.author, !a.isEmpty { item["author"] = [["literal": a]] }
        var custom: [String: Any] = ["duben-document": b.document]
        if let c = b.citation {
            let title = CitationStyle.quotationTitle(c) ?? b.documentTitle
            item["title"] = title
            item["container-title"] = b.documentTitle
            if let g = genre(of: c.occasion) {
                item["type"] = "personal_communication"
                item["genre"] = g
            } else {
                item["type"] = "speech"
                if let e = event(in: title) ?? event(in: c.occasion) {
                    item["event-title"] = e
                    item["event"] = e
                }
            }
            if let d = date(start: c.date, end: c.dateEnd) { item["issued"] = d }
            custom["citation"] = c.text
        } else {
            item["title"] = b.documentTitle
            switch b.documentKind {
            case .report:
                item["type"] = "article-newspaper"
                if item["author"] == nil, let s = b.source, !s.isEmpty { item["author"] = [["literal": s]] }
                if let s = b.source, !s.isEmpty { item["publisher"] = s }
            case .book:
                item["type"] = "book"
                if let s = b.source, !s.isEmpty { item["publisher"] = s }
            case .speech:
                item["type"] = "speech"
                if let e = b.documentOccasion.flatMap(event(in:)) ?? event(in: b.documentTitle) {
                    item["event-title"] = e
                    item["event"] = e
                }
                if let s = b.source, !s.isEmpty { item["publisher"] = s }
            default:
                item["type"] = "document"
                if let s = b.source, !s.isEmpty { item["publisher"] = s }
            }
            if let d = b.documentDate.flatMap({ date(start: $0.start, end: $0.end) }) { item["issued"] = d }
            if let p = b.place, !p.isEmpty { item["event-place"] = p }
        }
        item["custom"] = custom
        return item
    }

    /// The items of the bookmarks' sources, each once, in the order first cited.
    public static func items(_ bookmarks: [Bookmark]) -> [[String: Any]] {
        var seen: Set<String> = []
        var out: [[String: Any]] = []
        for b in bookmarks where seen.insert(key(for: b)).inserted { out.append(item(for: b)) }
        return out
    }

    /// The items as a CSL-JSON file (a JSON array), keys sorted, slashes unescaped.
    public static func data(_ bookmarks: [Bookmark]) throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: items(bookmarks), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }
}
