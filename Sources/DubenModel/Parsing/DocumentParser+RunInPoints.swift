#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DocumentParser {
    /// A run-in entry found in a paragraph: a run-in heading of a numbered form, or a point.
    struct RunIn {
        var block: Int
        var label: Range<Int>
        /// The heading form of a run-in heading ("（一）完善机制。"); nil for a point ("第一，").
        var form: HeadingForm?
        /// For points: "第一，" (true) or "一是" (false). The number of either.
        var ordinal = false
        var number = 0
        /// A point inside its paragraph ("…良好。一是…；二是…"), not at its start.
        var mid = false
    }

    /// Stage 6, every kind of document: run-in headings and points added to the TOC, and the
    /// levels of all its entries set.
    ///
    /// - A run-in heading is a paragraph that opens with a numbered form that may run in
    ///   (（一）, 1., （1）) and a short label ("（二）完善某项机制。要…"); it takes its form's level.
    /// - A run-in point is a paragraph that opens with "第一，" or "一是"; it goes one level below
    ///   the heading before it. In speeches every such paragraph is one; elsewhere only one that
    ///   continues or is continued by the numbering of its family (一是 then 二是).
    /// - Points inside a paragraph ("产业发展势头良好。一是…；二是…；三是…", every kind but
    ///   books): a 一是
    ///   family marker after a clause end (。；：！？，) outside quotation marks and brackets,
    ///   in a paragraph that has a "二是"; kept only in sequence, like points elsewhere. A
    ///   paragraph's own points go one level below a run-in heading or point it opens with.
    /// - Neither is taken from a paragraph of a quotation.
    /// - An Arabic-numbered heading out of sequence is dropped (`dropOutOfSequence`).
    /// - Levels: the forms of the headings and run-in headings present, in `HeadingForm`'s rank
    ///   order; the first is level 1.
    func addRunInPoints(_ p: UnsafeBufferPointer<UInt8>, to structure: inout Structure, _ profile: Profile) {
        var runIns: [RunIn] = []
        for (b, block) in structure.blocks.enumerated() where block.kind == .paragraph && block.quotation == nil {
            var opening = runIn(p, block.range, block: b)
            let mids = profile.kind == .book ? [] : midParagraphPoints(p, block.range, block: b)
            // A paragraph opening with "一是" and going on with "二是" has it among its points.
            if let r = opening, r.form == nil, !r.ordinal, mids.first?.label.lowerBound == block.range.lowerBound { opening = nil }
            if let r = opening { runIns.append(r) }
            if !mids.isEmpty { runIns += mids }
        }
        runIns = inSequence(runIns, keepingOpenings: profile.kind == .speech)
        dropOutOfSequence(&structure, &runIns)
        // The levels of the forms present.
        var present = [Bool](repeating: false, count: HeadingForm.allCases.count)
        for f in structure.forms { present[f.rawValue] = true }
        for r in runIns { if let f = r.form { present[f.rawValue] = true } }
        var levelOf = [Int](repeating: 0, count: HeadingForm.allCases.count)
        var level = 0
        for f in HeadingForm.allCases where present[f.rawValue] && f != .matter {
            level += 1
            levelOf[f.rawValue] = level
        }
        levelOf[HeadingForm.matter.rawValue] = 1
        var toc: [TOCEntry] = []
        toc.reserveCapacity(structure.toc.count + runIns.count)
        var currentLevel = 0
        var opener: (block: Int, level: Int)? = nil  // the run-in a paragraph opens with
        var next = 0
        for (e, var entry) in structure.toc.enumerated() {
            while next < runIns.count && runIns[next].block < entry.block {
                append(runIns[next])
                next += 1
            }
            entry.level = levelOf[structure.forms[e].rawValue]
            structure.blocks[entry.block].kind = .heading(level: entry.level)
            currentLevel = entry.level
            toc.append(entry)
        }
        while next < runIns.count {
            append(runIns[next])
            next += 1
        }
        func append(_ r: RunIn) {
            let level: Int
            if let f = r.form {
                level = levelOf[f.rawValue]
                currentLevel = level
            } else if r.mid, let o = opener, o.block == r.block {
                level = o.level + 1
            } else {
                level = currentLevel + 1
            }
            // "第一，…。一是…二是…": the paragraph's own points go under its opening run-in.
            if r.form != nil || r.ordinal { opener = (r.block, level) }
            toc.append(TOCEntry(level: level, labelRange: r.label, in: source, block: r.block, isRunIn: true))
        }
        structure.toc = toc
    }

    /// Drops the Arabic-numbered headings and run-in headings ("2.", "（3）") that do not go on
    /// from a smaller number of their form since the last heading of a higher form: a list
    /// such as an attachment list (附件：1.… / 2.…) after the body, not a level of its own.
    func dropOutOfSequence(_ structure: inout Structure, _ runIns: inout [RunIn]) {
        var last = [Int](repeating: 0, count: HeadingForm.allCases.count)
        var dropped = Set<Int>()  // toc indices; run-ins are filtered in place
        var keptRunIns: [RunIn] = []
        keptRunIns.reserveCapacity(runIns.count)
        var r = 0
        func keep(_ form: HeadingForm, _ n: Int) -> Bool {
            if (form == .arabic || form == .parenthesisedArabic) && n > 1 && !(last[form.rawValue] >= 1 && last[form.rawValue] < n) {
                return false
            }
            if n > 0 { last[form.rawValue] = n }
            for lower in (form.rawValue + 1)..<last.count { last[lower] = 0 }
            return true
        }
        func runInsBefore(_ block: Int) {
            while r < runIns.count && runIns[r].block < block {
                if let f = runIns[r].form {
                    if keep(f, runIns[r].number) { keptRunIns.append(runIns[r]) }
                } else {
                    keptRunIns.append(runIns[r])
                }
                r += 1
            }
        }
        for (e, entry) in structure.toc.enumerated() {
            runInsBefore(entry.block)
            if !keep(structure.forms[e], structure.numbers[e]) { dropped.insert(e) }
        }
        runInsBefore(Int.max)
        runIns = keptRunIns
        guard !dropped.isEmpty else { return }
        for e in dropped { structure.blocks[structure.toc[e].block].kind = .paragraph }
        let kept = structure.toc.indices.filter { !dropped.contains($0) }
        structure.toc = kept.map { structure.toc[$0] }
        structure.forms = kept.map { structure.forms[$0] }
        structure.numbers = kept.map { structure.numbers[$0] }
    }

    /// The points kept: those that continue or are continued by the numbering of their family
    /// (一是 then 二是); in a speech (`keepingOpenings`) also every point opening a paragraph.
    /// Run-in headings are all kept.
    func inSequence(_ runIns: [RunIn], keepingOpenings: Bool) -> [RunIn] {
        var keep = [Bool](repeating: false, count: runIns.count)
        var last: [Bool: Int] = [:]  // the last point of each family
        for (i, r) in runIns.enumerated() {
            guard r.form == nil else {
                keep[i] = true
                continue
            }
            if let j = last[r.ordinal], runIns[j].number + 1 == r.number {
                keep[i] = true
                keep[j] = true
            }
            if keepingOpenings && !r.mid { keep[i] = true }
            last[r.ordinal] = i
        }
        return runIns.indices.filter { keep[$0] }.map { runIns[$0] }
    }

    /// The run-in heading or point a paragraph opens with; most paragraphs are ruled out by
    /// their first character.
    func runIn(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, block: Int) -> RunIn? {
        let first = UTF8Scalars.decode(p, at: range.lowerBound).value
        guard first == 0x7B2C /* 第 */ || first == 0xFF08 /* （ */ || first == 0x28 /* ( */
                || Unicode.Scalar(first).map(DateParser.canStartDate) == true else { return nil }
        if first == 0xFF08 || first == 0x28 || Unicode.Scalar(first).flatMap(DateParser.digit) != nil {
            // Most such paragraphs open with a date or a bracket: rule them out from a few scalars.
            guard HeadingRecognizer.form(prefix(p, range, scalars: HeadingRecognizer.formPrefixLength))?.form.mayRunIn == true else {
                return nil
            }
            let s = prefix(p, range, scalars: HeadingRecognizer.maxRunInLabelLength)
            guard let (form, n, length) = HeadingRecognizer.runInHeading(s) else { return nil }
            var end = range.lowerBound
            for c in s[..<length] { end += c.utf8.count }
            return RunIn(block: block, label: range.lowerBound..<end, form: form, number: n)
        }
        guard let (ordinal, n) = HeadingRecognizer.runInPoint(prefix(p, range, scalars: 6)) else {  // 第九十九， / 九十九是
            return nil
        }
        return RunIn(block: block, label: runInLabel(p, range), form: nil, ordinal: ordinal, number: n)
    }

    /// A run-in point's label: its first sentence, or the characters that start in its first
    /// 360 bytes when that is longer.
    func runInLabel(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        let limit = min(range.upperBound, range.lowerBound + 360)
        var end = range.lowerBound
        while end < limit {
            let (v, n) = UTF8Scalars.decode(p, at: end)
            if HeadingRecognizer.endsRunInLabel(v) { break }
            end += n
        }
        return range.lowerBound..<end
    }

    /// Whether a paragraph holds "二是" (E4 BA 8C E6 98 AF): one without it has no points of its
    /// own inside. `memchr` finds the candidates by their last byte.
    func hasSecondPoint(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = p.baseAddress else { return false }
        var i = range.lowerBound + 5
        while i < range.upperBound {
            guard let hit = memchr(base + i, 0xAF, range.upperBound - i) else { return false }
            let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if k >= range.lowerBound + 5, p[k - 1] == 0x98, p[k - 2] == 0xE6, p[k - 3] == 0x8C, p[k - 4] == 0xBA, p[k - 5] == 0xE4 {
                return true
            }
            i = k + 1
        }
        return false
    }

    /// The 一是-family points inside a paragraph that has a "二是": a Chinese numeral (一 to 十)
    /// and 是 at the paragraph's start or after a clause end (。；：！？，), outside quotation
    /// marks and brackets, not followed by a numeral or 否/非 ("一是一、二是二", "这一是否"). Each
    /// label runs to the first sentence end or "；", or to the next point (without the comma
    /// before it).
    func midParagraphPoints(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, block: Int) -> [RunIn] {
        guard range.count >= 12, hasSecondPoint(p, range) else { return [] }
        var starts: [(byte: Int, number: Int)] = []
        var depth = 0
        var atBoundary = true
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, n) = UTF8Scalars.decode(p, at: i)
            switch v {
            case 0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0x28, 0x300A, 0x3008, 0x3010: depth += 1
            case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3009, 0x3011: depth = max(0, depth - 1)
            default: break
            }
            if atBoundary, depth == 0, let number = Self.pointNumber(v), i + n + 3 <= range.upperBound,
               UTF8Scalars.decode(p, at: i + n).value == 0x662F /* 是 */ {
                let after = i + n + 3
                let next = after < range.upperBound ? UTF8Scalars.decode(p, at: after).value : 0
                if after < range.upperBound, Self.pointNumber(next) == nil, next != 0x5426 /* 否 */, next != 0x975E /* 非 */,
                   !Self.isClauseEnd(next) {
                    starts.append((i, number))
                }
            }
            atBoundary = Self.isClauseEnd(v) || (atBoundary && UTF8Scalars.isSpace(v))
            i += n
        }
        guard starts.count >= 2 else { return [] }
        var points: [RunIn] = []
        for (k, start) in starts.enumerated() {
            var end = runInLabel(p, start.byte..<range.upperBound).upperBound
            if k + 1 < starts.count { end = min(end, starts[k + 1].byte) }
            // Without the comma (or colon, space) before the next point.
            while end > start.byte {
                let lastStart = UTF8Scalars.previousStart(p, before: end, lowerBound: start.byte)
                let v = UTF8Scalars.decode(p, at: lastStart).value
                guard Self.isClauseEnd(v) || UTF8Scalars.isSpace(v) || v == 0x3001 else { break }
                end = lastStart
            }
            points.append(RunIn(block: block, label: start.byte..<end, form: nil, ordinal: false, number: start.number,
                                mid: start.byte != range.lowerBound))
        }
        return points
    }

    /// 一 to 九 and 十: the numbers of the 一是 family.
    static func pointNumber(_ v: UInt32) -> Int? {
        switch v {
        case 0x4E00: return 1
        case 0x4E8C: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        case 0x5341: return 10
        default: return nil
        }
    }

    /// 。；：！？， and their ASCII twins: what a point inside a paragraph follows.
    static func isClauseEnd(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF1B || v == 0xFF1A || v == 0xFF01 || v == 0xFF1F || v == 0xFF0C
            || v == 0x3B || v == 0x3A || v == 0x21 || v == 0x3F || v == 0x2C
    }
}
