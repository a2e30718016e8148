import Foundation

/// A recipient's opaque, stable identifier. It carries no personal data, so it may appear in
/// logs, audit entries and URLs.
public struct RecipientID: Hashable, Sendable, Codable, CustomStringConvertible {
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  /// A new random identifier (`r-` and a lowercase UUID).
  public static func generate() -> RecipientID {
    RecipientID(rawValue: "r-" + UUID().uuidString.lowercased())
  }

  public var description: String { rawValue }
}

/// A service's short code (`nav`, `tsb`, `psykisk-helse-rus`, ...), as used in policies.
public struct ServiceCode: Hashable, Sendable, Codable, CustomStringConvertible {
  public let rawValue: String

  /// Accepts lowercase ASCII letters, digits and single hyphens, 2 to 40 characters.
  public init(_ rawValue: String) throws(DomainError) {
    let allowed = rawValue.utf8.allSatisfy { byte in
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
    guard allowed, (2...40).contains(rawValue.count), !rawValue.hasPrefix("-"),
      !rawValue.hasSuffix("-"), !rawValue.contains("--")
    else { throw .invalidServiceCode(rawValue) }
    self.rawValue = rawValue
  }

  public var description: String { rawValue }
}
