/// A check of TOML text before TOMLKit sees it. The toml++ parser inside TOMLKit asserts (and
/// so aborts the process, release builds included) on a non-ASCII or control character where
/// a key may stand, such as `[中]`, `键 = 1` or `[\u{1}]` — found by fuzzing the configuration
/// file. Such text is never valid TOML 1.0 (bare keys are ASCII letters, digits, `-` and `_`;
/// numbers, dates and booleans are ASCII; controls other than tab are allowed nowhere outside
/// strings), so it is refused here with its line, as a syntax error would be.
public enum TOMLText {
    /// The line (1-based) of the first non-ASCII or control character (tab and line ends
    /// aside) outside strings and comments, or nil when there is none.
    public static func unquotedBadCharacterLine(_ text: String) -> Int? {
        let b = Array(text.utf8)
        var i = 0, line = 1
        func starts(_ s: [UInt8]) -> Bool { i + s.count <= b.count && Array(b[i..<(i + s.count)]) == s }
        while i < b.count {
            let c = b[i]
            switch c {
            case 0x0A:
                line += 1
                i += 1
            case UInt8(ascii: "#"):
                while i < b.count && b[i] != 0x0A { i += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let triple = starts([c, c, c])
                i += triple ? 3 : 1
                while i < b.count {
                    if b[i] == 0x0A {
                        // A single-line string ends at the line's end (TOMLKit reports it).
                        if !triple { break }
                        line += 1
                    } else if c == UInt8(ascii: "\"") && b[i] == UInt8(ascii: "\\") {
                        i += 1
                        if i < b.count && b[i] == 0x0A { line += 1 }
                    } else if triple ? starts([c, c, c]) : b[i] == c {
                        i += triple ? 3 : 1
                        // A closing run of more than three quotes ends with the last three.
                        while triple && i < b.count && b[i] == c { i += 1 }
                        break
                    }
                    i += 1
                }
            case 0x80..., 0x7F, 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F:
                return line
            default:
                i += 1
            }
        }
        return nil
    }
}
