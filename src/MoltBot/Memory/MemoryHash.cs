using System.Security.Cryptography;
using System.Text;

namespace MoltBot.Memory;

internal static class MemoryHash
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
