import ArgumentParser
import SamhandService

/// `samhand processing-record`: the record of processing (GDPR art. 30), generated from the
/// installation.
struct ProcessingRecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "processing-record",
    abstract: "The record of processing (GDPR art. 30), generated from this installation.")
  @OptionGroup var options: GlobalOptions
  @Option(help: "md or html.") var format = "md"

  func run() throws {
    guard let format = DocumentFormat(rawValue: format) else {
      throw CommandLineError.invalid("--format must be md or html")
    }
    let record = try options.open().processingRecord()
    if options.json {
      try options.render(record) { "" }
    } else {
      print(record.render(format), terminator: "")
    }
  }
}
