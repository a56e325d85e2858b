namespace MoltBot.Security.Secrets;

/// <summary>
/// <c>https://&lt;vault&gt;.vault.azure.net/secrets/&lt;name&gt;[/&lt;version&gt;]</c>. Plain <c>http</c> is accepted only for
/// loopback hosts (a local emulator or a test fake).
/// </summary>
internal sealed record KeyVaultSecretUri(Uri Vault, string Name, string? Version)
{
    public bool IsPinned => Version is not null;

    /// <summary>The URI to GET (without the api-version query).</summary>
    public Uri SecretUri => new(Vault, $"secrets/{Name}" + (Version is null ? "" : "/" + Version));

    public static KeyVaultSecretUri? Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            return null;
        }
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length is < 2 or > 3 || segments[0] != "secrets" || !IsName(segments[1]) || (segments.Length == 3 && !IsName(segments[2])))
        {
            return null;
        }
        return new KeyVaultSecretUri(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), segments[1], segments.Length == 3 ? segments[2] : null);
    }

    private static bool IsName(string s) => s.Length is > 0 and <= 127 && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
