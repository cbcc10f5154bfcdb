#if canImport(Glibc)
import Glibc
#endif

/// A broken invariant: says which, on standard error, and aborts, so that libFuzzer keeps the
/// input as a crash (`crash-…` in the working directory) and `scripts/fuzz` exits non-zero.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    guard !condition() else { return }
    let text = "duben fuzz: invariant broken at \(file):\(line): \(message())\n"
    text.utf8CString.withUnsafeBufferPointer { p in _ = fputs(p.baseAddress!, stderr) }
    abort()
}

/// The input as bytes (libFuzzer may pass a null pointer with size 0).
func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Scalars that must never reach a line or a screen cell: C0 (TAB included: it is expanded to
/// spaces), DEL, C1, bidi controls and line/paragraph separators (Docs/LAYOUT.md, `Sanitizer`).
func isControl(_ v: UInt32) -> Bool {
    switch v {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
    default: return false
    }
}
