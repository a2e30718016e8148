import Crypto
import Foundation
import SamhandAudit
import Testing

/// Signed notes, checkpoints and cosignatures, checked against notes signed by other
/// implementations: Go's sumdb/note example and a checkpoint of a Certificate Transparency
/// log cosigned by a public witness.
@Suite("C2SP signed notes, checkpoints and cosignatures")
struct SignedNoteTests {
  static let goVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
  static let goSignerKey =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
  static let goText =
    "If you think cryptography is the answer to your problem,\n"
    + "then you don't know what your problem is.\n"
  static let goNote =
    goText + "\n"
    + "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqd"
    + "ngotpRZb6KE6RyyBwJnAM=\n"

  static let witnessKey = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"
  static let cosignedCheckpoint = """
    arche2025h1.staging.ct.transparency.dev
    1432088532
    U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=

    — arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=
    — remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==

    """

  @Test("a note signed by Go's sumdb/note verifies, and changing its text breaks it")
  func goNote() throws {
    let verifier = try NoteVerifier(encoded: Self.goVerifierKey)
    #expect(verifier.encoded == Self.goVerifierKey)
    let note = try SignedNote(parsing: Self.goNote)
    #expect(note.text == Self.goText)
    #expect(note.serialized == Self.goNote)
    #expect(verifier.verify(note) != nil)
    let altered = SignedNote(
      text: Self.goText.replacingOccurrences(of: "cryptography", with: "cryptographY"),
      signatures: note.signatures)
    #expect(verifier.verify(altered) == nil)
  }

  @Test("our signer reads Go's private key and signs exactly as Go does")
  func goSigner() throws {
    let signer = try NoteSigner(encoded: Self.goSignerKey)
    #expect(signer.encoded == Self.goSignerKey)
    #expect(signer.verifier.encoded == Self.goVerifierKey)
    let note = SignedNote(text: Self.goText, signatures: [try signer.sign(Self.goText)])
    #expect(note.serialized == Self.goNote)
  }

  @Test("a witness's published cosignature of a CT checkpoint verifies with its timestamp")
  func publishedCosignature() throws {
    let note = try SignedNote(parsing: Self.cosignedCheckpoint)
    let checkpoint = try TreeCheckpoint(text: note.text)
    #expect(checkpoint.origin == "arche2025h1.staging.ct.transparency.dev")
    #expect(checkpoint.size == 1_432_088_532)
    #expect(checkpoint.text == note.text)
    let witness = try NoteVerifier(encoded: Self.witnessKey)
    #expect(witness.type == .cosignatureV1)
    let verified = try #require(witness.verify(note))
    #expect(verified.timestamp == 1_779_573_024)
    let moved = SignedNote(
      text: note.text.replacingOccurrences(of: "1432088532", with: "1432088533"),
      signatures: note.signatures)
    #expect(witness.verify(moved) == nil)
  }

  @Test("a checkpoint signed and cosigned here verifies under each key and no other")
  func roundTrip() throws {
    let log = try NoteSigner.generate(name: "samhand.test/oslo", type: .ed25519)
    let witness = try NoteSigner.generate(name: "auditor.test/w1", type: .cosignatureV1)
    let checkpoint = TreeCheckpoint(
      origin: "samhand.test/oslo", size: 8, root: MerkleHash.leaf(Data("x".utf8)))
    var note = SignedNote(text: checkpoint.text, signatures: [try log.sign(checkpoint.text)])
    note.signatures.append(try witness.cosign(checkpoint.text, timestamp: 1_767_225_600))
    let read = try SignedNote(parsing: note.serialized)
    #expect(try TreeCheckpoint(text: read.text) == checkpoint)
    #expect(log.verifier.verify(read)?.timestamp == nil)
    #expect(log.verifier.verify(read) != nil)
    #expect(witness.verifier.verify(read)?.timestamp == 1_767_225_600)
    #expect(try NoteVerifier(encoded: witness.verifier.encoded) == witness.verifier)
    #expect(try NoteSigner(encoded: witness.encoded).verifier == witness.verifier)
    let stranger = try NoteSigner.generate(name: "samhand.test/oslo", type: .ed25519)
    #expect(stranger.verifier.verify(read) == nil)
  }

  @Test(
    "malformed notes, keys and checkpoints are refused",
    arguments: [
      "no blank line\n\u{2014} a AAAAAAA=\n", "text\n\n", "text\n\n- a AAAAAAAA\n",
      "text\n\n\u{2014} a AAAA\n", "text\n\n\u{2014} a AAAAAAAA",
    ])
  func malformedNote(_ text: String) {
    #expect(throws: NoteError.self) { try SignedNote(parsing: text) }
  }

  @Test(
    "malformed checkpoint bodies are refused",
    arguments: [
      "origin\n12\n", "\n12\n\(MerkleHash.empty.base64)\n", "o\n012\n\(MerkleHash.empty.base64)\n",
      "o\n-1\n\(MerkleHash.empty.base64)\n", "o\n1\nAAAA\n", "o\n1\n\(MerkleHash.empty.base64)",
      "o\n1\n\(MerkleHash.empty.base64)\n\nx\n",
    ])
  func malformedCheckpoint(_ text: String) {
    #expect(throws: NoteError.self) { try TreeCheckpoint(text: text) }
  }

  @Test("keys whose id does not match, or whose name has a space or plus, are refused")
  func malformedKeys() {
    #expect(throws: NoteError.self) {
      try NoteVerifier(encoded: Self.goVerifierKey.replacingOccurrences(of: "c74f", with: "c75f"))
    }
    #expect(throws: NoteError.invalidKeyName("a b")) {
      try NoteSigner.generate(name: "a b", type: .ed25519)
    }
    #expect(throws: NoteError.invalidKeyName("a+b")) {
      try NoteSigner.generate(name: "a+b", type: .ed25519)
    }
  }
}
