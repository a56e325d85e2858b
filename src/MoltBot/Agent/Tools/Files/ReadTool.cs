using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools.Files;

/// <summary><c>read</c>: a text file from the workspace, by lines (<c>offset</c>, <c>limit</c>), capped in size.</summary>
internal sealed class ReadTool : AIFunction
{
    public const int DefaultLineLimit = 2000;
    public const int MaxChars = 100_000;

    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "path": { "type": "string", "description": "File path relative to your workspace." },
            "offset": { "type": "integer", "description": "First line to read (1-based). Default 1." },
            "limit": { "type": "integer", "description": "Number of lines to read. Default 2000." }
          },
          "required": ["path"]
        }
        """);

    public override string Name => "read";

    public override string Description => "Reads a text file in your workspace (optionally a range of lines).";

    public override JsonElement JsonSchema => SchemaJson;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var path = ToolArguments.RequiredString(arguments, "path");
        var real = WorkspaceFile.ExistingFile(context, path);
        var offset = (int)Math.Clamp(ToolArguments.Integer(arguments, "offset") ?? 1, 1, int.MaxValue);
        var limit = (int)Math.Clamp(ToolArguments.Integer(arguments, "limit") ?? DefaultLineLimit, 1, 100_000);

        var text = new StringBuilder();
        var lineNumber = 0;
        var more = false;
        using var reader = new StreamReader(real, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (lineNumber < offset)
            {
                continue;
            }
            if (lineNumber >= offset + limit || text.Length + line.Length > MaxChars)
            {
                more = true;
                break;
            }
            text.Append(line).Append('\n');
        }
        var shown = Math.Max(0, lineNumber - offset + (more ? 0 : 1));
        var note = more
            ? string.Create(CultureInfo.InvariantCulture, $"\n[showing lines {offset}-{offset + shown - 1}; more follows: read again with offset {offset + shown}]")
            : lineNumber < offset ? string.Create(CultureInfo.InvariantCulture, $"\n[the file has only {lineNumber} lines]") : "";
        return UntrustedContent.Wrap("file:" + WorkspacePaths.Display(context.WorkspacePath, real), text.ToString()) + note;
    }
}
