import TOMLKit

/// Facts about a document that its text does not state: from `duben.toml` beside the texts.
public struct DocumentMetadata: Hashable, Sendable {
    public var date: DateSpan?
    public var place: String?
    public var source: String?

    public init(date: DateSpan? = nil, place: String? = nil, source: String? = nil) {
        self.date = date
        self.place = place
        self.source = source
    }
}

/// The metadata file (`duben.toml`) of a directory of texts. Each `[[document]]` entry names
/// a document by `id` or `title` and gives `date`, `date-end`, `place` and `source`.
public struct MetadataFile: Sendable {
    public static let fileName = "duben.toml"

    var byID: [String: DocumentMetadata] = [:]
    var byTitle: [String: DocumentMetadata] = [:]

    public init() {}

    private struct Contents: Decodable {
        var document: [Entry]?
    }

    private struct Entry: Decodable {
        var id: String?
        var title: String?
        var date: String?
        var dateEnd: String?
        var place: String?
        var source: String?

        enum CodingKeys: String, CodingKey {
            case id, title, date, place, source
            case dateEnd = "date-end"
        }
    }

    /// Parses the TOML text of a metadata file.
    /// - Throws: `LoadError.badMetadata` naming the file, the line and what is wrong.
    public init(toml: String, path: String) throws(LoadError) {
        let contents: Contents
        if let line = TOMLText.unquotedBadCharacterLine(toml) {
            throw .badMetadata(path: path, reason: "line \(line): a key, a value or a table header is malformed (keys are ASCII letters, digits, - and _, or quoted)")
        }
        do {
            contents = try TOMLDecoder().decode(Contents.self, from: toml)
        } catch let error as TOMLParseError {
            throw .badMetadata(path: path, reason: "line \(error.source.begin.line): \(TOMLText.oneLine(error.description))")
        } catch {
            throw .badMetadata(path: path, reason: TOMLText.oneLine("\(error)"))
        }
        for (n, entry) in (contents.document ?? []).enumerated() {
            func date(_ s: String?, _ key: String) throws(LoadError) -> PartialDate? {
                guard let s else { return nil }
                guard let d = PartialDate(query: s) else {
                    throw .badMetadata(path: path, reason: "document \(n + 1): \(key) \"\(s)\" is not a date like 2020-04-20")
                }
                return d
            }
            var meta = DocumentMetadata(place: entry.place, source: entry.source)
            if let start = try date(entry.date, "date") {
                meta.date = DateSpan(start: start, end: try date(entry.dateEnd, "date-end"))
            }
            guard entry.id != nil || entry.title != nil else {
                throw .badMetadata(path: path, reason: "document \(n + 1) has neither id nor title")
            }
            if let id = entry.id { byID[id] = meta }
            if let title = entry.title { byTitle[title] = meta }
        }
    }

    /// The metadata for a document, by id first, then by title.
    public func lookup(id: String, title: String) -> DocumentMetadata? {
        byID[id] ?? byTitle[title]
    }

    public var isEmpty: Bool { byID.isEmpty && byTitle.isEmpty }
}
