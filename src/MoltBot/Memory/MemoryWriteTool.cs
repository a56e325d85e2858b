using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools;
using MoltBot.Configuration;

namespace MoltBot.Memory;

/// <summary>
/// <c>memory_write</c>: appends to today's note <c>memory/YYYY-MM-DD.md</c> (the owner's time zone) or, for lasting
/// facts, to <c>MEMORY.md</c>. Append only: the agent cannot erase memory with it.
/// </summary>
internal sealed class MemoryWriteTool(TimeProvider time, MoltBotConfig config) : AIFunction
{
    public const string ToolName = "memory_write";
    public const int MaxChars = 20_000;

    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "content": { "type": "string", "description": "Markdown to append (a line or a few bullet points)." },
            "target": { "type": "string", "enum": ["daily", "longterm"], "description": "daily (default): today's note memory/YYYY-MM-DD.md; longterm: MEMORY.md, for lasting facts and preferences." }
          },
          "required": ["content"]
        }
        """);

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public override string Name => ToolName;

    public override string Description =>
        "Saves something to your long-term memory by appending to today's note (memory/YYYY-MM-DD.md) or to MEMORY.md (target longterm). " +
        "Use it for decisions, preferences, facts about the owner, and to-dos worth remembering later.";

    public override JsonElement JsonSchema => SchemaJson;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var content = ToolArguments.RequiredString(arguments, "content").TrimEnd();
        if (content.Length > MaxChars)
        {
            throw new ToolRefusedException($"The content is {content.Length} characters; memory_write accepts at most {MaxChars} at once.");
        }
        var target = ToolArguments.String(arguments, "target") ?? "daily";
        var path = target switch
        {
            "daily" => DailyNote.RelativePath(time, config.Agents.Defaults.UserTimezone),
            "longterm" or "MEMORY.md" => MemoryFiles.LongTerm,
            _ => throw new ToolRefusedException($"Unknown target '{target}': use daily or longterm."),
        };
        var (real, relative) = MemoryFiles.Resolve(context.WorkspacePath, path);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(real)!);
            var existing = File.Exists(real) ? await File.ReadAllTextAsync(real, cancellationToken) : null;
            var text = new StringBuilder();
            if (existing is null && target == "daily")
            {
                text.Append("# ").Append(Path.GetFileNameWithoutExtension(real)).Append("\n\n");
            }
            else if (existing is { Length: > 0 } && !existing.EndsWith('\n'))
            {
                text.Append('\n');
            }
            text.Append(content).Append('\n');
            await File.AppendAllTextAsync(real, text.ToString(), new UTF8Encoding(false), cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
        return $"Saved to {relative}.";
    }
}
