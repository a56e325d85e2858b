namespace MoltBot.Security.Redaction;

/// <summary>
/// The one redaction layer: every sink that may carry text from outside (logs, transcripts, tool output shown to the
/// model, <c>config show</c>, error messages) passes it through here, so a known secret never leaves the process.
/// </summary>
internal interface ISecretRedactor
{
    /// <summary>The text with every known secret value replaced by <see cref="Mask"/>.</summary>
    string Redact(string text);

    public const string Mask = "[REDACTED]";
}
