import Foundation

/// JSON form `{"sequence": 17, "hash": "<64 lowercase hex digits>"}`, readable by an auditor
/// and by scripts comparing heads.
extension AuditHead: Codable {
  private enum CodingKeys: String, CodingKey {
    case sequence
    case hash
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let hex = try container.decode(String.self, forKey: .hash)
    guard let hash = Data(hexString: hex) else {
      throw DecodingError.dataCorruptedError(
        forKey: .hash, in: container, debugDescription: "expected an even number of hex digits")
    }
    self.init(sequence: try container.decode(Int64.self, forKey: .sequence), hash: hash)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(sequence, forKey: .sequence)
    try container.encode(hash.hexString, forKey: .hash)
  }
}
