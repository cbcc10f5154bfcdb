import DubenLayout
import DubenStore

/// What the configuration file sets (Docs/CONFIG.md): layout, theme, status line, citations,
/// export format, OSC 52 and the keys. Made from a `ConfigFile` by `read`, which checks every
/// value and key binding against what duben has (widths, `Theme`, `CitationStyle`,
/// `ExportFormat`, `Action`, `KeyName`); the command line overrides what it gives.
public struct ReaderConfiguration: Hashable, Sendable {
    /// Text column width in cells; nil: from the terminal (`LayoutOptions.defaultWidth`).
    public var width: Int?
    public var ambiguousWidth = 1
    public var indent = LayoutOptions.Indent.keep
    public var theme = Theme.default
    public var statusLine = StatusLinePosition.bottom
    /// The citation style's name (`source`, `gbt7714`), checked.
    public var citationStyleName = "source"
    /// A citation template (wins over the style), checked; nil for none.
    public var citationTemplate: String?
    public var exportFormat = ExportFormat.markdown
    /// Whether `y` may copy through the terminal (OSC 52).
    public var osc52 = false
    public var keyMap = KeyMap.standard

    public init() {}

    /// The citation style the file asks for.
    public var citationStyle: CitationStyle {
        (try? CitationStyle.parse(name: citationStyleName, template: citationTemplate)) ?? .source
    }

    /// The widths `width` accepts (as `--width`).
    public static let widths = 8...1000

    /// The settings of a file, checked: each bad value or unknown key is a problem naming its
    /// line, and leaves that setting at its default; the rest apply.
    public static func read(_ file: ConfigFile) -> (configuration: ReaderConfiguration, problems: [ConfigProblem]) {
        var c = ReaderConfiguration()
        var problems: [ConfigProblem] = []
        func problem(_ line: Int?, _ message: String) {
            problems.append(ConfigProblem(path: file.path, line: line, message: message))
        }
        var keyEntries: [ConfigFile.Entry] = []
        for t in file.tables {
            let known = t.keyPath.count == 1 ? sections.keys.contains(t.keyPath[0]) || t.keyPath[0] == "keys"
                : t.keyPath[0] == "keys" && t.keyPath.count == 2
            if !known {
                problem(t.line, "unknown table [\(t.keyPath.joined(separator: "."))]; tables: \((sections.keys.sorted() + ["keys.CONTEXT"]).joined(separator: ", "))")
            } else if t.keyPath.count == 2, KeyContext(configName: t.keyPath[1]) == nil {
                problem(t.line, "unknown key context [keys.\(t.keyPath[1])]; contexts: \(KeyContext.allCases.map(\.configName).joined(separator: ", "))")
            }
        }
        for e in file.entries {
            let p = e.keyPath
            if p.first == "keys" {
                if p.count == 3 { keyEntries.append(e) } else if p.count == 2 {
                    problem(e.line, "\"\(p[1])\" under [keys] is not a table: write [keys.reader], then action = \"key\"")
                }
                continue
            }
            guard p.count == 2, let section = sections[p[0]] else {
                if p.count == 1 {
                    problem(e.line, "unknown key \"\(p[0])\" (settings go in tables: \(sections.keys.sorted().map { "[\($0)]" }.joined(separator: ", ")))")
                }
                continue
            }
            guard section.contains(p[1]) else {
                problem(e.line, "unknown key \"\(p[1])\" in [\(p[0])]; keys there: \(section.joined(separator: ", "))")
                continue
            }
            if let message = c.set(p[0], p[1], e.value) { problem(e.line, "\(p[0]).\(p[1]): \(message)") }
        }
        problems += c.bindKeys(keyEntries, path: file.path)
        // In the order of the file's lines; on one line, in the order found.
        let ordered = problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
        return (c, ordered.map(\.element))
    }

    /// The tables of settings and their keys (keys bindings aside), in the order of the file
    /// `--print-default` writes.
    static let sections: [String: [String]] = [
        "layout": ["width", "ambiguous-width", "indent"],
        "display": ["theme", "status-line"],
        "citation": ["style", "template"],
        "export": ["format"],
        "clipboard": ["osc52"],
    ]

    /// Sets one value; returns what is wrong with it, if anything (then nothing is set).
    mutating func set(_ table: String, _ key: String, _ value: ConfigValue) -> String? {
        switch (table, key, value) {
        case ("layout", "width", .string(let s)) where s.lowercased() == "auto": width = nil
        case ("layout", "width", .integer(let n)) where Self.widths.contains(n): width = n
        case ("layout", "width", _): return "expected a number of cells from 8 to 1000, or \"auto\"; got \(value)"
        case ("layout", "ambiguous-width", .integer(let n)) where n == 1 || n == 2: ambiguousWidth = n
        case ("layout", "ambiguous-width", _): return "expected 1 or 2; got \(value)"
        case ("layout", "indent", .string(let s)):
            guard let i = LayoutOptions.Indent(rawValue: s) else { return "expected \"keep\" or \"none\"; got \(value)" }
            indent = i
        case ("display", "theme", .string(let s)):
            guard let t = Theme(rawValue: s.lowercased()) else { return "unknown theme \(value); themes: \(Theme.names)" }
            theme = t
        case ("display", "status-line", .string(let s)):
            guard let p = StatusLinePosition(rawValue: s.lowercased()) else { return "expected \"bottom\" or \"top\"; got \(value)" }
            statusLine = p
        case ("citation", "style", .string(let s)):
            do { _ = try CitationStyle.parse(name: s, template: nil) } catch { return error.description }
            citationStyleName = s
        case ("citation", "template", .string(let s)):
            if s.isEmpty { citationTemplate = nil; return nil }
            do { _ = try CitationStyle(template: s) } catch { return error.description }
            citationTemplate = s
        case ("export", "format", .string(let s)):
            guard let f = ExportFormat(name: s) else {
                return "unknown format \(value); formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            exportFormat = f
        case ("clipboard", "osc52", .boolean(let b)): osc52 = b
        case ("clipboard", "osc52", _): return "expected true or false; got \(value)"
        default: return "expected a string; got \(value)"
        }
        return nil
    }
}
