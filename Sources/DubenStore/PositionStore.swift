import DubenModel
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
        /// Where the document lay (absent in files written before it was kept): the next
        /// session parses it first when its file is unchanged.
        public var place: Place?

        public init(document: String, files: [String], place: Place? = nil) {
            self.document = document
            self.files = files
            self.place = place
        }
    }

    /// A `DocumentPlace` as `state.json` keeps it: the file's absolute path, the document's
    /// byte range, the file's size, modification time and inode, and whether it was mapped as
    /// plain UTF-8.
    public struct Place: Codable, Hashable, Sendable {
        public var path: String
        public var start: Int
        public var end: Int
        public var size: Int64
        public var modifiedSeconds: Int64
        public var modifiedNanoseconds: Int64
        public var inode: UInt64
        public var plain: Bool

        public init(_ place: DocumentPlace) {
            path = place.path
            start = place.range.lowerBound
            end = place.range.upperBound
            size = place.identity.size
            modifiedSeconds = place.identity.modifiedSeconds
            modifiedNanoseconds = place.identity.modifiedNanoseconds
            inode = place.identity.inode
            plain = place.plain
        }

        /// The place of document `id` (nil for a range that makes no sense).
        public func documentPlace(id: String) -> DocumentPlace? {
            guard start >= 0, end >= start else { return nil }
            return DocumentPlace(id: id, path: path, range: start..<end,
                                 identity: FileIdentity(size: size, modifiedSeconds: modifiedSeconds, modifiedNanoseconds: modifiedNanoseconds, inode: inode),
                                 plain: plain)
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

    /// Everything `state.json` holds, from one read of it.
    public struct Contents: Equatable, Sendable {
        /// The last reading position of every document, by document id.
        public var positions: [String: Position] = [:]
        /// What the last session was reading, if it said.
        public var last: LastRead? = nil
        /// Earlier searches, newest first.
        public var searchHistory: [String] = []
    }

    /// Reads and decodes the file once: the reader's start wants all of it, and each decode
    /// of the file costs about 0.2 ms before the first screen (none when it does not exist).
    public func readContents() throws(StoreError) -> Contents {
        guard let file = try BookmarkStore.decode(StateFile.self, path: path, knownVersion: PositionStore.currentVersion) else {
            return Contents()
        }
        return Contents(positions: file.positions, last: file.last, searchHistory: file.searchHistory ?? [])
    }

    public func read() throws(StoreError) -> [String: Position] {
        try readContents().positions
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

/// ISO 8601 timestamps in UTC, to the second ("2026-12-01T06:45:00Z").
public enum ISOTime {
    public static func now() -> String { string(secondsSince1970: time(nil)) }

    /// With `gmtime_r`, not `ISO8601DateFormatter`: the formatter opens ICU's calendar data
    /// first (about 2 ms), and every `q` saves the reading positions with a timestamp.
    public static func string(secondsSince1970 seconds: time_t) -> String {
        var t = seconds
        var parts = tm()
        guard gmtime_r(&t, &parts) != nil else { return "1970-01-01T00:00:00Z" }
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(Int(parts.tm_year) + 1900)
        let padded = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(padded)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
