using System.Security.Cryptography;
using MoltBot.Configuration;
using MoltBot.Storage;

namespace MoltBot.Gateway;

/// <summary>
/// The gateway token: from config/env when set, otherwise generated once (43 random URL-safe chars) and kept
/// in <c>&lt;state&gt;/gateway.token</c> with mode 0600. A configured token from a rotating secret reference (file,
/// Key Vault) is read at every check, so clients switch to the new token without a gateway restart.
/// </summary>
internal sealed class GatewayToken
{
    private readonly SecretValue _secret;

    public GatewayToken(string value, string source, bool generatedNow)
        : this(new SecretValue(value, source), generatedNow)
    {
    }

    private GatewayToken(SecretValue secret, bool generatedNow)
    {
        _secret = secret;
        GeneratedNow = generatedNow;
    }

    /// <summary>The current token.</summary>
    public string Value => _secret.Value;

    public string Source => _secret.Source;

    public bool GeneratedNow { get; }

    public static GatewayToken Resolve(MoltBotConfig config, MoltBotPaths paths)
    {
        if (config.Gateway.Auth.Token is { Value.Length: > 0 } configured)
        {
            return new GatewayToken(configured, false);
        }
        if (File.Exists(paths.TokenPath) && File.ReadAllText(paths.TokenPath).Trim() is { Length: >= 32 } stored)
        {
            return new GatewayToken(stored, paths.TokenPath, false);
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        StateFiles.WritePrivate(paths.TokenPath, token + "\n");
        return new GatewayToken(token, paths.TokenPath, true);
    }

    /// <summary>Constant-time comparison, so response timing says nothing about how much of a guess was right.</summary>
    public bool Matches(ReadOnlySpan<char> candidate)
    {
        var value = Value; // one read: a rotation between the two lines must not mix tokens
        Span<byte> expected = stackalloc byte[System.Text.Encoding.UTF8.GetMaxByteCount(value.Length)];
        Span<byte> actual = stackalloc byte[System.Text.Encoding.UTF8.GetMaxByteCount(Math.Min(candidate.Length, 512))];
        var e = System.Text.Encoding.UTF8.GetBytes(value, expected);
        var a = System.Text.Encoding.UTF8.GetBytes(candidate[..Math.Min(candidate.Length, 512)], actual);
        return CryptographicOperations.FixedTimeEquals(expected[..e], actual[..a]);
    }

    public override string ToString() => "***";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
