import ArgumentParser

/// The `samhand` command line: an operator's tool on the machine that holds the keys.
@main
struct Samhand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "samhand",
    abstract: "Case coordination for municipal welfare services.",
    subcommands: [
      InitCommand.self, StatusCommand.self, DemoCommand.self, ServiceCommand.self,
      StaffCommand.self, TokenCommand.self, RecipientCommand.self, ConsentCommand.self,
      BlockCommand.self, BreakGlassCommand.self, AuditCommand.self, KeysCommand.self,
      BackupCommand.self, PolicyCommand.self, PlanCommand.self, GroupCommand.self,
      RestoreCommand.self,
      HandoverCommand.self,
      ErasureCommand.self,
      RetentionCommand.self,
      AgendaCommand.self, ReportCommand.self,
      OverviewCommand.self, NoticeCommand.self, ProcessingRecordCommand.self,
      ServeCommand.self,
    ]
  )
}
