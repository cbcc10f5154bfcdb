/// Keys by name, as the configuration file writes them: "j", "Space", "Ctrl-N", "Down",
/// "PgDn", "Shift-Tab", "F1". `name(of:)` and `key(named:)` are inverse for every key a
/// binding can hold.
public enum KeyName {
    /// Named keys, canonical name first for each key; lookups ignore case.
    static let named: [(String, Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("↑", .up), ("↓", .down), ("←", .left), ("→", .right),
        ("PgUp", .pageUp), ("PageUp", .pageUp), ("PgDn", .pageDown), ("PageDown", .pageDown),
        ("Home", .home), ("End", .end),
        ("Enter", .enter), ("Return", .enter), ("Ctrl-M", .enter), ("Ctrl-J", .enter),
        ("Esc", .escape), ("Escape", .escape),
        ("Tab", .tab), ("Ctrl-I", .tab), ("Shift-Tab", .backTab), ("BackTab", .backTab),
        ("Backspace", .backspace), ("Ctrl-H", .backspace), ("Delete", .delete), ("Del", .delete),
        ("Space", .char(" ")), ("WheelUp", .wheelUp), ("WheelDown", .wheelDown),
    ]

    /// The key a name stands for, or nil: a named key, `Ctrl-` (or `C-`, `^`) and a letter,
    /// `F1`–`F24`, or one printable character (a Chinese character too).
    public static func key(named name: String) -> Key? {
        if let (_, key) = named.first(where: { $0.0.caseInsensitiveCompare(name) == .orderedSame }) { return key }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-") || lower.hasPrefix("c-") || (lower.hasPrefix("^") && lower.count == 2) {
            let rest = lower.hasPrefix("^") ? lower.dropFirst() : lower.drop { $0 != "-" }.dropFirst()
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            return .ctrl(c)
        }
        if lower.hasPrefix("f"), lower.count > 1, let n = Int(lower.dropFirst()), (1...24).contains(n), lower.dropFirst().allSatisfy(\.isASCII) {
            return .function(n)
        }
        guard name.count == 1, let c = name.first, !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              !c.isWhitespace else { return nil }
        return .char(c)
    }

    /// The canonical name of a key (nil for a resize, which no binding holds).
    public static func name(of key: Key) -> String? {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .function(let n): return "F\(n)"
        case .resize: return nil
        default: return named.first { $0.1 == key }?.0
        }
    }
}
