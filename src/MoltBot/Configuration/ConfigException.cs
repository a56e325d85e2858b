namespace MoltBot.Configuration;

/// <summary>A configuration problem, located and explained: which key, where, what is wrong, how to fix it.</summary>
internal sealed record ConfigIssue(string Key, string? File, int? Line, string Message, string? Fix)
{
    public override string ToString()
    {
        var where = File is null ? "" : Line is null ? $" ({File})" : $" ({File}:{Line})";
        return Fix is null ? $"{Key}{where}: {Message}" : $"{Key}{where}: {Message} Fix: {Fix}";
    }
}

internal sealed class ConfigException(IReadOnlyList<ConfigIssue> issues)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, issues.Select(i => "  - " + i)))
{
    public IReadOnlyList<ConfigIssue> Issues { get; } = issues;
}
