/// Why a path could not be loaded. Each case names the file; `description` is the one line
/// the command-line tool prints before exiting with status 2.
public enum LoadError: Error, Equatable, CustomStringConvertible, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case binary(path: String)
    case empty(path: String)
    case noTexts(directory: String)
    case badMetadata(path: String, reason: String)
    case tooLarge(path: String)
    /// Every one of several files was skipped (each reason one line, ending "; skipped").
    case allSkipped(reasons: [String])

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file or directory"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .binary(let path): return "\(path): looks like a binary file (NUL bytes in the first 8 KiB), not a text"
        case .empty(let path): return "\(path): the file is empty (no text to read)"
        case .noTexts(let directory): return "\(directory): directory holds no *.txt files"
        case .badMetadata(let path, let reason): return "\(path): invalid metadata: \(reason)"
        case .tooLarge(let path): return "\(path): too large (duben reads texts of less than 4 GiB)"
        case .allSkipped(let reasons): return "no text to read: all \(reasons.count) files were skipped"
        }
    }

    /// Whether the problem is one file's own (empty, binary, unreadable, too large), so that
    /// among several files it is skipped with a warning; a missing path, an empty directory
    /// or a bad `duben.toml` stops every command.
    public var isSkippable: Bool {
        switch self {
        case .unreadable, .binary, .empty, .tooLarge: return true
        case .notFound, .noTexts, .badMetadata, .allSkipped: return false
        }
    }
}
