using MoltBot.Configuration;

namespace MoltBot.Agent.Tools.Policy;

/// <summary>
/// <c>tools.allow</c>/<c>tools.deny</c>, globally and per agent (<c>agents.list[].tools</c>). A tool is usable when every
/// non-empty allow list matches it and no deny list does: deny wins. Applied both to what the model sees and to calls,
/// for built-in and dynamic (<c>&lt;server&gt;__&lt;tool&gt;</c>) tools alike.
/// </summary>
internal sealed class ToolPolicy(MoltBotConfig config)
{
    public bool IsAllowed(string agentId, string toolName)
    {
        var global = config.Tools;
        var agent = config.Agents.List.FirstOrDefault(a => a.Id == agentId)?.Tools ?? new ToolPolicyConfig();
        return Allows(global.Allow, toolName) && Allows(agent.Allow, toolName)
            && !Matches(global.Deny, toolName) && !Matches(agent.Deny, toolName);
    }

    private static bool Allows(IReadOnlyList<string> allow, string name) => allow.Count == 0 || Matches(allow, name);

    private static bool Matches(IReadOnlyList<string> patterns, string name) => patterns.Any(p => WildcardPattern.IsMatch(p.Trim(), name));
}
