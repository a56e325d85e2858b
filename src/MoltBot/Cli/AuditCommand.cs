using System.CommandLine;

namespace MoltBot.Cli;

/// <summary><c>moltbot audit tail</c>: thin wiring; the work is in <see cref="AuditTail"/>.</summary>
internal static class AuditCommand
{
    public static Command Create(CliHost host)
    {
        var lines = new Option<int>("--lines", "-n") { Description = "How many of the newest events to show.", DefaultValueFactory = _ => 50 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new events as they are written, until Ctrl+C." };
        var type = new Option<string?>("--type") { Description = "Only this event type (auth.failure), or a prefix with * (auth.*)." };
        var since = new Option<string?>("--since") { Description = "Only events newer than this: 30s, 15m, 1h, 7d, or an ISO 8601 time." };
        var json = new Option<bool>("--json") { Description = "One JSON object per line (time in UTC)." };
        var tail = new Command("tail", "Show the newest security events (works whether or not the gateway runs).") { lines, follow, type, since, json };
        tail.SetAction((parse, cancellationToken) => AuditTail.RunAsync(
            new AuditTailOptions(parse.GetValue(lines), parse.GetValue(follow), parse.GetValue(type), parse.GetValue(since), parse.GetValue(json)),
            host, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return new Command("audit", "Read the audit log of security events (auth, pairing, denied senders, exec, config changes).") { tail };
    }
}
