/// Rewrites a pattern for ICU so that it matches text as folded by `TextMatcher.fold`, without
/// folding the text: each literal character becomes the class of every form that folds to it
/// (`SearchPattern.variants`), and a character class gains the forms of its members. Records,
/// on the way, the longest run of required characters the folding leaves alone (the piece
/// `SearchPattern` looks for with `memmem` first), and which character of the pattern each
/// unit of the result came from (to place ICU's errors in the pattern as typed).
///
/// The regex dialect is ICU's (Docs/SEARCH.md). Parentheses and brackets are checked here,
/// before ICU, so that "unmatched (" points at the parenthesis rather than at the end.
struct RegexRewrite {
    /// The pattern for ICU, in UTF-16.
    private(set) var pattern: [UInt16] = []
    /// For each unit of `pattern`, the index of the scalar of the source it came from.
    private(set) var sourceIndex: [Int] = []
    /// The longest run of required, fold-invariant characters (empty when none is certain).
    private(set) var required: [Unicode.Scalar] = []

    /// Unbalanced parentheses or an unclosed class, found before ICU sees the pattern.
    private(set) var problem: SearchPattern.Invalid?

    private let caseSensitive: Bool
    private var open: [Int] = []
    private var run: [Unicode.Scalar] = []
    private var alternation = false

    /// A literal pattern: every character literal.
    init(literal scalars: [Unicode.Scalar], caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
        for (i, c) in scalars.enumerated() { literal(c, at: i, optional: false, endsRun: false) }
        finish()
    }

    /// A regular expression. Throws for unbalanced parentheses or an unclosed class.
    init(regex s: [Unicode.Scalar], caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
        var i = 0
        var depth = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                i = escape(s, at: i, depth: depth)
                continue
            case "[":
                endRun()
                i = characterClass(s, at: i)
                continue
            case "(":
                endRun()
                open.append(i)
                depth += 1
                emit("(", from: i)
                i += 1
                if i < s.count && s[i] == "?" {
                    // A group's prefix: (?: (?= (?! (?<= (?<! (?<name> (?i) (?#comment).
                    let comment = i + 1 < s.count && s[i + 1] == "#"
                    while i < s.count {
                        let d = s[i]
                        emit(d, from: i)
                        i += 1
                        if d == ")" { depth -= 1; open.removeLast(); break }
                        if !comment && (d == ":" || d == "=" || d == "!" || d == ">") { break }
                    }
                }
                continue
            case ")":
                endRun()
                if open.isEmpty {
                    problem = problem ?? SearchPattern.Invalid(reason: "unmatched )", position: i + 1)
                } else {
                    open.removeLast()
                }
                depth -= 1
                emit(")", from: i)
            case "|":
                if depth == 0 { alternation = true }
                endRun()
                emit("|", from: i)
            case ".", "^", "$", "*", "+", "?":
                endRun()
                emit(c, from: i)
            case "{":
                if let end = quantifierEnd(s, at: i) {
                    endRun()
                    for k in i..<end { emit(s[k], from: k) }
                    i = end
                    continue
                }
                literal(c, at: i, depth: depth, next: s, nextIndex: i + 1)
            default:
                literal(c, at: i, depth: depth, next: s, nextIndex: i + 1)
            }
            i += 1
        }
        if let first = open.first { problem = problem ?? SearchPattern.Invalid(reason: "unmatched (", position: first + 1) }
        finish()
    }

    // MARK: Pieces

    /// `\…` at `i`: returns the index after it.
    private mutating func escape(_ s: [Unicode.Scalar], at i: Int, depth: Int) -> Int {
        guard i + 1 < s.count else {
            // A trailing backslash: left for ICU to report.
            emit("\\", from: i)
            return i + 1
        }
        let c = s[i + 1]
        switch c {
        case "Q":
            // \Q…\E: literal.
            var k = i + 2
            while k < s.count && !(s[k] == "\\" && k + 1 < s.count && s[k + 1] == "E") {
                literal(s[k], at: k, depth: depth, next: s, nextIndex: k + 1)
                k += 1
            }
            return min(s.count, k + 2)
        case "x", "u", "U":
            if let (value, end) = hexEscape(s, at: i), let scalar = Unicode.Scalar(value) {
                literal(scalar, at: i, depth: depth, next: s, nextIndex: end)
                return end
            }
        case "p", "P", "N", "k":
            endRun()
            // \p{…}, \N{…}, \k<…>: copied whole.
            var k = i + 2
            let close: Unicode.Scalar? = k < s.count ? (s[k] == "{" ? "}" : s[k] == "<" ? ">" : nil) : nil
            if let close {
                while k < s.count && s[k] != close { k += 1 }
                k = min(s.count, k + 1)
            } else {
                k = min(s.count, k + 1)
            }
            for j in i..<k { emit(s[j], from: j) }
            return k
        default:
            break
        }
        if c.properties.isAlphabetic && c.isASCII || ("0"..."9").contains(c) {
            // \d \w \s \b \n … and back references: the engine's own.
            endRun()
            emit("\\", from: i)
            emit(c, from: i + 1)
            var k = i + 2
            if c == "c" && k < s.count { emit(s[k], from: k); k += 1 }
            return k
        }
        // An escaped punctuation mark or any other character: literal.
        literal(c, at: i, depth: depth, next: s, nextIndex: i + 2)
        return i + 2
    }

    /// `\xhh`, `\x{h…}`, `\uhhhh`, `\Uhhhhhhhh` at `i`: the value and the index after it.
    private func hexEscape(_ s: [Unicode.Scalar], at i: Int) -> (UInt32, Int)? {
        let kind = s[i + 1]
        var k = i + 2
        var digits = ""
        if kind == "x" && k < s.count && s[k] == "{" {
            k += 1
            while k < s.count && s[k] != "}" { digits.unicodeScalars.append(s[k]); k += 1 }
            guard k < s.count else { return nil }
            k += 1
        } else {
            let n = kind == "x" ? 2 : kind == "u" ? 4 : 8
            guard k + n <= s.count else { return nil }
            for j in k..<(k + n) { digits.unicodeScalars.append(s[j]) }
            k += n
        }
        guard let v = UInt32(digits, radix: 16) else { return nil }
        return (v, k)
    }

    /// The index after a quantifier `{n}`, `{n,}`, `{n,m}` at `i`, if it is one.
    private func quantifierEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var k = i + 1
        var sawDigit = false
        while k < s.count, ("0"..."9").contains(s[k]) || s[k] == "," {
            if s[k] != "," { sawDigit = true }
            k += 1
        }
        return sawDigit && k < s.count && s[k] == "}" ? k + 1 : nil
    }

    /// A class `[…]` at `i` (nested sets and `[:name:]` included): members gain their folded
    /// forms. Returns the index after it; an unclosed class is left for ICU to report.
    private mutating func characterClass(_ s: [Unicode.Scalar], at start: Int) -> Int {
        var i = start
        emit("[", from: i)
        i += 1
        if i < s.count && s[i] == "^" { emit("^", from: i); i += 1 }
        // A "]" first is a member.
        if i < s.count && s[i] == "]" { member(s[i], at: i); i += 1 }
        while i < s.count {
            let c = s[i]
            if c == "]" {
                emit("]", from: i)
                return i + 1
            }
            if c == "[" {
                if i + 1 < s.count && s[i + 1] == ":" {
                    // [:alpha:]
                    var k = i
                    while k < s.count && !(s[k] == "]" && s[k - 1] == ":") { k += 1 }
                    k = min(s.count, k + 1)
                    for j in i..<k { emit(s[j], from: j) }
                    i = k
                } else {
                    i = characterClass(s, at: i)
                }
                continue
            }
            if c == "\\" && i + 1 < s.count {
                let d = s[i + 1]
                if let (value, end) = (d == "x" || d == "u" || d == "U") ? hexEscape(s, at: i) : nil, let v = Unicode.Scalar(value) {
                    i = rangeOrMember(s, first: v, at: i, after: end)
                    continue
                }
                if d.isASCII && (d.properties.isAlphabetic || ("0"..."9").contains(d)) {
                    // \d, \p{…} and the like: copied.
                    var k = i + 2
                    if (d == "p" || d == "P" || d == "N") && k < s.count && s[k] == "{" {
                        while k < s.count && s[k] != "}" { k += 1 }
                        k = min(s.count, k + 1)
                    }
                    for j in i..<k { emit(s[j], from: j) }
                    i = k
                    continue
                }
                i = rangeOrMember(s, first: d, at: i, after: i + 2)
                continue
            }
            if (c == "&" || c == "-") && i + 1 < s.count && s[i + 1] == c {
                // Set operations && and --.
                emit(c, from: i)
                emit(c, from: i + 1)
                i += 2
                continue
            }
            i = rangeOrMember(s, first: c, at: i, after: i + 1)
        }
        problem = problem ?? SearchPattern.Invalid(reason: "missing ] for the [", position: start + 1)
        return i
    }

    /// A member `c` of a class, or a range `c-d`: emits it with the folded forms of its
    /// characters; returns the index after it.
    private mutating func rangeOrMember(_ s: [Unicode.Scalar], first c: Unicode.Scalar, at i: Int, after: Int) -> Int {
        var k = after
        if k + 1 < s.count && s[k] == "-" && s[k + 1] != "]" && s[k + 1] != "[" {
            var last = s[k + 1]
            var end = k + 2
            if last == "\\" && k + 2 < s.count {
                if let (value, e) = hexEscape(s, at: k + 1), let v = Unicode.Scalar(value) {
                    last = v
                    end = e
                } else {
                    last = s[k + 2]
                    end = k + 3
                }
            }
            emitHex(c.value, from: i)
            emit("-", from: k)
            emitHex(last.value, from: k + 1)
            // The other forms of a range of up to 128 characters.
            if last.value >= c.value && last.value - c.value < 128 {
                for v in c.value...last.value {
                    guard let x = Unicode.Scalar(v) else { continue }
                    for variant in SearchPattern.variants(of: x, caseSensitive: caseSensitive) where !(c.value...last.value).contains(variant.value) {
                        emitHex(variant.value, from: i)
                    }
                }
            }
            return end
        }
        member(c, at: i)
        k = after
        return k
    }

    /// A single member of a class, with its folded forms.
    private mutating func member(_ c: Unicode.Scalar, at i: Int) {
        for v in SearchPattern.variants(of: c, caseSensitive: caseSensitive) { emitHex(v.value, from: i) }
    }

    /// A literal character outside a class. Tracks the required run: a character made
    /// optional by the quantifier after it ends the run without joining it.
    private mutating func literal(_ c: Unicode.Scalar, at i: Int, depth: Int, next s: [Unicode.Scalar], nextIndex: Int) {
        let q: Unicode.Scalar? = nextIndex < s.count ? s[nextIndex] : nil
        var optional = q == "?" || q == "*"
        var endsRun = q == "+"
        if q == "{" {
            endsRun = true
            if nextIndex + 1 < s.count && (s[nextIndex + 1] == "0" || s[nextIndex + 1] == ",") { optional = true }
        }
        literal(c, at: i, optional: optional || depth > 0, endsRun: endsRun)
    }

    private mutating func literal(_ c: Unicode.Scalar, at i: Int, optional: Bool, endsRun: Bool) {
        let variants = SearchPattern.variants(of: c, caseSensitive: caseSensitive)
        if variants.count == 1 {
            if c.isASCII && !(c.properties.isAlphabetic || ("0"..."9").contains(c)) { emitHex(c.value, from: i) } else { emit(c, from: i) }
        } else {
            emit("[", from: i)
            for v in variants { emitHex(v.value, from: i) }
            emit("]", from: i)
        }
        let invariant = variants.count == 1 && !(0x20...0x7E).contains(c.value) && c != "\n"
        if optional || !invariant {
            endRun()
            return
        }
        run.append(c)
        if endsRun { endRun() }
    }

    private mutating func endRun() {
        if String(String.UnicodeScalarView(run)).utf8.count > String(String.UnicodeScalarView(required)).utf8.count { required = run }
        run = []
    }

    private mutating func finish() {
        endRun()
        if alternation { required = [] }
    }

    private mutating func emit(_ c: Unicode.Scalar, from i: Int) {
        for unit in String(c).utf16 {
            pattern.append(unit)
            sourceIndex.append(i)
        }
    }

    private mutating func emitHex(_ v: UInt32, from i: Int) {
        for c in "\\x{\(String(v, radix: 16))}".unicodeScalars { emit(c, from: i) }
    }
}
