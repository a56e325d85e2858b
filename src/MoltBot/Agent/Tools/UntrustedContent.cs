namespace MoltBot.Agent.Tools;

/// <summary>
/// Marks text that came from outside (file contents, command output, web pages) so the model treats it as data,
/// never as the owner's instructions. The system prompt explains the marker (<see cref="UntrustedContentPromptSection"/>).
/// </summary>
internal static class UntrustedContent
{
    public const string CloseTag = "</untrusted>";

    /// <summary>The text inside <c>&lt;untrusted source="..."&gt;</c> markers; a closing tag inside the text is defused so it cannot end the block early.</summary>
    public static string Wrap(string source, string text)
    {
        var safeSource = new string([.. source.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '/')]);
        var body = text.Replace("</untrusted", "<\\/untrusted", StringComparison.OrdinalIgnoreCase);
        return $"<untrusted source=\"{safeSource}\">\n{body}{(body.EndsWith('\n') ? "" : "\n")}{CloseTag}";
    }
}
