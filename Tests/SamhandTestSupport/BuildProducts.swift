import Foundation

/// Locates executables built alongside the test bundle (`samhand`, the crash probe).
public enum BuildProducts {
  public static func executable(_ name: String) -> URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appending(path: name)
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return packageRoot.appending(path: ".build/debug/\(name)")
  }
}

/// The outcome of running a command to completion.
public struct CommandResult: Sendable {
  public let status: Int32
  public let stdout: String
  public let stderr: String

  /// Standard error's non-empty lines.
  public var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs an executable with arguments and environment, waiting for it to exit. Output goes
/// through files, so a chatty child can never block on a full pipe.
public func runCommand(
  _ executable: URL, _ arguments: [String], environment: [String: String] = [:]
) throws -> CommandResult {
  let scratch = try TemporaryDirectory("samhand-run")
  let outURL = scratch.path("stdout")
  let errURL = scratch.path("stderr")
  _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  var merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SAMHAND_") }
  merged.merge(environment) { $1 }
  process.environment = merged
  process.standardOutput = try FileHandle(forWritingTo: outURL)
  process.standardError = try FileHandle(forWritingTo: errURL)
  process.standardInput = FileHandle.nullDevice
  try process.run()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus,
    stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
    stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
}
