import DubenModel
import Foundation

/// Finds the bundled corpus (`Texts/`) without depending on the working directory.
///
/// In order: `$DUBEN_TEXTS`; `share/duben/Texts` beside an installed binary
/// (`<prefix>/bin/duben` → `<prefix>/share/duben/Texts`); `Texts/` next to the binary; and the
/// source tree this binary was built from (how `swift run duben` finds it).
enum BundledTexts {
    static func locate() -> String? {
        var candidates: [String] = []
        if let env = ProcessEnvironment.current["DUBEN_TEXTS"], !env.isEmpty { candidates.append(env) }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("share/duben/Texts").path)
        candidates.append(exe.appendingPathComponent("Texts").path)
        // #filePath is Sources/duben/BundledTexts.swift in the source tree.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Texts").path)
        for c in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c, isDirectory: &isDir), isDir.boolValue { return c }
        }
        return nil
    }
}
