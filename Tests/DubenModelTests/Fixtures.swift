import DubenModel
import DubenTestSupport
import Foundation

/// Test helpers: the bundled corpus and documents parsed from strings.
enum Fixtures {
    static var repoRoot: URL { TestSupport.repoRoot }
    static var textsPath: String { TestSupport.textsPath }
    static var bundled: Corpus { TestSupport.bundled }

    /// Parses text as if it were a file.
    static func documents(_ text: String, metadata: MetadataFile? = nil) -> [Document] {
        documents(bytes: Array(text.utf8), metadata: metadata)
    }

    static func documents(bytes: [UInt8], metadata: MetadataFile? = nil) -> [Document] {
        let decoded = try! SourceDecoder.decode(bytes)
        let source = SourceFile(path: "test.txt", bytes: decoded.bytes, encoding: decoded.encoding, replacements: decoded.replacements)
        let parser = DocumentParser(source: source)
        return DocumentSplitter.split(source.bytes).map { parser.parse(lines: $0, metadata: metadata) }
    }

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    /// A temporary directory, removed by the caller.
    static func temporaryDirectory() -> URL { TestSupport.temporaryDirectory("duben-test") }
}
