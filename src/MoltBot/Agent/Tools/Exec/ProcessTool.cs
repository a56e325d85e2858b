using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools.Exec;

/// <summary><c>process</c>: lists, polls, tails and kills the agent's background commands (<c>exec background: true</c>).</summary>
internal sealed class ProcessTool(BackgroundProcesses processes, TimeProvider timeProvider) : AIFunction
{
    private const int MaxChunk = 32 * 1024;

    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "action": { "type": "string", "enum": ["list", "poll", "log", "kill"], "description": "list sessions; poll = new output since the last poll and status; log = the last output; kill = stop it." },
            "sessionId": { "type": "string", "description": "The id exec returned (not needed for list)." }
          },
          "required": ["action"]
        }
        """);

    public override string Name => "process";

    public override string Description => "Manages background commands started with exec (background: true): list, poll, log, kill.";

    public override JsonElement JsonSchema => SchemaJson;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var action = ToolArguments.RequiredString(arguments, "action").Trim().ToLowerInvariant();
        if (action == "list")
        {
            var sessions = processes.List(context.Agent.Id);
            if (sessions.Count == 0)
            {
                return "No background commands.";
            }
            var list = new StringBuilder();
            foreach (var s in sessions)
            {
                list.Append(CultureInfo.InvariantCulture, $"- {s.Id}: {s.Status}, started {(timeProvider.GetUtcNow() - s.StartedAt).TotalSeconds:0} s ago: {s.Command}\n");
            }
            return list.ToString();
        }
        var id = ToolArguments.RequiredString(arguments, "sessionId");
        var session = processes.Find(context.Agent.Id, id) ?? throw new ToolRefusedException($"No background session '{id}'. Use action list.");
        switch (action)
        {
            case "poll":
                var fresh = session.Poll(MaxChunk);
                return $"Status: {session.Status}\n{UntrustedContent.Wrap("exec", fresh.Length == 0 ? "(no new output)" : fresh)}";
            case "log":
                var total = session.Output.Total;
                var tail = session.Output.Read(Math.Max(0, total - MaxChunk), MaxChunk, out _);
                return $"Status: {session.Status}\n{UntrustedContent.Wrap("exec", tail.Length == 0 ? "(no output)" : tail)}";
            case "kill":
                session.Kill();
                await session.WaitAsync(cancellationToken);
                return $"Killed {session.Id}. Status: {session.Status}";
            default:
                throw new ToolRefusedException($"Unknown action '{action}'. Use list, poll, log or kill.");
        }
    }
}
