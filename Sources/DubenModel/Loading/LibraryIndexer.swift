import CDubenFile
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens a library first-screen-first: `open` reads the first file and parses its first
/// document only, so the reader can draw at once; `start` then reads and parses the rest on a
/// thread of its own, and publishes what it has (`take()`) as it goes. Documents come out in
/// the same order, with the same ids, as from a one-shot `CorpusLoader.load`.
///
/// Among several files, one that cannot be read or holds no text is reported once (a warning
/// of the corpus) and skipped, whether first or in the background, as every command skips
/// it; only a single file given alone, or a library where every file is bad, stops the reader.
public final class LibraryIndexer: @unchecked Sendable {
    /// What the indexer has so far.
    public struct Snapshot: Sendable {
        public var corpus: Corpus
        /// 0…1: files done, and the part of the current file parsed.
        public var progress: Double
        public var done: Bool
        /// How many files so far came from the index cache, and how many were parsed.
        public var cachedFiles = 0
        public var parsedFiles = 0
    }

    private let loader: CorpusLoader
    /// The paths given.
    private let paths: [String]
    /// The files, listed but not sorted: `init` takes the first (`FileListing.first`), the
    /// thread sorts them all. Nil when `init` reopened a document (`resume`): the thread
    /// lists them then (listing a directory of 10,000 texts and finding its first file took
    /// 7.5 ms of the first screen).
    private let listing: FileListing?
    private var builder = CorpusBuilder()
    /// The builder before the first file's first document (the skipped files' warnings only):
    /// where the first file's documents go when they come from the cache.
    private var beforeFirst = CorpusBuilder()
    /// Where parsed files are kept and looked up (nil: `--no-cache`).
    public let cache: IndexCache?
    /// How many files came from the cache, and how many were parsed (published in snapshots).
    private var cachedFiles = 0
    private var parsedFiles = 0
    private var metadata: [String: MetadataFile] = [:]
    /// The first file, read by `init`, and where its second document starts (nil: it has
    /// no other). Nil when `init` read only the start of the file (`quickFirstDocument`): the
    /// thread then reads the first file whole and parses it from its start.
    private let first: LoadedSource?
    private let firstResume: Int?
    /// The index in `files` of the first file read (those before it were skipped).
    private let firstIndex: Int
    /// The corpus `init` made (the first document).
    public let initial: Corpus
    private let lock = NSLock()
    private var latest: Snapshot?
    private var cancelled = false
    private var started = false
    /// The id of the document shown first when it is not the library's first (`resume`):
    /// until the thread has added it, snapshots carry progress but not the library. Only the
    /// thread reads and clears it (and `lookedAt`).
    private var awaited: String?
    /// How many of the builder's documents were looked at for `awaited`.
    private var lookedAt = 0
    /// How often a snapshot is published while files are parsed, in seconds.
    let publishInterval: Double
    /// A pipe a snapshot is announced on, so that a loop waiting for keys can wait for
    /// snapshots too (`wakeDescriptor`).
    private let wake = WakePipe()

    /// The read end of the pipe a snapshot is announced on (non-blocking; -1 if there is
    /// none): poll it beside the terminal, drain it, then `take()`.
    public var wakeDescriptor: Int32 { wake.read }

    /// Reads the first file and parses its first document. Among several files, leading
    /// ones that cannot be read or hold no document are skipped (warnings of the corpus, as
    /// in the background): the first good file opens the reader.
    /// - Throws: the `LoadError` of the paths or of a single file; `.allSkipped` when every
    ///   file was skipped.
    /// - Parameter resume: where the document to reopen lay when the last session ended: when
    ///   its file is unchanged, that document alone is parsed now (from its own bytes, with its
    ///   saved id), instead of the first, and the library's snapshots wait until the thread has
    ///   come to it (`awaited`), so that the reader can go on showing it; else ignored.
    public init(paths: [String], loader: CorpusLoader = CorpusLoader(), publishInterval: Double = 0.1,
                cache: IndexCache? = nil, resume: DocumentPlace? = nil) throws(LoadError) {
        self.loader = loader
        self.paths = paths
        self.cache = cache
        self.publishInterval = publishInterval
        if let place = resume, let corpus = Self.resumedDocument(place, loader: loader, metadata: &metadata) {
            // The document the last session read, alone: the thread lists and reads every
            // file from the first, and shows nothing of the library until it has come to that
            // document.
            listing = nil
            initial = corpus
            firstIndex = 0
            first = nil
            firstResume = nil
            awaited = place.id
            resumesAhead = true
            return
        }
        let listing = try loader.listing(paths: paths)
        self.listing = listing
        resumesAhead = false
        var skipped: [String] = []
        var index = 0
        // The first file in reading order alone; every file, sorted, only when it is skipped.
        var files = listing.first.map { [$0] } ?? []
        while true {
            if index == files.count && files.count < listing.count { files = listing.sorted() }
            guard index < files.count else { throw .allSkipped(reasons: skipped) }
            if let quick = Self.quickFirstDocument(files[index], loader: loader, metadata: &metadata) {
                for line in skipped { builder.warn(line) }
                beforeFirst = builder
                initial = Corpus(documents: quick.documents, files: quick.files, warnings: skipped + quick.warnings)
                firstIndex = index
                first = nil
                firstResume = nil
                return
            }
            do throws(LoadError) {
                let source = try loader.readSource(files[index], metadata: &metadata)
                var attempt = CorpusBuilder()
                for line in skipped { attempt.warn(line) }
                beforeFirst = attempt
                let (added, resume) = Self.addFirstDocument(of: source, to: &attempt)
                if added == 0 { throw .empty(path: source.file.path) }
                builder = attempt
                firstIndex = index
                first = source
                firstResume = resume
                initial = builder.corpus
                return
            } catch {
                guard listing.count > 1, error.isSkippable else { throw error }
                skipped.append("\(error.description); skipped")
                index += 1
            }
        }
    }

    /// The document `place` tells of, parsed alone, as the corpus to show first; nil when its
    /// file changed, cannot be read, or the bytes there are not that document (another title).
    static func resumedDocument(_ place: DocumentPlace, loader: CorpusLoader, metadata: inout [String: MetadataFile]) -> Corpus? {
        guard let parts = DocumentID.parts(of: place.id), !place.range.isEmpty,
              FileIdentity.of(path: place.path) == place.identity,
              let source = try? loader.readSource(place.path, metadata: &metadata,
                                                  plain: place.plain && loader.encoding == nil ? place.identity : nil),
              source.file.identity == place.identity, place.range.upperBound <= source.file.bytes.count else { return nil }
        let document = CorpusBuilder.parseDocument(in: place.range, of: source.file, metadata: source.metadata, id: place.id)
        guard !document.blocks.isEmpty, DocumentID.base(title: document.title) == parts.base else { return nil }
        return Corpus(documents: [document], files: [source.file], warnings: source.warnings)
    }

    /// Whether `initial` is the document to resume, parsed alone: the library has not come to
    /// it yet, so its number there is not known until the first snapshot with the library.
    public let resumesAhead: Bool

    /// Whether anything is left after the first document (the thread then has work and the
    /// reader shows progress). A reopened document (no listing yet) always leaves the library.
    public var hasMore: Bool { (listing?.count ?? 0) > firstIndex + 1 || firstResume != nil || first == nil }

    /// Parses the first document of `source` alone: how many were added (0 or 1) and where
    /// the second begins (nil: there is none in the text).
    static func addFirstDocument(of source: LoadedSource, to builder: inout CorpusBuilder) -> (documents: Int, resumeAt: Int?) {
        var parsed = 0
        return builder.add(source, while: {
            parsed += 1
            return parsed <= 1
        })
    }

    /// The most of the start of a file read for its first document: 256 KiB parse in about
    /// 0.9 ms (a megabyte, as before, took 3.8 ms of a gigabyte document's first screen).
    static let quickChunk = 256 << 10
    /// The first try: most documents end well within it.
    static let quickStart = 64 << 10

    /// The first document of a large plain UTF-8 file from its start alone (64 KiB, else its
    /// first 256 KiB): the file is not read whole, nor its UTF-8 checked, before the first
    /// screen. Only for text that decoding leaves as it is (`SourceDecoder.isPlain`), so that
    /// the document parsed here is the one the whole file gives; nil otherwise. When the first
    /// document goes on past `quickChunk` (a book, a gigabyte in one document), it is its first
    /// 256 KiB, to the last whole line: provisional, replaced by the whole document when the
    /// thread has parsed it (`Reader.update` notices the change).
    static func quickFirstDocument(_ path: String, loader: CorpusLoader, metadata: inout [String: MetadataFile]) -> Corpus? {
        guard path != "-", loader.encoding == nil else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, Int(st.st_size) > 2 * quickChunk else { return nil }
        let directory = (path as NSString).deletingLastPathComponent
        let meta: MetadataFile
        if let known = metadata[directory] {
            meta = known
        } else {
            guard let read = try? loader.metadata(in: directory) else { return nil }
            meta = read
            metadata[directory] = read
        }
        // Mapped, not copied: the document's place then says its bytes were mapped and checked
        // (`Document.place`), and a session that ends on it resumes it without checking the
        // whole file (a gigabyte took 200 ms).
        guard let start = SourceBytes.mapping(fd: fd, length: quickChunk) else { return nil }
        var length = quickStart
        while true {
            let lastLine = start.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[..<length]).lastIndex(of: 0x0A) }
            guard let lastLine else { return nil }
            let chunk = start.leading(lastLine + 1)
            guard chunk.withUnsafeBufferPointer(SourceDecoder.isPlain) else { return nil }
            let file = SourceFile(path: path, bytes: chunk, identity: FileIdentity(st))
            var builder = CorpusBuilder()
            let (added, next) = addFirstDocument(of: LoadedSource(file: file, metadata: meta, warnings: []), to: &builder)
            guard added == 1 else { return nil }
            // The first document ends inside the chunk (the next one has begun there); or it
            // may go on past it: `quickChunk` then, whose part of it stands in for it.
            if next == nil && length < quickChunk {
                length = quickChunk
                continue
            }
            return builder.corpus
        }
    }

    /// The indexing thread's nice value (the reader's loop keeps 0).
    static let niceness: Int32 = 10

    /// Reads and parses the rest on a thread of its own; once (a second call does nothing).
    public func start() {
        let first = lock.withLock {
            defer { started = true }
            return !started
        }
        guard first else { return }
        let thread = Thread { [self] in
            // Below the terminal (tmux, ssh, the emulator) and the reader's own loop: on a
            // busy machine the index waits, not the screen. Linux sets this per thread.
            _ = duben_lower_thread_priority(Self.niceness)
            run()
        }
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
        if let id = awaited {
            let documents = builder.documents
            while lookedAt < documents.count, documents.id(at: lookedAt) != id { lookedAt += 1 }
            if lookedAt < documents.count || done { awaited = nil }
        }
        // Until the library holds the document shown first, the reader keeps it, and the
        // progress only.
        let corpus = awaited == nil ? builder.snapshot() : initial
        let snapshot = Snapshot(corpus: corpus, progress: progress, done: done, cachedFiles: cachedFiles, parsedFiles: parsedFiles)
        lock.withLock { latest = snapshot }
        wake.signal()
    }

    private func run() {
        var deadline = Date().addingTimeInterval(publishInterval)
        let files: [String]
        do throws(LoadError) {
            if let listing { files = listing.sorted() } else { files = try loader.listing(paths: paths).sorted() }
        } catch {
            // The paths could be listed when the last session read them, and the reopened
            // document is still there; if they cannot be now, that document stays alone.
            let alone = Corpus(documents: initial.documents, files: initial.files, warnings: initial.warnings + [error.description])
            lock.withLock { latest = Snapshot(corpus: alone, progress: 1, done: true) }
            wake.signal()
            return
        }
        let count = Double(files.count)
        for (k, file) in files.enumerated() where k >= firstIndex {
            if isCancelled { return }
            if let cache, addCached(file, first: k == firstIndex, cache: cache) {
                cachedFiles += 1
                if Date() >= deadline {
                    deadline = Date().addingTimeInterval(publishInterval)
                    publish(progress: Double(k + 1) / count, done: false)
                }
                continue
            }
            let source: LoadedSource
            var offset: Int?
            if k == firstIndex, let first {
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
            parsedFiles += 1
            let before = k == firstIndex ? beforeFirst.documents.count : builder.documents.count
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
            if addedHere == 0 && k > firstIndex { builder.warn("\(source.file.path): no text (only blank lines); skipped") }
            if let cache, let identity = source.file.identity, builder.documents.count > before {
                let key = IndexCache.Key(path: file, file: identity, metadata: IndexCache.metadataIdentity(of: file),
                                         plain: source.file.bytes.isMapped)
                if let (payload, checked) = IndexArchive.entry(Array(builder.documents[before...])) {
                    cache.store(key, payload: payload, checked: checked)
                }
            }
        }
        if isCancelled { return }
        publish(progress: 1, done: true)
        cache?.trim()
    }

    /// Adds the documents of `path` from the cache when its entry is good and they fit the
    /// corpus as built so far (`CorpusBuilder.add(archived:of:)`); false otherwise (parse it).
    /// Only the entry's table is read here; a document is decoded when first used. The first
    /// file's cached documents replace the first document parsed by `init`.
    private func addCached(_ path: String, first: Bool, cache: IndexCache) -> Bool {
        guard path != "-", let entry = cache.entry(for: path),
              let source = try? loader.readSource(path, metadata: &metadata, plain: entry.key.plain ? entry.key.file : nil),
              source.file.identity == entry.key.file,
              let archived = ArchivedDocuments(entry: entry.bytes, payload: entry.payload, checked: entry.checked,
                                               source: source.file, metadata: source.metadata) else { return false }
        var target = first ? beforeFirst : builder
        guard target.add(archived: archived, of: source) else { return false }
        builder = target
        return true
    }
}
