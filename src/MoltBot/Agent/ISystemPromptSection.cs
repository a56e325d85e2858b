namespace MoltBot.Agent;

/// <summary>A feature's part of the system prompt (skills list, memory guidance), added after the tools and before the workspace files.</summary>
internal interface ISystemPromptSection
{
    /// <summary>Markdown starting with a <c>## Heading</c>, or null when the feature has nothing to say for this agent.</summary>
    string? Build(AgentProfile agent);
}
