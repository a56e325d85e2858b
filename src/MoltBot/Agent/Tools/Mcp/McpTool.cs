using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using MoltBot.Agent.Tools.Approvals;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>
/// One tool of an MCP server as the agent sees it: named <c>&lt;server&gt;__&lt;tool&gt;</c>, with the server's input
/// schema. Results are marked untrusted: they come from another program.
/// </summary>
internal sealed class McpTool(McpServerConnection server, Tool tool, string name) : AIFunction
{
    /// <summary>Longest tool name providers accept (OpenAI: <c>^[a-zA-Z0-9_-]{1,64}$</c>).</summary>
    public const int MaxNameLength = 64;

    private static readonly JsonSerializerOptions Json = AIJsonUtilities.DefaultOptions;
    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();

    public override string Name => name;

    public override string Description => tool.Description ?? tool.Title ?? $"Tool {tool.Name} of the MCP server {server.Name}.";

    public override JsonElement JsonSchema => tool.InputSchema;

    /// <summary>The agent-facing tools of a server; names that clash after cleaning keep the first tool.</summary>
    public static IReadOnlyCollection<AIFunction> ForServer(McpServerConnection server, IEnumerable<Tool> tools)
    {
        var result = new Dictionary<string, AIFunction>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            var name = ToolName(server.Name, tool.Name);
            result.TryAdd(name, new McpTool(server, tool, name));
        }
        return [.. result.Values];
    }

    /// <summary><c>&lt;server&gt;__&lt;tool&gt;</c>, with characters providers refuse replaced by <c>_</c>, at most 64 characters.</summary>
    public static string ToolName(string server, string tool)
    {
        var sb = new StringBuilder(server.Length + 2 + tool.Length);
        foreach (var c in server + "__" + tool)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }
        return sb.Length > MaxNameLength ? sb.ToString(0, MaxNameLength) : sb.ToString();
    }

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        if (server.Config.AskAlways)
        {
            await WaitForApprovalAsync(arguments, cancellationToken);
        }
        var result = await server.CallAsync(tool.Name, Arguments(arguments), cancellationToken);
        var text = server.Redact(McpToolResultText.From(result));
        var wrapped = UntrustedContent.Wrap($"mcp:{server.Name}/{tool.Name}", text);
        return result.IsError == true ? $"Error: the MCP tool {name} reported a failure:\n{wrapped}" : wrapped;
    }

    /// <summary><c>ask: always</c>: the owner sees the exact call (tool and arguments) and answers like an exec request.</summary>
    private async Task WaitForApprovalAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolContext.From(arguments)
            ?? throw new ToolRefusedException($"{name} needs the owner's approval (mcp.servers.{server.Name}.ask), and this call has no chat to ask in.");
        var call = $"{name} {CompactJson(Arguments(arguments))}";
        var decision = await server.Approvals.RequestAsync(context, call, cancellationToken);
        if (decision.Verdict != ApprovalVerdict.Approved)
        {
            throw new ToolRefusedException(decision.Verdict == ApprovalVerdict.Expired
                ? "the owner did not approve this call in time (the request expired as denied). Do not retry it unless asked."
                : "the owner denied this call. Do not retry it unless asked.");
        }
    }

    /// <summary>One line, as the owner reads it in chat.</summary>
    private static string CompactJson(Dictionary<string, JsonElement> arguments)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in arguments)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Dictionary<string, JsonElement> Arguments(AIFunctionArguments arguments)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in arguments)
        {
            result[key] = value switch
            {
                JsonElement e => e,
                null => NullElement,
                _ => JsonSerializer.SerializeToElement(value, Json.GetTypeInfo(value.GetType())),
            };
        }
        return result;
    }
}
