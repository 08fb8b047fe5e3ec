import Foundation

#if FUZZING
/// libFuzzer's driver (from `-sanitize=fuzzer`). SwiftPM gives executables its own
/// `main`, which hides libFuzzer's, so the driver is started by hand.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

/// `dixit-fuzz`: built with `-sanitize=fuzzer -DFUZZING` it is a libFuzzer
/// binary (see `Fuzz/run.sh`); built normally it replays the files it is given
/// through the same checks, which is how a saved crash is reproduced.
@main
struct DixitFuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: dixit-fuzz FILE... (replays inputs; build with Fuzz/run.sh to fuzz)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("dixit-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            FuzzHarness.run(Array(data))
            print("ok \(path) (\(data.count) bytes)")
        }
        #endif
    }
}
