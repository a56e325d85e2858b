using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools;

/// <summary>Tools that come and go while the gateway runs (MCP servers); read again at the start of every turn.</summary>
internal interface IToolSource
{
    /// <summary>
    /// The current tools: the same instance while they are unchanged, a new one when they change (never one mutated in
    /// place), so <see cref="ToolRegistry"/> can tell a change by reference.
    /// </summary>
    IReadOnlyCollection<AIFunction> Tools { get; }
}
