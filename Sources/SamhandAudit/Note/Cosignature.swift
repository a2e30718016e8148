import Foundation

/// The message a witness signs for a timestamped cosignature (c2sp.org/tlog-cosignature,
/// Ed25519): "a consistent tree head with the largest size this witness has seen, at this
/// time".
///
/// ```
/// cosignature/v1
/// time 1679315147
/// <the checkpoint's text>
/// ```
public enum Cosignature {
  public static func message(checkpointText: String, timestamp: UInt64) -> Data {
    Data("cosignature/v1\ntime \(timestamp)\n\(checkpointText)".utf8)
  }
}
