import ArgumentParser
import SamhandCore
import SamhandService

/// The plan, group or handover a change names on the command line, with the version it was made
/// against (`--if-version`, the CLI's If-Match).
protocol ChangeTarget: ParsableArguments {
  associatedtype Aggregate
  var aggregate: Aggregate { get }
  var ifVersion: Int? { get }
}

/// One change of a plan, group or handover as every such command runs it, so the commands hold only
/// what differs: the shared options, the target and its version, then open the installation,
/// apply the change and print the new version (`{"id", "version"}` with `--json`).
struct ChangeOptions<Target: ChangeTarget>: ParsableArguments {
  @OptionGroup var options: GlobalOptions
  @OptionGroup var actorOptions: ActorOptions
  @OptionGroup var target: Target

  typealias Change<ID: Encodable & Sendable> = (
    SamhandService, Target.Aggregate, Int?, Actor, RequestOptions
  ) throws -> SamhandService.Versioned<ID>

  func apply<ID: Encodable & Sendable>(
    _ change: Change<ID>, done: (SamhandService.Versioned<ID>) -> String
  ) throws {
    let result = try change(
      options.open(), target.aggregate, target.ifVersion, actorOptions.actor(),
      actorOptions.options)
    try options.render(result) { done(result) }
  }
}

extension Output {
  /// A plan's or group's versions, one line each.
  static func history(_ versions: [AggregateVersion]) -> String {
    versions.map { "v\($0.version)  \(time($0.changedAt))  \($0.changedBy)  \($0.change)" }
      .joined(separator: "\n")
  }
}
