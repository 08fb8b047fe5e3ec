import Testing
@testable import DixitKit

@Suite struct SpanTests {
    @Test func textOfSpanIsScalarIndexed() {
        let text = ScalarText("« Déjà » 👩‍💻 fin")
        #expect(text[Span(2, 6)] == "Déjà")
        #expect(text[Span(9, 12)] == "👩‍💻")
    }
}
