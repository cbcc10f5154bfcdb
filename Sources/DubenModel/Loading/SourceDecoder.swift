#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDubenSearch

/// The character encoding a source file was found to be in.
public enum SourceEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
    case big5 = "Big5"

    /// The names `--encoding` takes, as the user writes them, for the message that lists them.
    public static let forcedNames = "utf-8, utf-16le, utf-16be, gb18030 (or gbk, gb2312), big5"

    /// The encoding a name given to `--encoding` stands for (case, `-` and `_` ignored: `UTF-8`,
    /// `utf8`, `GBK`, `Big5`); nil for a name duben does not read. GBK and GB2312 are read as
    /// GB18030, their superset.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" }
        switch key {
        case "utf8": self = .utf8
        case "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "big5", "cp950": self = .big5
        default: return nil
        }
    }
}

/// A file's bytes turned into well-formed UTF-8 with LF line ends.
public struct DecodedText: Sendable {
    /// Well-formed UTF-8, LF line ends only.
    public var bytes: [UInt8]
    public var encoding: SourceEncoding
    /// How many invalid byte sequences were replaced by U+FFFD.
    public var replacements: Int
    /// When the encoding was a close call (GB18030 or Big5): what to tell the user.
    public var doubt: String? = nil
}

/// Detects a source file's encoding and converts it to UTF-8.
///
/// Order: byte-order marks first (UTF-8, UTF-16), then the binary check (NUL bytes in the
/// first 8 KiB), then UTF-8 validation; text that is mostly invalid as UTF-8 is tried as
/// GB18030 (a superset of GBK and GB2312, which most Chinese `.txt` files not in UTF-8 use) and
/// as Big5 (Traditional Chinese). Both accept most double-byte text, so the choice is made by
/// fewer invalid sequences, then by how many of the decoded characters are among the most
/// common Chinese characters (`commonCharacters`, simplified and traditional forms): Big5 read
/// as GB18030 gives rare characters ("ゴ弘ю畒"), and the other way round too.
public enum SourceDecoder {
    /// Why bytes cannot be decoded as text.
    public enum Failure: Error, Equatable { case binary, empty }

    /// Decodes `raw`, detecting its encoding, or in `forced` when one is given (`--encoding`):
    /// then nothing is guessed and bytes that are invalid in it become U+FFFD (a byte-order mark
    /// of that encoding is dropped; a file with NUL bytes is still binary unless it is UTF-16).
    public static func decode(_ raw: [UInt8], forcing forced: SourceEncoding? = nil) throws(Failure) -> DecodedText {
        if raw.isEmpty { throw .empty }
        var result: DecodedText
        if let forced {
            result = try decode(raw, as: forced)
        } else if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            let (bytes, bad, _) = validateUTF8(Array(raw[3...]))
            result = DecodedText(bytes: bytes, encoding: .utf8BOM, replacements: bad)
        } else if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            let little = raw[0] == 0xFF
            let (bytes, bad) = transcodeUTF16(raw[2...], littleEndian: little)
            result = DecodedText(bytes: bytes, encoding: little ? .utf16LE : .utf16BE, replacements: bad)
        } else {
            if raw.prefix(8192).contains(0) { throw .binary }
            let (bytes, bad, validMultibyte) = validateUTF8(raw)
            result = DecodedText(bytes: bytes, encoding: .utf8, replacements: bad)
            // A few stray bytes in a UTF-8 text stay UTF-8; mostly-invalid text is tried as GB18030.
            if bad > 0 && bad * 20 >= validMultibyte {
                let gb = convert(raw, from: "GB18030").map { (text: $0.0, bad: $0.1, score: commonShare($0.0)) }
                let big5 = convert(raw, from: "BIG5").map { (text: $0.0, bad: $0.1, score: commonShare($0.0)) }
                if let g = gb, g.bad < bad, big5.map({ g.bad < $0.bad || (g.bad == $0.bad && g.score >= $0.score) }) ?? true {
                    result = DecodedText(bytes: g.text, encoding: .gb18030, replacements: g.bad)
                    if let b = big5, b.bad == g.bad, abs(b.score - g.score) < 0.05 { result.doubt = "Big5" }
                } else if let b = big5, b.bad < bad {
                    result = DecodedText(bytes: b.text, encoding: .big5, replacements: b.bad)
                    if let g = gb, g.bad == b.bad, abs(b.score - g.score) < 0.05 { result.doubt = "GB18030" }
                }
            }
        }
        result.bytes = normalizeLineEnds(result.bytes)
        if result.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { throw .empty }
        return result
    }

    /// `raw` read in the one encoding the user named.
    static func decode(_ raw: [UInt8], as encoding: SourceEncoding) throws(Failure) -> DecodedText {
        switch encoding {
        case .utf16LE, .utf16BE:
            let little = encoding == .utf16LE
            let bom: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let body = raw.starts(with: bom) ? raw[2...] : raw[...]
            let (bytes, bad) = transcodeUTF16(body, littleEndian: little)
            return DecodedText(bytes: bytes, encoding: encoding, replacements: bad)
        case .utf8, .utf8BOM:
            if raw.prefix(8192).contains(0) { throw .binary }
            let bom = raw.starts(with: [0xEF, 0xBB, 0xBF])
            let (bytes, bad, _) = validateUTF8(bom ? Array(raw[3...]) : raw)
            return DecodedText(bytes: bytes, encoding: bom ? .utf8BOM : .utf8, replacements: bad)
        case .gb18030, .big5:
            if raw.prefix(8192).contains(0) { throw .binary }
            guard let (bytes, bad) = convert(raw, from: encoding == .big5 ? "BIG5" : "GB18030") else {
                // iconv without the encoding: keep the bytes' valid UTF-8, say how much was not.
                let (bytes, bad, _) = validateUTF8(raw)
                return DecodedText(bytes: bytes, encoding: .utf8, replacements: bad)
            }
            return DecodedText(bytes: bytes, encoding: encoding, replacements: bad)
        }
    }

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Validates UTF-8, replacing each maximal invalid subpart by U+FFFD.
    /// - Returns: the well-formed bytes (the input itself when it was valid), the number of
    ///   replacements, and how many valid multi-byte sequences were seen (0 when the input
    ///   was valid: the count only matters for telling bad UTF-8 from another encoding).
    /// Whether decoding leaves these bytes as they are: no byte-order mark, no NUL in the first
    /// 8 KiB (what `decode` takes for UTF-16 or a binary file), no CR, well-formed UTF-8. Such
    /// text is used in place (a mapped file, the start of a file read for its first document).
    static func isPlain(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard let base = p.baseAddress else { return true }
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { return false }
        if n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)) { return false }
        if memchr(base, 0, min(n, 8192)) != nil || memchr(base, 0x0D, n) != nil { return false }
        let fast = duben_utf8_valid(base, Int64(n))
        return fast == 1 || (fast == -1 && scanValidPrefix(p) == n)
    }

    static func validateUTF8(_ input: [UInt8]) -> ([UInt8], Int, Int) {
        // The vectorised check (AVX2, in CDubenSearch) answers for the whole text at once, at
        // several times the speed of the scalar scan; only a text it refuses (or a processor
        // without it) is scanned here, to find where the first error is.
        let fast = input.withUnsafeBufferPointer { duben_utf8_valid($0.baseAddress, Int64($0.count)) }
        if fast == 1 { return (input, 0, 0) }
        let firstError = scanValidPrefix(input)
        if firstError == input.count { return (input, 0, 0) }
        // Invalid text: keep the valid prefix as scanned, then replace as we go.
        return input.withUnsafeBufferPointer { p -> ([UInt8], Int, Int) in
            var bad = 0
            // Multi-byte sequences of the valid prefix: one lead byte (11xxxxxx) each.
            var multi = 0
            for k in 0..<firstError where p[k] >= 0xC0 { multi += 1 }
            var out = Array(UnsafeBufferPointer(rebasing: p[0..<firstError]))
            out.reserveCapacity(p.count + 64)
            var i = firstError
            let n = p.count
            while i < n {
                let b = p[i]
                if b < 0x80 { out.append(b); i += 1; continue }
                var need = 0
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; hi = 0x9F
                case 0xF0: need = 3; lo = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; hi = 0x8F
                default: need = -1
                }
                var len = 1
                var ok = need > 0
                if ok {
                    for k in 1...need {
                        guard i + k < n else { ok = false; break }
                        let c = p[i + k]
                        let l: UInt8 = k == 1 ? lo : 0x80, h: UInt8 = k == 1 ? hi : 0xBF
                        if c < l || c > h { ok = false; break }
                        len += 1
                    }
                }
                if ok {
                    multi += 1
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + len)]))
                    i += len
                } else {
                    bad += 1
                    out.append(contentsOf: replacement)
                    i += len
                }
            }
            return (out, bad, multi)
        }
    }

    static func transcodeUTF16(_ input: ArraySlice<UInt8>, littleEndian: Bool) -> ([UInt8], Int) {
        var units: [UInt16] = []
        units.reserveCapacity(input.count / 2)
        var idx = input.startIndex
        while idx + 1 < input.endIndex {
            let a = UInt16(input[idx]), b = UInt16(input[idx + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            idx += 2
        }
        var bad = input.count % 2
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 3)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): out.append(contentsOf: Array(String(s).utf8))
            case .emptyInput: break loop
            case .error: bad += 1; out.append(contentsOf: replacement)
            }
        }
        if input.count % 2 == 1 { out.append(contentsOf: replacement) }
        return (out, bad)
    }

    /// Converts with the C library's iconv; each undecodable byte becomes U+FFFD.
    /// The share of CJK characters of `utf8` that are among `commonCharacters`.
    static func commonShare(_ utf8: [UInt8]) -> Double {
        var cjk = 0, common = 0
        for scalar in String(decoding: utf8.prefix(1 << 20), as: UTF8.self).unicodeScalars where (0x4E00...0x9FFF).contains(scalar.value) {
            cjk += 1
            if commonCharacters.contains(scalar) { common += 1 }
        }
        return cjk == 0 ? 0 : Double(common) / Double(cjk)
    }

    /// The most frequent characters of Chinese text, in simplified and traditional forms.
    static let commonCharacters: Set<Unicode.Scalar> = Set(("的一是不了在人有我他这個这个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運笑飞飛风風步改收根干千做百复復").unicodeScalars)

    /// Converts `input` from a legacy encoding with iconv, replacing each byte it cannot read
    /// by U+FFFD; nil when iconv does not know the encoding.
    static func convert(_ input: [UInt8], from encoding: String) -> ([UInt8], Int)? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var out = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var bad = 0
        var written = 0
        var source = input
        source.withUnsafeMutableBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = dst.count
                while inLeft > 0 {
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r != -1 { break }
                    if errno == E2BIG || outLeft < 4 { break }
                    // EILSEQ or EINVAL (truncated at the end): replace one byte and go on.
                    bad += 1
                    for b in replacement {
                        outPtr!.pointee = CChar(bitPattern: b)
                        outPtr = outPtr! + 1
                        outLeft -= 1
                    }
                    inPtr = inPtr! + 1
                    inLeft -= 1
                }
                written = dst.count - outLeft
            }
        }
        out.removeSubrange(written...)
        return (out, bad)
    }

    /// The length of the longest valid UTF-8 prefix.
    ///
    /// A tight loop without output: almost every file is valid and takes only this path. It
    /// reads words, not bytes:
    /// - 24 bytes at a time (three words) when they are all ASCII, or eight three-byte sequences
    ///   with leads of E1–EC or EE–EF (a run of eight CJK characters or full-width punctuation),
    ///   tested a word at a time (`isThreeByteRun`);
    /// - else one word: eight ASCII bytes; the ASCII bytes before its first non-ASCII byte; two
    ///   or one such three-byte sequences;
    /// - anything else goes through the full check of `validLength`.
    static func scanValidPrefix(_ input: [UInt8]) -> Int {
        input.withUnsafeBufferPointer { scanValidPrefix($0) }
    }

    /// The same over memory that is not an array (a mapped file).
    static func scanValidPrefix(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        do {
            guard let base = p.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            let n = p.count
            let high: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i + 8 <= n {
                if i + 24 <= n {
                    let w0 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
                    let w1 = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian
                    let w2 = raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self).littleEndian
                    if (w0 | w1 | w2) & high == 0 || isThreeByteRun(w0, w1, w2) { i += 24; continue }
                }
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
                let nonASCII = word & high
                if nonASCII == 0 { i += 8; continue }
                // The ASCII bytes before the first non-ASCII one (little-endian: the low bytes).
                let ascii = nonASCII.trailingZeroBitCount >> 3
                if ascii > 0 { i += ascii; continue }
                // Two three-byte sequences: lead 1110xxxx, then two continuation bytes
                // 10xxxxxx, twice (two Chinese characters in one compare).
                if word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 {
                    let lead1 = word & 0xFF, lead2 = (word >> 24) & 0xFF
                    if lead1 != 0xE0 && lead1 != 0xED && lead2 != 0xE0 && lead2 != 0xED { i += 6; continue }
                }
                // One.
                if word & 0xC0_C0F0 == 0x80_80E0 {
                    let lead = word & 0xFF
                    if lead != 0xE0 && lead != 0xED { i += 3; continue }
                }
                let length = validLength(p, at: i)
                if length == 0 { return i }
                i += length
            }
            while i < n {
                let length = validLength(p, at: i)
                if length == 0 { return i }
                i += length
            }
            return n
        }
    }

    /// Whether 24 bytes (three little-endian words) are eight well-formed three-byte sequences
    /// with leads E1–EC or EE–EF: a lead 1110xxxx every third byte, continuation bytes 10xxxxxx
    /// between. A lead's low nibble must not be 0 (E0 needs a second byte from A0, or it is
    /// overlong) nor D (ED A0–BF are surrogates): such runs are left to the byte-by-byte check.
    @inline(__always)
    static func isThreeByteRun(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64) -> Bool {
        // Per word: the mask and pattern of lead and continuation bytes, and 0x0F at each lead.
        threeByteWord(w0, mask: 0xC0F0_C0C0_F0C0_C0F0, pattern: 0x80E0_8080_E080_80E0, nibble: 0x000F_0000_0F00_000F)
            && threeByteWord(w1, mask: 0xF0C0_C0F0_C0C0_F0C0, pattern: 0xE080_80E0_8080_E080, nibble: 0x0F00_000F_0000_0F00)
            && threeByteWord(w2, mask: 0xC0C0_F0C0_C0F0_C0C0, pattern: 0x8080_E080_80E0_8080, nibble: 0x0000_0F00_000F_0000)
    }

    /// One word of `isThreeByteRun`. A lead nibble y is non-zero when y + 0xF carries into bit 4,
    /// and is not D when (y ^ 0xD) + 0xF does (no byte overflows into the next).
    @inline(__always)
    static func threeByteWord(_ w: UInt64, mask: UInt64, pattern: UInt64, nibble: UInt64) -> Bool {
        guard w & mask == pattern else { return false }
        let carry = (nibble << 1) & ~nibble
        let y = w & nibble
        return (y &+ nibble) & ((y ^ (nibble & 0x0D0D_0D0D_0D0D_0D0D)) &+ nibble) & carry == carry
    }

    /// The length of the well-formed UTF-8 sequence at `i`, or 0 when there is none
    /// (Unicode table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func validLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = p.count
        let b = p[i]
        if b < 0x80 { return 1 }
        if b >= 0xC2 && b <= 0xDF {
            return i + 1 < n && p[i + 1] & 0xC0 == 0x80 ? 2 : 0
        }
        if b >= 0xE0 && b <= 0xEF {
            guard i + 2 < n, p[i + 2] & 0xC0 == 0x80 else { return 0 }
            let c = p[i + 1]
            let lo: UInt8 = b == 0xE0 ? 0xA0 : 0x80, hi: UInt8 = b == 0xED ? 0x9F : 0xBF
            return c >= lo && c <= hi ? 3 : 0
        }
        if b >= 0xF0 && b <= 0xF4 {
            guard i + 3 < n, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return 0 }
            let c = p[i + 1]
            let lo: UInt8 = b == 0xF0 ? 0x90 : 0x80, hi: UInt8 = b == 0xF4 ? 0x8F : 0xBF
            return c >= lo && c <= hi ? 4 : 0
        }
        return 0
    }

    /// CRLF and lone CR become LF.
    static func normalizeLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        let hasCR = bytes.withUnsafeBytes { $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        guard hasCR else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }
}
