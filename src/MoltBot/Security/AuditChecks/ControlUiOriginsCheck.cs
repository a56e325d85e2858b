namespace MoltBot.Security.AuditChecks;

/// <summary><c>gateway.controlUi.origins</c>: which web pages may talk to the gateway from a browser (the ClawJacked class of attack).</summary>
internal static class ControlUiOriginsCheck
{
    public const string Id = "gateway.controlUi.origins";
    private const string Key = "gateway.controlUi.allowedOrigins";

    public static IEnumerable<SecurityFinding> Run(SecurityAuditContext context)
    {
        if (ConfigLookup.Get(context, Key) is not IReadOnlyList<string> { Count: > 0 } origins)
        {
            yield return new SecurityFinding(Id, SecuritySeverity.Info, "no Control UI origins configured (only the gateway's own origin is allowed)",
                $"Nothing to do; add {Key} only for a Control UI served from another origin.");
            yield break;
        }
        var wildcard = origins.Where(o => o.Trim() == "*" || o.Contains("://*", StringComparison.Ordinal)).ToList();
        if (wildcard.Count > 0)
        {
            yield return new SecurityFinding(Id, SecuritySeverity.High, $"{Key} allows {string.Join(", ", wildcard)}: any web page you visit could drive the gateway",
                $"List exact origins instead, e.g. [\"https://moltbot.example.com\"].");
        }
        else if (origins.Any(o => o.Trim() == "null" || o.StartsWith("http://", StringComparison.Ordinal) && !IsLocal(o)))
        {
            yield return new SecurityFinding(Id, SecuritySeverity.Medium, $"{Key} allows a 'null' or plain-http remote origin, which other pages can impersonate",
                "Allow only https origins (and http://localhost for development).");
        }
    }

    private static bool IsLocal(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");
}
