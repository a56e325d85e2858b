namespace MoltBot.Configuration;

/// <summary>A configuration problem, located and explained: which key, where, what is wrong, how to fix it.</summary>
internal sealed record ConfigIssue(string Key, string? File, int? Line, string Message, string? Fix)
{
    /// <summary>1-based column, set for syntax errors.</summary>
    public int? Column { get; init; }

    /// <summary><c>file:line:column</c>, <c>file:line</c>, <c>file</c> or null.</summary>
    public string? Location => File is null ? null
        : Line is null ? File
        : Column is null ? $"{File}:{Line}"
        : $"{File}:{Line}:{Column}";

    public override string ToString()
    {
        var where = Location is null ? "" : $" ({Location})";
        return Fix is null ? $"{Key}{where}: {Message}" : $"{Key}{where}: {Message} Fix: {Fix}";
    }
}

internal sealed class ConfigException(IReadOnlyList<ConfigIssue> issues)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, issues.Select(i => "  - " + i)))
{
    public IReadOnlyList<ConfigIssue> Issues { get; } = issues;
}
