/// Recognises lines about a text rather than of it, as news copy carries them: bylines
/// ("新华社记者　某某　某某", "本报记者 某某 通讯员 某某"), photo credits and captions ending in a
/// credit ("（新华社记者某某摄）", "某某/摄", "某某供图", "新华社发"), editor lines
/// ("（责任编辑：某某）", "【责任编辑：某某】", "编辑：某某　校对：某某"), source lines ("来源：…",
/// "（来源：…）", "原标题：…"), slash bylines ("文/某某", "图/某某") and the end mark "（完）". Such a line becomes a block of kind
/// `.note`: shown, never part of a quotation or of the prose structure.
///
/// Lines are judged whole, by shape: a label and a colon, a credit at the very end, or a
/// role word ("记者", "通讯员") followed by names only.
enum NoteLines {
    /// The longest note, in scalars (a caption with its credit).
    static let maxScalars = 160
    /// The longest credit at the end of a caption ("新华社记者 某某 某某 摄"), in scalars.
    static let maxCreditScalars = 24
    /// The longest byline, in scalars.
    static let maxBylineScalars = 40

    /// Labels of editor and source lines, before "：" or ":".
    static let labels: [[Unicode.Scalar]] = [
        "责任编辑", "实习编辑", "值班编辑", "编辑", "责编", "校对", "审核", "审校", "初审", "复审", "终审", "二审", "三审",
        "监制", "来源", "稿源", "文章来源", "新闻来源", "原标题", "原题", "发布时间", "发布日期", "发稿时间", "更新时间",
    ].map { Array($0.unicodeScalars) }
    /// Roles of a byline.
    static let roles: [[Unicode.Scalar]] = ["特约记者", "见习记者", "实习记者", "记者", "通讯员", "实习生", "摄影"]
        .map { Array($0.unicodeScalars) }
    /// Ends of a photo credit.
    static let creditEnds: [[Unicode.Scalar]] = ["摄影", "摄", "供图", "制图"].map { Array($0.unicodeScalars) }

    /// Labels as UTF-8, to test lines that open with one without decoding them.
    static let labelBytes: [[UInt8]] = labels.map { Array(String(String.UnicodeScalarView($0)).utf8) }

    /// Whether a trimmed line is a note. Most lines are settled from their length and their
    /// first and last scalars; only the few that may be notes are decoded.
    static func isNote(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= maxScalars * 3 else { return false }
        return isNote(p, range, ends: LineEnds(p, range))
    }

    /// The same, with the line's first and last scalars already decoded (the classifier
    /// decodes them once for all its tests).
    static func isNote(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, ends: LineEnds) -> Bool {
        guard !range.isEmpty, range.count <= maxScalars * 3 else { return false }
        let lastStart = ends.lastStart, last = ends.last
        let first = ends.first, firstLength = ends.firstLength
        switch last {
        // 摄 图 发 影: a credit, a caption, "新华社发".
        case 0x6444, 0x56FE, 0x53D1, 0x5F71: return isNote(UTF8Scalars.scalars(p, range))
        // ） ) 】 ]: a credit in brackets ("…摄）"), or a bracketed label or 完 ("（来源：…）"),
        // not a citation ("（2020年…）").
        case 0xFF09, 0x29, 0x3011, 0x5D:
            guard lastStart > range.lowerBound else { return false }
            let beforeLast = UTF8Scalars.decode(p, at: UTF8Scalars.previousStart(p, before: lastStart, lowerBound: range.lowerBound)).value
            if beforeLast == 0x6444 || beforeLast == 0x56FE || beforeLast == 0x5F71 { return isNote(UTF8Scalars.scalars(p, range)) }
            guard first == 0xFF08 || first == 0x28 || first == 0x3010 || first == 0x5B,
                  range.lowerBound + firstLength < lastStart else { return false }
            let second = UTF8Scalars.decode(p, at: range.lowerBound + firstLength).value
            // 完 全 (完, 全文完), 记 通 (a byline in brackets: "（记者 某某）")
            // or a short run of 【…】 ("【纠错】【责任编辑：某某】").
            guard isLabelStart(second) || second == 0x5B8C || second == 0x5168 || second == 0x8BB0 || second == 0x901A
                    || (first == 0x3010 && range.count <= maxBylineScalars * 3) else { return false }
            return isNote(UTF8Scalars.scalars(p, range))
        default: break
        }
        // 文 图: "文/某某", "图／某某" (a feature's byline, a photo credit).
        if (first == 0x6587 || first == 0x56FE) && range.count <= maxSlashBylineScalars * 3,
           isSlashByline(UTF8Scalars.scalars(p, range)[...]) { return true }
        if isLabelStart(first) { return isLabelled(p, range) }
        // "2025-06-12 08:15:30 来源：新华网": a web page's time stamp.
        if first >= 0x30 && first <= 0x39 { return isTimestampLine(p, range) }
        // Short lines: a byline ("记" E8 AE B0, "通讯员"'s "员" E5 91 98) or a rarer label.
        guard range.count <= maxBylineScalars * 3 else { return false }
        var i = range.lowerBound
        while i + 2 < range.upperBound {
            if (p[i] == 0xE8 && p[i + 1] == 0xAE && p[i + 2] == 0xB0) || (p[i] == 0xE5 && p[i + 1] == 0x91 && p[i + 2] == 0x98) {
                return isNote(UTF8Scalars.scalars(p, range))
            }
            i += 1
        }
        return isLabelled(p, range)
    }

    /// A web page's time stamp line: an ISO date (`2025-06-12`, `2025/6/12`), perhaps a time
    /// (`08:15`, `08:15:30`), then nothing or, after a space, a labelled field
    /// (`2025-06-12 08:15:30 来源：新华网`). `2025-06-11 是预展日…` is prose.
    static func isTimestampLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= maxScalars * 3, let date = isoDate(p, at: range.lowerBound, end: range.upperBound) else { return false }
        var i = date.end
        func skipSpaces() -> Bool {
            let start = i
            while i < range.upperBound {
                let (v, n) = UTF8Scalars.decode(p, at: i)
                guard UTF8Scalars.isSpace(v) else { break }
                i += n
            }
            return i > start
        }
        guard skipSpaces() || i == range.upperBound else { return false }
        // A time: digits and colons.
        var j = i
        while j < range.upperBound && (p[j] >= 0x30 && p[j] <= 0x39 || p[j] == 0x3A) { j += 1 }
        if j > i {
            guard j - i >= 4, p[i..<j].contains(0x3A) else { return false }
            i = j
            guard skipSpaces() || i == range.upperBound else { return false }
        }
        return i == range.upperBound || isLabelled(p, i..<range.upperBound)
    }

    /// An ISO date at `start`: four digits, `-` or `/`, one or two digits, the same
    /// separator, one or two digits, and no digit after. Its year, month, day and end.
    static func isoDate(_ p: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (year: Int, month: Int, day: Int, end: Int)? {
        func digits(_ i: inout Int, _ most: Int) -> Int? {
            var v = 0, n = 0
            while i < end && n < most && p[i] >= 0x30 && p[i] <= 0x39 {
                v = v * 10 + Int(p[i] - 0x30)
                i += 1
                n += 1
            }
            return n == 0 ? nil : v
        }
        var i = start
        guard let y = digits(&i, 4), i == start + 4, i < end, p[i] == 0x2D || p[i] == 0x2F else { return nil }
        let separator = p[i]
        i += 1
        guard let m = digits(&i, 2), (1...12).contains(m), i < end, p[i] == separator else { return nil }
        i += 1
        guard let d = digits(&i, 2), (1...31).contains(d), i == end || !(p[i] >= 0x30 && p[i] <= 0x39) else { return nil }
        return (y, m, d, i)
    }

    /// Words of a web page's controls (打印本页, 关闭窗口, 分享到, …).
    static let furnitureWords: Set<String> = [
        "打印本页", "打印此页", "打印正文", "打印", "关闭窗口", "关闭本页", "关闭", "收藏本页", "收藏", "加入收藏", "分享到", "分享",
        "纠错", "返回顶部", "返回首页", "扫一扫在手机打开当前页", "手机看", "大", "中", "小", "微信", "微博", "QQ空间", "QQ", "朋友圈",
    ]
    /// Labels a breadcrumb opens with.
    static let locationLabels: [[Unicode.Scalar]] = ["当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置", "位置"]
        .map { Array($0.unicodeScalars) }

    /// A line of web page controls or a breadcrumb, judged whole (at most 80 scalars, no
    /// sentence punctuation):
    /// - a breadcrumb: parts of at most 12 letters between `>` `＞` `›` `»` `→`, after a label
    ///   (当前位置： …) with one separator at least, or else with two, or opening with 首页;
    /// - page controls: 字体/字号 then sizes (`【字体：大 中 小】`), or only control words
    ///   (`打印本页`, `【打印】【关闭】`, `分享到：微信 微博`) between spaces, brackets and bars.
    static func isPageFurniture(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 80, !line.contains(where: { v in
            switch v { case "。", "！", "？", "；", "，", "、": return true; default: return false }
        }) else { return false }
        var s = line[...]
        var labelled = false
        for label in locationLabels where s.starts(with: label) {
            var j = s.startIndex + label.count
            if j < s.endIndex && (s[j] == "：" || s[j] == ":") {
                j += 1
                s = s[j...]
                labelled = true
                break
            }
        }
        let parts = s.split(whereSeparator: { isBreadcrumbSeparator($0.value) }).map { trimmed($0) }
        if parts.count >= 2 {
            guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 12 }) else { return false }
            return labelled || parts.count >= 3 || parts[0].elementsEqual("首页".unicodeScalars)
        }
        if labelled { return parts.count == 1 && parts[0].count <= 12 }
        // Controls: tokens between spaces, brackets, bars and colons.
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var sizes = false
        for c in line {
            if isSpace(c) || "【】[]|｜：:/".unicodeScalars.contains(c) {
                if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        guard !tokens.isEmpty else { return false }
        for t in tokens {
            if t == "字体" || t == "字号" { sizes = true; continue }
            guard furnitureWords.contains(t) else { return false }
        }
        // 大 中 小 only as font sizes.
        return sizes || !tokens.contains { $0 == "大" || $0 == "中" || $0 == "小" }
    }

    /// `>` `＞` `›` `»` `→` `〉`: what separates a breadcrumb's parts.
    static func isBreadcrumbSeparator(_ v: UInt32) -> Bool {
        v == 0x3E || v == 0xFF1E || v == 0x203A || v == 0xBB || v == 0x2192 || v == 0x3009
    }

    /// Whether a line has a breadcrumb separator, from its bytes: > (3E), ＞ (EF BC 9E),
    /// › (E2 80 BA), » (C2 BB), → (E2 86 92), 〉 (E3 80 89).
    static func hasBreadcrumbSeparator(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            if b == 0x3E { return true }
            if i >= range.lowerBound + 1, b == 0xBB, p[i - 1] == 0xC2 { return true }
            if i >= range.lowerBound + 2 {
                let b1 = p[i - 1], b0 = p[i - 2]
                if (b == 0x9E && b1 == 0xBC && b0 == 0xEF) || (b == 0xBA && b1 == 0x80 && b0 == 0xE2)
                    || (b == 0x92 && b1 == 0x86 && b0 == 0xE2) || (b == 0x89 && b1 == 0x80 && b0 == 0xE3) { return true }
            }
            i += 1
        }
        return false
    }

    /// The first scalars of page controls and location labels: 【 [ 字 打 关 收 加 分 纠 返 扫
    /// 手 当 您 你 所 位.
    static func mayOpenFurniture(_ v: UInt32) -> Bool {
        switch v {
        case 0x3010, 0x5B, 0x5B57, 0x6253, 0x5173, 0x6536, 0x52A0, 0x5206, 0x7EA0, 0x8FD4, 0x626B, 0x624B,
             0x5F53, 0x60A8, 0x4F60, 0x6240, 0x4F4D: return true
        default: return false
        }
    }

    /// Whether a scalar is the first of a common label: 来 原 稿 编 责 校 审 监 初 复 终 文 发 更.
    static func isLabelStart(_ v: UInt32) -> Bool {
        switch v {
        case 0x6765, 0x539F, 0x7A3F, 0x7F16, 0x8D23, 0x6821, 0x5BA1, 0x76D1, 0x521D, 0x590D, 0x7EC8, 0x6587, 0x53D1, 0x66F4: return true
        default: return false
        }
    }

    /// `isLabelled` on the bytes of an unbracketed line: a label, spaces, then "：" or ":"
    /// and more.
    static func isLabelled(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for label in labelBytes where range.count > label.count {
            var i = range.lowerBound
            var matched = true
            for b in label {
                if p[i] != b { matched = false; break }
                i += 1
            }
            guard matched else { continue }
            while i < range.upperBound {
                let (v, n) = UTF8Scalars.decode(p, at: i)
                guard UTF8Scalars.isSpace(v) else { break }
                i += n
            }
            if i + 1 < range.upperBound && p[i] == 0x3A { return true }
            // ： EF BC 9A
            if i + 3 < range.upperBound && p[i] == 0xEF && p[i + 1] == 0xBC && p[i + 2] == 0x9A { return true }
        }
        return false
    }

    /// The longest "文/某某" byline, in scalars.
    static let maxSlashBylineScalars = 20

    /// "文/某某", "文／某某　某某", "图 | 某某": 文 (text) or 图 (pictures), a slash or bar, then
    /// one to three names (two to four Han letters, or dotted) and nothing else — "文/图结合的
    /// 课本…" is prose.
    static func isSlashByline(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count <= maxSlashBylineScalars, let first = s.first, first == "文" || first == "图" else { return false }
        var i = s.startIndex + 1
        while i < s.endIndex && isSpace(s[i]) { i += 1 }
        guard i < s.endIndex, s[i] == "/" || s[i] == "／" || s[i] == "|" || s[i] == "｜" else { return false }
        var names = 0, letters = 0, dotted = false
        for c in s[(i + 1)...] {
            if isSpace(c) || c == "、" {
                if letters > 0 {
                    guard (2...4).contains(letters) || (dotted && letters <= 12) else { return false }
                    names += 1
                }
                letters = 0
                dotted = false
            } else if isHan(c) || c == "·" || c == "・" {
                letters += 1
                if c == "·" || c == "・" { dotted = true }
            } else {
                return false
            }
        }
        if letters > 0 {
            guard (2...4).contains(letters) || (dotted && letters <= 12) else { return false }
            names += 1
        }
        return (1...3).contains(names)
    }

    /// Whether a trimmed line (as scalars) is a note.
    static func isNote(_ line: [Unicode.Scalar]) -> Bool {
        guard !line.isEmpty, line.count <= maxScalars else { return false }
        let inner = unbracketed(line[...])
        if isEndMark(inner) || isLabelled(inner) || isByline(inner) || isAgencyRelease(inner) || isSlashByline(inner) { return true }
        return isCredited(line[...]) || isBracketRun(line[...])
    }

    /// "【纠错】【责任编辑：某某】": a line of two or more 【…】, one of them a note, the others
    /// short web furniture (at most `maxFurniture` letters each).
    static func isBracketRun(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.first == "【", s.last == "】" else { return false }
        var parts: [ArraySlice<Unicode.Scalar>] = []
        var open: Int? = nil
        for i in s.indices {
            if s[i] == "【" {
                guard open == nil else { return false }
                open = i
            } else if s[i] == "】" {
                guard let o = open else { return false }
                parts.append(s[o...i])
                open = nil
            } else if open == nil && !isSpace(s[i]) {
                return false
            }
        }
        guard parts.count >= 2 else { return false }
        let notes = parts.filter { isNote(Array($0)) }.count
        return notes >= 1 && parts.allSatisfy { isNote(Array($0)) || $0.count - 2 <= maxFurniture }
    }

    /// The longest bracketed piece of web furniture beside a note ("【纠错】", "【打印】").
    static let maxFurniture = 4

    /// The line without one pair of enclosing brackets: （…） (…) 【…】 […].
    static func unbracketed(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard s.count >= 2, let f = s.first, let l = s.last else { return s }
        let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("（", "）"), ("(", ")"), ("【", "】"), ("[", "]")]
        for (o, c) in pairs where f == o && l == c { return trimmed(s.dropFirst().dropLast()) }
        return s
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { UTF8Scalars.isSpace(c.value) }

    static func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi && isSpace(s[lo]) { lo += 1 }
        while hi > lo && isSpace(s[hi - 1]) { hi -= 1 }
        return s[lo..<hi]
    }

    static func isHan(_ c: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value)
    }

    /// "完", "全文完": the end mark (in brackets on the line).
    static func isEndMark(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        s.elementsEqual("完".unicodeScalars) || s.elementsEqual("全文完".unicodeScalars)
    }

    /// "责任编辑：某某", "编辑：某某　校对：某某", "来源：某某日报", "原标题：《…》": a label, then
    /// a colon (spaces may stand around it).
    static func isLabelled(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        for label in labels where s.starts(with: label) {
            var j = s.startIndex + label.count
            while j < s.endIndex && isSpace(s[j]) { j += 1 }
            if j < s.endIndex && (s[j] == "：" || s[j] == ":") && j + 1 < s.endIndex { return true }
        }
        return false
    }

    /// "新华社记者　某某　某某", "本报记者 某某 通讯员 某某", "记者 某某": an optional agency
    /// (Han letters), a role, then only names (2–4 Han letters, or longer with "·") and
    /// further roles, separated by spaces or "、".
    static func isByline(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count <= maxBylineScalars else { return false }
        // The first role within the first ten letters; before it, Han letters only.
        var roleStart: Int? = nil, roleEnd = 0
        search: for i in s.startIndex..<min(s.endIndex, s.startIndex + 10) {
            guard isHan(s[i]) else { break }
            for r in roles where s[i...].starts(with: r) {
                roleStart = i
                roleEnd = i + r.count
                break search
            }
        }
        guard let roleStart, roleStart - s.startIndex <= 8 else { return false }
        var names = 0
        var token: [Unicode.Scalar] = []
        func close() -> Bool {
            defer { token = [] }
            if token.isEmpty { return true }
            if roles.contains(where: { token.elementsEqual($0) }) || token.elementsEqual("报道".unicodeScalars) { return true }
            // A name may be glued to its role: "记者王某某".
            var t = token[...]
            for r in roles where t.starts(with: r) && t.count > r.count { t = t.dropFirst(r.count); break }
            let dotted = t.contains("·") || t.contains("・")
            guard (2...4).contains(t.count) || (dotted && t.count <= 12) else { return false }
            names += 1
            return true
        }
        for c in s[roleEnd...] {
            if isSpace(c) || c == "、" || c == "," || c == "，" {
                guard close() else { return false }
            } else if isHan(c) || c == "·" || c == "・" {
                token.append(c)
            } else {
                return false
            }
        }
        return close() && names > 0
    }

    /// "新华社发", "中新网发": an agency's release credit (Han letters ending 社发, 网发, 报发, 台发).
    static func isAgencyRelease(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard (3...10).contains(s.count), s.last == "发", s.allSatisfy(isHan) else { return false }
        return "社网报台".unicodeScalars.contains(s[s.endIndex - 2])
    }

    /// A caption or credit: the line ends in a credit ("…摄", "…供图", "某某/摄",
    /// "（新华社记者某某摄）", "新华社发（某某 摄）") of at most `maxCreditScalars` letters after
    /// the last sentence end or opening bracket.
    static func isCredited(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        var s = line
        while let l = s.last, l == "）" || l == ")" || l == "】" || l == "]" || isSpace(l) { s = s.dropLast() }
        guard creditEnds.contains(where: { s.reversed().starts(with: $0.reversed()) }) else { return false }
        var start = s.endIndex
        while start > s.startIndex, !"。！？；（(【[".unicodeScalars.contains(s[start - 1]) { start -= 1 }
        let credit = s[start...]
        // A credit names someone: at least one Han letter before the verb.
        return credit.count <= maxCreditScalars && credit.count >= 3 && credit.contains(where: isHan)
    }
}

extension DocumentParser {
    /// A title line with a dateline glued to it by copy-paste ("某会议开幕新华社北京3月5日电（记者
    /// 某某）某会议5日在京开幕。"): the title before the dateline, and the rest of the line as the
    /// body's first line. Only a known agency's dated dateline, after at least two letters.
    func splittingGluedDateline(_ p: UnsafeBufferPointer<UInt8>, _ line: Line) -> (String, Line)? {
        let range = line.range
        guard range.count <= NewsDateline.maxLineBytes * 4,
              NewsDateline.hasDianOrXun(p, range) else { return nil }
        let s = UTF8Scalars.scalars(p, range)
        guard let m = NewsDateline.find(s), m.start >= 2, m.span != nil,
              NewsDateline.knownAgencies.contains(where: { s[m.start...].starts(with: $0) || (s[m.start] == "据" && s[(m.start + 1)...].starts(with: $0)) })
        else { return nil }
        var byte = range.lowerBound
        for c in s[..<m.start] { byte += c.utf8.count }
        let title = source.string(range.lowerBound..<byte)
        return (title, Line(range: byte..<range.upperBound, indented: false, blankLinesBefore: 0))
    }

    /// A report's lines about the text that only its dateline shows: the headline deck above
    /// an opening dateline, or a closing dateline's own line.
    func markNewsNotes(_ p: UnsafeBufferPointer<UInt8>, _ pieces: inout [Piece], dateline: NewsDateScanner.Found) {
        guard let k = dateline.piece, k < pieces.count else { return }
        if dateline.closing { pieces[k].kind = .note } else { markHeadlineDeck(p, &pieces, before: k) }
    }

    /// The headline deck of a report: the lines between the title and the piece holding an
    /// agency's dateline (引题, 副题 such as "——某地推进某项工作观察", a page's subtitle) become
    /// notes when they are one line that does not end a sentence; anything longer stays text.
    func markHeadlineDeck(_ p: UnsafeBufferPointer<UInt8>, _ pieces: inout [Piece], before end: Int) {
        for i in 0..<min(end, pieces.count) where pieces[i].lineCount == 1 && !endsParagraph(p, pieces[i].range) {
            if case .text = pieces[i].kind { pieces[i].kind = .note }
        }
    }
}

extension NewsDateline {
    /// The longest line taken for a dateline alone on its line, in bytes.
    static let maxLineBytes = 480
    /// How far into such a line its 电 or 讯 may stand, in bytes: [据], agency and place
    /// (`NewsDateline.maxAgencyAndPlace` letters), a date, 专.
    static let maxOpeningBytes = 3 * (1 + NewsDateline.maxAgencyAndPlace + 12 + 2)

    /// Whether a trimmed line is an agency's dateline alone, perhaps with the reporters and a
    /// feature's headline after it ("新华社杭州9月20日电　题：…"): such a line is a paragraph of its
    /// own, never joined to the deck above or a byline below.
    static func isDatelineLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= maxLineBytes else { return false }
        return isDatelineLine(p, range, ends: LineEnds(p, range))
    }

    /// The same, with the line's first and last scalars already decoded.
    static func isDatelineLine(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, ends: LineEnds) -> Bool {
        guard range.count <= maxLineBytes else { return false }
        // Such a line ends in 电, 讯, the reporters' bracket or a headline: never a sentence end.
        let last = ends.last
        if last == 0x3002 || last == 0xFF01 || last == 0xFF1F || last == 0xFF1B || last == 0x201D { return false }
        // It opens with the agency's (or 据's) Han letters.
        guard NoteLines.isHan(Unicode.Scalar(ends.first) ?? " ") else { return false }
        // 电 or 讯 within the agency, place and date's letters.
        let seen = hasDianOrXun(p, range.lowerBound..<min(range.upperBound, range.lowerBound + maxOpeningBytes))
        guard seen else { return false }
        let s = UTF8Scalars.scalars(p, range)
        guard let m = find(s), m.start == 0 else { return false }
        var j = m.end
        while j < s.count && NoteLines.isSpace(s[j]) { j += 1 }
        return j == s.count || (s[j] == "题" && j + 1 < s.count && (s[j + 1] == "：" || s[j + 1] == ":"))
    }
}
