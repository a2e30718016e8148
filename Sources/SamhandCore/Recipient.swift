import Foundation

/// A person who receives services from several providers and whose coordination Samhand keeps.
/// Every personal field is sealed at rest and reads back as `Protected`, so erasure shows.
///
/// ```swift
/// let recipient = try store.read { try $0.recipient(id) }
/// print(recipient?.name ?? .erased)
/// ```
public struct Recipient: Sendable, Equatable, Encodable {
  public let id: RecipientID
  public let registeredBy: ServiceCode
  public let createdAt: Date
  public let name: Protected<String>
  public let nationalID: Protected<NationalID>
  public let contact: Protected<String?>
  public let relatives: [Relative]
  /// Counts the rectifications: every change of name, contact or next of kin is a new version
  /// (invariant 8), named in `If-Match` / `--if-version`.
  public let version: Int

  public init(
    id: RecipientID, registeredBy: ServiceCode, createdAt: Date, name: Protected<String>,
    nationalID: Protected<NationalID>, contact: Protected<String?>, relatives: [Relative] = [],
    version: Int = 1
  ) {
    self.id = id
    self.registeredBy = registeredBy
    self.createdAt = createdAt
    self.name = name
    self.nationalID = nationalID
    self.contact = contact
    self.relatives = relatives
    self.version = version
  }

  /// True once the recipient's data key has been destroyed.
  public var isErased: Bool { name == .erased }
}

/// What it takes to register a recipient; validated before anything is written, the same
/// for the CLI and HTTP.
public struct NewRecipient: Sendable, Equatable {
  /// The longest name (of the recipient or a next of kin) accepted, in characters.
  public static let maxNameLength = 200

  /// A name is one line of 1 to `maxNameLength` characters, not only spaces, without control
  /// characters.
  public static func checkName(_ name: String, field: String) throws(DomainError) {
    guard !name.trimmingSpaces.isEmpty else { throw .emptyField(field) }
    guard name.count <= maxNameLength else { throw .tooLong(field: field, max: maxNameLength) }
    guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { throw .controlCharacter(field: field) }
  }

  public let name: String
  public let nationalID: NationalID
  public let contact: String?
  public let relatives: [NewRelative]
  public let registeredBy: ServiceCode

  public init(
    name: String, nationalID: NationalID, contact: String? = nil, relatives: [NewRelative] = [],
    registeredBy: ServiceCode
  ) throws(DomainError) {
    try Self.check(name: name, contact: contact, relatives: relatives)
    self.name = name
    self.nationalID = nationalID
    self.contact = contact
    self.relatives = relatives
    self.registeredBy = registeredBy
  }
}
