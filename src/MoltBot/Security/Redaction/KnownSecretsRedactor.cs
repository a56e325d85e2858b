namespace MoltBot.Security.Redaction;

/// <summary>
/// Replaces exact occurrences of known secret values. Values shorter than 6 characters are ignored (they would mask
/// ordinary words). Values are only ever added: after a rotation the old value is still masked, because it may still
/// sit in a provider's error text, a file or a transcript.
/// </summary>
internal sealed class KnownSecretsRedactor : ISecretRedactor
{
    private const int MinimumLength = 6;
    private readonly Lock _gate = new();
    private volatile string[] _secrets;

    public KnownSecretsRedactor(IEnumerable<string> secrets) => _secrets = Normalize(secrets);

    /// <summary>Adds values (a rotated secret, a generated token) to the set; known ones are kept.</summary>
    public void Add(params IEnumerable<string> secrets)
    {
        lock (_gate)
        {
            _secrets = Normalize(_secrets.Concat(secrets));
        }
    }

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
        [.. secrets.Where(s => s is { Length: >= MinimumLength }).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
}
