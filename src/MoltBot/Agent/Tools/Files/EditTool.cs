using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools.Files;

/// <summary><c>edit</c>: exact-string replacement in a workspace file; the old text must occur exactly once unless <c>replaceAll</c>.</summary>
internal sealed class EditTool : AIFunction
{
    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "path": { "type": "string", "description": "File path relative to your workspace." },
            "oldText": { "type": "string", "description": "Exact text to replace (whitespace included)." },
            "newText": { "type": "string", "description": "Replacement text." },
            "replaceAll": { "type": "boolean", "description": "Replace every occurrence instead of requiring exactly one." }
          },
          "required": ["path", "oldText", "newText"]
        }
        """);

    public override string Name => "edit";

    public override string Description => "Replaces exact text in a file in your workspace (oldText must be unique unless replaceAll).";

    public override JsonElement JsonSchema => SchemaJson;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var path = ToolArguments.RequiredString(arguments, "path");
        var oldText = ToolArguments.RequiredString(arguments, "oldText");
        var newText = ToolArguments.String(arguments, "newText") ?? throw new ToolRefusedException("The argument 'newText' is required.");
        var replaceAll = ToolArguments.Boolean(arguments, "replaceAll");
        var real = WorkspaceFile.ExistingFile(context, path);
        if (new FileInfo(real).Length > WriteTool.MaxChars * 4L)
        {
            throw new ToolRefusedException($"'{path}' is too large to edit; use write or exec.");
        }

        var content = await File.ReadAllTextAsync(real, cancellationToken);
        var count = Occurrences(content, oldText);
        if (count == 0)
        {
            throw new ToolRefusedException($"oldText was not found in '{path}'. Read the file and copy the text exactly.");
        }
        if (count > 1 && !replaceAll)
        {
            throw new ToolRefusedException($"oldText occurs {count} times in '{path}'. Add surrounding text to make it unique, or set replaceAll.");
        }
        var updated = replaceAll ? content.Replace(oldText, newText, StringComparison.Ordinal) : ReplaceFirst(content, oldText, newText);
        await File.WriteAllTextAsync(real, updated, new UTF8Encoding(false), cancellationToken);
        return $"Replaced {(replaceAll ? count : 1)} occurrence(s) in {WorkspacePaths.Display(context.WorkspacePath, real)}.";
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static string ReplaceFirst(string text, string oldText, string newText)
    {
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length));
    }
}
