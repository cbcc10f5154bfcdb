/// Where each key of a TOML text is written: TOMLKit gives the line of a syntax error but not
/// of a key, so the text is scanned for table headers (`[keys.reader]`) and `key =` lines,
/// outside strings, comments and multi-line arrays and inline tables.
struct ConfigKeyLines {
    /// Key paths (`["layout", "width"]`) and tables (`["keys", "reader"]`) → line, from 1.
    private(set) var lines: [[String]: Int] = [:]

    init(_ text: String) {
        var prefix: [String] = []
        var depth = 0
        var multiline: String? = nil
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = n + 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            var rest = Substring(line)
            if multiline == nil && depth == 0 {
                if line.hasPrefix("[") {
                    let array = line.hasPrefix("[[")
                    let inside = line.dropFirst(array ? 2 : 1)
                    if let close = Self.unquotedIndex(of: "]", in: inside) {
                        prefix = Self.keyPath(inside[..<close])
                        record(prefix, number)
                    }
                    continue
                }
                if let eq = Self.unquotedIndex(of: "=", in: line), !line.hasPrefix("#") {
                    let path = prefix + Self.keyPath(line[..<eq])
                    // A dotted key (a.b = 1) also places its tables (a).
                    for k in (prefix.count + 1)..<(path.count + 1) { record(Array(path.prefix(k)), number) }
                    rest = line[line.index(after: eq)...]
                }
            }
            Self.scan(rest, depth: &depth, multiline: &multiline)
        }
    }

    private mutating func record(_ path: [String], _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// The line of a key path, or of the nearest table or key above it that was written
    /// (a key inside an inline table is found at its table's line).
    func line(of path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if let n = lines[p] { return n }
            p.removeLast()
        }
        return nil
    }

    /// Follows brackets and braces outside strings and comments, and multi-line strings.
    static func scan(_ text: Substring, depth: inout Int, multiline: inout String?) {
        var i = text.startIndex
        while i < text.endIndex {
            if let delimiter = multiline {
                if text[i...].hasPrefix(delimiter) {
                    multiline = nil
                    i = text.index(i, offsetBy: 3)
                } else {
                    i = text.index(after: i)
                }
                continue
            }
            let c = text[i]
            if text[i...].hasPrefix("\"\"\"") || text[i...].hasPrefix("'''") {
                multiline = String(text[i...].prefix(3))
                i = text.index(i, offsetBy: 3)
                continue
            }
            switch c {
            case "#": return
            case "[", "{": depth += 1
            case "]", "}": depth = max(0, depth - 1)
            case "\"", "'":
                // A one-line string: skip to its closing quote (escapes only in "…").
                var j = text.index(after: i)
                while j < text.endIndex && text[j] != c {
                    if c == "\"" && text[j] == "\\" { j = text.index(after: j); if j == text.endIndex { break } }
                    j = text.index(after: j)
                }
                i = j < text.endIndex ? j : text.endIndex
                if i == text.endIndex { return }
            default: break
            }
            i = text.index(after: i)
        }
    }

    /// The first `character` not inside quotes.
    static func unquotedIndex(of character: Character, in text: Substring) -> Substring.Index? {
        var quote: Character? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == "\\" && q == "\"" { i = text.index(after: i); if i == text.endIndex { break } }
                else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == character {
                return i
            } else if c == "#" {
                return nil
            }
            i = text.index(after: i)
        }
        return nil
    }

    /// `a.b."c.d"` → ["a", "b", "c.d"].
    static func keyPath(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingWhitespace)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingWhitespace)
        return parts
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
