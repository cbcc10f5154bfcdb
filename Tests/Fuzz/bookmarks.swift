import DubenStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// bytes → the bookmark file (`BookmarkStore.read`, `update`) and → `duben bookmarks import`
// (`BookmarkImporter`, `BookmarkStore.add(imported:)`), in a private temporary directory.
// Invariants: never a trap; a file the store refuses is refused by a write too and left
// byte-identical, with no temporary file beside it; an accepted file is written back with the
// same bookmarks, and a second write gives the same bytes; an accepted export, exported again
// and imported, gives the same bookmarks; importing it adds each new id once, keeps what was
// in the file first, and leaves no id twice.

let fuzzDirectory: String = {
    var template = Array("/tmp/duben-fuzz-bookmarks-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { fatalError("mkdtemp") }
    return String(cString: p)
}()

let known: Bookmark = {
    let json = """
    {"id": "00000000-0000-0000-0000-000000000001", "document": "d92dfdc5", "documentTitle": "标题", "block": 3, "offset": 2,
     "length": 5, "quote": {"exact": "命运共同体", "prefix": "人类", "suffix": "。"}, "note": "笔记",
     "created": "2026-12-01T00:00:00Z", "updated": "2026-12-01T00:00:00Z", "orphaned": false}
    """
    return try! JSONDecoder().decode(Bookmark.self, from: Data(json.utf8))
}()

func fileBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

func write(_ bytes: [UInt8], to path: String) {
    unlink(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { fatalError("cannot write \(path)") }
    _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    close(fd)
}

func onlyExpectedFiles(_ name: String) {
    let left = (try? FileManager.default.contentsOfDirectory(atPath: fuzzDirectory)) ?? []
    let expected: Set<String> = ["bookmarks.json", "bookmarks.json.lock", "import.json", "import.json.lock"]
    require(Set(left).isSubset(of: expected), "files left beside \(name): \(left.sorted())")
}

func checkBookmarkFile(_ raw: [UInt8]) {
    let path = fuzzDirectory + "/bookmarks.json"
    write(raw, to: path)
    let store = BookmarkStore(path: path)
    let first: [Bookmark]
    do {
        first = try store.read()
    } catch {
        var written = true
        do { try store.update { $0.append(known) } } catch { written = false }
        require(!written, "a write went through on a file the store refused (\(error))")
        require(fileBytes(path) == raw, "a refused file was changed")
        onlyExpectedFiles("bookmarks.json")
        return
    }
    do { try store.update { _ in } } catch { require(false, "cannot write back an accepted file: \(error)") }
    let again = try? store.read()
    require(again == first, "the file written back holds other bookmarks (\(first.count) → \(again?.count ?? -1))")
    let bytes = fileBytes(path)
    do { try store.update { _ in } } catch { require(false, "cannot write the file a second time: \(error)") }
    require(fileBytes(path) == bytes, "a second write changed the file")
    onlyExpectedFiles("bookmarks.json")
}

func checkImport(_ raw: [UInt8]) {
    guard let imported = try? BookmarkImporter.bookmarks(fromAnnotations: Data(raw)) else { return }
    guard let exported = try? BookmarkExporter.annotationCollection(imported) else {
        require(false, "an imported export cannot be exported")
        return
    }
    let back = try? BookmarkImporter.bookmarks(fromAnnotations: exported)
    require(back == imported, "export → import changes the bookmarks: \(String(describing: back)) vs \(imported)")

    let path = fuzzDirectory + "/import.json"
    unlink(path)
    let store = BookmarkStore(path: path)
    do { try store.update { $0 = [known] } } catch { require(false, "cannot write the starting file: \(error)") }
    let added: Int
    do { added = try store.add(imported: imported) } catch {
        require(false, "import into a good file failed: \(error)")
        return
    }
    guard let after = try? store.read() else {
        require(false, "the file after an import cannot be read")
        return
    }
    require(after.first == known, "the bookmark already in the file was lost or changed")
    require(Set(after.map(\.id)).count == after.count, "an id twice after an import")
    require(Set(after.map(\.id)) == Set([known.id] + imported.map(\.id)), "an imported id is missing")
    require(after.count == 1 + added, "\(added) added, \(after.count) in the file")
    onlyExpectedFiles("import.json")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBookmarks(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = inputBytes(data, size)
    checkBookmarkFile(raw)
    checkImport(raw)
    return 0
}
