using MoltBot.Configuration;
using MoltBot.Configuration.Json5;

namespace MoltBot.Security.AuditChecks;

/// <summary>
/// Reads a setting whether its section is already in the schema (<see cref="LoadedConfig.Values"/>) or still an external,
/// unvalidated section (<see cref="LoadedConfig.ExternalSections"/>, e.g. <c>tools</c> before the tools feature owns it).
/// </summary>
internal static class ConfigLookup
{
    /// <returns>A string, bool, long or list of strings; null when not set.</returns>
    public static object? Get(SecurityAuditContext context, string path)
    {
        if (context.Loaded.Values.FirstOrDefault(v => v.Path == path) is { } leaf)
        {
            return leaf.Value;
        }
        var parts = path.Split('.');
        if (!context.Loaded.ExternalSections.TryGetValue(parts[0], out var node))
        {
            return null;
        }
        foreach (var part in parts.Skip(1))
        {
            if (node is not Json5Object obj || obj.Find(part) is not { } member)
            {
                return null;
            }
            node = member.Value;
        }
        return node switch
        {
            Json5String s => ConfigSubstitution.Expand(s.Value, context.Environment, out _),
            Json5Boolean b => b.Value,
            Json5Number { Integer: { } i } => i,
            Json5Array a => a.Items.OfType<Json5String>().Select(s => s.Value).ToList(),
            _ => null,
        };
    }
}
