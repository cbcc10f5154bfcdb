/// A check of TOML text before TOMLKit sees it. The toml++ parser inside TOMLKit asserts (and
/// so aborts the process, release builds included) when something other than a key stands
/// where a key must: `[中layout]`, `[\u{1}]`, a `[` alone on its line, `{ , }` — found by
/// fuzzing the configuration file. Every place a key stands is checked here: table headers,
/// the start of a `key = value` line, and the keys of inline tables; so are the characters
/// outside strings and comments (ASCII, no controls but tab). Text that fails is refused with
/// its line, as a syntax error would be; the check is stricter than TOML only in refusing a
/// newline inside an inline table, which TOML 1.0 refuses too.
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

        /// After `=`: a value, not the end of the line or a separator (toml++ asserts on one;
        /// fuzz, fifth run).
        mutating func valueFollows() -> Bool {
            skipSpaces()
            guard i < b.count else { return false }
            return !"\n\r,]}#".utf8.contains(b[i])
        }

        /// After `[` or a comma in an array (line ends and comments may come between): a
        /// value or the closing bracket, not another comma.
        mutating func arrayElementFollows() -> Bool {
            while i < b.count {
                skipSpaces()
                if at("\r") { i += 1; continue }
                if at("\n") { line += 1; i += 1; continue }
                if at("#") { comment(); guard atEnd || at("\n") else { return false }; continue }
                break
            }
            return !at(",")
        }

        mutating func run() -> Int? {
            var lineStart = true
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
