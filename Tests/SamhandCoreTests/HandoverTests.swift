import SamhandCore
import Testing

@Suite("Handover rules")
struct HandoverTests {
  static let events: [HandoverEvent] = [
    .propose, .accept, .reject(reason: "ingen kapasitet"), .reject(reason: " "), .withdraw,
    .complete,
  ]

  /// The whole table of legal moves, written out: (from, event, party) → to.
  static let legal: [String: HandoverState] = [
    "draft propose sender": .proposed,
    "proposed accept receiver": .accepted,
    "proposed reject receiver": .rejected,
    "draft withdraw sender": .withdrawn,
    "proposed withdraw sender": .withdrawn,
    "accepted complete receiver": .completed,
  ]

  @Test(
    "every state × event × party is decided exactly as the table says",
    arguments: HandoverState.allCases)
  func stateMachine(_ state: HandoverState) {
    for event in Self.events {
      for party in HandoverParty.allCases {
        let key = "\(state.rawValue) \(event.name) \(party.rawValue)"
        let reasonless: Bool = {
          if case .reject(let reason) = event {
            return reason.trimmingCharacters(in: .whitespaces).isEmpty
          }
          return false
        }()
        do {
          let next = try state.applying(event, by: party)
          #expect(Self.legal[key] == next, "\(key) gave \(next)")
          #expect(!reasonless, "\(key) accepted a rejection without reason")
        } catch {
          if reasonless && state == .proposed {
            #expect(error == .reasonRequired, "\(key)")
          } else {
            #expect(Self.legal[key] == nil, "\(key) refused: \(error)")
          }
        }
      }
    }
  }

  @Test("final states take no event at all")
  func finalStates() {
    for state in HandoverState.allCases where state.isFinal {
      for event in Self.events {
        for party in HandoverParty.allCases {
          #expect(throws: HandoverError.self) { try state.applying(event, by: party) }
        }
      }
    }
  }

  @Test("the sender holds responsibility until acceptance, never after")
  func responsibility() {
    #expect(HandoverState.draft.senderHoldsResponsibility)
    #expect(HandoverState.proposed.senderHoldsResponsibility)
    #expect(HandoverState.rejected.senderHoldsResponsibility)
    #expect(HandoverState.withdrawn.senderHoldsResponsibility)
    #expect(!HandoverState.accepted.senderHoldsResponsibility)
    #expect(!HandoverState.completed.senderHoldsResponsibility)
  }

  func handover(
    kind: HandoverKind, proposed: String?, planned: String, state: HandoverState = .proposed
  ) throws -> Handover {
    Handover(
      id: HandoverID(rawValue: "h-1"), recipientID: RecipientID(rawValue: "r-1"), kind: kind,
      mode: .transfer,
      fromStaff: StaffID(rawValue: "tor.lie"), fromService: try ServiceCode("kriminalomsorg"),
      toStaff: nil, toService: try ServiceCode("psykisk-helse-rus"),
      plannedDate: try CalendarDate(parsing: planned),
      proposedOn: try proposed.map { try CalendarDate(parsing: $0) }, state: state)
  }

  @Test("late notice: fewer than N days before the planned date, at the exact boundary")
  func lateNotice() throws {
    let exactly14 = try handover(
      kind: .prisonRelease, proposed: "2027-01-01", planned: "2027-01-15")
    let only13 = try handover(kind: .prisonRelease, proposed: "2027-01-02", planned: "2027-01-15")
    #expect(!exactly14.isLateNotice(minimumDays: 14))
    #expect(only13.isLateNotice(minimumDays: 14))
    let discharge = try handover(
      kind: .dischargeToAftercare, proposed: "2027-03-30", planned: "2027-04-02")
    #expect(discharge.isLateNotice(minimumDays: 14))
    let relocation = try handover(kind: .relocation, proposed: "2027-01-14", planned: "2027-01-15")
    #expect(
      !relocation.isLateNotice(minimumDays: 14), "only discharge and release flag late notice")
    let draft = try handover(
      kind: .prisonRelease, proposed: nil, planned: "2027-01-15", state: .draft)
    #expect(!draft.isLateNotice(minimumDays: 14))
  }

  @Test("overdue: not accepted by the planned date, from the day after")
  func overdue() throws {
    let planned = try handover(kind: .turning18, proposed: "2027-01-01", planned: "2027-02-01")
    #expect(!planned.isOverdue(on: try CalendarDate(parsing: "2027-02-01")))
    #expect(planned.isOverdue(on: try CalendarDate(parsing: "2027-02-02")))
    let accepted = try handover(
      kind: .turning18, proposed: "2027-01-01", planned: "2027-02-01", state: .accepted)
    #expect(!accepted.isOverdue(on: try CalendarDate(parsing: "2027-03-01")))
  }

  @Test("every kind has a default checklist with unique keys", arguments: HandoverKind.allCases)
  func checklists(_ kind: HandoverKind) {
    let keys = kind.defaultChecklist.map(\.key)
    #expect(!keys.isEmpty)
    #expect(Set(keys).count == keys.count)
    #expect(kind.defaultChecklist.allSatisfy { !$0.label.isEmpty })
  }

  @Test("an unknown kind is refused, naming the known ones")
  func unknownKind() {
    #expect(throws: HandoverError.unknownKind("holiday")) { try HandoverKind(parsing: "holiday") }
    #expect(HandoverError.unknownKind("x").description.contains("prison-release"))
  }
}
