using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools.Files;

/// <summary><c>list</c>: a folder of the workspace, optionally a few levels deep, capped; symlinks are shown, never followed.</summary>
internal sealed class ListTool : AIFunction
{
    public const int MaxEntries = 500;
    public const int MaxDepth = 5;

    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "path": { "type": "string", "description": "Folder relative to your workspace. Default: the workspace itself." },
            "depth": { "type": "integer", "description": "How many levels to descend (1-5). Default 1." }
          }
        }
        """);

    public override string Name => "list";

    public override string Description => "Lists a folder in your workspace (folders end with /, symlinks with @).";

    public override JsonElement JsonSchema => SchemaJson;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var path = ToolArguments.String(arguments, "path") is { Length: > 0 } p ? p : ".";
        var depth = (int)Math.Clamp(ToolArguments.Integer(arguments, "depth") ?? 1, 1, MaxDepth);
        var real = WorkspacePaths.Resolve(context.WorkspacePath, path);
        if (!Directory.Exists(real))
        {
            throw new ToolRefusedException(File.Exists(real) ? $"'{path}' is a file; use the read tool." : $"'{path}' does not exist in your workspace.");
        }
        var lines = new StringBuilder();
        var count = 0;
        var truncated = !Walk(real, real, depth, lines, ref count);
        var display = WorkspacePaths.Display(context.WorkspacePath, real);
        var header = count == 0 ? $"{display}/ is empty." : $"{display}/ ({count} entries{(truncated ? string.Create(CultureInfo.InvariantCulture, $", cut at {MaxEntries}") : "")}):";
        return ValueTask.FromResult<object?>(header + "\n" + UntrustedContent.Wrap("list", lines.ToString()));
    }

    private static bool Walk(string root, string folder, int depth, StringBuilder lines, ref int count)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (count >= MaxEntries)
            {
                return false;
            }
            count++;
            var relative = Path.GetRelativePath(root, entry.FullName);
            var isLink = entry.LinkTarget is not null;
            var isDirectory = !isLink && entry is DirectoryInfo;
            lines.Append(relative).Append(isLink ? "@" : isDirectory ? "/" : "").Append('\n');
            if (isDirectory && depth > 1 && !Walk(root, entry.FullName, depth - 1, lines, ref count))
            {
                return false;
            }
        }
        return true;
    }
}
