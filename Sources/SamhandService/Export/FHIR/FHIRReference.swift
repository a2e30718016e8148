import Crypto
import Foundation

/// Stable references between the resources of an exported bundle: every resource's
/// `fullUrl` is a `urn:uuid:` derived from its kind and Samhand id (a name-based UUID, RFC 9562
/// version 5), so the same record gets the same reference in every export.
///
/// ```swift
/// FHIRReference.urn("Patient", "r-…")   // "urn:uuid:…", the same every time
/// ```
enum FHIRReference {
  /// The namespace of Samhand's name-based UUIDs.
  private static let namespace = Array("samhand.fhir.export".utf8)

  /// The UUID for the resource of `type` made from Samhand's record `id`.
  static func uuid(_ type: String, _ id: String) -> String {
    var bytes = Array(Insecure.SHA1.hash(data: namespace + Array("\(type)/\(id)".utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { String(format: "%02x", $0) }
    return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
      .map { $0.joined() }.joined(separator: "-")
  }

  static func urn(_ type: String, _ id: String) -> String { "urn:uuid:" + uuid(type, id) }

  /// A Reference to that resource.
  static func to(_ type: String, _ id: String) -> FHIRValue {
    ["reference": .string(urn(type, id))]
  }
}
