import Foundation
import PackagePlugin

/// Compiles the numbered SQL files in the package's top-level `migrations/` folder into the
/// target as Swift string literals, so that the shipped binary carries its schema with it and
/// needs no resource bundle beside it.
@main
struct EmbedMigrations: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "migrations")
    let files = try FileManager.default
      .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "sql" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) migrations",
        executable: try context.tool(named: "MigrationEmbedder").url,
        arguments: [output.path] + files.map(\.path),
        inputFiles: [folder] + files,
        outputFiles: [output]
      )
    ]
  }
}
