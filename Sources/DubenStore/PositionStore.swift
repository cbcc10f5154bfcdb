import Foundation

/// The last reading position of every document, in `state.json` beside the bookmark file,
/// written with the same lock-and-rename safety as the bookmarks.
public struct PositionStore: Sendable {
    public struct Position: Codable, Hashable, Sendable {
        public var block: Int
        public var offset: Int
        public var updated: String
    }

    /// The schema version of `state.json` (independent of the bookmark file's).
    public static let currentVersion = 1

    /// What was being read when a session ended: the document (by id) and the files the
    /// session was started on (absolute paths as given, sorted), so that `duben` with no file
    /// or with the same files reopens it.
    public struct LastRead: Codable, Hashable, Sendable {
        public var document: String
        public var files: [String]

        public init(document: String, files: [String]) {
            self.document = document
            self.files = files
        }
    }

    struct StateFile: Codable {
        var version = PositionStore.currentVersion
        var positions: [String: Position] = [:]
        /// The last session's document and files (absent in files written before resuming).
        var last: LastRead? = nil
        /// Earlier searches, newest first (absent in files written before there was a history).
        var searchHistory: [String]? = nil
    }

    public let path: String

    public init(path: String) { self.path = path }

    public func read() throws(StoreError) -> [String: Position] {
        try BookmarkStore.decode(StateFile.self, path: path, knownVersion: PositionStore.currentVersion)?.positions ?? [:]
    }

    /// What the last session was reading, if it said.
    public func readLastRead() throws(StoreError) -> LastRead? {
        try BookmarkStore.decode(StateFile.self, path: path, knownVersion: PositionStore.currentVersion)?.last
    }

    /// The search history, newest first.
    public func readSearchHistory() throws(StoreError) -> [String] {
        try BookmarkStore.decode(StateFile.self, path: path, knownVersion: PositionStore.currentVersion)?.searchHistory ?? []
    }

    /// Replaces the search history (newest first) in one locked write; the positions stay.
    public func save(searchHistory: [String]) throws {
        try AtomicJSONFile.withLock(path) {
            var file = try BookmarkStore.decode(StateFile.self, path: path, knownVersion: PositionStore.currentVersion) ?? StateFile()
            file.searchHistory = searchHistory
            try AtomicJSONFile.write(file, to: path)
        }
    }

    /// Records positions (document id → block, offset) in one locked write.
    public func save(_ positions: [String: (block: Int, offset: Int)], last: LastRead? = nil, now: String = ISOTime.now()) throws {
        guard !positions.isEmpty || last != nil else { return }
        try AtomicJSONFile.withLock(path) {
            // A state file that cannot be read is left alone (the error goes to the caller).
            var file = try BookmarkStore.decode(StateFile.self, path: path, knownVersion: PositionStore.currentVersion) ?? StateFile()
            for (document, p) in positions {
                file.positions[document] = Position(block: p.block, offset: p.offset, updated: now)
            }
            if let last { file.last = last }
            try AtomicJSONFile.write(file, to: path)
        }
    }
}

/// ISO 8601 timestamps in UTC, to the second.
public enum ISOTime {
    public static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }
}
