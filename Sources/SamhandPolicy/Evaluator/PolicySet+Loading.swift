import Foundation

extension PolicySet {
  /// The schema file a policy directory may hold.
  public static let schemaFileName = "schema.cedarschema.json"

  /// Loads every `*.cedar` file of `directory`, sorted by file name and numbered as one
  /// concatenated text, and validates them against `schema.cedarschema.json` when present.
  /// Any error refuses the whole set, so the caller keeps its previous set.
  public static func load(directory: URL) throws(PolicyError) -> PolicySet {
    let read = try files(in: directory)
    return try parse(files: read.files, schema: read.schema)
  }

  /// What `load(directory:)` reads, read once: the `*.cedar` files in load order (by name)
  /// with their texts, and the schema if the directory has one. A caller that needs the texts
  /// too (to digest them) parses these instead of reading the directory twice.
  public static func files(in directory: URL) throws(PolicyError)
    -> (files: [(name: String, text: String)], schema: Schema?)
  {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw PolicyError(
        .unreadable(path: directory.path, detail: "not a readable directory"), at: nil)
    }
    var files: [(name: String, text: String)] = []
    for name in names.filter({ $0.hasSuffix(".cedar") }).sorted() {
      files.append((name, try read(directory.appendingPathComponent(name))))
    }
    var schema: Schema?
    if names.contains(schemaFileName) {
      let url = directory.appendingPathComponent(schemaFileName)
      schema = try Schema(json: Data(read(url).utf8), fileName: schemaFileName)
    }
    return (files, schema)
  }

  private static func read(_ url: URL) throws(PolicyError) -> String {
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw PolicyError(.unreadable(path: url.path, detail: "not readable UTF-8 text"), at: nil)
    }
  }
}
