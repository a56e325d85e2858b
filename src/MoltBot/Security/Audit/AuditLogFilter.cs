namespace MoltBot.Security.Audit;

/// <summary>Which rows <c>audit tail</c> shows.</summary>
/// <param name="Type">An exact type (<c>auth.failure</c>), or a prefix ending in <c>*</c> (<c>auth.*</c>); null for all.</param>
/// <param name="Since">Only events at or after this time; null for all.</param>
internal sealed record AuditLogFilter(string? Type = null, DateTimeOffset? Since = null)
{
    public string? TypePrefix => Type is { } t && t.EndsWith('*') ? t[..^1] : null;
}
