import DubenTestSupport
import Foundation
import Testing
@testable import DubenModel

/// The index cache gives the library a parse gives, and never trusts an entry that does not
/// match: stale, corrupt, truncated, foreign, moved, or made with other metadata or ids.
@Suite struct IndexCacheTests {
    /// A library of `count` files of random text (titles repeat across files, so ids take
    /// "-2"), plus the bundled corpus, in a fresh directory; and a cache directory beside it.
    static func library(_ count: Int = 6, seed: UInt64 = 5) throws -> (dir: URL, cache: IndexCache) {
        let dir = TestSupport.temporaryDirectory("duben-cache")
        var rng = SplitMix(seed: seed)
        let words = ["人民", "发展", "合作", "（2020年3月27日同美国总统特朗普通电话）", "一、总体要求", "。", "，", "\n\n", "\n\n\n\n",
                     "标题", "新华社北京3月5日电", "20日下午，", "第一章　开端\n\n"]
        try FileManager.default.createDirectory(atPath: dir.path + "/texts", withIntermediateDirectories: true)
        for k in 0..<count {
            var text = "同一个标题\n\n"
            for _ in 0..<(50 + Int(rng.next() % 400)) { text += words[Int(rng.next() % UInt64(words.count))] }
            try text.write(toFile: dir.path + String(format: "/texts/%02d.txt", k), atomically: true, encoding: .utf8)
        }
        try FileManager.default.copyItem(atPath: TestSupport.textsPath + "/corpus-2020.txt", toPath: dir.path + "/texts/zz-corpus.txt")
        return (dir, IndexCache(directory: dir.path + "/cache"))
    }

    /// Indexes `paths` to the end with `cache`.
    static func index(_ paths: [String], cache: IndexCache?) throws -> LibraryIndexer.Snapshot {
        let indexer = try LibraryIndexer(paths: paths, publishInterval: 0, cache: cache)
        if !indexer.hasMore { return LibraryIndexer.Snapshot(corpus: indexer.initial, progress: 1, done: true) }
        indexer.start()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let s = indexer.take(), s.done { return s }
            usleep(1000)
        }
        Issue.record("the indexer did not finish")
        return LibraryIndexer.Snapshot(corpus: indexer.initial, progress: 0, done: false)
    }

    @Test func aWarmCacheGivesTheLibraryAOneShotParseGives() throws {
        let (dir, cache) = try Self.library()
        defer { TestSupport.remove(dir) }
        let texts = dir.path + "/texts"
        let oneShot = try CorpusLoader().load(paths: [texts])
        let cold = try Self.index([texts], cache: cache)
        #expect(cold.cachedFiles == 0 && cold.parsedFiles == 7)
        #expect(cache.usage().entries == 7)
        let warm = try Self.index([texts], cache: cache)
        #expect(warm.cachedFiles == 7 && warm.parsedFiles == 0)
        LibraryIndexerTests.expectSame(warm.corpus, oneShot)
        #expect(oneShot.documents.contains { $0.id.hasSuffix("-2") }, "titles repeat across files")
        #expect(warm.corpus.documents.flatMap(\.quotations).count == oneShot.documents.flatMap(\.quotations).count)
    }

    @Test func theBundledCorpusAndRandomTextRoundTripThroughTheArchive() throws {
        var rng = SplitMix(seed: 99)
        var samples = [try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)]
        let pieces = ["（一）", "一、", "第二章", "2020年3月", "（2019年5月15日在亚洲文明对话大会上的主旨演讲）", "新华社", "。\n\n", "\n\n\n\n",
                      "“", "”", "——", "ab", " ", "\t", "\u{3000}", "20日", "据报道，"]
        for _ in 0..<20 {
            var s = ""
            for _ in 0..<300 { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            samples.append(s)
        }
        for text in samples {
            let file = SourceFile(path: "t.txt", bytes: Array(text.utf8))
            var builder = CorpusBuilder()
            builder.add(LoadedSource(file: file))
            for d in builder.documents {
                var w = IndexArchive.Writer()
                IndexArchive.encode(d, into: &w)
                let record = w.bytes
                let back: Document? = record.withUnsafeBytes { raw in
                    var r = IndexArchive.Reader(p: raw, limit: file.bytes.count)
                    let d = IndexArchive.document(&r, source: file)
                    return r.atEnd ? d : nil
                }
                #expect(back.map(LibraryIndexerTests.fingerprint) == LibraryIndexerTests.fingerprint(d))
                // Every prefix of the record is refused (a truncated entry), never a trap.
                for cut in stride(from: 0, to: record.count, by: max(1, record.count / 40)) {
                    let refused = record[0..<cut].withUnsafeBytes { raw in
                        var r = IndexArchive.Reader(p: raw, limit: file.bytes.count)
                        return IndexArchive.document(&r, source: file) == nil
                    }
                    #expect(refused)
                }
            }
        }
    }

    /// An entry of the documents of `text` and what it opens to.
    static func archived(_ text: String) throws -> (documents: DocumentList, payload: [UInt8], checked: Int, file: SourceFile) {
        let file = SourceFile(path: "t.txt", bytes: Array(text.utf8))
        var builder = CorpusBuilder()
        builder.add(LoadedSource(file: file))
        let (payload, checked) = try #require(IndexArchive.entry(Array(builder.documents)))
        return (builder.documents, payload, checked, file)
    }

    @Test func anEntryOpensToTheSameDocumentsAndChronologyOneAtATime() throws {
        var rng = SplitMix(seed: 7)
        var samples = [try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)]
        for _ in 0..<10 { samples.append(RandomText.make(&rng)) }
        for text in samples {
            let (parsed, payload, checked, file) = try Self.archived(text)
            let archived = try #require(ArchivedDocuments(entry: SourceBytes(payload), payload: 0..<payload.count, checked: checked,
                                                          source: file, metadata: MetadataFile()))
            #expect(archived.count == parsed.count)
            var list = DocumentList()
            list.append(archived: archived)
            // Ids without decoding, then the documents, in any order.
            #expect(list.indices.map { list.id(at: $0) } == parsed.map(\.id))
            #expect(archived.decodedCount == 0)
            for k in list.indices.reversed() { #expect(LibraryIndexerTests.fingerprint(list[k]) == LibraryIndexerTests.fingerprint(parsed[k])) }
            #expect(archived.reparsed == 0)
            // The chronology from the entry's table is the one the documents give.
            let fromTable = Chronology(Corpus(documents: list, files: [file]), includePassages: true).items
            let fromDocuments = Chronology(Corpus(documents: parsed, files: [file]), includePassages: true).items
            #expect(fromTable == fromDocuments)
            #expect(Chronology(Corpus(documents: list, files: [file])).items == Chronology(Corpus(documents: parsed, files: [file])).items)
            if let id = parsed.last?.id { #expect(list.firstIndex(ofID: id) == parsed.count - 1) }
            // Ids looked for by parts in an archived run between parsed ones, within ranges,
            // as the naive way (making every id) finds them; ids not there are not found.
            // (Ids are unique in a corpus: the parsed documents are others, with ids of their own.)
            var others: [Document] = try CorpusBuilder().build([LoadedSource(file: SourceFile(path: "others.txt", bytes: Array(RandomText.make(&rng).utf8)))])
                .documents.filter { !Set(parsed.map(\.id)).contains($0.id) }
            others = Array(others.prefix(4))
            var mixed = DocumentList(Array(others.prefix(2)))
            mixed.seal()
            mixed.append(archived: archived)
            mixed.seal()
            for d in others.dropFirst(2) { mixed.append(d) }
            #expect(Set(mixed.indices.map { mixed.id(at: $0) }).count == mixed.count)
            let wanted = Set(stride(from: 0, to: mixed.count, by: 3).map { mixed.id(at: $0) } + ["ffffffff-99", "not an id"])
            for range in [0..<mixed.count, 1..<max(1, mixed.count - 1), mixed.count / 2..<mixed.count, 0..<0] {
                var naive: [String: Int] = [:]
                for d in range where wanted.contains(mixed.id(at: d)) { naive[mixed.id(at: d)] = naive[mixed.id(at: d)] ?? d }
                #expect(mixed.indices(ofIDs: wanted, in: range) == naive)
            }
            // A table cut short, or with a byte changed, is refused (the cache's checksum
            // aside: this is the table's own check), never a trap.
            for cut in stride(from: 0, to: checked, by: max(1, checked / 30)) {
                #expect(ArchivedDocuments(entry: SourceBytes(payload), payload: 0..<cut, checked: min(cut, checked), source: file,
                                          metadata: MetadataFile()) == nil)
            }
        }
    }

    @Test func datedItemsThatDoNotHoldUpAreMadeFromTheDocuments() throws {
        let text = try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)
        let (parsed, payload, checked, file) = try Self.archived(text)
        let expected = Chronology(Corpus(documents: parsed, files: [file]), includePassages: true).items
        let n = parsed.count
        let rows = (checked - 8) / 32 - n
        #expect(rows == expected.count)
        // An item pointing past the documents; two items out of date order.
        var pastTheEnd = payload
        pastTheEnd.replaceSubrange((8 + (n + 3) * 32 + 12)..<(8 + (n + 3) * 32 + 16), with: [0xFF, 0xFF, 0, 0])
        var swapped = payload
        let first = 8 + n * 32, last = 8 + (n + rows - 1) * 32
        let a = Array(swapped[first..<(first + 32)]), b = Array(swapped[last..<(last + 32)])
        swapped.replaceSubrange(first..<(first + 32), with: b)
        swapped.replaceSubrange(last..<(last + 32), with: a)
        // Two neighbours swapped where two threads' halves meet: each half is in order, the
        // two together are not.
        var atTheMiddle = payload
        let m1 = 8 + (n + rows / 2 - 1) * 32, m2 = 8 + (n + rows / 2) * 32
        let c = Array(atTheMiddle[m1..<(m1 + 32)]), d = Array(atTheMiddle[m2..<(m2 + 32)])
        atTheMiddle.replaceSubrange(m1..<(m1 + 32), with: d)
        atTheMiddle.replaceSubrange(m2..<(m2 + 32), with: c)
        // A sound table gives the same items however many threads decode it.
        let sound = try #require(ArchivedDocuments(entry: SourceBytes(payload), payload: 0..<payload.count, checked: checked,
                                                   source: file, metadata: MetadataFile()))
        for parts in 1...5 { #expect(sound.datedItems(documentBase: 0, orderBase: 0, parts: parts) == expected, "\(parts) parts") }
        for bytes in [pastTheEnd, swapped, atTheMiddle] {
            let archived = try #require(ArchivedDocuments(entry: SourceBytes(bytes), payload: 0..<bytes.count, checked: checked,
                                                          source: file, metadata: MetadataFile()))
            #expect(archived.datedItems(documentBase: 0, orderBase: 0) == nil)
            for parts in 2...3 { #expect(archived.datedItems(documentBase: 0, orderBase: 0, parts: parts) == nil, "\(parts) parts") }
            var list = DocumentList()
            list.append(archived: archived)
            #expect(Chronology(Corpus(documents: list, files: [file]), includePassages: true).items == expected)
        }
    }

    @Test func aDamagedRecordIsParsedAgainFromTheText() throws {
        let text = try String(contentsOfFile: TestSupport.textsPath + "/corpus-2020.txt", encoding: .utf8)
        let (parsed, payload, checked, file) = try Self.archived(text)
        var rng = SplitMix(seed: 3)
        for _ in 0..<20 {
            var damaged = payload
            let at = checked + Int(rng.next() % UInt64(payload.count - checked))
            damaged[at] ^= UInt8(1 + rng.next() % 255)
            let archived = try #require(ArchivedDocuments(entry: SourceBytes(damaged), payload: 0..<damaged.count, checked: checked,
                                                          source: file, metadata: MetadataFile()))
            var list = DocumentList()
            list.append(archived: archived)
            for k in list.indices { #expect(LibraryIndexerTests.fingerprint(list[k]) == LibraryIndexerTests.fingerprint(parsed[k])) }
            #expect(archived.reparsed == 1, "the one record with the changed byte")
        }
    }

    @Test func staleCorruptTruncatedAndForeignEntriesAreIgnoredAndRebuilt() throws {
        let (dir, cache) = try Self.library(3)
        defer { TestSupport.remove(dir) }
        let texts = dir.path + "/texts"
        let a = texts + "/00.txt", b = texts + "/01.txt", c = texts + "/02.txt", corpus = texts + "/zz-corpus.txt"
        _ = try Self.index([texts], cache: cache)
        // Stale: 00.txt changed.
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: a))
        try h.seekToEnd()
        try h.write(contentsOf: Data("\n\n\n\n新加的一篇\n\n　　新的正文。\n".utf8))
        try h.close()
        // Corrupt: a byte of 01.txt's entry flipped in its table (the part its checksum covers;
        // a damaged record is `aDamagedRecordIsParsedAgainFromTheText`).
        let table = try #require(cache.entry(for: b))
        var entry = try Data(contentsOf: URL(fileURLWithPath: cache.entryPath(for: b)))
        entry[table.payload.lowerBound + table.checked - 3] ^= 0x55
        try entry.write(to: URL(fileURLWithPath: cache.entryPath(for: b)))
        // Truncated: 02.txt's entry cut in half.
        let half = try Data(contentsOf: URL(fileURLWithPath: cache.entryPath(for: c)))
        try half.prefix(half.count / 2).write(to: URL(fileURLWithPath: cache.entryPath(for: c)))
        // Foreign: the corpus's entry replaced by 00.txt's old one (another file's, valid in itself),
        // and then by bytes that are no entry at all.
        try FileManager.default.removeItem(atPath: cache.entryPath(for: corpus))
        try FileManager.default.copyItem(atPath: cache.entryPath(for: a), toPath: cache.entryPath(for: corpus))
        #expect(cache.entry(for: corpus) == nil)
        try Data("PK\u{3}\u{4} not an index at all".utf8).write(to: URL(fileURLWithPath: cache.entryPath(for: corpus)))

        for key in [a, b, c, corpus] { #expect(cache.entry(for: key) == nil, "\(key)") }
        let again = try Self.index([texts], cache: cache)
        #expect(again.cachedFiles == 0 && again.parsedFiles == 4)
        LibraryIndexerTests.expectSame(again.corpus, try CorpusLoader().load(paths: [texts]))
        #expect(again.corpus.documents.contains { $0.title == "新加的一篇" })
        // Rebuilt: all four good again.
        let warm = try Self.index([texts], cache: cache)
        #expect(warm.cachedFiles == 4)
    }

    @Test func cachedDocumentsAreParsedAgainWhenTheirIdsOrMetadataWouldDiffer() throws {
        let (dir, cache) = try Self.library(2)
        defer { TestSupport.remove(dir) }
        let texts = dir.path + "/texts"
        _ = try Self.index([texts], cache: cache)
        // A new first file with the same title: the cached files' "同一个标题" becomes "-2", "-3"….
        try "同一个标题\n\n　　最前面的新文件。\n".write(toFile: texts + "/000.txt", atomically: true, encoding: .utf8)
        var again = try Self.index([texts], cache: cache)
        LibraryIndexerTests.expectSame(again.corpus, try CorpusLoader().load(paths: [texts]))
        #expect(again.parsedFiles >= 2, "the new file, and 00.txt whose ids moved")
        // A duben.toml beside the texts: every entry's key changes.
        try "[[document]]\ntitle = \"同一个标题\"\ndate = \"2020-03-27\"\n".write(toFile: texts + "/duben.toml", atomically: true, encoding: .utf8)
        again = try Self.index([texts], cache: cache)
        #expect(again.cachedFiles == 0)
        LibraryIndexerTests.expectSame(again.corpus, try CorpusLoader().load(paths: [texts]))
    }

    @Test func theCacheIsTrimmedToItsLimitLeastRecentlyUsedFirstAndCleared() throws {
        let (dir, full) = try Self.library(4)
        defer { TestSupport.remove(dir) }
        let texts = dir.path + "/texts"
        _ = try Self.index([texts], cache: full)
        let sizes = full.entries().map(\.size)
        #expect(sizes.count == 5)
        // Used in this order: 00 long ago … the corpus now.
        let files = try CorpusLoader().files(paths: [texts])
        for (k, f) in files.enumerated() {
            let when = Date(timeIntervalSinceNow: Double(k - 10) * 60)
            try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: full.entryPath(for: f))
        }
        let limit = full.entries().filter { $0.path != full.entryPath(for: files[0]) && $0.path != full.entryPath(for: files[1]) }
            .reduce(0) { $0 + $1.size }
        let small = IndexCache(directory: full.directory, limit: limit)
        small.trim()
        #expect(small.usage().bytes <= limit)
        #expect(small.entry(for: files[0]) == nil && small.entry(for: files[1]) == nil)
        #expect(small.entry(for: files[4]) != nil)
        #expect(try small.clear() == 3)
        #expect(small.usage().entries == 0)
    }

    @Test func theCacheDirectoryFollowsXDG() {
        #expect(IndexCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/c", "HOME": "/h"]) == "/x/c/duben/index")
        #expect(IndexCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/duben/index")
        #expect(IndexCache.defaultDirectory(environment: [:]) == nil)
    }
}
