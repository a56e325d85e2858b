using System.Security.Cryptography;
using MoltBot.Configuration;
using MoltBot.Storage;

namespace MoltBot.Gateway;

/// <summary>
/// The gateway token: from config/env when set, otherwise generated once (43 random URL-safe chars) and kept
/// in <c>&lt;state&gt;/gateway.token</c> with mode 0600.
/// </summary>
internal sealed record GatewayToken(string Value, string Source, bool GeneratedNow)
{
    public static GatewayToken Resolve(MoltBotConfig config, MoltBotPaths paths)
    {
        if (config.Gateway.Auth.Token is { Value.Length: > 0 } configured)
        {
            return new GatewayToken(configured.Value, configured.Source, false);
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
        Span<byte> expected = stackalloc byte[System.Text.Encoding.UTF8.GetMaxByteCount(Value.Length)];
        Span<byte> actual = stackalloc byte[System.Text.Encoding.UTF8.GetMaxByteCount(Math.Min(candidate.Length, 512))];
        var e = System.Text.Encoding.UTF8.GetBytes(Value, expected);
        var a = System.Text.Encoding.UTF8.GetBytes(candidate[..Math.Min(candidate.Length, 512)], actual);
        return CryptographicOperations.FixedTimeEquals(expected[..e], actual[..a]);
    }

    public override string ToString() => "***";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
