import Foundation

/// Runs a Python script of a contract check (`python3` on PATH, from `.venv` through
/// `ops/test.sh`) on files it writes to a scratch folder, and decodes what it prints.
enum PythonScript {
  /// What a contract check prints: how many things it checked and what failed.
  struct Report: Decodable {
    let checked: Int
    let failures: [String]
  }

  /// Writes `files` (name and content), runs `script` with their paths as arguments in that
  /// order, and decodes its standard output as `T`.
  static func run<T: Decodable>(_ script: String, files: [(String, Data)]) throws -> T {
    let folder = FileManager.default.temporaryDirectory
      .appending(path: "samhand-python-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for (name, content) in files {
      let url = folder.appending(path: name)
      try content.write(to: url)
      paths.append(url.path)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + paths
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try JSONDecoder().decode(T.self, from: result)
  }
}
