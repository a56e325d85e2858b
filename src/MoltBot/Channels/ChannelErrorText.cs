using MoltBot.Security.Redaction;

namespace MoltBot.Channels;

/// <summary>
/// Error text a channel keeps for <c>moltbot status</c> and its log lines, with its own token masked. Telegram puts the
/// bot token in every request path (<c>/bot&lt;token&gt;/getUpdates</c>), and an error from a proxy or a self-hosted Bot API
/// server may echo that path; Discord errors could echo the token too. The known-secrets redactor covers tokens that came
/// from the config; the channel masks its own token itself, whatever the source.
/// </summary>
internal static class ChannelErrorText
{
    public static string Redact(string text, string? token, ISecretRedactor? redactor = null)
    {
        if (!string.IsNullOrEmpty(token) && text.Contains(token, StringComparison.Ordinal))
        {
            text = text.Replace(token, ISecretRedactor.Mask, StringComparison.Ordinal);
        }
        return redactor?.Redact(text) ?? text;
    }
}
