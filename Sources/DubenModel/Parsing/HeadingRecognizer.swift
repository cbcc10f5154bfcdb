/// The heading forms of Chinese documents, in the order of their usual rank.
public enum HeadingForm: Int, CaseIterable, Sendable {
    /// 第一部分…
    case part
    /// 第一章…
    case chapter
    /// 第一个问题：… / 第一个问题，…
    case question
    /// 第一节…
    case section
    /// 一、…
    case enumerated
    /// （一）…
    case parenthesised
}

/// Recognises headings and run-in points from the first scalars of a block.
public enum HeadingRecognizer {
    /// The longest line still taken for a heading (collections use long section titles).
    static let maxHeadingLength = 160

    /// A number written as a Chinese numeral (一 … 九十九) or in Arabic digits.
    static func number(_ s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        let p = DateParser(s)
        return p.arabic(i, maxDigits: 3) ?? p.chineseSmall(i)
    }

    /// How many leading scalars `form(_:)` needs to see ("第九十九个问题：" is eight).
    public static let formPrefixLength = 12

    /// The heading form a text opens with, its number and where its body starts — from its
    /// first `formPrefixLength` scalars, so the parser can rule a line out before decoding it.
    public static func form(_ s: [Unicode.Scalar]) -> (form: HeadingForm, number: Int, bodyStart: Int)? {
        guard s.count >= 2 else { return nil }
        var found: (HeadingForm, Int, Int)? = nil
        if s[0] == "第", let (n, j) = number(s, at: 1) {
            let after = s[j..<min(s.count, j + 4)]
            if after.starts(with: ["部", "分"]) { found = (.part, n, j + 2) }
            else if after.first == "章" { found = (.chapter, n, j + 1) }
            else if after.first == "节" { found = (.section, n, j + 1) }
            else if after.count == 4, after.starts(with: ["个", "问", "题"]), "：，:,".unicodeScalars.contains(s[j + 3]) {
                found = (.question, n, j + 4)
            }
        } else if let (n, j) = number(s, at: 0), j < s.count, s[j] == "、" {
            found = (.enumerated, n, j + 1)
        } else if s[0] == "（" || s[0] == "(", let (n, j) = number(s, at: 1), j < s.count, s[j] == "）" || s[j] == ")",
                  DateParser.digit(s[1]) == nil {
            found = (.parenthesised, n, j + 1)
        }
        return found
    }

    /// The heading form and its number when the block's text looks like a heading.
    public static func heading(_ s: [Unicode.Scalar]) -> (form: HeadingForm, number: Int)? {
        guard s.count <= maxHeadingLength, let (form, n, bodyStart) = form(s), bodyStart < s.count else { return nil }
        // A heading is one sentence at most: no sentence end before its last character.
        for k in bodyStart..<(s.count - 1) where isSentenceEnd(s[k]) { return nil }
        if form == .enumerated || form == .parenthesised, let last = s.last, "；;，,、".unicodeScalars.contains(last) {
            return nil
        }
        return (form, n)
    }

    static func isSentenceEnd(_ c: Unicode.Scalar) -> Bool {
        c == "。" || c == "！" || c == "？" || c == "!" || c == "?"
    }

    /// For speeches: whether a paragraph opening with `s` ("第一，", "一是") is a run-in point
    /// (its first `formPrefixLength` scalars are enough).
    public static func isRunInPoint(_ s: [Unicode.Scalar]) -> Bool {
        if s.count > 3, s[0] == "第", let (_, j) = number(s, at: 1), j < s.count, s[j] == "，" || s[j] == "," {
            return true
        }
        if let (_, j) = DateParser(s).chineseSmall(0), j < s.count - 1, s[j] == "是",
           DateParser.chineseDigit(s[0]) != nil || s[0] == "十" {
            return true
        }
        return false
    }

    /// Whether a scalar ends a run-in point's label: a sentence end or "；".
    static func endsRunInLabel(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x21 || v == 0x3F || v == 0xFF1B
    }
}
