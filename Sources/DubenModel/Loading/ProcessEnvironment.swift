import Foundation

/// The process's environment variables, read once.
///
/// `ProcessInfo.processInfo.environment` builds a new dictionary from `environ` on every
/// call; the reader asked for it five times before its first screen (the configuration file,
/// the bookmark and cache directories, the colours, the clipboard), about 0.4 ms in all.
/// duben never changes its own environment, so one copy serves every caller.
public enum ProcessEnvironment {
    /// The environment as it was when first asked for.
    public static let current: [String: String] = ProcessInfo.processInfo.environment
}
