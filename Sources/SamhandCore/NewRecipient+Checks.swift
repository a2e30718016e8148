/// The rules for the text of an identity record beyond names, shared by registration and
/// rectification and so by the CLI and HTTP alike: one line, bounded, no control characters.
extension NewRecipient {
  /// The longest contact (phone, address) accepted, in characters.
  public static let maxContactLength = 300

  /// Contact data is one line of 1 to `maxContactLength` characters without control
  /// characters.
  public static func checkContact(_ contact: String, field: String) throws(DomainError) {
    guard !contact.trimmingSpaces.isEmpty else { throw .emptyField(field) }
    guard contact.count <= maxContactLength else {
      throw .tooLong(field: field, max: maxContactLength)
    }
    guard !contact.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { throw .controlCharacter(field: field) }
  }

  /// The fields of a registration or a rectification; nil is not checked.
  public static func check(
    name: String?, contact: String?, relatives: [NewRelative]
  ) throws(DomainError) {
    if let name { try checkName(name, field: "name") }
    if let contact { try checkContact(contact, field: "contact") }
    for relative in relatives { try check(relative) }
  }

  /// A next of kin: name and relation follow the name rule, the contact the contact rule.
  public static func check(_ relative: NewRelative) throws(DomainError) {
    try checkName(relative.name, field: "next of kin name")
    try checkName(relative.relation, field: "next of kin relation")
    if let contact = relative.contact { try checkContact(contact, field: "next of kin contact") }
  }
}
