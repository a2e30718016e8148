import Foundation
import SamhandCore
import Testing

@Suite("Plan rules")
struct PlanRulesTests {
  let consent = ConsentID(rawValue: "c-1")

  @Test("a draft plan with a live consent and no other active plan can be activated")
  func activation() throws {
    #expect(try Plan.Status.draft.activation(otherActive: nil, liveConsent: consent) == consent)
  }

  @Test("a plan cannot be activated without consent")
  func noConsent() {
    #expect(throws: PlanError.noConsent) {
      try Plan.Status.draft.activation(otherActive: nil, liveConsent: nil)
    }
  }

  @Test("a second active plan is refused, naming the first")
  func secondActive() {
    let other = PlanID(rawValue: "p-other")
    #expect(throws: PlanError.anotherActivePlan(other)) {
      try Plan.Status.draft.activation(otherActive: other, liveConsent: consent)
    }
  }

  @Test("only a draft can be activated", arguments: [Plan.Status.active, .closed])
  func notDraft(status: Plan.Status) {
    #expect(throws: PlanError.notDraft(status: status)) {
      try status.activation(otherActive: nil, liveConsent: consent)
    }
  }

  @Test("a closed plan is not editable; drafts and active plans are")
  func editable() throws {
    try Plan.Status.draft.checkEditable()
    try Plan.Status.active.checkEditable()
    #expect(throws: PlanError.closed("the plan")) { try Plan.Status.closed.checkEditable() }
  }

  @Test("an unknown life domain names the known ones")
  func unknownDomain() {
    #expect(throws: PlanError.unknownLifeDomain("love")) { try LifeDomain(parsing: "love") }
    #expect(PlanError.unknownLifeDomain("love").description.contains("children-as-next-of-kin"))
  }

  @Test("every life domain has a Norwegian label and parses from its name")
  func domains() throws {
    for domain in LifeDomain.allCases {
      #expect(try LifeDomain(parsing: domain.rawValue) == domain)
      #expect(!domain.label.isEmpty)
    }
    #expect(Set(LifeDomain.allCases.map(\.label)).count == LifeDomain.allCases.count)
  }

  @Test("a measure ending before it starts is refused")
  func measureDates() throws {
    let service = try ServiceCode("nav")
    #expect(throws: PlanError.endBeforeStart("the measure")) {
      try NewMeasure(
        description: "Bistand", responsibleService: service,
        start: try CalendarDate(parsing: "2027-02-01"), end: try CalendarDate(parsing: "2027-01-01")
      )
    }
  }

  @Test("a substance contract needs elements, and only a contract has them")
  func contractElements() throws {
    let service = try ServiceCode("psykisk-helse-rus")
    #expect(throws: PlanError.contractWithoutElements) {
      try NewMeasure(kind: .contract, description: "Ruskontrakt", responsibleService: service)
    }
    #expect(throws: PlanError.elementsOnServiceMeasure) {
      try NewMeasure(
        description: "Samtaler", responsibleService: service,
        elements: [.init(kind: .followUpTalk)])
    }
    let contract = try NewMeasure(
      kind: .contract, description: "Ruskontrakt", responsibleService: service,
      elements: [.init(kind: .urineTest, frequency: "hver 14. dag"), .init(kind: .group)])
    #expect(contract.elements.count == 2)
  }

  @Test("a plan period ending before it starts is refused")
  func period() throws {
    #expect(throws: PlanError.endBeforeStart("the plan period")) {
      try PlanContentChange(
        periodFrom: try CalendarDate(parsing: "2027-06-01"),
        periodUntil: try CalendarDate(parsing: "2027-01-01"))
    }
  }

  @Test("a revision needs an evaluation and cannot be dated in the future")
  func revision() throws {
    let today = try CalendarDate(parsing: "2027-01-10")
    #expect(throws: PlanError.emptyField("the evaluation")) {
      try NewRevision(revisedOn: today, evaluation: "  ", today: today)
    }
    #expect(throws: PlanError.dateInFuture("the revision date")) {
      try NewRevision(revisedOn: today.adding(days: 1), evaluation: "Bra", today: today)
    }
  }

  @Test("an active plan past its next revision date is overdue; a draft never is")
  func revisionOverdue() throws {
    let today = try CalendarDate(parsing: "2027-03-01")
    func plan(_ status: Plan.Status, next: CalendarDate?) -> Plan {
      Plan(
        id: PlanID(rawValue: "p-1"), recipientID: RecipientID(rawValue: "r-1"), status: status,
        version: 1, coordinator: StaffID(rawValue: "s"), coordinators: [],
        content: PlanContent(
          ownWords: .value(nil), childrenNote: .value(nil), periodFrom: nil, periodUntil: nil,
          nextRevision: next), activationConsent: nil, closeReason: .value(nil), goals: [],
        measures: [], references: [], comments: [], revisions: [],
        createdBy: StaffID(rawValue: "s"),
        createdAt: Date())
    }
    #expect(plan(.active, next: today.adding(days: -1)).isRevisionOverdue(on: today))
    #expect(!plan(.active, next: today).isRevisionOverdue(on: today))
    #expect(!plan(.draft, next: today.adding(days: -1)).isRevisionOverdue(on: today))
    #expect(!plan(.active, next: nil).isRevisionOverdue(on: today))
  }
}
