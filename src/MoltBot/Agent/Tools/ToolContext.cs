using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools;

/// <summary>
/// Who is calling a tool and from where: the agent (its workspace confines file and exec tools), the session, and the
/// chat the turn came from (approval prompts go back there). Passed in <see cref="AIFunctionArguments.Context"/>.
/// </summary>
/// <param name="Channel">Channel of the turn (<c>discord</c>, <c>telegram</c>), or null for the HTTP API and CLI.</param>
/// <param name="ChatId">The channel's chat id, with <paramref name="Channel"/>.</param>
internal sealed record ToolContext(AgentProfile Agent, string SessionKey, string? Channel = null, string? ChatId = null)
{
    private const string ContextKey = "moltbot.tool-context";

    public string WorkspacePath => Agent.WorkspacePath;

    /// <summary>Shows text to the user while the turn runs (the HTTP API streams it); null when nothing streams.</summary>
    public Func<string, CancellationToken, ValueTask>? Progress { get; init; }

    public void AttachTo(AIFunctionArguments arguments)
    {
        arguments.Context ??= new Dictionary<object, object?>();
        arguments.Context[ContextKey] = this;
    }

    /// <summary>The caller's context; tools that need a workspace refuse to run without one.</summary>
    public static ToolContext? From(AIFunctionArguments arguments) =>
        arguments.Context is { } context && context.TryGetValue(ContextKey, out var value) ? value as ToolContext : null;
}
