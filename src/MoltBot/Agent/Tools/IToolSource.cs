using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools;

/// <summary>Tools that come and go while the gateway runs (MCP servers); read again at the start of every turn.</summary>
internal interface IToolSource
{
    IReadOnlyCollection<AIFunction> Tools { get; }
}
