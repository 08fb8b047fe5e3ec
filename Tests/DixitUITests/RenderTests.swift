import DixitKit
import Testing
@testable import DixitUI

@Suite struct RenderTests {
    @Test func dump() {
        for (w, h) in [(120, 35), (40, 12), (200, 60)] {
            print(screen(SeedFixture.state(w, h)))
        }
        var s = SeedFixture.state(120, 35)
        s = run(s, [.command(.speakerPicker)] + keys("jul") + [.key(.enter)])
        print(screen(s))
    }
}
