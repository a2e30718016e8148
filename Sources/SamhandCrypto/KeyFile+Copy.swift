import Foundation

/// Copying a whole keys directory, as `samhand restore` does from where the operator kept it.
public enum KeyDirectoryCopy {
  /// Copies every regular file of `source` (hidden files aside) into the new directory
  /// `target`, created 0700, each file written 0600 from the start, whatever the modes at
  /// `source` were. Returns the names copied. `target` must not exist; on failure it is
  /// removed again. What is copied is not judged here: load the copy with `KeyRing.load`.
  @discardableResult
  public static func copy(from source: URL, to target: URL) throws -> [String] {
    guard let status = try FileStatus(of: source) else {
      throw CryptoError.keyFileMissing(path: source.filePath)
    }
    guard status.isDirectory else {
      throw CryptoError.keyFileMalformed(path: source.filePath, reason: "not a directory")
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: source.filePath)
        .filter { !$0.hasPrefix(".") }.sorted()
    } catch {
      throw CryptoError.keyFileAccessFailed(path: source.filePath, reason: "\(error)")
    }
    try KeyFile.makeDirectory(target)
    var copied: [String] = []
    do {
      for name in names {
        let url = source.appending(path: name)
        guard try FileStatus(of: url)?.isRegularFile == true else { continue }
        let bytes: Data
        do {
          bytes = try Data(contentsOf: url)
        } catch {
          throw CryptoError.keyFileAccessFailed(path: url.filePath, reason: "\(error)")
        }
        try KeyFile.writeNew(bytes, named: name, in: target)
        copied.append(name)
      }
    } catch {
      try? FileManager.default.removeItem(at: target)
      throw error
    }
    return copied
  }
}
