import Foundation
import SamhandCore

/// `PATCH /v1/recipients/{recipientId}` (schema `RecipientPatch`): a JSON merge patch
/// (RFC 7396) of the identity record. A member left out stays as it is; `"contact": null`
/// removes the contact; `relatives` replaces the whole list, as merge patches replace arrays:
/// `{"id": ...}` keeps a current next of kin, an object without `id` adds one, and a current
/// one not listed is removed (`"relatives": null` removes every one).
struct RecipientPatchBody: StrictBody {
  /// One member of `relatives`: a kept next of kin by id, or a new one.
  struct RelativeEntry: StrictBody {
    let id: String?
    let name: String?
    let relation: String?
    let contact: String?
    let isChild: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, relation, contact, isChild }
  }

  let name: String?
  /// nil: not in the patch; `.some(nil)`: `null`, remove.
  let contact: String??
  let relatives: [RelativeEntry]??

  enum CodingKeys: String, CodingKey, CaseIterable { case name, contact, relatives }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decodeIfPresent(String.self, forKey: .name)
    contact = try Self.member(container, .contact)
    relatives = try Self.member(container, .relatives)
  }

  /// A member that may be absent (nil), `null` (`.some(nil)`) or a value.
  private static func member<T: Decodable>(
    _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
  ) throws -> T?? {
    guard container.contains(key) else { return nil }
    return .some(try container.decodeNil(forKey: key) ? nil : container.decode(T.self, forKey: key))
  }

  static func checkNested(_ object: [String: Any]) throws {
    if object.keys.contains("name"), object["name"] is NSNull {
      throw Problem.invalid("name", "'name' cannot be removed")
    }
    guard let relatives = object["relatives"] as? [Any] else { return }
    for (index, relative) in relatives.enumerated() {
      guard let member = relative as? [String: Any] else { continue }
      try RelativeEntry.checkMembers(member, path: "relatives.\(index).")
    }
  }

  /// The rectification this patch asks for, checked by the rules registration uses.
  func change() throws -> RecipientChange {
    var kept: Set<RelativeID>?
    var added: [NewRelative] = []
    if let relatives {
      kept = []
      for (index, entry) in (relatives ?? []).enumerated() {
        if let id = entry.id {
          guard entry.name == nil, entry.relation == nil, entry.contact == nil,
            entry.isChild == nil
          else {
            throw Problem.invalid(
              "relatives.\(index)",
              "a kept next of kin is named by 'id' alone; remove it and add the corrected one")
          }
          kept?.insert(RelativeID(rawValue: id))
        } else {
          guard let name = entry.name, let relation = entry.relation else {
            throw Problem.invalid(
              "relatives.\(index)", "a new next of kin needs 'name' and 'relation'")
          }
          added.append(
            NewRelative(
              name: name, relation: relation, contact: entry.contact,
              isChild: entry.isChild ?? false))
        }
      }
    }
    return try RecipientChange(
      name: name, contact: contact, addedRelatives: added, keptRelatives: kept)
  }
}
