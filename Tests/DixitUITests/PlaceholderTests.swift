import Testing
@testable import DixitUI
