import DubenStore
import DubenUI

// Bytes → configuration file. The input is a UTF-8 string (invalid sequences as U+FFFD) read as
// `config.toml`: parsed (`ConfigFile.parse`, TOMLKit underneath) and checked
// (`ReaderConfiguration.read`: values, tables, key names and bindings).
// Invariants: no trap; every problem names the file and, when it has a line, a line of the
// text; a file read twice gives the same configuration and problems; whatever the file says,
// the key map the reader starts with has no key bound to two actions in one context, and
// every width it takes is one `--width` takes (the reader still starts, with defaults where
// the file was wrong).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = inputBytes(data, size)
    guard raw.count <= 8192 else { return 0 }
    let text = String(decoding: raw, as: UTF8.self)
    let path = "/fuzz/config.toml"
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let (file, parseProblems) = ConfigFile.parse(text, path: path)
    let (configuration, problems) = ReaderConfiguration.read(file)
    for p in parseProblems + problems {
        require(p.description.hasPrefix(path), "a problem that does not name the file: \(p.description.debugDescription)")
        if let line = p.line { require((1...max(lines, 1)).contains(line), "line \(line) of \(lines) in \(p.description.debugDescription)") }
        require(!p.description.contains("\n"), "a problem of more than one line: \(p.description.debugDescription)")
    }
    let (again, againParse) = ConfigFile.parse(text, path: path)
    let (configurationAgain, problemsAgain) = ReaderConfiguration.read(again)
    require(againParse == parseProblems && problemsAgain == problems && configurationAgain == configuration,
            "the same file read twice differs: \(text.debugDescription)")
    for context in KeyContext.allCases {
        let conflicts = configuration.keyMap.conflicts(in: context)
        require(conflicts.isEmpty, "\(text.debugDescription) starts the reader with conflicts in \(context): \(conflicts)")
    }
    if let width = configuration.width {
        require(ReaderConfiguration.widths.contains(width), "width \(width) accepted from \(text.debugDescription)")
    }
    return 0
}
