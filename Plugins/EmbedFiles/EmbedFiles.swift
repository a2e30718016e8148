import Foundation
import PackagePlugin

/// Compiles text files from a top-level folder into the target as Swift string literals, so
/// the shipped binary carries them and needs no resource bundle beside it:
/// `migrations/*.sql` and `migrations/postgres/*.sql` into SamhandStore (the schema each backend
/// applies; a folder not there yet embeds an empty list), `policies/*` into
/// SamhandService (the default policy set `init` copies into a new data directory; at run time
/// policies are always read from the data directory), and the HTTP API's OpenAPI document into
/// SamhandHTTP (served at `/openapi.yaml`), with the desk's Mustache templates and style sheet
/// (the pages under `/desk`).
@main
struct EmbedFiles: BuildToolPlugin {
  struct Source {
    let folder: String
    let extensions: Set<String>
    let variable: String
  }

  static let sources: [String: [Source]] = [
    "SamhandStore": [
      Source(folder: "migrations", extensions: ["sql"], variable: "embeddedMigrations"),
      Source(
        folder: "migrations/postgres", extensions: ["sql"], variable: "embeddedPostgresMigrations"),
    ],
    "SamhandService": [
      Source(
        folder: "policies", extensions: ["cedar", "json"], variable: "embeddedDefaultPolicies")
    ],
    "SamhandHTTP": [
      Source(
        folder: "Sources/SamhandHTTP/OpenAPI", extensions: ["yaml"], variable: "embeddedOpenAPI"),
      Source(
        folder: "Sources/SamhandHTTP/Desk/Templates", extensions: ["mustache", "css"],
        variable: "embeddedDeskFiles"),
    ],
  ]

  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    try (Self.sources[target.name] ?? []).map { try command(for: $0, context: context) }
  }

  private func command(for source: Source, context: PluginContext) throws -> Command {
    let folder = context.package.directoryURL.appending(path: source.folder)
    let exists = FileManager.default.fileExists(atPath: folder.path)
    let files = try
      (exists
      ? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) : [])
      .filter { source.extensions.contains($0.pathExtension) }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "\(source.variable).swift")
    return .buildCommand(
      displayName: "Embedding \(files.count) files of \(source.folder)/",
      executable: try context.tool(named: "FileEmbedder").url,
      arguments: [output.path, source.variable] + files.map(\.path),
      inputFiles: (exists ? [folder] : []) + files,
      outputFiles: [output]
    )
  }
}
