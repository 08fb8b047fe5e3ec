import DixitKit

/// libFuzzer's entry point: one input, every stage of dixit on it.
/// A broken invariant stops the process (`FuzzHarness.fail`), which libFuzzer
/// reports as a crash and saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes)
    return 0
}
