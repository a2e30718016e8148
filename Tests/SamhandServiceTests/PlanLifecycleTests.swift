import Foundation
import SamhandCore
import SamhandService
import SamhandStore
import SamhandTestSupport
import Testing

@Suite("Plan lifecycle through the service")
struct PlanLifecycleTests {
  let coordinator = ServiceFixture.coordinator

  @Test("a plan is created as a draft with its coordinator and shown with status and version")
  func create() throws {
    let fixture = try ServiceFixture()
    let id = try fixture.draftPlan()
    let plan = try fixture.service.showPlan(id, as: coordinator, options: .followUp)
    #expect(plan.status == .draft)
    #expect(plan.coordinator == StaffID(rawValue: "phr.coordinator"))
    #expect(plan.version == 1)
    #expect(plan.content.ownWords == .value("Jeg vil ha egen leilighet"))
    #expect(try fixture.lastEntry(action: "plan.create")?.decision == "allow")
  }

  @Test("a plan cannot be activated without a live consent covering 'plan'; nothing is written")
  func activationNeedsConsent() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.consent(["nav"], [.identity])
    let id = try fixture.draftPlan()
    try fixture.expectRefused("record the recipient's consent covering 'plan'") {
      try fixture.service.activatePlan(id, as: coordinator, options: .followUp)
    }
    #expect(try fixture.service.showPlan(id, as: coordinator, options: .followUp).status == .draft)
  }

  @Test("activation records the consent it rests on and makes a new version")
  func activate() throws {
    let fixture = try ServiceFixture()
    let (id, consent) = try fixture.activePlan()
    let plan = try fixture.service.showPlan(id, as: coordinator, options: .followUp)
    #expect(plan.status == .active)
    #expect(plan.activationConsent == consent)
    #expect(plan.version == 2)
    let history = try fixture.service.planHistory(id, as: coordinator, options: .followUp)
    #expect(history.map(\.change) == ["created", "activated"])
  }

  @Test("a second active plan for the same recipient is refused, and nothing is written")
  func secondActive() throws {
    let fixture = try ServiceFixture()
    let (first, _) = try fixture.activePlan()
    let second = try fixture.draftPlan()
    try fixture.expectRefused("already has an active plan (\(first))") {
      try fixture.service.activatePlan(second, as: coordinator, options: .followUp)
    }
  }

  @Test("the database holds at most one active plan per recipient even around the service")
  func uniqueIndex() throws {
    let fixture = try ServiceFixture()
    _ = try fixture.activePlan()
    let second = try fixture.draftPlan()
    #expect(throws: StoreError.self) {
      try fixture.service.tamper(
        "UPDATE plans SET status = 'active' WHERE id = \(second.rawValue)")
    }
  }

  @Test("a closed plan keeps its reason and cannot be activated or changed")
  func closed() throws {
    let fixture = try ServiceFixture()
    let id = try fixture.draftPlan()
    try fixture.service.closePlan(id, reason: "Flyttet", as: coordinator, options: .followUp)
    let plan = try fixture.service.showPlan(id, as: coordinator, options: .followUp)
    #expect(plan.status == .closed)
    #expect(plan.closeReason == .value("Flyttet"))
    try fixture.expectRefused("the plan is closed") {
      try fixture.service.activatePlan(id, as: coordinator, options: .followUp)
    }
    try fixture.expectRefused("the plan is closed") {
      try fixture.service.addGoal(
        try NewGoal(domain: .housing, text: "Bolig"), to: id, as: coordinator, options: .followUp)
    }
  }

  @Test("closing needs a reason")
  func closeReason() throws {
    let fixture = try ServiceFixture()
    let id = try fixture.draftPlan()
    try fixture.expectRefused("the reason for closing must not be empty") {
      try fixture.service.closePlan(id, reason: " ", as: coordinator, options: .followUp)
    }
  }

  @Test("the coordinator must already be in the recipient's care")
  func coordinatorInCare() throws {
    let fixture = try ServiceFixture()
    try fixture.expectRefused("has no care relationship") {
      _ = try fixture.service.createPlan(
        recipient: fixture.recipient, coordinator: StaffID(rawValue: "nav.caseworker"),
        as: coordinator, options: .followUp)
    }
  }

  @Test("a stale edit is refused (412-like) and nothing of either edit is lost")
  func staleEdit() throws {
    let fixture = try ServiceFixture()
    let id = try fixture.draftPlan()
    let seen = try fixture.service.showPlan(id, as: coordinator, options: .followUp).version
    let first = try fixture.service.addGoal(
      try NewGoal(domain: .housing, text: "Egen leilighet"), to: id, expectedVersion: seen,
      as: coordinator, options: .followUp)
    #expect(first.version == seen + 1)
    let data = try fixture.dataSnapshot()
    let error = #expect(throws: ServiceError.self) {
      try fixture.service.addGoal(
        try NewGoal(domain: .network, text: "Se datteren min"), to: id, expectedVersion: seen,
        as: coordinator, options: .followUp)
    }
    guard case .preconditionFailed(let message) = error else {
      Issue.record("expected preconditionFailed, got \(String(describing: error))")
      return
    }
    #expect(message.contains("version \(seen + 1)"))
    #expect(try fixture.dataSnapshot() == data)
    let retried = try fixture.service.addGoal(
      try NewGoal(domain: .network, text: "Se datteren min"), to: id,
      expectedVersion: first.version, as: coordinator, options: .followUp)
    let plan = try fixture.service.showPlan(id, as: coordinator, options: .followUp)
    #expect(plan.goals.map(\.text) == [.value("Egen leilighet"), .value("Se datteren min")])
    #expect(plan.version == retried.version)
  }

  @Test("free text of the plan is sealed: no plaintext in the database file")
  func sealed() throws {
    let fixture = try ServiceFixture()
    let (id, _) = try fixture.activePlan()
    let canary = "KANARI-\(UUID().uuidString)"
    let goal = try fixture.service.addGoal(
      try NewGoal(domain: .housing, text: "\(canary)-goal"), to: id, as: coordinator,
      options: .followUp)
    try fixture.service.addMeasure(
      try NewMeasure(
        description: "\(canary)-measure", responsibleService: try ServiceCode("nav"),
        extent: "\(canary)-extent", goals: [goal.id]), to: id, as: coordinator, options: .followUp)
    try fixture.service.revisePlan(
      id, evaluation: "\(canary)-revision", as: coordinator, options: .followUp)
    try fixture.service.addComment("\(canary)-comment", to: id, as: coordinator, options: .followUp)
    try fixture.service.addReference(
      kind: .crisisPlan, reference: "\(canary)-ref", to: id, as: coordinator, options: .followUp)
    try fixture.service.updatePlan(
      id, try PlanContentChange(ownWords: "\(canary)-words"), as: coordinator, options: .followUp)
    try fixture.service.recordLifeDomainMapping(
      recipient: fixture.recipient, scores: [.housing: .red], as: coordinator, options: .followUp)
    let directory = fixture.databaseURL.deletingLastPathComponent()
    for name in ["samhand.db", "samhand.db-wal"] {
      let bytes = FileManager.default.contents(atPath: directory.appending(path: name).path)
      #expect(bytes.map { $0.range(of: Data(canary.utf8)) == nil } ?? true, "\(name)")
    }
    let plan = try fixture.service.showPlan(id, as: coordinator, options: .followUp)
    #expect(plan.content.ownWords == .value("\(canary)-words"))
  }
}
