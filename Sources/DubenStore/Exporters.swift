import CSV
import Foundation

/// The export formats of `duben bookmarks export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, json, csv, html
    /// The bookmarks' sources as CSL-JSON items (`CSLExport`), not the passages.
    case cslJSON = "csl-json"

    /// A format as a user types it: its name in any case, "md" for markdown, "csl" or "csljson"
    /// for csl-json.
    public init?(name: String) {
        let n = name.lowercased()
        let aliases: [String: ExportFormat] = ["md": .markdown, "csl": .cslJSON, "csljson": .cslJSON, "csl_json": .cslJSON]
        guard let f = ExportFormat(rawValue: n) ?? aliases[n] else { return nil }
        self = f
    }
}

extension ExportFormat {
    /// The file name extension of an export in this format (what `E` proposes).
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .json, .cslJSON: return "json"
        case .csv: return "csv"
        case .html: return "html"
        }
    }
}

/// How a Markdown export cites: a citation line in the chosen style under each passage, or
/// pandoc citations (`[@key]` after each passage, the keys of `CSLExport`), which
/// `pandoc --citeproc --bibliography FILE` turns into citations and a reference list.
public enum MarkdownCitations: String, CaseIterable, Sendable {
    case lines, pandoc
}

/// Turns bookmarks into text people paste into papers, notes and spreadsheets.
public enum BookmarkExporter {
    /// One export. `style` is the citation form of markdown, html and csv (json carries the
    /// citation's fields instead); `bom` applies to csv.
    public static func export(_ bookmarks: [Bookmark], as format: ExportFormat, bom: Bool = false,
                              style: CitationStyle = .source, citations: MarkdownCitations = .lines) throws -> Data {
        switch format {
        case .markdown: return Data(markdown(bookmarks, style: style, citations: citations).utf8)
        case .cslJSON: return try CSLExport.data(bookmarks)
        case .json: return try annotationCollection(bookmarks)
        case .csv: return try csv(bookmarks, bom: bom, style: style)
        case .html: return Data(html(bookmarks, style: style).utf8)
        }
    }

    /// The line under a document's heading: author, date, place and source, those known,
    /// joined by " · " ("习近平 · 2018年2月12日 · 四川省成都市"); nil when none is.
    public static func byline(_ b: Bookmark) -> String? {
        let parts = [b.author, b.documentDateInChinese, b.place, b.source].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Groups in document order (first appearance), bookmarks in text order within each.
    static func grouped(_ bookmarks: [Bookmark]) -> [(title: String, items: [Bookmark])] {
        var order: [String] = []
        var groups: [String: [Bookmark]] = [:]
        for b in bookmarks {
            if groups[b.document] == nil { order.append(b.document) }
            groups[b.document, default: []].append(b)
        }
        return order.map { id in
            let items = groups[id]!.sorted { ($0.block, $0.offset) < ($1.block, $1.offset) }
            return (items[0].documentTitle, items)
        }
    }

    /// The citation line of a bookmark in a style (the default: the collections' own form).
    public static func citationLine(_ b: Bookmark, style: CitationStyle = .source) -> String {
        style.citation(for: b)
    }

    // MARK: Markdown

    /// Escapes every character CommonMark could read as syntax, so text stays text.
    static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_{}[]()<>#+-.!|~&\"'".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Markdown: a `##` heading per document with its byline (author, date, place, source),
    /// each passage a blockquote followed by its citation in `style` (or, with `.pandoc`
    /// citations, ending in `[@key]`) and its note.
    public static func markdown(_ bookmarks: [Bookmark], style: CitationStyle = .source,
                                citations: MarkdownCitations = .lines) -> String {
        var out = "# Bookmarks\n"
        for group in grouped(bookmarks) {
            out += "\n## \(escapeMarkdown(group.title))\n"
            if let line = byline(group.items[0]) { out += "\n\(escapeMarkdown(line))\n" }
            for b in group.items {
                // One blockquote; a passage over several paragraphs keeps them apart.
                out += "\n"
                let paragraphs = b.quote.exact.split(separator: "\n", omittingEmptySubsequences: false)
                for (k, paragraph) in paragraphs.enumerated() {
                    if k > 0 { out += ">\n" }
                    let cite = citations == .pandoc && k == paragraphs.count - 1 ? " [@\(CSLExport.key(for: b))]" : ""
                    out += "> \(escapeMarkdown(String(paragraph)))\(cite)\n"
                }
                if citations == .lines { out += "\n\(escapeMarkdown(citationLine(b, style: style)))\n" }
                if let note = b.note, !note.isEmpty {
                    out += "\n"
                    for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
                        out += "\(escapeMarkdown(String(line)))  \n"
                    }
                }
            }
        }
        return out
    }

    // MARK: W3C Web Annotation

    /// An `AnnotationCollection` with one embedded `AnnotationPage`. Each bookmark is an
    /// `Annotation` whose target has a `TextQuoteSelector` and a `TextPositionSelector`; the
    /// citation is in the extension property `duben:citation`.
    public static func annotationCollection(_ bookmarks: [Bookmark]) throws -> Data {
        let items: [[String: Any]] = bookmarks.map { b in
            var a: [String: Any] = [
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": "urn:uuid:\(b.id.lowercased())",
                "type": "Annotation",
                "motivation": "bookmarking",
                "created": b.created,
                "modified": b.updated,
                "target": [
                    "source": "urn:duben:document:\(b.document)",
                    "selector": [
                        ["type": "TextQuoteSelector", "exact": b.quote.exact, "prefix": b.quote.prefix, "suffix": b.quote.suffix],
                        ["type": "TextPositionSelector", "start": b.offset, "end": b.offset + b.length],
                    ],
                ] as [String: Any],
                "duben:document": documentProperties(b),
            ]
            if let note = b.note, !note.isEmpty {
                a["body"] = ["type": "TextualBody", "value": note, "format": "text/plain", "purpose": "commenting"]
            }
            if let label = b.label { a["label"] = label }
            if let c = b.citation {
                a["duben:citation"] = ["date": c.date, "dateEnd": c.dateEnd ?? NSNull(), "occasion": c.occasion, "text": c.text] as [String: Any]
            }
            return a
        }
        let collection: [String: Any] = [
            "@context": ["http://www.w3.org/ns/anno.jsonld", ["duben": "urn:duben:terms:"]] as [Any],
            "id": "urn:duben:bookmarks",
            "type": "AnnotationCollection",
            "label": "duben bookmarks",
            "total": items.count,
            "first": ["id": "urn:duben:bookmarks:page1", "type": "AnnotationPage", "startIndex": 0, "items": items] as [String: Any],
        ]
        return try JSONSerialization.data(withJSONObject: collection, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// `duben:document`: the document's id, title and facts (schema version 2's fields, those
    /// known), the block and the section.
    static func documentProperties(_ b: Bookmark) -> [String: Any] {
        var d: [String: Any] = ["id": b.document, "title": b.documentTitle, "block": b.block, "section": b.section ?? NSNull()]
        if let v = b.author { d["author"] = v }
        if let v = b.kind { d["kind"] = v }
        if let v = b.documentDate {
            d["date"] = v.start
            d["dateEnd"] = v.end ?? NSNull()
        }
        if let v = b.documentOccasion { d["occasion"] = v }
        if let v = b.place { d["place"] = v }
        if let v = b.source { d["source"] = v }
        if let v = b.sectionPath { d["sectionPath"] = v }
        return d
    }

    // MARK: CSV

    /// The columns: the document's id, title, author, kind, date (ISO, and its end), place and
    /// source; the section path (" · "); the quotation's date, end and occasion; the passage,
    /// note, creation time; the citation in the export's style.
    public static let csvHeader = ["document", "title", "author", "kind", "document_date", "document_date_end", "place", "source",
                                   "section", "date", "date_end", "occasion", "passage", "note", "created", "citation"]

    /// RFC 4180 through CSV.swift; `bom` prepends a UTF-8 BOM for spreadsheet programs.
    public static func csv(_ bookmarks: [Bookmark], bom: Bool, style: CitationStyle = .source) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, codecType: UTF8.self, delimiter: ",", newline: .crlf)
        try writer.write(row: csvHeader)
        for b in bookmarks {
            let section = (b.sectionPath ?? b.section.map { [$0] } ?? []).joined(separator: " · ")
            try writer.write(row: [b.document, b.documentTitle, b.author ?? "", b.kind ?? "", b.documentDate?.start ?? "",
                                   b.documentDate?.end ?? "", b.place ?? "", b.source ?? "", section,
                                   b.citation?.date ?? "", b.citation?.dateEnd ?? "", b.citation?.occasion ?? "",
                                   b.quote.exact, b.note ?? "", b.created, style.citation(for: b)])
        }
        writer.stream.close()
        var data = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data()
        if bom { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        return data
    }

    // MARK: HTML

    static func escapeHTML(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// One standalone page: a section per document (heading, byline), each passage a
    /// blockquote with its citation in `style` and its note; all text escaped.
    public static func html(_ bookmarks: [Bookmark], style: CitationStyle = .source) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh">
            <head>
            <meta charset="utf-8">
            <title>duben bookmarks</title>
            <style>body{max-width:40em;margin:2em auto;font-family:serif;line-height:1.7}blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #888}.cite{color:#555}.note{font-style:italic}</style>
            </head>
            <body>
            <h1>Bookmarks</h1>

            """
        for group in grouped(bookmarks) {
            out += "<section>\n<h2>\(escapeHTML(group.title))</h2>\n"
            if let line = byline(group.items[0]) { out += "<p class=\"byline\">\(escapeHTML(line))</p>\n" }
            for b in group.items {
                let passage = b.quote.exact.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "<p>\(escapeHTML(String($0)))</p>" }.joined()
                out += "<blockquote>\(passage)</blockquote>\n<p class=\"cite\">\(escapeHTML(citationLine(b, style: style)))</p>\n"
                if let note = b.note, !note.isEmpty {
                    out += "<p class=\"note\">\(escapeHTML(note).replacingOccurrences(of: "\n", with: "<br>"))</p>\n"
                }
            }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }
}
