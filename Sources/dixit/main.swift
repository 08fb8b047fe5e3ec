import ArgumentParser
import Foundation

// Exit status: 0 all went well, 1 some inputs could not be read, 2 usage error.
do {
    var command = try DixitCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = DixitCommand.exitCode(for: error)
    if code == .success {
        DixitCommand.exit(withError: error)   // --help, --version
    }
    let message = DixitCommand.fullMessage(for: error)
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
}
