/// The heading forms of Chinese documents, in the order of their usual rank: a document's
/// heading levels follow this order among the forms it uses (see Docs/FORMAT.md, "Headings").
public enum HeadingForm: Int, CaseIterable, Sendable {
    /// 第一编… (books: 编 > 章 > 节)
    case volume
    /// 第一部分…
    case part
    /// 第一章…, 第十二回…, 第1章…, and the named chapters 楔子, 序章, 引子, 尾声, 后记, 番外
    case chapter
    /// 第一个问题：… / 第二个方面，…
    case question
    /// 第一节…
    case section
    /// 一、… (also 一．… and 三　… with a space)
    case enumerated
    /// （一）…
    case parenthesised
    /// 第一　… / 第一，关于… on a line of its own (a section, not a run-in point; under 一、
    /// and （一） when a document has those: there 第一， numbers points)
    case ordinal
    /// ■…, ★…, ◆…, ▲…, ●…, ◎…, ▶…, 【…】: an unnumbered subhead with a marker
    case marker
    /// A short line between paragraphs, without final punctuation (decided from its neighbours)
    case subhead
    /// 二十五, a Chinese numeral alone on its line (confirmed by its sequence)
    case numeral
    /// 1.…, 2、…, １．…
    case arabic
    /// （1）…
    case parenthesisedArabic
    /// 前言, 序言, 引言, 导言, 目录, 结语, 附录 alone on a line (also letter-spaced: 前　言):
    /// front and back matter, at level 1 whatever forms the document uses, and no evidence of a
    /// book
    case matter

    /// Forms whose headings may also open a paragraph as a run-in heading: "（一）完善机制。要…".
    var mayRunIn: Bool { self == .parenthesised || self == .arabic || self == .parenthesisedArabic }

    /// The longest line, in scalars, that can be a heading of this form on its own line (the
    /// parser rules longer lines out before decoding them).
    var maxLength: Int {
        switch self {
        case .ordinal, .marker, .subhead: return HeadingRecognizer.maxShortHeadingLength
        case .numeral: return 5
        default: return HeadingRecognizer.maxHeadingLength
        }
    }

    /// Forms of a book's chapters (the evidence for `Document.Kind.book`).
    var isChapter: Bool { self == .chapter || self == .volume }
}

/// Recognises headings and run-in points from the first scalars of a block.
public enum HeadingRecognizer {
    /// The longest line still taken for a heading (collections use long section titles).
    static let maxHeadingLength = 160
    /// The longest heading of the forms that need a short line: a numeral and a space, 第一　,
    /// a marker, an unnumbered subhead.
    static let maxShortHeadingLength = 40
    /// How far a run-in heading's label may reach ("（二）完善某项机制。").
    static let maxRunInLabelLength = 60

    /// A number written as a Chinese numeral (一 … 九十九) or in Arabic digits.
    static func number(_ s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        let p = DateParser(s)
        return p.arabic(i, maxDigits: 3) ?? p.chineseSmall(i)
    }

    /// How many leading scalars `form(_:)` needs to see ("第九十九个问题：" is eight).
    public static let formPrefixLength = 12

    /// Marker subheads' first scalars (not ○, a zero; not ※, a note mark).
    static func isMarker(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "■", "★", "☆", "◆", "◇", "▲", "●", "◎", "▶", "►", "【": return true
        default: return false
        }
    }

    /// Horizontal spaces between a number and a title: ASCII, ideographic, no-break, en/em.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        UTF8Scalars.isSpace(c.value) || c == "\u{2002}" || c == "\u{2003}"
    }

    static func skipSpaces(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < s.count && isSpace(s[j]) { j += 1 }
        return j
    }

    /// Named chapters of novels and books, whole or before a space.
    static let namedChapters: [[Unicode.Scalar]] = ["楔子", "序章", "引子", "尾声", "后记", "番外"].map { Array($0.unicodeScalars) }
    /// Front and back matter, recognised only as a whole line (perhaps letter-spaced).
    static let matterNames: [[Unicode.Scalar]] = ["前言", "序言", "引言", "导言", "目录", "结语", "附录"].map { Array($0.unicodeScalars) }
    /// First letters of the named chapters and of front and back matter.
    static let namedFirstLetters: Set<Unicode.Scalar> = Set((namedChapters + matterNames).map { $0[0] })

    /// A short line without its spaces: "前　言" → "前言" (titles are letter-spaced to fill a line).
    static func compact(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        s.count <= 8 ? s.filter { !isSpace($0) } : s
    }

    /// The heading form a text opens with, its number (0 when unnumbered) and where its body
    /// starts — from its first `formPrefixLength` scalars, so the parser can rule a line out
    /// before decoding it. Full-width and ASCII digits, brackets and stops are one form.
    public static func form(_ s: [Unicode.Scalar]) -> (form: HeadingForm, number: Int, bodyStart: Int)? {
        guard let c0 = s.first else { return nil }
        if c0 == "第" {
            guard let (n, j) = number(s, at: 1), j < s.count else { return nil }
            let next = j + 1 < s.count ? s[j + 1] : nil
            switch s[j] {
            case "部" where next == "分": return (.part, n, j + 2)
            case "编": return (.volume, n, j + 1)
            case "章" where next != "节" && next != "程": return (.chapter, n, j + 1)
            case "回" where next != "合": return (.chapter, n, j + 1)
            case "节" where next != "课": return (.section, n, j + 1)
            case "个":
                guard j + 3 < s.count, (s[j + 1] == "问" && s[j + 2] == "题") || (s[j + 1] == "方" && s[j + 2] == "面"),
                      s[j + 3] == "：" || s[j + 3] == "，" || s[j + 3] == ":" || s[j + 3] == "," || isSpace(s[j + 3]) else { return nil }
                return (.question, n, j + 4)
            case "，", ",": return DateParser.digit(s[1]) == nil ? (.ordinal, n, j + 1) : nil
            default:
                let k = skipSpaces(s, j)
                return k > j && k < s.count && DateParser.digit(s[1]) == nil ? (.ordinal, n, k) : nil
            }
        }
        if isMarker(c0) { return (.marker, 0, c0 == "【" ? 0 : skipSpaces(s, 1)) }
        if namedFirstLetters.contains(c0) {
            for name in namedChapters where s.starts(with: name) {
                if s.count == name.count || isSpace(s[name.count]) || s[name.count] == "：" { return (.chapter, 0, 0) }
            }
            // Letter-spaced ("后　记", "前　言"): the whole line is the name.
            let letters = compact(s)
            if namedChapters.contains(letters) { return (.chapter, 0, 0) }
            if matterNames.contains(letters) { return (.matter, 0, 0) }
            return nil
        }
        // 上篇, 中篇, 下篇: the parts of a book or collection, alone or before a title.
        if c0 == "上" || c0 == "中" || c0 == "下", s.count > 1, s[1] == "篇" {
            if s.count == 2 { return (.volume, c0 == "上" ? 1 : c0 == "中" ? 2 : 3, 0) }
            let k = skipSpaces(s, 2)
            guard k > 2 || s[2] == "：" || s[2] == ":" else { return nil }
            return (.volume, c0 == "上" ? 1 : c0 == "中" ? 2 : 3, s[2] == "：" || s[2] == ":" ? 3 : k)
        }
        if c0 == "（" || c0 == "(" {
            let i = skipSpaces(s, 1)
            let arabic = i < s.count && DateParser.digit(s[i]) != nil
            guard let (n, j) = number(s, at: i) else { return nil }
            let k = skipSpaces(s, j)
            guard k < s.count, s[k] == "）" || s[k] == ")" else { return nil }
            let body = k + 1 < s.count && s[k + 1] == "、" ? k + 2 : k + 1
            return (arabic ? .parenthesisedArabic : .parenthesised, n, body)
        }
        if DateParser.digit(c0) != nil {
            // 1. 2、 １． 3) — then text, not another digit (1.5万元, 3.14); four digits are a year (2024.3).
            guard let (n, j) = DateParser(s).arabic(0, maxDigits: 2), j < s.count,
                  s[j] == "." || s[j] == "．" || s[j] == "、" || s[j] == ")" || s[j] == "）" else { return nil }
            let k = skipSpaces(s, j + 1)
            guard k < s.count, DateParser.digit(s[k]) == nil, s[k] != "%" else { return nil }
            return (.arabic, n, k)
        }
        guard c0 != "两", let (n, j) = DateParser(s).chineseSmall(0) else { return nil }
        if j == s.count { return (.numeral, n, 0) }
        if s[j] == "、" || s[j] == "．" || s[j] == "." {
            // 一、二、三产业: a list of numerals inside a sentence.
            if j + 2 < s.count, DateParser.chineseDigit(s[j + 1]) != nil || s[j + 1] == "十", s[j + 2] == s[j] { return nil }
            return (.enumerated, n, j + 1)
        }
        let k = skipSpaces(s, j)
        guard k > j, k < s.count else { return nil }
        if s[k] == "、" { return (.enumerated, n, k + 1) }
        // 一 九 四 九 年: letter-spaced numerals, not a number and a title.
        if DateParser.chineseDigit(s[k]) != nil || s[k] == "十" { return nil }
        return (.enumerated, n, k)
    }

    /// The heading form and its number when a line of its own looks like a heading: the form
    /// and one sentence at most (no 。！？ before its end), and per form what a title looks
    /// like — a chapter or a marker subhead does not end in 。，；、, a numeral and a space or
    /// "第一　" is short, a bare numeral is the whole line.
    public static func heading(_ s: [Unicode.Scalar]) -> (form: HeadingForm, number: Int)? {
        guard s.count <= maxHeadingLength, let (form, n, bodyStart) = form(s) else { return nil }
        guard let last = s.last else { return nil }
        if form == .numeral { return (form, n) }
        guard bodyStart < s.count else { return nil }
        // A heading is one sentence at most: no sentence end before its last character.
        for k in bodyStart..<(s.count - 1) where isSentenceEnd(s[k]) { return nil }
        let listEnd = last == "；" || last == ";" || last == "，" || last == "," || last == "、"
        let titleEnd = listEnd || last == "。" || last == "：" || last == ":"
        switch form {
        case .enumerated:
            // "三　国际形势", "一．总则": only the canonical 一、 may be a longer line or end a sentence.
            let canonical = bodyStart > 0 && s[bodyStart - 1] == "、"
            if listEnd || (!canonical && (titleEnd || isSentenceEnd(last) || s.count > maxShortHeadingLength)) { return nil }
        case .parenthesised, .parenthesisedArabic, .arabic:
            if listEnd { return nil }
            // A long line that ends a sentence is a paragraph numbered by its marker (a run-in heading).
            if (last == "。" || form != .parenthesised && isSentenceEnd(last)) && s.count > 30 { return nil }
            if form != .parenthesised && s[bodyStart..<s.count].contains(where: { $0 == "：" || $0 == ":" }) && isSentenceEnd(last) {
                return nil
            }
        case .question:
            break
        case .ordinal, .marker:
            if titleEnd || s.count > maxShortHeadingLength { return nil }
            // A title is a phrase: "第一，关于某某问题" has no further comma (a hard-wrapped line
            // "第一，要坚持…，不断" does); a marker subhead at most one (★坚定信心，迎难而上).
            let commas = s[bodyStart...].reduce(0) { $0 + ($1 == "，" || $1 == "," || $1 == "、" ? 1 : 0) }
            if commas > (form == .ordinal ? 0 : 1) { return nil }
            if s[0] == "【" && (last != "】" || s.contains("：") || s.contains(":") || s.count < 3) { return nil }
            // ★★★ or ■ ■ ■ is an ornament, not a subhead: a title has letters.
            if form == .marker && !s[bodyStart...].contains(where: { $0.properties.isAlphabetic }) { return nil }
        case .volume, .part, .chapter, .section:
            if titleEnd { return nil }
        case .matter:
            break
        case .subhead, .numeral:
            return nil
        }
        return (form, n)
    }

    static func isSentenceEnd(_ c: Unicode.Scalar) -> Bool {
        c == "。" || c == "！" || c == "？" || c == "!" || c == "?"
    }

    /// A run-in point's family and number, when a paragraph opens with one: "第一，" (`true`)
    /// or "一是" (`false`). Its first `formPrefixLength` scalars are enough.
    static func runInPoint(_ s: [Unicode.Scalar]) -> (ordinal: Bool, number: Int)? {
        if s.count > 3, s[0] == "第", let (n, j) = number(s, at: 1), j < s.count, s[j] == "，" || s[j] == "," {
            return (true, n)
        }
        if let (n, j) = DateParser(s).chineseSmall(0), j < s.count - 1, s[j] == "是",
           DateParser.chineseDigit(s[0]) != nil || s[0] == "十" {
            return (false, n)
        }
        return nil
    }

    /// Whether a paragraph opening with `s` ("第一，", "一是") is a run-in point (its first
    /// `formPrefixLength` scalars are enough).
    public static func isRunInPoint(_ s: [Unicode.Scalar]) -> Bool { runInPoint(s) != nil }

    /// Whether a scalar ends a run-in point's label: a sentence end or "；".
    static func endsRunInLabel(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x21 || v == 0x3F || v == 0xFF1B
    }

    /// A run-in heading's form, number and label length in scalars, when a paragraph opens
    /// with one: a marker of a form that may run in ("（一）", "1.", "（1）"), a phrase, and
    /// the first 。：；？！ outside quotation marks and brackets within `maxRunInLabelLength`
    /// scalars ("（二）完善某项机制。要…" → "（二）完善某项机制"). Without such an end the
    /// marker only numbers the paragraph.
    static func runInHeading(_ s: [Unicode.Scalar]) -> (form: HeadingForm, number: Int, labelLength: Int)? {
        guard let (form, n, bodyStart) = form(Array(s.prefix(formPrefixLength))), form.mayRunIn else { return nil }
        var depth = 0
        var k = bodyStart
        while k < min(s.count, maxRunInLabelLength) {
            switch s[k] {
            case "“", "‘", "「", "『", "（", "(", "《", "〈", "【": depth += 1
            case "”", "’", "」", "』", "）", ")", "》", "〉", "】": depth = max(0, depth - 1)
            case "。", "：", "；", "？", "！", ":", ";", "?", "!":
                if depth == 0 {
                    // A colon between digits is a time (10:30), not the label's end.
                    if (s[k] == ":" || s[k] == "："), k + 1 < s.count, DateParser.digit(s[k + 1]) != nil { break }
                    return k >= bodyStart + 2 ? (form, n, k) : nil
                }
            default: break
            }
            k += 1
        }
        return nil
    }
}
