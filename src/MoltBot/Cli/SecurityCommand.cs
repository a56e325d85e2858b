using System.CommandLine;

namespace MoltBot.Cli;

/// <summary><c>moltbot security audit</c>: thin wiring; the work is in <see cref="SecurityAuditCommand"/>.</summary>
internal static class SecurityCommand
{
    public static Command Create(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Machine-readable JSON." };
        var fix = new Option<bool>("--fix") { Description = "Fix what is safe to fix (permissions, a generated token file), then check again." };
        var audit = new Command("audit", "Check the setup for security problems; exit code 1 while a high-severity finding remains.") { json, fix };
        audit.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var color = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !host.Environment.ContainsKey("NO_COLOR");
            return SecurityAuditCommand.Run(parse.GetValue(json), parse.GetValue(fix), host, output, parse.InvocationConfiguration.Error, color);
        });
        return new Command("security", "Security checks.") { audit };
    }
}
