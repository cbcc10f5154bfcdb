import Foundation
import CDubenSearch

/// Reads files and directories: the I/O half of loading a `Corpus` (`CorpusBuilder` is the
/// other, pure half).
///
/// Directories contribute their `*.txt` files, recursively, sorted by path. A `duben.toml`
/// beside the texts supplies metadata (see `MetadataFile`). `-` reads standard input.
public struct CorpusLoader: Sendable {
    /// The encoding every file is read in (`--encoding`), or nil to detect each file's.
    public var encoding: SourceEncoding?

    public init(encoding: SourceEncoding? = nil) {
        self.encoding = encoding
    }

    /// Reads and builds, a file at a time. Among several files, one that cannot be read, is
    /// binary or holds no document is skipped with a warning of the corpus ("FILE: …;
    /// skipped"); a single file given alone stops the load.
    /// - Throws: the first `LoadError` that is not skipped; `.allSkipped` when every file was.
    public func load(paths: [String]) throws(LoadError) -> Corpus {
        let files = try files(paths: paths)
        var builder = CorpusBuilder()
        var metadata: [String: MetadataFile] = [:]
        var skipped: [String] = []
        for file in files {
            do throws(LoadError) {
                let source = try readSource(file, metadata: &metadata)
                if builder.add(source).documents == 0 { throw .empty(path: source.file.path) }
            } catch {
                guard files.count > 1, error.isSkippable else { throw error }
                let line = "\(error.description); skipped"
                skipped.append(line)
                builder.warn(line)
            }
        }
        if builder.documents.isEmpty { throw .allSkipped(reasons: skipped) }
        return builder.corpus
    }

    /// The files the paths stand for, in order, read and decoded, each with its directory's
    /// metadata file and its decoding warnings. I/O only: nothing is parsed.
    /// - Throws: the first `LoadError` (see `readSources(paths:skipped:)` to skip bad files).
    public func readSources(paths: [String]) throws(LoadError) -> [LoadedSource] {
        var sources: [LoadedSource] = []
        var metadataByDirectory: [String: MetadataFile] = [:]
        for file in try files(paths: paths) {
            sources.append(try readSource(file, metadata: &metadataByDirectory))
        }
        return sources
    }

    /// As `readSources(paths:)`, but among several files one that cannot be read or is
    /// binary or empty is skipped, its warning ("FILE: …; skipped") added to `skipped`.
    /// - Throws: a `LoadError` that is not skipped; `.allSkipped` when every file was.
    public func readSources(paths: [String], skipped: inout [String]) throws(LoadError) -> [LoadedSource] {
        let files = try files(paths: paths)
        var sources: [LoadedSource] = []
        var metadataByDirectory: [String: MetadataFile] = [:]
        var reasons: [String] = []
        for file in files {
            do throws(LoadError) {
                sources.append(try readSource(file, metadata: &metadataByDirectory))
            } catch {
                guard files.count > 1, error.isSkippable else { throw error }
                reasons.append("\(error.description); skipped")
            }
        }
        skipped += reasons
        if sources.isEmpty { throw .allSkipped(reasons: reasons) }
        return sources
    }

    /// The text files the paths stand for, in reading order (directories expanded).
    public func files(paths: [String]) throws(LoadError) -> [String] {
        try listing(paths: paths).sorted()
    }

    /// The text files the paths stand for, directories listed but not yet sorted: the first
    /// in reading order is found without sorting them all (`FileListing.first`).
    public func listing(paths: [String]) throws(LoadError) -> FileListing {
        var groups: [[String]] = []
        for path in paths { groups.append(try expand(path)) }
        return FileListing(groups: groups)
    }

    /// Reads and decodes one file with its directory's metadata (read once per directory,
    /// kept in `metadata`) and its decoding warnings.
    ///
    /// With `plain`, the identity an index-cache entry recorded for a file that was plain
    /// UTF-8: when the file still has it, it is mapped without checking its bytes again.
    public func readSource(_ file: String, metadata metadataByDirectory: inout [String: MetadataFile],
                           plain: FileIdentity? = nil) throws(LoadError) -> LoadedSource {
        let source: SourceFile
        if let plain, let mapped = Self.mapUnchanged(file, identity: plain) { source = mapped } else { source = try read(file) }
        var warnings: [String] = []
        if let other = source.encodingDoubt {
            warnings.append("\(file): read as \(source.encoding.rawValue), though \(other) is nearly as likely")
        }
        if source.replacements > 0 {
            warnings.append("\(file): \(source.replacements) invalid byte sequence\(source.replacements == 1 ? "" : "s") replaced by U+FFFD")
        }
        let directory = file == "-" ? FileManager.default.currentDirectoryPath : (file as NSString).deletingLastPathComponent
        let metadata: MetadataFile
        if let known = metadataByDirectory[directory] {
            metadata = known
        } else {
            metadata = try self.metadata(in: directory)
            metadataByDirectory[directory] = metadata
        }
        return LoadedSource(file: source, metadata: metadata, warnings: warnings)
    }

    /// The text files a path stands for (a directory's in the order it lists them).
    func expand(_ path: String) throws(LoadError) -> [String] {
        if path == "-" { return ["-"] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
        guard isDirectory.boolValue else { return [path] }
        var found: [String] = []
        guard Self.listTexts(in: path, into: &found) else {
            throw .unreadable(path: path, reason: "cannot list the directory")
        }
        guard !found.isEmpty else { throw .noTexts(directory: path) }
        return found
    }

    /// The `*.txt` files below a directory, recursively, with `readdir`: the entry's type
    /// comes with its name, so a directory of 10,000 texts costs no `stat` per file (only
    /// symbolic links and file systems that do not say are asked). Returns false when the
    /// directory itself cannot be opened; a subdirectory that cannot be is skipped.
    ///
    /// Names are looked at as bytes, and a path is made (one allocation) only for a `.txt`
    /// file or a directory: making a `String` of every name, lowercasing it and joining it to
    /// the directory took 2.5 ms of a directory of 10,000 texts, before the first screen.
    static func listTexts(in directory: String, into found: inout [String], depth: Int = 0) -> Bool {
        guard depth < 64, let dir = opendir(directory) else { return false }
        defer { closedir(dir) }
        let prefix = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8)
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            // The name in place, valid until the next readdir.
            let start = UnsafeRawPointer(entry).advanced(by: nameOffset)
            let name = UnsafeRawBufferPointer(start: start, count: strlen(start.assumingMemoryBound(to: CChar.self)))
            if name.count <= 2 && name.allSatisfy({ $0 == UInt8(ascii: ".") }) { continue }
            var type = Int32(entry.pointee.d_type)
            let isText = hasTextSuffix(name)
            // A regular file that is not `*.txt` needs no path at all.
            if type == Int32(DT_REG) && !isText { continue }
            let full = String(unsafeUninitializedCapacity: prefix.count + name.count) { out in
                let p = out.initialize(fromContentsOf: prefix)
                let n = UnsafeMutableBufferPointer(rebasing: out[p...]).initialize(fromContentsOf: name)
                return p + n
            }
            if type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) {
                var st = stat()
                guard stat(full, &st) == 0 else { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (st.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN)
                // A link to a directory is not followed (no loops); the enumerator did the same.
                if type == Int32(DT_DIR) && entry.pointee.d_type == DT_LNK { continue }
            }
            if type == Int32(DT_DIR) {
                _ = listTexts(in: full, into: &found, depth: depth + 1)
            } else if type == Int32(DT_REG) && isText {
                found.append(full)
            }
        }
        return true
    }

    /// Whether a file name ends in `.txt`, in any case (`.TXT`, `.Txt`).
    static func hasTextSuffix(_ name: UnsafeRawBufferPointer) -> Bool {
        guard name.count >= 4 else { return false }
        let end = name.count
        return name[end - 4] == UInt8(ascii: ".") && name[end - 3] | 0x20 == UInt8(ascii: "t")
            && name[end - 2] | 0x20 == UInt8(ascii: "x") && name[end - 1] | 0x20 == UInt8(ascii: "t")
    }

    /// Reads and decodes one file ("-" is standard input). A large UTF-8 file that decoding
    /// would leave as it is is mapped instead of read (`mapPlainText`; not when an encoding
    /// other than UTF-8 is forced).
    public func read(_ path: String) throws(LoadError) -> SourceFile {
        let raw: [UInt8]
        var identity: FileIdentity? = nil
        if path == "-" {
            raw = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            if encoding == nil || encoding == .utf8, let mapped = try Self.mapPlainText(path) { return mapped }
            (raw, identity) = try Self.readBytes(path)
        }
        let name = path == "-" ? "<stdin>" : path
        let decoded: DecodedText
        do {
            decoded = try SourceDecoder.decode(raw, forcing: encoding)
        } catch .binary {
            throw .binary(path: name)
        } catch {
            throw .empty(path: name)
        }
        guard decoded.bytes.count <= SourceFile.maximumSize else { throw .tooLarge(path: name) }
        return SourceFile(path: name, bytes: decoded.bytes, encoding: decoded.encoding, replacements: decoded.replacements,
                          identity: identity, encodingDoubt: decoded.doubt)
    }

    /// The file mapped as it is, when it still has `identity` (nil otherwise).
    static func mapUnchanged(_ path: String, identity: FileIdentity) -> SourceFile? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, FileIdentity(st) == identity, Int(st.st_size) <= SourceFile.maximumSize,
              let bytes = SourceBytes.mapping(fd: fd, length: Int(st.st_size)) else { return nil }
        return SourceFile(path: path, bytes: bytes, encoding: .utf8, identity: identity)
    }

    /// Files at least this large are mapped when they are plain UTF-8.
    static let mappingThreshold = 1 << 20

    /// A file of at least `mappingThreshold` bytes, mapped, when it is text that decoding
    /// would leave as it is: no byte-order mark, no NUL in its first 8 KiB, well-formed UTF-8,
    /// no CR, not only spaces. Nil otherwise (read and decode it), and for a file modified in
    /// the last two seconds, which may still be being written (a mapping would see it change).
    static func mapPlainText(_ path: String) throws(LoadError) -> SourceFile? {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) >= mappingThreshold else { return nil }
        guard Int(st.st_size) <= SourceFile.maximumSize else { throw .tooLarge(path: path) }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        guard now.tv_sec - st.st_mtim.tv_sec >= 2 else { return nil }
        guard let bytes = SourceBytes.mapping(fd: fd, length: Int(st.st_size)) else { return nil }
        let plain = bytes.withUnsafeBufferPointer { p in
            p.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) && SourceDecoder.isPlain(p)
        }
        guard plain else { return nil }
        return SourceFile(path: path, bytes: bytes, encoding: .utf8, identity: FileIdentity(st))
    }

    /// Asks Linux to back a large read buffer with 2 MiB pages (transparent huge pages, where
    /// the system leaves them to `madvise`): reading a 100 MB file then takes about 50 page
    /// faults instead of 25,000, a quarter of the time the kernel spent on the read. Only the
    /// whole 2 MiB pages inside the buffer are advised; failure changes nothing.
    static func adviseHugePages(_ base: UnsafeMutablePointer<UInt8>, count: Int) {
        #if os(Linux)
        let page = 2 << 20
        guard count >= 4 * page else { return }
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + count) & ~(page - 1)
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Reads a whole file with POSIX calls, so errors carry the system's reason.
    static func readBytes(_ path: String) throws(LoadError) -> ([UInt8], FileIdentity) {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        // Read straight into an array of the file's size; grow only if the file grew meanwhile.
        let size = max(Int(st.st_size), 0)
        var filled = 0
        var failure: Int32 = 0
        // Uninitialised storage: the read fills it, so no page is written twice.
        var result = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            if let base = buffer.baseAddress { adviseHugePages(base, count: size) }
            while filled < size {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                if n == 0 { break }
                filled += n
            }
            count = filled
        }
        if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        var spare = [UInt8](repeating: 0, count: 4096)
        while true {
            // The file may have grown since fstat: read on until the end.
            let n = spare.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n > 0 { result.append(contentsOf: spare[0..<n]) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        return (result, FileIdentity(st))
    }

    /// The metadata file of a directory, if there is one.
    func metadata(in directory: String) throws(LoadError) -> MetadataFile {
        let path = (directory as NSString).appendingPathComponent(MetadataFile.fileName)
        // Its identity says too whether it is there.
        guard let identity = FileIdentity.of(path: path) else { return MetadataFile() }
        let parse = { () throws(LoadError) -> MetadataFile in
            let (bytes, _) = try Self.readBytes(path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .badMetadata(path: path, reason: "not valid UTF-8")
            }
            return try MetadataFile(toml: text, path: path)
        }
        // Parsed once for each version of the file (`MetadataFileCache`: TOMLKit keeps what
        // it parses).
        return try MetadataFileCache.shared.metadata(at: path, identity: identity, parse: parse)
    }
}
