import DubenModel

/// Wraps one block's text into display lines.
///
/// Break opportunities come from ICU (`LineBreaker`); `ChineseLineRules` then removes those that
/// clreq forbids. Lines are filled greedily. When a line has no permitted break (a word or a run
/// longer than the line), it is broken at the last grapheme boundary that still obeys the
/// punctuation rules, or, when none does, at the last boundary that fits: no line is ever wider
/// than the width.
public struct LineWrapper: Sendable {
    public let options: LayoutOptions

    public init(options: LayoutOptions) { self.options = options }

    /// Grapheme clusters of a text, measured: a view of the buffers of a `WrapScratch`.
    struct Clusters {
        let startByte: UnsafeMutablePointer<Int32>
        let startUnit: UnsafeMutablePointer<Int32>
        let startScalar: UnsafeMutablePointer<Int32>
        let width: UnsafeMutablePointer<Int16>
        let base: UnsafeMutablePointer<UInt32>
        let special: UnsafeMutablePointer<UInt8>
        /// Per scalar (see `WrapScratch.cells`).
        let cells: UnsafeMutablePointer<UInt8>
        var count = 0
        var scalarCount = 0
        var byteCount = 0
        /// The text's length in UTF-16 units (written to the scratch's `utf16`).
        var unitCount = 0
        /// Whether any cluster is a tab or a control (then lines need their own bytes).
        var hasSpecial = false
        /// Whether every scalar's cells fit in two bits (`DisplayBytes.isPackable`).
        var packable = true
        /// Whether any cluster is a digit (then numbers with units are looked for).
        var hasDigit = false
        /// The sum of the cluster widths (tabs counted as 0).
        var totalWidth = 0

        init(_ scratch: WrapScratch) {
            startByte = scratch.startByte
            startUnit = scratch.startUnit
            startScalar = scratch.startScalar
            width = scratch.width
            base = scratch.base
            special = scratch.special
            cells = scratch.cells
        }
    }

    /// Measures `p` into the scratch buffers (which must have room for `p.count + 1`), and
    /// writes it as UTF-16 for ICU on the way.
    func clusters(_ p: UnsafeBufferPointer<UInt8>, in scratch: WrapScratch) -> Clusters {
        var c = Clusters(scratch)
        let utf16 = scratch.utf16
        let n = p.count
        var count = 0
        var total = 0
        var i = 0
        var unit: Int32 = 0
        var scalar: Int32 = 0
        var rule = ClusterRule(measure: options.measure, maxWidth: options.width)
        while i < n {
            let (v, len) = UTF8Scalars.decode(p, at: i)
            // Fast path for the bulk of the text: CJK ideographs and printable ASCII start a
            // cluster of known width (after a ZWJ they join, handled below).
            if rule.previous != 0x200D && ((0x4E00...0x9FFF).contains(v) || (0x21...0x7E).contains(v)) {
                c.startByte[count] = Int32(i)
                c.startUnit[count] = unit
                c.startScalar[count] = scalar
                utf16[Int(unit)] = UInt16(truncatingIfNeeded: v)
                unit += 1
                let w: Int16 = v < 0x80 ? 1 : 2
                c.width[count] = w
                total += Int(w)
                c.base[count] = v
                c.special[count] = 0
                c.cells[Int(scalar)] = UInt8(truncatingIfNeeded: w)
                if v >= 0x30 && v <= 0x39 { c.hasDigit = true }
                count += 1
                rule.startsPlain(v, width: Int(w))
                scalar += 1
                i += len
                continue
            }
            // Clusters, tabs and placeholders by the rules the screen uses too.
            let kind: UInt8
            var w = 0
            switch rule.step(v) {
            case .joins(let added):
                if added > 0 { c.width[count - 1] += Int16(added); total += added }
                kind = 255
                c.cells[Int(scalar)] = DisplayBytes.joins | UInt8(truncatingIfNeeded: added)
                if added > 0 { c.packable = false }
            case .starts(let cells): kind = 0; w = cells
            case .tab: kind = 1
            case .placeholder(_, let cells): kind = 2; w = cells
            }
            if kind != 255 {
                c.startByte[count] = Int32(i)
                c.startUnit[count] = unit
                c.startScalar[count] = scalar
                c.width[count] = Int16(w)
                total += w
                c.base[count] = v
                c.special[count] = kind
                c.cells[Int(scalar)] = UInt8(truncatingIfNeeded: w)  // a tab's are set per line
                if kind != 0 { c.hasSpecial = true }
                if ChineseLineRules.isDigit(v) { c.hasDigit = true }
                count += 1
            }
            if v < 0x10000 {
                utf16[Int(unit)] = UInt16(truncatingIfNeeded: v)
                unit += 1
            } else {
                utf16[Int(unit)] = UInt16(truncatingIfNeeded: 0xD800 + ((v - 0x10000) >> 10))
                utf16[Int(unit) + 1] = UInt16(truncatingIfNeeded: 0xDC00 + ((v - 0x10000) & 0x3FF))
                unit += 2
            }
            scalar += 1
            i += len
        }
        c.count = count
        c.unitCount = Int(unit)
        c.totalWidth = total
        c.scalarCount = Int(scalar)
        c.byteCount = n
        return c
    }

    /// Fills `scratch.allowed`: whether a line may start at cluster `i`, for `i` in
    /// `0...c.count` — ICU's opportunities less those clreq forbids.
    func permittedBreaks(_ c: Clusters, in scratch: WrapScratch) {
        let allowed = scratch.allowed
        allowed.initialize(repeating: false, count: c.count + 1)
        let found = LineBreaker.opportunities(utf16: UnsafeBufferPointer(start: scratch.utf16, count: c.unitCount),
                                              into: UnsafeMutableBufferPointer(start: scratch.breaks, count: scratch.capacity))
        let breaks = scratch.breaks
        var k = 0
        for n in 0..<found {
            let offset = breaks[n]
            while k < c.count && c.startUnit[k] < offset { k += 1 }
            if k > 0 && k < c.count && c.startUnit[k] == offset {
                allowed[k] = !violatesRules(c, at: k)
            }
        }
        // Numbers with their unit stay whole.
        guard c.hasDigit else { return }
        let bases = UnsafeBufferPointer(start: c.base, count: c.count)
        var i = 0
        while i < c.count {
            if ChineseLineRules.isDigit(c.base[i]) && (i == 0 || !ChineseLineRules.isDigit(c.base[i - 1])),
               let end = ChineseLineRules.numberWithUnit(bases, from: i) {
                for j in (i + 1)..<end { allowed[j] = false }
                i = end
            } else {
                i += 1
            }
        }
    }

    /// Whether starting a line at cluster `i` breaks a clreq rule.
    @inline(__always)
    func violatesRules(_ c: Clusters, at i: Int) -> Bool {
        ChineseLineRules.isLineStartProhibited(c.base[i]) || ChineseLineRules.isLineEndProhibited(c.base[i - 1])
            || ChineseLineRules.isInseparablePair(c.base[i - 1], c.base[i])
    }

    /// Wraps a block's text.
    public func wrap(_ text: String, block: Int, kind: Block.Kind, indented: Bool) -> [DisplayLine] {
        var text = text
        return text.withUTF8 { wrap(utf8: $0, block: block, kind: kind, indented: indented) }
    }

    /// Wraps a block's text given as UTF-8 (well-formed).
    public func wrap(utf8 p: UnsafeBufferPointer<UInt8>, block: Int, kind: Block.Kind, indented: Bool) -> [DisplayLine] {
        wrap(p, block: block, kind: kind, indented: indented, scratch: WrapScratch(), shared: nil)
    }

    /// Wraps `p`. When `shared` is given, `p` lies in `shared.bytes` at `shared.base`, and
    /// lines of plain text (no tabs or controls to replace) refer to those bytes instead of
    /// a copy of them.
    func wrap(_ p: UnsafeBufferPointer<UInt8>, block: Int, kind: Block.Kind, indented: Bool, scratch: WrapScratch,
              shared: (bytes: SourceBytes, base: Int)?) -> [DisplayLine] {
        var indentCells = indented && options.indent == .keep && kind == .paragraph ? min(4, options.width / 2) : 0
        scratch.reserve(bytes: p.count)
        defer { scratch.trim() }
        let c = clusters(p, in: scratch)
        if c.count == 0 {
            let empty = DisplayBytes.make([], cells: UnsafeBufferPointer(start: nil, count: 0), packable: true)
            return [DisplayLine(block: block, start: 0, end: 0, indent: 0, storage: empty, byteRange: 0..<0, cellStart: 0,
                                width: 0, isFirstOfBlock: true, kind: kind)]
        }
        let width = options.width
        // A block that fits on one line needs no break opportunities (most citations and
        // headings): the same single line the loop below would make, without asking ICU.
        if !c.hasSpecial && indentCells + c.totalWidth <= width {
            return makeLines(p, c, [(0, c.count)], indent: indentCells, block: block, kind: kind, shared: shared)
        }
        permittedBreaks(c, in: scratch)
        let allowed = scratch.allowed
        var spans: [(from: Int, to: Int)] = []
        spans.reserveCapacity(c.count * 2 / max(1, width) + 1)
        var lineStart = 0
        var col = indentCells
        var lastBreak = -1
        var i = 0
        while i < c.count {
            var w = c.special[i] == 1 ? Sanitizer.tabWidth(atColumn: col) : Int(c.width[i])
            if col + w > width {
                if i > lineStart {
                    var b = lastBreak
                    if b <= lineStart { b = forcedBreak(c, from: lineStart, upTo: i) }
                    spans.append((lineStart, b))
                    lineStart = b
                    col = 0
                    lastBreak = -1
                    i = b
                    continue
                }
                // The first cluster does not fit after the indentation (a wide emoji sequence
                // on a narrow line): the first line goes without it.
                if i == 0 && indentCells > 0 && c.special[i] != 1 {
                    indentCells = 0
                    col = 0
                    continue
                }
                // A tab at the edge shrinks to fit.
                if c.special[i] == 1 { w = max(0, width - col) }
            }
            col += w
            i += 1
            if i < c.count && allowed[i] { lastBreak = i }
        }
        spans.append((lineStart, c.count))
        return makeLines(p, c, spans, indent: indentCells, block: block, kind: kind, shared: shared)
    }

    /// Where to break a line that has no permitted break: the last boundary that obeys the
    /// punctuation rules, else the last that fits (`upTo`, the first cluster that does not).
    func forcedBreak(_ c: Clusters, from start: Int, upTo limit: Int) -> Int {
        var j = limit
        while j > start + 1 {
            if !violatesRules(c, at: j) { return j }
            j -= 1
        }
        return max(limit, start + 1)
    }

    /// Builds the lines of `spans` over one display buffer: for plain text, the `shared` source
    /// bytes (or a copy of `p` when there are none); otherwise a buffer of the block's own, in
    /// which tabs become spaces and controls their placeholders (`Sanitizer`). With the bytes go
    /// the cells of every scalar (`DisplayBytes.cells`), so that the screen need not measure.
    func makeLines(_ p: UnsafeBufferPointer<UInt8>, _ c: Clusters, _ spans: [(from: Int, to: Int)], indent: Int,
                   block: Int, kind: Block.Kind, shared: (bytes: SourceBytes, base: Int)?) -> [DisplayLine] {
        if !c.hasSpecial {
            let base = shared?.base ?? 0
            let storage = DisplayBytes.make(shared?.bytes ?? SourceBytes(Array(p)), cells: UnsafeBufferPointer(start: c.cells, count: c.scalarCount),
                                            packable: c.packable)
            var lines: [DisplayLine] = []
            lines.reserveCapacity(spans.count)
            for (n, span) in spans.enumerated() {
                let lineIndent = n == 0 ? indent : 0
                var col = lineIndent
                for k in span.from..<span.to { col += Int(c.width[k]) }
                let lo = Int(c.startByte[span.from])
                let hi = span.to < c.count ? Int(c.startByte[span.to]) : c.byteCount
                let start = Int(c.startScalar[span.from])
                let end = span.to < c.count ? Int(c.startScalar[span.to]) : c.scalarCount
                lines.append(DisplayLine(block: block, start: start, end: end, indent: lineIndent, storage: storage,
                                         byteRange: (base + lo)..<(base + hi), cellStart: start, width: col,
                                         isFirstOfBlock: n == 0, kind: kind))
            }
            return lines
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(p.count + 16)
        var cells: [UInt8] = []
        cells.reserveCapacity(c.scalarCount + 16)
        var ranges: [(bytes: Range<Int>, cellStart: Int, width: Int)] = []
        ranges.reserveCapacity(spans.count)
        for (n, span) in spans.enumerated() {
            var col = n == 0 ? indent : 0
            let lo = bytes.count
            let cellStart = cells.count
            for k in span.from..<span.to {
                switch c.special[k] {
                case 1:
                    // Clipped at the column's edge, as the screen clips.
                    let w = min(Sanitizer.tabWidth(atColumn: col), max(0, options.width - col))
                    bytes.append(contentsOf: repeatElement(0x20, count: w))
                    cells.append(contentsOf: repeatElement(1, count: w))
                    col += w
                case 2:
                    // A control is a cluster of its own (nothing joins it): its placeholder.
                    let v = c.base[k]
                    if case .placeholder(let ph) = Sanitizer.shown(v, width: options.measure.width(v)) {
                        bytes.append(contentsOf: String(ph).utf8)
                    }
                    cells.append(UInt8(c.width[k]))
                    col += Int(c.width[k])
                default:
                    let kEnd = k + 1 < c.count ? Int(c.startByte[k + 1]) : c.byteCount
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[Int(c.startByte[k])..<kEnd]))
                    let sEnd = k + 1 < c.count ? Int(c.startScalar[k + 1]) : c.scalarCount
                    cells.append(contentsOf: UnsafeBufferPointer(start: c.cells + Int(c.startScalar[k]), count: sEnd - Int(c.startScalar[k])))
                    col += Int(c.width[k])
                }
            }
            ranges.append((lo..<bytes.count, cellStart, col))
        }
        let storage = cells.withUnsafeBufferPointer { DisplayBytes.make(SourceBytes(bytes), cells: $0, packable: c.packable) }
        var lines: [DisplayLine] = []
        lines.reserveCapacity(spans.count)
        for (n, span) in spans.enumerated() {
            let end = span.to < c.count ? Int(c.startScalar[span.to]) : c.scalarCount
            lines.append(DisplayLine(block: block, start: Int(c.startScalar[span.from]), end: end, indent: n == 0 ? indent : 0,
                                     storage: storage, byteRange: ranges[n].bytes, cellStart: ranges[n].cellStart,
                                     width: ranges[n].width, isFirstOfBlock: n == 0, kind: kind))
        }
        return lines
    }
}
