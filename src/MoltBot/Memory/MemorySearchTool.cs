using System.Text.Json;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools;

namespace MoltBot.Memory;

/// <summary><c>memory_search</c>: ranked snippets from <c>MEMORY.md</c> and <c>memory/*.md</c>, each with file, lines and score.</summary>
internal sealed class MemorySearchTool(MemoryIndexes indexes) : AIFunction
{
    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "query": { "type": "string", "description": "What to look for, in words (meaning counts, not only exact words)." },
            "maxResults": { "type": "integer", "description": "How many snippets to return (default 6, at most 50)." }
          },
          "required": ["query"]
        }
        """);

    public override string Name => "memory_search";

    public override string Description =>
        "Searches your long-term memory (MEMORY.md and the daily notes in memory/) before answering questions about prior " +
        "work, decisions, dates, people, preferences or to-dos. Returns snippets with file and line range; use memory_get for more.";

    public override JsonElement JsonSchema => SchemaJson;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var query = ToolArguments.RequiredString(arguments, "query");
        var max = (int)Math.Clamp(ToolArguments.Integer(arguments, "maxResults") ?? indexes.Config.MaxResults, 1, 50);
        var index = indexes.For(context.Agent);
        var hits = await index.SearchAsync(query, max, cancellationToken);
        return MemoryToolText.Render(query, hits, index.HasEmbeddings && hits.Any(h => h.VectorScore is not null));
    }
}
