namespace MoltBot.Configuration.Schema;

/// <param name="Target">The key it sets (a concrete path), or null when it is used another way (see <paramref name="Description"/>).</param>
internal sealed record ConfigEnvironmentVariable(string Name, string? Target, string Description)
{
    /// <summary>The schema key pattern it feeds, for the docs, when it has no single <see cref="Target"/>.</summary>
    public string? Affects { get; init; }
}
