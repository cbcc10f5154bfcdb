import DubenLayout
import DubenModel

// text + width (8–200) + ambiguous width + indentation + block kind → wrapped lines.
// Input: byte 0 the width (8 + b % 193), byte 1 the options (bit 0 ambiguous width 2, bit 1
// indentation kept, bit 2 the block indented, bits 3–4 the kind), the rest the text (UTF-8,
// invalid sequences as U+FFFD).
// Invariants: no trap; no line wider than the width (as the wrapper counts and as
// `DisplayWidth` measures the rendered line); the lines' scalar ranges are consecutive and
// cover the text; the lines joined give the text (controls as their placeholders, tabs as
// spaces); no control character in any line.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWrap(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = inputBytes(data, size)
    guard raw.count >= 2 else { return 0 }
    let width = 8 + Int(raw[0]) % 193
    let flags = raw[1]
    let ambiguous = flags & 1 == 0 ? 1 : 2
    let options = LayoutOptions(width: width, ambiguousWidth: ambiguous, indent: flags & 2 == 0 ? .none : .keep)
    let kinds: [Block.Kind] = [.paragraph, .heading(level: 1), .citation, .note]
    let kind = kinds[Int(flags >> 3) & 3]
    let text = String(decoding: raw[2...], as: UTF8.self)
    let measure = DisplayWidth(ambiguousWidth: ambiguous)

    let lines = LineWrapper(options: options).wrap(text, block: 0, kind: kind, indented: flags & 4 != 0)
    require(!lines.isEmpty, "no line")
    let scalars = Array(text.unicodeScalars)
    var expectedStart = 0
    var joined: [Unicode.Scalar] = []
    for (k, line) in lines.enumerated() {
        require(line.width <= width, "line \(k) is \(line.width) cells (> \(width))")
        let shown = measure.width(of: line.rendered)
        require(shown <= width, "line \(k) measures \(shown) cells (> \(width)): \(line.rendered.debugDescription)")
        var cells = line.indent
        line.forEachCluster { _, w in cells += w; return true }
        require(cells == line.width, "line \(k): clusters take \(cells) cells, the line says \(line.width)")
        require(line.start == expectedStart, "line \(k) starts at scalar \(line.start), expected \(expectedStart)")
        require(line.end >= line.start, "line \(k) ends before it starts")
        require(line.isFirstOfBlock == (k == 0), "line \(k) first-of-block flag")
        expectedStart = line.end
        for v in line.text.unicodeScalars {
            require(!isControl(v.value), "line \(k) holds control U+\(String(v.value, radix: 16))")
            joined.append(v)
        }
    }
    require(expectedStart == scalars.count, "lines end at scalar \(expectedStart) of \(scalars.count)")
    // The text as shown: controls become their placeholders, tabs spaces (1–4 of them, so
    // spaces are left out of both sides), anything wcwidth calls unprintable U+FFFD.
    var expected: [Unicode.Scalar] = []
    for s in scalars where s != " " && s != "\t" {
        switch s.value {
        case 0x00...0x1F: expected.append(Unicode.Scalar(0x2400 + s.value)!)
        case 0x7F: expected.append("\u{2421}")
        case 0x85, 0x2028, 0x2029: expected.append("\u{2424}")
        case 0x80...0x9F: expected.append("\u{BF}")
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: expected.append("\u{2051}")
        default: expected.append(measure.width(s.value) < 0 ? "\u{FFFD}" : s)
        }
    }
    let shownScalars = joined.filter { $0 != " " }
    require(shownScalars == expected, "the lines joined differ from the text: \(String(String.UnicodeScalarView(shownScalars)).debugDescription) vs \(String(String.UnicodeScalarView(expected)).debugDescription)")
    return 0
}
