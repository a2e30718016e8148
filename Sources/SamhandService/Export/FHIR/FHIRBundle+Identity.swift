import Foundation
import SamhandCore

/// The identity record (Patient, RelatedPerson: next of kin ever recorded, removed ones
/// inactive) and consents and blocks (Consent: permit or deny).
extension FHIRBundle {
  /// The Norwegian national identity number's identifier system.
  static let nationalIDSystem = "urn:oid:2.16.578.1.12.4.1.4.1"

  /// HL7's role code for a child, on next of kin flagged as children.
  static let childCoding: FHIRValue = [
    ["system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "CHILD"]
  ]

  mutating func addIdentity(of export: RecipientExport) {
    let recipient = export.recipient
    add(
      "Patient", recipient.id.rawValue,
      [
        "identifier": recipient.nationalID.value.map { id -> FHIRValue in
          [["system": .string(Self.nationalIDSystem), "value": .string(id.digits)]]
        },
        "name": [["text": .string(recipient.name.description)]],
        "telecom": Self.telecom(recipient.contact),
        "managingOrganization": organization(recipient.registeredBy),
        "meta": ["versionId": .string(String(recipient.version))],
      ])
    let current = Set(recipient.relatives.map(\.id))
    let everyRelative = export.identityVersions.flatMap(\.relatives) + recipient.relatives
    for relative in everyRelative {
      add(
        "RelatedPerson", relative.id.rawValue,
        [
          "active": .bool(current.contains(relative.id)), "patient": patient,
          "relationship": [
            [
              "coding": relative.isChild ? Self.childCoding : nil,
              "text": .string(relative.relation.description),
            ]
          ],
          "name": [["text": .string(relative.name.description)]],
          "telecom": Self.telecom(relative.contact),
        ])
    }
  }

  static func telecom(_ contact: Protected<String?>) -> FHIRValue? {
    switch contact {
    case .value(nil): return nil
    case .value(let text?): return [["system": "other", "value": .string(text)]]
    case .erased: return [["system": "other", "value": .string(Protected<String>.erasedMarker)]]
    }
  }

  mutating func addConsents(_ consents: [Consent], blocks: [Block]) {
    for consent in consents {
      var actors = consent.services.map { service in
        ["role": .concept("recipient of information"), "reference": organization(service)]
          as FHIRValue
      }
      actors += consent.staff.map { staff in
        ["role": .concept("recipient of information"), "reference": practitioner(staff)]
      }
      add(
        "Consent", consent.id.rawValue,
        consentResource(
          status: consent.withdrawnAt == nil ? "active" : "inactive",
          recorded: consent.recordedAt, rule: consent.purpose.description,
          provision: [
            "type": "permit",
            "period": [
              "start": .string(consent.validFrom.description),
              "end": .text(consent.validUntil?.description),
            ],
            "actor": .array(actors),
            "class": .array(consent.categories.map { Self.category($0) }),
          ]))
    }
    for block in blocks {
      let target: FHIRValue
      switch block.target {
      case .staff(let staff): target = practitioner(staff)
      case .service(let service): target = organization(service)
      }
      add(
        "Consent", block.id.rawValue,
        consentResource(
          status: block.liftedAt == nil ? "active" : "inactive", recorded: block.createdAt,
          rule: "sperring (block): \(block.reason.map { $0 ?? "no reason given" })",
          provision: [
            "type": "deny",
            "actor": [["role": .concept("blocked from the information"), "reference": target]],
            "class": .array(block.categories.map { Self.category($0) }),
          ]))
    }
  }

  private func consentResource(
    status: String, recorded: Date, rule: String, provision: FHIRValue
  ) -> FHIRValue {
    [
      "status": .string(status),
      "scope": [
        "coding": [
          [
            "system": "http://terminology.hl7.org/CodeSystem/consentscope",
            "code": "patient-privacy",
          ]
        ]
      ],
      "category": [
        ["coding": [["system": "http://loinc.org", "code": "59284-0", "display": "Consent"]]]
      ],
      "patient": patient, "dateTime": .string(FHIRValue.instant(recorded)),
      "policyRule": .concept(rule), "provision": provision,
    ]
  }

  /// An information category as a Coding.
  static func category(_ category: InformationCategory) -> FHIRValue {
    ["system": "urn:samhand:information-category", "code": .string(category.rawValue)]
  }
}
