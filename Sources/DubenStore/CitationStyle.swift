import DubenModel

/// How a bookmark is cited: by `y` in the reader, the exports and `duben cite` (Docs/BOOKMARKS.md,
/// "Citation styles"). Every style works from the bookmark alone (its version-2 fields; see
/// `Bookmark.refreshed(from:)` for a version-1 bookmark).
public enum CitationStyle: Hashable, Sendable {
    /// The collections' own form. A quotation: the author, then the citation as printed in its
    /// brackets — "习近平（2020年3月27日同美国总统特朗普通电话）". Anything else: "作者：《题名》（日期）"
    /// — "习近平：《在打好精准脱贫攻坚战座谈会上的讲话》（2018年2月12日）"; a report without an author is
    /// attributed to its source ("新华社：《…》（2020年4月20日—23日）").
    case source
    /// A GB/T 7714-2015 reference: "习近平. 在打好精准脱贫攻坚战座谈会上的讲话[Z]. 四川省成都市, 2018-02-12."
    case gbt7714
    /// A user template with `{field}`s (`CitationStyle.fields`), checked by `init(template:)`.
    case template(String)

    /// The fields a template may use.
    public static let fields = ["author", "title", "date", "occasion", "section", "place", "source", "kind", "citation"]

    /// The style names a user types (`--style`); "gbt" and "gb" are short for gbt7714.
    public static let names = ["source", "gbt7714"]

    /// Why a style or template cannot be used; one line.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// A style by name, or a template when one is given (the template wins). Nil for an unknown
    /// name or a template with an unknown field; `parse(name:template:)` says which.
    public init?(name: String, template: String?) {
        guard let style = try? Self.parse(name: name, template: template) else { return nil }
        self = style
    }

    /// A checked template style.
    /// - Throws: a `Failure` naming an unknown field or an unclosed brace.
    public init(template: String) throws(Failure) {
        _ = try Self.pieces(of: template)
        self = .template(template)
    }

    /// A style by name (nil: the default, `source`), or a template when one is given.
    /// - Throws: a `Failure` naming the unknown style or what is wrong with the template.
    public static func parse(name: String?, template: String?) throws(Failure) -> CitationStyle {
        if let template { return try CitationStyle(template: template) }
        switch name?.lowercased() {
        case nil, "source": return .source
        case "gbt7714", "gbt", "gb", "gb7714", "gb/t7714", "gbt-7714": return .gbt7714
        case let other?: throw Failure(description: "unknown citation style \"\(other)\"; styles: source, gbt7714 (or --template)")
        }
    }

    // MARK: Rendering

    /// The citation of a bookmark, one line, in this style.
    public func citation(for b: Bookmark) -> String {
        switch self {
        case .source: return Self.sourceCitation(b)
        case .gbt7714: return Self.gbtReference(b)
        case .template(let t): return Self.fill(t, for: b)
        }
    }

    /// What `y` copies and `duben cite` prints: the passage (a passage over several paragraphs
    /// keeps them on lines of their own), a line feed, the citation.
    public func passageWithCitation(_ b: Bookmark) -> String {
        b.quote.exact + "\n" + citation(for: b)
    }

    // MARK: source

    static func sourceCitation(_ b: Bookmark) -> String {
        if let c = b.citation {
            return (nonEmpty(b.author) ?? "") + "（\(c.text)）"
        }
        let lead = nonEmpty(b.author) ?? (b.documentKind == .report ? nonEmpty(b.source) : nil)
        var out = lead.map { "\($0)：" } ?? ""
        out += "《\(b.documentTitle)》"
        if let d = b.documentDate, let date = ChineseDate.span(start: d.start, end: d.end) { out += "（\(date)）" }
        if let s = nonEmpty(b.source), s != lead { out += "，\(s)" }
        return out
    }

    // MARK: GB/T 7714-2015

    /// Occasions cited as correspondence (`[A]`, what the GB/T CSL styles give a personal
    /// communication): calls, letters and telegrams.
    static let correspondence = ["通电话", "通话", "回信", "复信", "贺信", "致信", "的信", "书信", "慰问电", "贺电", "唁电", "复电", "致电", "函"]

    /// The type code: a report `N` (newspaper), a book `M`, a quotation of a call, letter or
    /// telegram `A`, anything else `Z` (the code the GB/T CSL styles give a speech).
    static func typeCode(_ b: Bookmark) -> String {
        if let c = b.citation {
            return correspondence.contains(where: c.occasion.contains) ? "A" : "Z"
        }
        switch b.documentKind {
        case .report: return "N"
        case .book: return "M"
        default: return "Z"
        }
    }

    /// The title a quotation's own item has: the 《…》 title in its occasion, else the occasion.
    static func quotationTitle(_ c: Bookmark.CitationInfo) -> String? {
        if let open = c.occasion.firstIndex(of: "《"), let close = c.occasion[open...].firstIndex(of: "》"),
           c.occasion.index(after: open) < close {
            return String(c.occasion[c.occasion.index(after: open)..<close])
        }
        return nonEmpty(c.occasion)
    }

    static func gbtReference(_ b: Bookmark) -> String {
        var parts: [String] = []
        let code = typeCode(b)
        if let c = b.citation {
            // The quoted speech, call or letter, inside the collection that prints it.
            if let a = nonEmpty(b.author) { parts.append(a) }
            if let title = quotationTitle(c) {
                parts.append("\(title)[\(code)]//\(b.documentTitle)")
            } else {
                parts.append("\(b.documentTitle)[\(code)]")
            }
            let tail = [nonEmpty(b.source), ISODate.gbt(start: c.date, end: c.dateEnd)].compactMap { $0 }
            if !tail.isEmpty { parts.append(tail.joined(separator: ", ")) }
        } else {
            let date = b.documentDate.flatMap { ISODate.gbt(start: $0.start, end: $0.end) }
            if b.documentKind == .report {
                // 责任者. 题名[N]. 报纸名, YYYY-MM-DD. — the agency is the author when no one is named.
                let author = nonEmpty(b.author) ?? nonEmpty(b.source)
                if let a = author { parts.append(a) }
                parts.append("\(b.documentTitle)[N]")
                let tail = [author == nonEmpty(b.source) ? nil : nonEmpty(b.source), date].compactMap { $0 }
                if !tail.isEmpty { parts.append(tail.joined(separator: ", ")) }
            } else {
                // 责任者. 题名[Z]. 地点: 来源, 日期.
                if let a = nonEmpty(b.author) { parts.append(a) }
                parts.append("\(b.documentTitle)[\(code)]")
                let whereFrom = [nonEmpty(b.place), nonEmpty(b.source)].compactMap { $0 }.joined(separator: ": ")
                let tail = [nonEmpty(whereFrom), date].compactMap { $0 }
                if !tail.isEmpty { parts.append(tail.joined(separator: ", ")) }
            }
        }
        return parts.joined(separator: ". ") + "."
    }

    // MARK: Templates

    enum Piece: Equatable { case text(String), field(String) }

    /// A template cut into text and fields; "{{" and "}}" stand for braces.
    static func pieces(of template: String) throws(Failure) -> [Piece] {
        var out: [Piece] = []
        var text = ""
        var i = template.startIndex
        while i < template.endIndex {
            let ch = template[i]
            let next = template.index(after: i)
            if ch == "{" || ch == "}", next < template.endIndex, template[next] == ch {
                text.append(ch)
                i = template.index(after: next)
                continue
            }
            if ch == "}" { throw Failure(description: "template: a \"}\" without its \"{\" (write \"}}\" for a brace)") }
            if ch == "{" {
                guard let close = template[next...].firstIndex(of: "}") else {
                    throw Failure(description: "template: \"{\" without its \"}\" (write \"{{\" for a brace)")
                }
                let name = String(template[next..<close])
                guard fields.contains(name) else {
                    throw Failure(description: "template: unknown field {\(name)}; fields: " + fields.map { "{\($0)}" }.joined(separator: " "))
                }
                if !text.isEmpty { out.append(.text(text)); text = "" }
                out.append(.field(name))
                i = template.index(after: close)
                continue
            }
            text.append(ch)
            i = next
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }

    /// A field's value for a bookmark ("" when unknown).
    public static func value(of field: String, for b: Bookmark) -> String {
        switch field {
        case "author": return b.author ?? ""
        case "title": return b.documentTitle
        case "date":
            if let c = b.citation { return ChineseDate.span(start: c.date, end: c.dateEnd) ?? c.date }
            return b.documentDate.flatMap { ChineseDate.span(start: $0.start, end: $0.end) } ?? ""
        case "occasion": return b.citation?.occasion ?? b.documentOccasion ?? ""
        case "section": return (b.sectionPath ?? b.section.map { [$0] } ?? []).joined(separator: " · ")
        case "place": return b.place ?? ""
        case "source": return b.source ?? ""
        case "kind": return b.kind ?? ""
        case "citation": return b.citation?.text ?? ""
        default: return ""
        }
    }

    /// Brackets a template may leave empty when a field is unknown; they are removed, and so are
    /// separators (：，、· ; spaces) left at the start or end.
    static let emptyPairs = ["（）", "()", "《》", "〈〉", "[]", "【】", "“”", "「」"]

    static func fill(_ template: String, for b: Bookmark) -> String {
        guard let pieces = try? pieces(of: template) else { return template }
        var out = ""
        for p in pieces {
            switch p {
            case .text(let t): out += t
            case .field(let f): out += value(of: f, for: b)
            }
        }
        for pair in emptyPairs { out = out.replacingOccurrences(of: pair, with: "") }
        // A separator left at either end by an unknown field ("：《…》" without an author).
        let separators: Set<Character> = ["：", ":", "，", ",", "、", "·", " ", "；", ";"]
        while let first = out.first, separators.contains(first) { out.removeFirst() }
        while let last = out.last, separators.contains(last) { out.removeLast() }
        return out
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}

/// An ISO 8601 partial date as stored in a bookmark ("2020-03-27", "2020-03", "2020", "--04-20"),
/// and its GB/T 7714 form.
enum ISODate {
    /// Year (nil when absent), month, day.
    static func parts(_ iso: String) -> (year: Int?, month: Int?, day: Int?)? {
        var s = Substring(iso)
        var year: Int? = nil
        if s.hasPrefix("--") {
            s = s.dropFirst(2)
        } else {
            let y = s.prefix { $0 != "-" }
            guard let v = Int(y) else { return nil }
            year = v
            s = s.dropFirst(y.count)
            if s.hasPrefix("-") { s = s.dropFirst() }
        }
        let fields = s.split(separator: "-", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        guard fields.count <= 2 else { return nil }
        var numbers: [Int] = []
        for f in fields {
            guard let v = Int(f) else { return nil }
            numbers.append(v)
        }
        let month = numbers.first, day = numbers.count > 1 ? numbers[1] : nil
        if year == nil && month == nil { return nil }
        return (year, month, day)
    }

    /// GB/T 7714 dates: "2018-02-12", "2020-03", "2020" as the precision allows; a span as the
    /// GB/T CSL styles write it, "2020-04-20/23", "2020-04-30/05-02", "2019-12-30/2020-01-02".
    static func gbt(start: String, end: String?) -> String? {
        guard parts(start) != nil else { return nil }
        guard let end, end != start, let e = parts(end), let s = parts(start) else { return start }
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        if s.year == e.year, let sm = s.month, let em = e.month {
            if sm == em, let d = e.day, s.day != nil { return "\(start)/\(pad(d))" }
            return "\(start)/" + pad(em) + (e.day.map { "-" + pad($0) } ?? "")
        }
        return "\(start)/\(end)"
    }
}

/// Dates in the Chinese form of the collections: "2018年2月12日", "2020年3月", "2020年", and spans
/// "2020年4月20日—23日", "2020年4月30日—5月2日", "2019年12月30日—2020年1月2日".
public enum ChineseDate {
    /// One ISO partial date in Chinese at its precision; nil when it is not a date.
    public static func string(_ iso: String) -> String? {
        guard let p = ISODate.parts(iso) else { return nil }
        var out = p.year.map { "\(fourDigits($0))年" } ?? ""
        if let m = p.month { out += "\(m)月" }
        if let d = p.day { out += "\(d)日" }
        return out
    }

    /// A year as it is written before 年: four digits, as the parser reads one ("0019年", not
    /// "19年", which reads as no year at all; found by fuzzing).
    static func fourDigits(_ year: Int) -> String {
        let s = String(year)
        return year >= 0 && s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
    }

    /// A date or a span in Chinese; the end leaves out the year (and month) it shares with the start.
    public static func span(start: String, end: String?) -> String? {
        guard let first = string(start) else { return nil }
        guard let end, end != start, let s = ISODate.parts(start), let e = ISODate.parts(end) else { return first }
        var tail = ""
        if e.year != s.year, let y = e.year { tail += "\(fourDigits(y))年" }
        if let m = e.month, !(tail.isEmpty && m == s.month && e.day != nil && s.day != nil) { tail += "\(m)月" }
        if let d = e.day { tail += "\(d)日" }
        return tail.isEmpty ? first : "\(first)—\(tail)"
    }
}

extension Bookmark {
    /// A date span of the bookmark's document in Chinese ("2018年2月12日"), when it has one.
    public var documentDateInChinese: String? {
        documentDate.flatMap { ChineseDate.span(start: $0.start, end: $0.end) }
    }
}
