import Foundation

/// The default policy set shipped with this binary (the repository's `policies/`), copied
/// into a new data directory by `init`. At run time policies are read from the data
/// directory, where operators change them; this copy is only the starting point.
enum DefaultPolicies {
  static var files: [(name: String, text: String)] { embeddedDefaultPolicies }

  static func write(to folder: URL) throws {
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    for file in files {
      let url = folder.appending(path: file.name)
      try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
  }
}
