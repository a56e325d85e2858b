namespace MoltBot.Security.Redaction;

/// <summary>Replaces exact occurrences of known secret values. Values shorter than 6 characters are ignored (they would mask ordinary words).</summary>
internal sealed class KnownSecretsRedactor : ISecretRedactor
{
    private const int MinimumLength = 6;
    private volatile string[] _secrets;

    public KnownSecretsRedactor(IEnumerable<string> secrets) => _secrets = Normalize(secrets);

    /// <summary>Swaps the set, e.g. after a secret file or Key Vault version changed.</summary>
    public void Replace(IEnumerable<string> secrets) => _secrets = Normalize(secrets);

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, ISecretRedactor.Mask, StringComparison.Ordinal);
            }
        }
        return text;
    }

    // Longest first, so a secret that contains another is masked whole.
    private static string[] Normalize(IEnumerable<string> secrets) =>
        [.. secrets.Where(s => s.Length >= MinimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
}
