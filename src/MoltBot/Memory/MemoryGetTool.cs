using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools;

namespace MoltBot.Memory;

/// <summary><c>memory_get</c>: lines of a memory file (<c>MEMORY.md</c> or <c>memory/*.md</c> only), e.g. around a search hit.</summary>
internal sealed class MemoryGetTool : AIFunction
{
    public const int MaxChars = 20_000;

    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "path": { "type": "string", "description": "MEMORY.md or memory/<file>.md, as memory_search shows it." },
            "from": { "type": "integer", "description": "First line (1-based). Default 1." },
            "lines": { "type": "integer", "description": "Number of lines. Default: to the end (capped)." }
          },
          "required": ["path"]
        }
        """);

    public override string Name => "memory_get";

    public override string Description => "Reads lines from a memory file (MEMORY.md or memory/*.md), e.g. the range a memory_search hit points to.";

    public override JsonElement JsonSchema => SchemaJson;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var (real, relative) = MemoryFiles.Resolve(context.WorkspacePath, ToolArguments.RequiredString(arguments, "path"));
        if (!File.Exists(real))
        {
            throw new ToolRefusedException($"There is no memory file '{relative}'.");
        }
        var from = (int)Math.Clamp(ToolArguments.Integer(arguments, "from") ?? 1, 1, int.MaxValue);
        var count = (int)Math.Clamp(ToolArguments.Integer(arguments, "lines") ?? int.MaxValue, 1, int.MaxValue);
        var lines = await File.ReadAllLinesAsync(real, cancellationToken);
        var text = new StringBuilder();
        var last = from - 1;
        for (var i = from - 1; i < lines.Length && i < (long)from - 1 + count; i++)
        {
            if (text.Length + lines[i].Length > MaxChars)
            {
                break;
            }
            text.Append(lines[i]).Append('\n');
            last = i + 1;
        }
        var note = last < lines.Length && from <= lines.Length
            ? string.Create(CultureInfo.InvariantCulture, $"\n[lines {from}-{last} of {lines.Length}; more follows: call again with from {last + 1}]")
            : from > lines.Length ? string.Create(CultureInfo.InvariantCulture, $"\n[the file has only {lines.Length} lines]") : "";
        return UntrustedContent.Wrap($"memory:{relative}", text.ToString()) + note;
    }
}
