using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools.Files;

/// <summary><c>write</c>: creates or replaces a file in the workspace (and its folders).</summary>
internal sealed class WriteTool : AIFunction
{
    public const int MaxChars = 1_000_000;

    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "path": { "type": "string", "description": "File path relative to your workspace; missing folders are created." },
            "content": { "type": "string", "description": "The whole new content of the file." }
          },
          "required": ["path", "content"]
        }
        """);

    public override string Name => "write";

    public override string Description => "Creates or overwrites a file in your workspace with the given content.";

    public override JsonElement JsonSchema => SchemaJson;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var path = ToolArguments.RequiredString(arguments, "path");
        var content = ToolArguments.String(arguments, "content") ?? throw new ToolRefusedException("The argument 'content' is required.");
        if (content.Length > MaxChars)
        {
            throw new ToolRefusedException($"The content is {content.Length} characters; write accepts at most {MaxChars}.");
        }
        var real = WorkspacePaths.Resolve(context.WorkspacePath, path);
        if (Directory.Exists(real))
        {
            throw new ToolRefusedException($"'{path}' is a folder.");
        }
        if (File.Exists(real))
        {
            WorkspaceFile.EnsureRegular(path, real);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        await File.WriteAllTextAsync(real, content, new UTF8Encoding(false), cancellationToken);
        return $"Wrote {Encoding.UTF8.GetByteCount(content)} bytes to {WorkspacePaths.Display(context.WorkspacePath, real)}.";
    }
}
