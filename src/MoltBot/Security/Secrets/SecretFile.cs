namespace MoltBot.Security.Secrets;

/// <summary>Reads a mounted secret file (Container Apps / Kubernetes secret volumes): the whole file, trailing newlines trimmed.</summary>
internal static class SecretFile
{
    /// <exception cref="IOException">The file is missing or unreadable.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to read it.</exception>
    public static string Read(string path) => File.ReadAllText(path).TrimEnd('\r', '\n');
}
