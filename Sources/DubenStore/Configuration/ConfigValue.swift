/// A value of the configuration file, as TOML gave it (TOMLKit's types stay in DubenStore).
public enum ConfigValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case float(Double)
    case array([ConfigValue])
    /// A date, a time, a table inside an array: nothing duben reads.
    case other(String)

    /// The value as TOML writes it, for messages: `"wide"`, `7`, `true`, `["j", "k"]`.
    public var description: String {
        switch self {
        case .string(let s): return ConfigFile.quoted(s)
        case .integer(let n): return String(n)
        case .boolean(let b): return b ? "true" : "false"
        case .float(let d): return String(d)
        case .array(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .other(let kind): return "a \(kind)"
        }
    }
}

/// A problem with the configuration file: one line for the user, naming the file and the line
/// (`/home/me/.config/duben/config.toml:7: unknown key "widht" in [layout]`).
public struct ConfigProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// The line it is on (from 1), when known.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}
