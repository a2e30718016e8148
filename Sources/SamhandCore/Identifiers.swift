import Foundation

/// An opaque, stable identifier of one kind of thing. It carries no personal data, so it may
/// appear in logs, audit entries and URLs. The phantom `Kind` keeps a staff id from being
/// passed where a recipient id belongs.
public struct Identifier<Kind: IdentifierKind>: Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
{
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// A new random identifier: the kind's prefix and a lowercase UUID.
  public static func generate() -> Identifier {
    Identifier(rawValue: Kind.prefix + "-" + UUID().uuidString.lowercased())
  }

  public var description: String { rawValue }

  public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Names the kind of an `Identifier` and the prefix its generated values carry.
public protocol IdentifierKind: Sendable {
  static var prefix: String { get }
}

public enum RecipientKind: IdentifierKind { public static let prefix = "r" }
public enum StaffKind: IdentifierKind { public static let prefix = "s" }
public enum ConsentKind: IdentifierKind { public static let prefix = "c" }
public enum BlockKind: IdentifierKind { public static let prefix = "b" }
public enum BreakGlassKind: IdentifierKind { public static let prefix = "bg" }
public enum RelativeKind: IdentifierKind { public static let prefix = "k" }
public enum TokenKind: IdentifierKind { public static let prefix = "t" }
/// Named apart from `HandoverKind`, the kind of transition a handover is.
public enum HandoverIDKind: IdentifierKind { public static let prefix = "h" }
public enum ErasureRequestKind: IdentifierKind { public static let prefix = "er" }

public typealias RecipientID = Identifier<RecipientKind>
public typealias StaffID = Identifier<StaffKind>
public typealias ConsentID = Identifier<ConsentKind>
public typealias BlockID = Identifier<BlockKind>
public typealias BreakGlassID = Identifier<BreakGlassKind>
public typealias RelativeID = Identifier<RelativeKind>
public typealias TokenID = Identifier<TokenKind>
public typealias HandoverID = Identifier<HandoverIDKind>
public typealias ErasureRequestID = Identifier<ErasureRequestKind>

/// A service's short code (`nav`, `tsb`, `psykisk-helse-rus`, ...), as used in policies.
public struct ServiceCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public let rawValue: String

  /// Accepts lowercase ASCII letters, digits and single hyphens, 2 to 40 characters.
  public init(_ rawValue: String) throws(DomainError) {
    let allowed = rawValue.utf8.allSatisfy { byte in
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
    guard allowed, (2...40).contains(rawValue.utf8.count), !rawValue.hasPrefix("-"),
      !rawValue.hasSuffix("-"), !rawValue.contains("--")
    else { throw .invalidServiceCode(rawValue) }
    self.rawValue = rawValue
  }

  public init(from decoder: any Decoder) throws {
    try self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }

  public static func < (lhs: ServiceCode, rhs: ServiceCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
