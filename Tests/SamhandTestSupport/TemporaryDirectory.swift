import Foundation

/// A fresh directory under the system temp dir, removed when the test is done with it.
public final class TemporaryDirectory: Sendable {
  public let url: URL

  public init(_ label: String = "samhand") throws {
    url = FileManager.default.temporaryDirectory
      .appending(path: "\(label)-\(UUID().uuidString.lowercased())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  public func path(_ component: String) -> URL { url.appending(path: component) }
}
