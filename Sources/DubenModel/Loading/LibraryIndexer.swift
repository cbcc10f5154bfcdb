import Foundation

/// Opens a library first-screen-first: `open` reads the first file and parses its first
/// document only, so the reader can draw at once; `start` then reads and parses the rest on a
/// thread of its own, and publishes what it has (`take()`) as it goes. Documents come out in
/// the same order, with the same ids, as from a one-shot `CorpusLoader.load`.
///
/// In the background a file that cannot be read or holds no text is reported once (a warning
/// of the corpus) and skipped; only the first file's problems stop the reader, as they stop
/// every command.
public final class LibraryIndexer: @unchecked Sendable {
    /// What the indexer has so far.
    public struct Snapshot: Sendable {
        public var corpus: Corpus
        /// 0…1: files done, and the part of the current file parsed.
        public var progress: Double
        public var done: Bool
    }

    private let loader: CorpusLoader
    private let files: [String]
    private var builder = CorpusBuilder()
    private var metadata: [String: MetadataFile] = [:]
    /// The first file, read by `init`, and where its second document starts (nil: it has
    /// no other).
    private let first: LoadedSource
    private let firstResume: Int?
    private let lock = NSLock()
    private var latest: Snapshot?
    private var cancelled = false
    /// How often a snapshot is published while files are parsed, in seconds.
    let publishInterval: Double

    /// Reads the first file and parses its first document.
    /// - Throws: the `LoadError` of the paths or of the first file.
    public init(paths: [String], loader: CorpusLoader = CorpusLoader(), publishInterval: Double = 0.1) throws(LoadError) {
        self.loader = loader
        self.publishInterval = publishInterval
        files = try loader.files(paths: paths)
        let source = try loader.readSource(files[0], metadata: &metadata)
        var parsed = 0
        let (added, resume) = builder.add(source, while: {
            parsed += 1
            return parsed <= 1
        })
        if added == 0 { throw .empty(path: source.file.path) }
        first = source
        firstResume = resume
    }

    /// The library as far as `init` read it: the first document.
    public var initial: Corpus { builder.corpus }

    /// Whether anything is left after the first document (the thread then has work and the
    /// reader shows progress).
    public var hasMore: Bool { files.count > 1 || firstResume != nil }

    /// Reads and parses the rest on a thread of its own.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Stops the thread at the next document (the reader quit).
    public func cancel() {
        lock.withLock { cancelled = true }
    }

    /// The newest snapshot not taken yet.
    public func take() -> Snapshot? {
        lock.withLock {
            defer { latest = nil }
            return latest
        }
    }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    private func publish(progress: Double, done: Bool) {
        let snapshot = Snapshot(corpus: builder.corpus, progress: progress, done: done)
        lock.withLock { latest = snapshot }
    }

    private func run() {
        var deadline = Date().addingTimeInterval(publishInterval)
        let count = Double(files.count)
        for (k, file) in files.enumerated() {
            if isCancelled { return }
            let source: LoadedSource
            var offset: Int?
            if k == 0 {
                source = first
                offset = firstResume
            } else {
                do {
                    source = try loader.readSource(file, metadata: &metadata)
                } catch {
                    builder.warn("\(error.description); skipped")
                    continue
                }
                offset = 0
            }
            let size = Double(max(1, source.file.bytes.count))
            var addedHere = 0
            // In slices: publish between them (the parse of a slice goes on until the deadline).
            while let from = offset {
                // At least one document a slice, so that even a zero interval goes forward.
                var firstOfSlice = true
                let (added, resume) = builder.add(source, from: from, while: {
                    defer { firstOfSlice = false }
                    return !isCancelled && (firstOfSlice || Date() < deadline)
                })
                addedHere += added
                if isCancelled { return }
                offset = resume
                if Date() >= deadline {
                    deadline = Date().addingTimeInterval(publishInterval)
                    let within = Double(resume ?? Int(size)) / size
                    publish(progress: (Double(k) + min(1, within)) / count, done: false)
                }
            }
            if addedHere == 0 && k > 0 { builder.warn("\(source.file.path): no text (only blank lines); skipped") }
        }
        if isCancelled { return }
        publish(progress: 1, done: true)
    }
}
