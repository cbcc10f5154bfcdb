/// A check of TOML text before TOMLKit sees it. The toml++ parser (3.4.0) inside TOMLKit
/// asserts, and so aborts the process (release builds included), wherever it hands a place to
/// a sub-parser without first checking that the place can start what that parser reads — a
/// key, a value — found by fuzzing the configuration file: `[中layout]`, `[\u{1}]`, a `[`
/// alone on its line, `{ , }` (a key's place); `a = [1,,2]`, `a = [}]` (a value's place);
/// `a = 1979-05-27 1]` (a date, a space and a digit read on as a time); `1_…_979-05-27 12`
/// (a value read ahead further than it can step back). So every place a key stands is checked
/// here (table headers, the start of a `key = value` line, the keys of inline tables), and so
/// is every place a value stands (after `=`, after `[` and each comma of an array): a string,
/// an array, an inline table, or a boolean, number, date or time written as TOML 1.0 writes
/// it (`TOMLText.isScalar`) — never a malformed one, which is what reaches toml++'s
/// assertions. The characters outside strings and comments must be ASCII, no controls but
/// tab. Text that fails is refused with its line, as a syntax error would be; valid TOML 1.0
/// always passes (what is refused is never valid TOML).
public enum TOMLText {
    /// `message` on one line: line ends and other controls written as escapes (a TOMLKit error
    /// quotes the text it saw, line feed included; fuzz: "expected 'nan', saw 'n\n'").
    public static func oneLine(_ message: String) -> String {
        var out = ""
        for u in message.unicodeScalars {
            switch u.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029: out += "\\u{" + String(u.value, radix: 16) + "}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A bare value as TOML 1.0 writes it (its ABNF): `true`, `false`; `inf`, `nan`, signed or
    /// not; a decimal integer without leading zeros, `0x`, `0o`, `0b` integers; a float with a
    /// fraction, an exponent or both; a date, a time with seconds, a date and time (`T`, `t`;
    /// the space form is put together by the scanner) with `Z`, `z` or `±HH:MM` or none.
    /// Underscores only between digits.
    static func isScalar(_ t: ArraySlice<UInt8>) -> Bool {
        let s = Array(t)
        if s.isEmpty { return false }
        for word in ["true", "false", "inf", "nan", "+inf", "-inf", "+nan", "-nan"] where s.elementsEqual(word.utf8) { return true }
        if isNumber(s[...]) { return true }
        if isDate(s[...]) { return true }
        if isTime(s[...], offset: false) { return true }
        // A date, T and a time.
        if s.count > 11, isDate(s[0..<10]), s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t") {
            return isTime(s[11...], offset: true)
        }
        return false
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// `YYYY-MM-DD` (digits in each place; toml++ checks the ranges, with an error).
    static func isDate(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.count == 10 else { return false }
        for (n, c) in t.enumerated() {
            guard n == 4 || n == 7 ? c == UInt8(ascii: "-") : isDigit(c) else { return false }
        }
        return true
    }

    /// `HH:MM:SS`, a fraction of digits after a dot or none, and with `offset` a `Z`, `z`,
    /// `+HH:MM`, `-HH:MM` or none.
    static func isTime(_ t: ArraySlice<UInt8>, offset: Bool) -> Bool {
        let s = Array(t)
        func twoDigitsColonTwoDigits(_ at: Int) -> Bool {
            at + 5 <= s.count && isDigit(s[at]) && isDigit(s[at + 1]) && s[at + 2] == UInt8(ascii: ":") && isDigit(s[at + 3]) && isDigit(s[at + 4])
        }
        guard twoDigitsColonTwoDigits(0), s.count >= 8, s[5] == UInt8(ascii: ":"), isDigit(s[6]), isDigit(s[7]) else { return false }
        var i = 8
        if i < s.count && s[i] == UInt8(ascii: ".") {
            i += 1
            let digits = i
            while i < s.count && isDigit(s[i]) { i += 1 }
            guard i > digits else { return false }
        }
        if i == s.count { return true }
        guard offset else { return false }
        if (s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z")) && i + 1 == s.count { return true }
        guard s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return false }
        return twoDigitsColonTwoDigits(i + 1) && i + 6 == s.count
    }

    /// An integer or a float.
    static func isNumber(_ t: ArraySlice<UInt8>) -> Bool {
        var s = t
        if s.count > 2, s.first == UInt8(ascii: "0") {
            let digit: ((UInt8) -> Bool)?
            switch s[s.startIndex + 1] {
            case UInt8(ascii: "x"): digit = { isDigit($0) || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "f")) }
            case UInt8(ascii: "o"): digit = { $0 >= 0x30 && $0 <= 0x37 }
            case UInt8(ascii: "b"): digit = { $0 == 0x30 || $0 == 0x31 }
            default: digit = nil
            }
            if let digit { return digits(s.dropFirst(2), digit) }
        }
        if s.first == UInt8(ascii: "+") || s.first == UInt8(ascii: "-") { s = s.dropFirst() }
        // The integer part: 0, or digits not starting with 0.
        var end = s.startIndex
        while end < s.endIndex && (isDigit(s[end]) || s[end] == UInt8(ascii: "_")) { end += 1 }
        let whole = s[s.startIndex..<end]
        guard digits(whole, isDigit), whole.count == 1 || whole.first != UInt8(ascii: "0") else { return false }
        var rest = s[end...]
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            var e = rest.startIndex
            while e < rest.endIndex && (isDigit(rest[e]) || rest[e] == UInt8(ascii: "_")) { e += 1 }
            guard digits(rest[rest.startIndex..<e], isDigit) else { return false }
            rest = rest[e...]
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            return digits(rest, isDigit)
        }
        return rest.isEmpty
    }

    /// One or more digits, an underscore only between two.
    static func digits(_ t: ArraySlice<UInt8>, _ digit: (UInt8) -> Bool) -> Bool {
        guard let first = t.first, let last = t.last, digit(first), digit(last) else { return false }
        var previousUnderscore = false
        for c in t {
            if c == UInt8(ascii: "_") {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else {
                guard digit(c) else { return false }
                previousUnderscore = false
            }
        }
        return true
    }

    /// The line (1-based) of the first place the check refuses, or nil when there is none.
    public static func unquotedBadCharacterLine(_ text: String) -> Int? {
        var scanner = Scanner(Array(text.utf8))
        return scanner.run()
    }

    struct Scanner {
        let b: [UInt8]
        var i = 0
        var line = 1
        /// The open arrays and inline tables of the value being read.
        var open: [UInt8] = []

        init(_ bytes: [UInt8]) { b = bytes }

        var atEnd: Bool { i >= b.count }
        func at(_ c: Character) -> Bool { i < b.count && b[i] == UInt8(ascii: c.unicodeScalars.first!) }

        mutating func skipSpaces() {
            while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        }

        /// A bare or quoted key, or dotted keys, and the spaces after them.
        mutating func key() -> Bool {
            while true {
                skipSpaces()
                guard i < b.count else { return false }
                let c = b[i]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    i += 1
                    while true {
                        guard i < b.count, b[i] != 0x0A else { return false }
                        if c == UInt8(ascii: "\"") && b[i] == UInt8(ascii: "\\") { i += 2; continue }
                        if b[i] == c { i += 1; break }
                        i += 1
                    }
                } else {
                    let start = i
                    while i < b.count && Self.isBare(b[i]) { i += 1 }
                    guard i > start else { return false }
                }
                skipSpaces()
                guard at(".") else { return true }
                i += 1
            }
        }

        static func isBare(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
        }

        static func isBad(_ c: UInt8) -> Bool {
            c >= 0x80 || c == 0x7F || c < 0x09 || c == 0x0B || c == 0x0C || (c > 0x0D && c < 0x20)
        }

        /// The end of a line: spaces, an optional comment, a line feed (or the end).
        mutating func lineEnd() -> Bool {
            skipSpaces()
            if at("\r") { i += 1 }
            if at("#") { comment() }
            guard atEnd || at("\n") else { return false }
            return true
        }

        mutating func comment() {
            while i < b.count && b[i] != 0x0A {
                if Self.isBad(b[i]) && b[i] < 0x80 && b[i] != 0x09 { return }
                i += 1
            }
        }

        /// A string value from its opening quote (one line, or three quotes and any lines).
        mutating func string() -> Bool {
            let c = b[i]
            let triple = i + 2 < b.count && b[i + 1] == c && b[i + 2] == c
            i += triple ? 3 : 1
            while i < b.count {
                if b[i] == 0x0A {
                    guard triple else { return false }
                    line += 1
                } else if c == UInt8(ascii: "\"") && b[i] == UInt8(ascii: "\\") {
                    i += 1
                    if i < b.count && b[i] == 0x0A { line += 1 }
                } else if triple ? (i + 2 < b.count && b[i + 1] == c && b[i + 2] == c && b[i] == c) : b[i] == c {
                    i += triple ? 3 : 1
                    while triple && i < b.count && b[i] == c { i += 1 }
                    return true
                }
                i += 1
            }
            return false
        }

        /// After `{` or a comma in an inline table: a key and `=` and a value, or the closing brace.
        mutating func inlineKey() -> Bool {
            skipSpaces()
            if at("}") { return true }
            guard key(), at("=") else { return false }
            i += 1
            return valueFollows()
        }

        /// After `=` (spaces may come between): a value. A string, an array or an inline table
        /// is left to `run` from its first character; a bare value is checked whole and
        /// skipped. Not the end of the line or a separator (toml++ asserts on one; fuzz,
        /// fifth run), not a malformed boolean, number or date.
        mutating func valueFollows() -> Bool {
            skipSpaces()
            guard i < b.count else { return false }
            switch b[i] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "["), UInt8(ascii: "{"): return true
            default: return bareValue()
            }
        }

        /// After `[` or a comma in an array (line ends and comments may come between): a
        /// value or the closing bracket, not another comma or a `}`.
        mutating func arrayElementFollows() -> Bool {
            while i < b.count {
                skipSpaces()
                if at("\r") { i += 1; continue }
                if at("\n") { line += 1; i += 1; continue }
                if at("#") { comment(); guard atEnd || at("\n") else { return false }; continue }
                break
            }
            if atEnd || at("]") { return true }
            return valueFollows()
        }

        /// A bare value from `i` to the next value terminator, which must be a boolean, inf or
        /// nan, a number or a date and time as TOML 1.0 writes them; `i` moves past it. A date,
        /// a space and a digit go on as a time (toml++ reads "1979-05-27 07:32:00" so, and
        /// asserted when what follows the digit ended the value: "1979-05-27 1]").
        mutating func bareValue() -> Bool {
            let start = i
            while i < b.count && !Self.endsBareValue(b[i]) { i += 1 }
            let token = b[start..<i]
            if TOMLText.isDate(token), i + 1 < b.count, b[i] == 0x20, TOMLText.isDigit(b[i + 1]) {
                i += 1
                let time = i
                while i < b.count && !Self.endsBareValue(b[i]) { i += 1 }
                return TOMLText.isTime(b[time..<i], offset: true)
            }
            return TOMLText.isScalar(token)
        }

        /// What ends a bare value for toml++ (`is_value_terminator`; the other whitespace and
        /// controls are refused anyway).
        static func endsBareValue(_ c: UInt8) -> Bool {
            c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ",") || c == UInt8(ascii: "]")
                || c == UInt8(ascii: "}") || c == UInt8(ascii: "#")
        }

        mutating func run() -> Int? {
            var lineStart = true
            // A byte order mark first is TOML (toml++ skips it).
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
            while i < b.count {
                if lineStart && open.isEmpty {
                    skipSpaces()
                    if at("\r") { i += 1 }
                    if atEnd { return nil }
                    if at("\n") { line += 1; i += 1; continue }
                    if at("#") { comment(); guard atEnd || at("\n") else { return line }; continue }
                    if at("[") {
                        i += 1
                        let double = at("[")
                        if double { i += 1 }
                        guard key(), at("]") else { return line }
                        i += 1
                        if double { guard at("]") else { return line }; i += 1 }
                        guard lineEnd() else { return line }
                        continue
                    }
                    guard key(), at("=") else { return line }
                    i += 1
                    guard valueFollows() else { return line }
                    lineStart = false
                    continue
                }
                let c = b[i]
                switch c {
                case 0x0A:
                    line += 1
                    i += 1
                    if open.isEmpty { lineStart = true } else if open.last == UInt8(ascii: "{") { return line - 1 }
                case UInt8(ascii: "#"):
                    comment()
                    guard atEnd || at("\n") else { return line }
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    guard string() else { return line }
                case UInt8(ascii: "["):
                    open.append(c)
                    i += 1
                    guard arrayElementFollows() else { return line }
                case UInt8(ascii: "{"):
                    open.append(c)
                    i += 1
                    guard inlineKey() else { return line }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if !open.isEmpty { open.removeLast() }
                    i += 1
                case UInt8(ascii: ","):
                    i += 1
                    if open.last == UInt8(ascii: "{") { guard inlineKey() else { return line } }
                    if open.last == UInt8(ascii: "[") { guard arrayElementFollows() else { return line } }
                default:
                    if Self.isBad(c) { return line }
                    i += 1
                }
            }
            return nil
        }
    }
}
