import Foundation

/// The metadata files (`duben.toml`) parsed in this process, by path, with the identity of the
/// file each parse was of: a file read again unchanged (every `R`, every file of a directory
/// indexed in the background) is not parsed again. Why it matters beyond the time: TOMLKit
/// never frees a table it parses (`TOMLTable` has no `deinit`), so each parse of the bundled
/// `duben.toml` kept about 3 kB — the soak's `R`s grew the heap by 2 MB over 100,000 keys.
/// With this, one parse per version of each file; a failed parse is kept too (the same error).
final class MetadataFileCache: @unchecked Sendable {
    static let shared = MetadataFileCache()

    private let lock = NSLock()
    private var parsed: [String: (identity: FileIdentity, result: Result<MetadataFile, LoadError>)] = [:]

    /// The metadata file at `path`, parsed once for each identity it has.
    func metadata(at path: String, identity: FileIdentity, parse: () throws(LoadError) -> MetadataFile) throws(LoadError) -> MetadataFile {
        if let known = lock.withLock({ parsed[path] }), known.identity == identity { return try known.result.get() }
        let result: Result<MetadataFile, LoadError>
        do { result = .success(try parse()) } catch { result = .failure(error) }
        lock.withLock { parsed[path] = (identity, result) }
        return try result.get()
    }

    /// How many files were parsed (for tests).
    var count: Int { lock.withLock { parsed.count } }
}
