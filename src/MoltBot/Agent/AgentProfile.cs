namespace MoltBot.Agent;

/// <summary>An agent as resolved from configuration: who it is, where its workspace is, which models it uses.</summary>
/// <param name="ModelRefs">Primary first, then fallbacks; empty when no model is configured anywhere.</param>
internal sealed record AgentProfile(string Id, string Name, string WorkspacePath, IReadOnlyList<string> ModelRefs, bool IsDefault)
{
    public string? PrimaryModel => ModelRefs.Count > 0 ? ModelRefs[0] : null;
}
