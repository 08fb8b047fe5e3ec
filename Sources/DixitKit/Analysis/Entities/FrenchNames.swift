/// French names that go on in lowercase: geographic heads (`mer Noire`,
/// `détroit de Malacca`), adjectives and nouns of organisation names
/// (`Organisation mondiale de la santé`) (see `CandidateFinder`).
extension CandidateFinder {
    /// Lowercase geographic heads of French place names: `mer Noire`, `détroit de Malacca`, `îles Kerguelen`.
    static let geographicHeads: Set<String> = [
        "mer", "detroit", "ile", "iles", "lac", "golfe", "canal", "mont", "monts", "baie", "archipel",
    ]

    /// The heads as written (with their accents), matched without folding.
    static let geographicHeadScalars: [[Unicode.Scalar]] = [
        "mer", "détroit", "île", "îles", "ile", "iles", "lac", "golfe", "canal", "mont", "monts", "baie", "archipel",
        "rue", "avenue", "boulevard",
    ].map { Array($0.unicodeScalars) }

    /// One bit per (first scalar, second scalar, length) of the heads (`headFilterBit`): most
    /// lowercase words are told apart from every head by one bit test, without comparing words.
    static let geographicHeadFilter: UInt64 = geographicHeadScalars.reduce(0) { $0 | headFilterBit($1[0], $1[1], $1.count) }

    @inline(__always)
    static func headFilterBit(_ first: Unicode.Scalar, _ second: Unicode.Scalar, _ length: Int) -> UInt64 {
        let h = (UInt64(first.value) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(second.value) &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        return 1 << ((h &* 0x1656_67B1_9E37_79F9) >> 58)
    }

    func geographicName(at i: Int) -> Range<Int>? {
        guard view.isLowercaseWord(i), view.span(i).length >= 3, view.span(i).length <= 9 else { return nil }
        let start = view.span(i).start
        guard Self.geographicHeadFilter & Self.headFilterBit(view.scalars[start], view.scalars[start + 1], view.span(i).length) != 0,
              view.isOneOf(i, Self.geographicHeadScalars) else { return nil }
        // `presqu'île de Crozon`: the head is the end of an elided word, the name starts after `de`.
        if i >= 1, view.kind(i - 1) == .elision, view.adjacent(i - 1, i) { return nil }
        var end = i + 1
        if view.isCapitalised(end) {
            end = groupEnd(from: end)
        } else if let (after, c) = connector(at: end), c == "de", view.isCapitalised(after) {
            end = groupEnd(from: after)
        } else {
            return nil
        }
        while isFrenchAdjective(end), !view.has(end, .demonym) { end += 1 }
        return i..<end
    }


    func isFrenchAdjective(_ k: Int) -> Bool {
        guard view.isLowercaseWord(k) else { return false }
        if let b = view.asciiFold(k) {
            // The same tests on the bytes (an ASCII fold's characters).
            guard b.count >= 4, !view.has(k, [.notAdjective, .functionWord]) else { return false }
            if view.has(k, .demonym) { return true }
            return Self.frenchAdjectiveEndingBytes.contains { TokenView.hasSuffix(b, $0) }
        }
        let f = view.fold(k)
        guard f.count >= 4, !view.has(k, [.notAdjective, .functionWord]) else { return false }
        if view.has(k, .demonym) { return true }
        return Self.frenchAdjectiveEndings.contains { f.hasSuffix($0) }
    }

    /// `frenchAdjectiveEndings` as UTF-8.
    static let frenchAdjectiveEndingBytes: [[UInt8]] = frenchAdjectiveEndings.map { Array($0.utf8) }

    func looksLikeInfinitive(_ k: Int) -> Bool {
        if let b = view.asciiFold(k) {
            @inline(__always) func ends(_ s: StaticString) -> Bool { TokenView.hasSuffix(b, s) }
            return ends("er") || ends("ir") || ends("re") && !ends("tre") && !ends("ire")
        }
        let f = view.fold(k)
        return f.hasSuffix("er") || f.hasSuffix("ir") || f.hasSuffix("re") && !f.hasSuffix("tre") && !f.hasSuffix("ire")
    }

    func isLowercaseNoun(_ k: Int) -> Bool {
        guard view.isLowercaseWord(k) else { return false }
        return view.foldCount(k) >= 4 && !view.has(k, [.functionWord, .notAdjective, .nonEntity])
    }
}
