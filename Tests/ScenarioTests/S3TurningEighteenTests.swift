import Foundation
import HTTPTypes
import Testing

/// S3, turning 18: Eva Sand (barnevern) has followed Mia Holm. Three months before Mia's 18th
/// birthday the agenda reminds Eva; she proposes a `turning-18` transfer to adult services
/// with the aftercare offer recorded and Mia's consent behind it. Nobody accepts by the
/// birthday: the day after, the handover is overdue on both sides and Eva still holds
/// responsibility. Driven over HTTP on a clock the test moves, as months pass.
@Suite("S3 Turning 18")
struct S3TurningEighteenTests {
  struct Created: Decodable { let id: String }

  struct Responsibility: Decodable {
    let staff: String?
    let service: String
  }

  static let birthday = "2029-05-20"
  static let eva = "eva.sand"
  /// Adult services: psykisk-helse-rus, addressed as a service with no one named.
  static let adult = ["siri.fjell", "ola.strand"]

  @Test("reminded three months ahead; the transfer nobody accepts is overdue on both sides")
  func turningEighteen() async throws {
    let town = try TimedMunicipality(startingOn: "2029-02-19")
    let mia = try await registerMia(town)

    #expect(try await agenda(town, Self.eva).items("turning-18", of: mia).isEmpty, "not yet")
    try town.move(to: "2029-02-20")
    #expect(
      try await agenda(town, Self.eva).items("turning-18", of: mia) == [
        .init(kind: "turning-18", recipient: mia, subject: mia, due: Self.birthday, overdue: false)
      ], "three months before the birthday")

    let handover = try await town.send(
      .post, "/v1/recipients/\(mia)/handovers", as: Self.eva,
      json: """
        {"kind": "turning-18", "mode": "transfer", "toService": "psykisk-helse-rus",
         "plannedDate": "\(Self.birthday)", "notes": "Ettervern tilbudt til 25 år"}
        """
    ).decode(Created.self, expecting: 201).id
    let shown = try await town.send(.get, "/v1/handovers/\(handover)", as: Self.eva)
    let etag = try #require(shown.headers[.eTag])
    let checked = try await town.send(
      .post, "/v1/handovers/\(handover)/checklist/aftercare-offered/check", as: Self.eva,
      headers: [.ifMatch: etag])
    #expect(checked.status == 200, "\(checked.text)")
    let record = try await town.send(.get, "/v1/handovers/\(handover)", as: Self.eva)
      .decode(HandoverView.self)
    #expect(record.handover.kind == "turning-18" && record.handover.mode == "transfer")
    #expect(record.handover.toService == "psykisk-helse-rus" && record.handover.toStaff == nil)
    #expect(record.checklist.first { $0.key == "aftercare-offered" }?.doneBy == Self.eva)
    #expect(record.checklist.first { $0.key == "adult-services" }?.doneBy == nil)

    try town.move(to: Self.birthday)
    let onTheDay = try await agenda(town, Self.eva)
    // The demo has a youth of its own turning 18 with Eva; look at Mia's items.
    #expect(onTheDay.items("handover-outgoing", of: mia).map(\.overdue) == [false])
    #expect(onTheDay.items("turning-18", of: mia).map(\.overdue) == [false])

    try town.move(to: "2029-05-21")
    let sender = try await agenda(town, Self.eva)
    #expect(
      sender.items("handover-outgoing", of: mia) == [
        .init(
          kind: "handover-outgoing", recipient: mia, subject: handover, due: Self.birthday,
          overdue: true)
      ])
    #expect(sender.items("turning-18", of: mia).map(\.overdue) == [true])
    for receiver in Self.adult {
      let awaiting = try await agenda(town, receiver).items("handover-awaiting", of: mia)
      #expect(awaiting.map(\.subject) == [handover], "\(receiver)")
      #expect(awaiting.map(\.overdue) == [true], "\(receiver)")
    }
    let holder = try await town.send(
      .get, "/v1/recipients/\(mia)/responsibility", as: Self.eva
    ).decode(Responsibility.self)
    #expect(holder.staff == Self.eva && holder.service == "barnevern")
  }

  @Test("once adult services accept, the reminder is gone from every agenda")
  func acceptedEndsTheReminder() async throws {
    let town = try TimedMunicipality(startingOn: "2029-03-01")
    let mia = try await registerMia(town)
    let handover = try await town.send(
      .post, "/v1/recipients/\(mia)/handovers", as: Self.eva,
      json: """
        {"kind": "turning-18", "mode": "transfer", "toStaffId": "siri.fjell",
         "plannedDate": "\(Self.birthday)"}
        """
    ).decode(Created.self, expecting: 201).id
    let etag = try #require(
      try await town.send(.get, "/v1/handovers/\(handover)", as: "siri.fjell").headers[.eTag])
    let accepted = try await town.send(
      .post, "/v1/handovers/\(handover)/accept", as: "siri.fjell", headers: [.ifMatch: etag])
    #expect(accepted.status == 200, "\(accepted.text)")
    try town.move(to: "2029-05-21")
    for staff in [Self.eva, "siri.fjell"] {
      #expect(try await agenda(town, staff).items("turning-18", of: mia).isEmpty, "\(staff)")
    }
    let holder = try await town.send(
      .get, "/v1/recipients/\(mia)/responsibility", as: "siri.fjell"
    ).decode(Responsibility.self)
    #expect(holder.staff == "siri.fjell")
  }

  /// Eva registers Mia (born 20 May 2011) in barnevern and records Mia's written consent to
  /// sharing her identity and the handover with adult services; returns Mia's id.
  private func registerMia(_ town: TimedMunicipality) async throws -> String {
    let nationalID = try #require(syntheticNationalID(bornYear: 2011, month: 5, day: 20))
    let mia = try await town.send(
      .post, "/v1/recipients", as: Self.eva,
      json: #"{"name": "Mia Holm", "nationalId": "\#(nationalID)", "service": "barnevern"}"#
    ).decode(Created.self, expecting: 201).id
    _ = try await town.send(
      .post, "/v1/recipients/\(mia)/consents", as: Self.eva,
      json: """
        {"services": ["barnevern", "psykisk-helse-rus"], "categories": ["identity", "handover"],
         "purpose": "overgang til voksentjenester", "givenBy": "recipient", "form": "written",
         "documentReference": "samtykke S3"}
        """
    ).decode(Created.self, expecting: 201)
    return mia
  }

  private func agenda(_ town: TimedMunicipality, _ staff: String) async throws -> AgendaView {
    try await town.send(.get, "/v1/agenda", as: staff).decode(AgendaView.self)
  }
}
