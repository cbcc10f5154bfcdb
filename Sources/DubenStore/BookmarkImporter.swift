import Foundation

/// Takes back duben's own W3C Web Annotation export.
public enum BookmarkImporter {
    public enum Failure: Error, CustomStringConvertible {
        case notACollection, badAnnotation(Int, String)
        public var description: String {
            switch self {
            case .notACollection: return "no AnnotationCollection with items"
            case .badAnnotation(let i, let why): return "annotation \(i + 1): \(why)"
            }
        }
    }

    /// A bookmark's id from an annotation's: one leading "urn:uuid:" (in any case) dropped, the
    /// rest uppercased — so that exporting and importing again gives the same id (fuzzing found
    /// "urn:Uuid:…" kept whole, exported as "urn:uuid:urn:uuid:…" and then stripped twice).
    static func bookmarkID(fromAnnotationID raw: String) -> String {
        let prefix = "urn:uuid:"
        let rest = raw.lowercased().hasPrefix(prefix) ? String(raw.dropFirst(prefix.count)) : raw
        return rest.uppercased()
    }

    public static func bookmarks(fromAnnotations data: Data) throws -> [Bookmark] {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let page = root["first"] as? [String: Any] ?? (root["items"] != nil ? root : nil),
              let items = page["items"] as? [[String: Any]] else { throw Failure.notACollection }
        return try items.enumerated().map { i, a in
            guard let id = (a["id"] as? String).map(bookmarkID(fromAnnotationID:)),
                  let target = a["target"] as? [String: Any], let selectors = target["selector"] as? [[String: Any]],
                  let quote = selectors.first(where: { $0["type"] as? String == "TextQuoteSelector" }),
                  let position = selectors.first(where: { $0["type"] as? String == "TextPositionSelector" }),
                  let exact = quote["exact"] as? String, let start = position["start"] as? Int, let end = position["end"] as? Int,
                  let doc = a["duben:document"] as? [String: Any], let docID = doc["id"] as? String,
                  let title = doc["title"] as? String, let block = doc["block"] as? Int else {
                throw Failure.badAnnotation(i, "missing id, selectors or duben:document")
            }
            var citation: Bookmark.CitationInfo? = nil
            if let c = a["duben:citation"] as? [String: Any], let date = c["date"] as? String,
               let occasion = c["occasion"] as? String, let text = c["text"] as? String {
                citation = Bookmark.CitationInfo(date: date, dateEnd: c["dateEnd"] as? String, occasion: occasion, text: text)
            }
            let note = (a["body"] as? [String: Any])?["value"] as? String
            var b = Bookmark(id: id, document: docID, documentTitle: title, section: doc["section"] as? String, block: block,
                             offset: start, length: end - start,
                             quote: Bookmark.Quote(exact: exact, prefix: quote["prefix"] as? String ?? "", suffix: quote["suffix"] as? String ?? ""),
                             label: a["label"] as? String, note: note, created: a["created"] as? String ?? "", updated: a["modified"] as? String ?? "",
                             citation: citation, orphaned: false)
            // Schema version 2's facts, when the export has them (an older export does not).
            b.author = doc["author"] as? String
            b.kind = doc["kind"] as? String
            b.documentDate = (doc["date"] as? String).map { Bookmark.DocumentDate(start: $0, end: doc["dateEnd"] as? String) }
            b.documentOccasion = doc["occasion"] as? String
            b.place = doc["place"] as? String
            b.source = doc["source"] as? String
            b.sectionPath = doc["sectionPath"] as? [String]
            return b
        }
    }
}

extension BookmarkStore {
    /// Adds bookmarks taken from an export (`duben bookmarks import`), under the lock: one whose
    /// id is already in the file, or earlier in `imported`, is skipped. Returns how many were
    /// added.
    @discardableResult
    public func add(imported: [Bookmark]) throws -> Int {
        try update { all in
            var known = Set(all.map(\.id))
            var added = 0
            for b in imported where known.insert(b.id).inserted {
                all.append(b)
                added += 1
            }
            return added
        }
    }
}
