import DubenModel
import Foundation
import TOMLKit

/// The configuration file (`$XDG_CONFIG_HOME/duben/config.toml`), read: every setting with its
/// key path, value and line. What the settings mean is DubenUI's `ReaderConfiguration`; this
/// type knows TOML, the file's place and its lines (Docs/CONFIG.md).
public struct ConfigFile: Sendable {
    /// One setting: `["layout", "width"]`, its value, the line it is written on.
    public struct Entry: Hashable, Sendable {
        public var keyPath: [String]
        public var value: ConfigValue
        public var line: Int?
    }

    public let path: String
    /// The settings, in the order of their lines.
    public let entries: [Entry]
    /// Tables written in the file (`["keys", "reader"]`) with their lines.
    public let tables: [Entry]

    /// Parses the text of a configuration file. A TOML syntax error is one problem (with its
    /// line) and no settings.
    public static func parse(_ text: String, path: String) -> (file: ConfigFile, problems: [ConfigProblem]) {
        let table: TOMLTable
        if let line = TOMLText.unquotedBadCharacterLine(text) {
            let problem = ConfigProblem(path: path, line: line,
                                        message: "not valid TOML: a key, a value or a table header is malformed (keys are ASCII letters, digits, - and _, or quoted); using the defaults")
            return (ConfigFile(path: path, entries: [], tables: []), [problem])
        }
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let problem = ConfigProblem(path: path, line: error.source.begin.line,
                                        message: "not valid TOML: \(TOMLText.oneLine(error.description)); using the defaults")
            return (ConfigFile(path: path, entries: [], tables: []), [problem])
        } catch {
            return (ConfigFile(path: path, entries: [], tables: []),
                    [ConfigProblem(path: path, line: nil, message: "not valid TOML: \(TOMLText.oneLine("\(error)")); using the defaults")])
        }
        let lines = ConfigKeyLines(text)
        var entries: [Entry] = []
        var tables: [Entry] = []
        func walk(_ t: TOMLTable, _ prefix: [String]) {
            for key in t.keys {
                guard let v = t[key] else { continue }
                let keyPath = prefix + [key]
                if let sub = v.table {
                    tables.append(Entry(keyPath: keyPath, value: .other("table"), line: lines.line(of: keyPath)))
                    walk(sub, keyPath)
                } else {
                    entries.append(Entry(keyPath: keyPath, value: value(v), line: lines.line(of: keyPath)))
                }
            }
        }
        walk(table, [])
        let byLine: (Entry, Entry) -> Bool = { ($0.line ?? 0, $0.keyPath.joined(separator: ".")) < ($1.line ?? 0, $1.keyPath.joined(separator: ".")) }
        return (ConfigFile(path: path, entries: entries.sorted(by: byLine), tables: tables.sorted(by: byLine)), [])
    }

    /// A TOMLKit value as a `ConfigValue`.
    static func value(_ v: TOMLValueConvertible) -> ConfigValue {
        switch v.type {
        case .string: return .string(v.string ?? "")
        case .int: return .integer(v.int ?? 0)
        case .bool: return .boolean(v.bool ?? false)
        case .double: return .float(v.double ?? 0)
        case .array: return .array((v.array.map { Array($0) } ?? []).map(value))
        case .table: return .other("table")
        case .date: return .other("date")
        case .time: return .other("time")
        case .dateTime: return .other("date-time")
        }
    }

    /// Reads and parses the file at `path`. A missing file is no problem unless `mustExist`
    /// (a file named with `--config` or `DUBEN_CONFIG`); then, like an unreadable one or one
    /// that is not UTF-8, it is one problem and no settings.
    public static func read(path: String, mustExist: Bool) -> (file: ConfigFile, problems: [ConfigProblem]) {
        let empty = ConfigFile(path: path, entries: [], tables: [])
        guard FileManager.default.fileExists(atPath: path) else {
            return (empty, mustExist ? [ConfigProblem(path: path, line: nil, message: "no such file")] : [])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (empty, [ConfigProblem(path: path, line: nil, message: "cannot be read")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (empty, [ConfigProblem(path: path, line: nil, message: "not UTF-8 text")])
        }
        return parse(text, path: path)
    }

    /// Where the configuration file is: `DUBEN_CONFIG` when set (it must then exist), else
    /// `$XDG_CONFIG_HOME/duben/config.toml`, else `~/.config/duben/config.toml`.
    public static func location(environment: [String: String]) -> (path: String, mustExist: Bool) {
        if let named = environment["DUBEN_CONFIG"], !named.isEmpty { return (named, true) }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return (xdg + "/duben/config.toml", false) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home + "/.config/duben/config.toml", false)
    }

    /// A string as a TOML basic string: quotes, backslashes and controls escaped.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += String(format: "\\u%04X", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
