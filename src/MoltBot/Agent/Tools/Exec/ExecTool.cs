using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Security.Audit;
using MoltBot.Security.Redaction;

namespace MoltBot.Agent.Tools.Exec;

/// <summary>
/// <c>exec</c>: runs a shell command in the agent's workspace, under <c>tools.exec</c>'s policy (may ask the owner
/// first), with a time limit, an output cap, a scrubbed environment and optionally the bwrap sandbox.
/// </summary>
internal sealed class ExecTool(
    ExecRunner runner, ExecApprovals approvals, BackgroundProcesses background, IAuditLog audit, ISecretRedactor redactor) : AIFunction
{
    private static readonly JsonElement SchemaJson = ToolArguments.Schema("""
        {
          "type": "object",
          "properties": {
            "command": { "type": "string", "description": "Shell command line, run with /bin/sh -c in your workspace." },
            "timeout": { "type": "integer", "description": "Time limit in seconds (default from config; capped)." },
            "background": { "type": "boolean", "description": "Run in the background and return a session id for the process tool." }
          },
          "required": ["command"]
        }
        """);

    public override string Name => "exec";

    public override string Description =>
        "Runs a shell command in your workspace and returns its exit code and output (stdout+stderr, capped). " +
        "Long-running commands: set background true, then use the process tool. Some commands need the owner's approval.";

    public override JsonElement JsonSchema => SchemaJson;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var context = ToolArguments.Context(arguments);
        var command = ToolArguments.RequiredString(arguments, "command");
        var runInBackground = ToolArguments.Boolean(arguments, "background");
        var timeout = runner.Timeout(ToolArguments.Integer(arguments, "timeout"), runInBackground);

        switch (ExecPolicy.Decide(runner.Config, command))
        {
            case ExecDecision.Deny:
                Audit(context, command, "refused by policy");
                throw new ToolRefusedException(runner.Config.Security == MoltBot.Configuration.ExecConfig.SecurityDeny
                    ? "exec is disabled (tools.exec.security: deny)."
                    : "this command is not in tools.exec.allowlist and tools.exec.ask is off, so it cannot run.");
            case ExecDecision.Ask:
                var decision = await approvals.RequestAsync(context, command, cancellationToken);
                if (decision.Verdict != ApprovalVerdict.Approved)
                {
                    throw new ToolRefusedException(decision.Verdict == ApprovalVerdict.Expired
                        ? "the owner did not approve this command in time (the request expired as denied). Do not retry it unless asked."
                        : "the owner denied this command. Do not retry it unless asked.");
                }
                break;
        }

        if (runInBackground)
        {
            var session = background.Start(context, command, timeout);
            Audit(context, command, $"started in background as {session.Id}");
            return $"Started in the background as session {session.Id} (time limit {timeout.TotalSeconds:0} s). Use the process tool: poll, log or kill.";
        }

        var output = new OutputBuffer(runner.Config.MaxOutputBytes * 3 / 4, runner.Config.MaxOutputBytes / 4);
        var started = runner.TimeProvider.GetTimestamp();
        using var process = runner.Start(command, context.WorkspacePath, output);
        using var limit = new CancellationTokenSource(timeout, runner.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        int exitCode;
        try
        {
            exitCode = await process.Completion.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            exitCode = await process.Completion;
            cancellationToken.ThrowIfCancellationRequested();
        }
        var elapsed = runner.TimeProvider.GetElapsedTime(started);
        var status = process.WasKilled
            ? $"Killed after the time limit of {timeout.TotalSeconds:0} s (the whole process group was stopped)."
            : $"Exit code: {exitCode}";
        Audit(context, command, process.WasKilled ? $"killed at the {timeout.TotalSeconds:0} s limit after {elapsed.TotalMilliseconds:0} ms" : $"exit {exitCode} in {elapsed.TotalMilliseconds:0} ms");
        var text = output.Text();
        return $"{status}\n{UntrustedContent.Wrap("exec", text.Length == 0 ? "(no output)" : text)}";
    }

    private void Audit(ToolContext context, string command, string result) =>
        audit.Record(new AuditEvent(AuditEventTypes.ExecCommand, $"agent:{context.Agent.Id}", null,
            string.Create(CultureInfo.InvariantCulture, $"{context.SessionKey}: {result}: {redactor.Redact(command)}")));
}
