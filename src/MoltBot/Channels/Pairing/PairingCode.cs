using System.Security.Cryptography;

namespace MoltBot.Channels.Pairing;

/// <summary>One-time pairing codes: 8 characters, upper case, with no look-alikes (0/O, 1/I/L) so they survive being read aloud.</summary>
internal static class PairingCode
{
    public const int Length = 8;
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Upper-cases and trims what the owner typed, so <c>abcd-efgh</c> style input still matches.</summary>
    public static string Normalize(string code) => code.Trim().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
