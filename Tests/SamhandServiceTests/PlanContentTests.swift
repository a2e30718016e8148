import Foundation
import SamhandCore
import SamhandService
import Testing

@Suite("Plan content through the service")
struct PlanContentTests {
  let coordinator = ServiceFixture.coordinator

  @Test("a measure for an unknown service is refused and nothing is written")
  func unknownService() throws {
    let fixture = try ServiceFixture()
    let id = try fixture.draftPlan()
    try fixture.expectRefused("unknown service 'barnevern' for the measure") {
      try fixture.service.addMeasure(
        try NewMeasure(description: "Oppfølging", responsibleService: try ServiceCode("barnevern")),
        to: id, as: coordinator, options: .followUp)
    }
  }

  @Test("a measure's contact person must work in its responsible service")
  func contactPerson() throws {
    let fixture = try ServiceFixture()
    let id = try fixture.draftPlan()
    try fixture.expectRefused("gp.clinician does not work in nav") {
      try fixture.service.addMeasure(
        try NewMeasure(
          description: "Inntekt", responsibleService: try ServiceCode("nav"),
          contactPerson: StaffID(rawValue: "gp.clinician")), to: id, as: coordinator,
        options: .followUp)
    }
  }

  @Test("a measure or revision naming a goal of another plan is refused")
  func unknownGoal() throws {
    let fixture = try ServiceFixture()
    let id = try fixture.draftPlan()
    let other = try fixture.draftPlan()
    let goal = try fixture.service.addGoal(
      try NewGoal(domain: .housing, text: "Bolig"), to: other, as: coordinator, options: .followUp)
    try fixture.expectRefused("no goal \(goal.id) in this plan") {
      try fixture.service.addMeasure(
        try NewMeasure(
          description: "Bolig", responsibleService: try ServiceCode("nav"), goals: [goal.id]),
        to: id, as: coordinator, options: .followUp)
    }
    try fixture.expectRefused("no goal \(goal.id) in this plan") {
      try fixture.service.revisePlan(
        id, evaluation: "Ok", goalChanges: [.init(goal: goal.id, status: .achieved)],
        as: coordinator, options: .followUp)
    }
  }

  @Test("a revision changes goal statuses and the next revision date, keeping the history")
  func revision() throws {
    let fixture = try ServiceFixture()
    let (id, _) = try fixture.activePlan()
    let goal = try fixture.service.addGoal(
      try NewGoal(domain: .substanceUse, text: "Rusfri"), to: id, as: coordinator,
      options: .followUp)
    let next = CalendarDate.today(fixture.clock).adding(days: 90)
    try fixture.service.revisePlan(
      id, evaluation: "God fremgang", goalChanges: [.init(goal: goal.id, status: .inProgress)],
      nextRevision: next, as: coordinator, options: .followUp)
    let plan = try fixture.service.showPlan(id, as: coordinator, options: .followUp)
    #expect(plan.goals.first?.status == .inProgress)
    #expect(plan.content.nextRevision == next)
    #expect(plan.revisions.first?.goalChanges == [.init(goal: goal.id, status: .inProgress)])
    #expect(try fixture.service.overdueRevisions(as: coordinator, options: .followUp).isEmpty)
    fixture.clock.advance(days: 91)
    #expect(
      try fixture.service.overdueRevisions(as: coordinator, options: .followUp).map(\.id) == [id])
  }

  @Test("life-domain mappings keep their history by date, sealed")
  func mapping() throws {
    let fixture = try ServiceFixture()
    try fixture.service.recordLifeDomainMapping(
      recipient: fixture.recipient, scores: [.housing: .red, .network: .yellow], as: coordinator,
      options: .followUp)
    fixture.clock.advance(days: 365)
    try fixture.service.recordLifeDomainMapping(
      recipient: fixture.recipient, scores: [.housing: .green], as: coordinator, options: .followUp)
    let scores = try fixture.service.lifeDomainScores(
      of: fixture.recipient, as: coordinator, options: .followUp)
    #expect(scores.filter { $0.domain == .housing }.map(\.score) == [.value(.red), .value(.green)])
    #expect(scores.count == 3)
    try fixture.expectRefused("the mapping's scores must not be empty") {
      try fixture.service.recordLifeDomainMapping(
        recipient: fixture.recipient, scores: [:], as: coordinator, options: .followUp)
    }
  }

  @Test("the export is a readable document with Norwegian labels, and HTML is escaped")
  func export() throws {
    let fixture = try ServiceFixture()
    let (id, _) = try fixture.activePlan()
    try fixture.service.addGoal(
      try NewGoal(domain: .childrenAsNextOfKin, text: "Se <datteren> min & ha det fint"),
      to: id, as: coordinator, options: .followUp)
    try fixture.service.addMeasure(
      try NewMeasure(
        kind: .contract, description: "Ruskontrakt", responsibleService: try ServiceCode("nav"),
        elements: [.init(kind: .urineTest, frequency: "hver 14. dag")]), to: id, as: coordinator,
      options: .followUp)
    let markdown = try fixture.service.exportPlan(
      id, format: .markdown, as: coordinator, options: .followUp)
    for label in ["## Mål", "Barn som pårørende", "Hva er viktig for meg", "Urinprøver", "Aktiv"] {
      #expect(markdown.contains(label), "\(label)")
    }
    #expect(markdown.contains("Jeg vil ha egen leilighet"))
    let html = try fixture.service.exportPlan(
      id, format: .html, as: coordinator, options: .followUp)
    #expect(html.contains("<h2>Mål</h2>"))
    #expect(html.contains("<p>Barn som pårørende: Se &lt;datteren&gt; min &amp; ha det fint"))
    #expect(!html.contains("<datteren>"))
    #expect(try fixture.lastEntry(action: "plan.export")?.decision == "allow")
  }
}
