using System.CommandLine;
using MoltBot.Configuration;

namespace MoltBot.Cli;

internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Check configuration, models, provider reachability and state permissions; print a fix for each problem.");
        command.SetAction(async (_, cancellationToken) =>
            Print(await DoctorChecks.RunAsync(ConfigLoadRequest.FromProcess(), cancellationToken), Console.Out));
        return command;
    }

    public static int Print(IReadOnlyList<DoctorFinding> findings, TextWriter output)
    {
        foreach (var finding in findings)
        {
            var mark = finding.Severity switch { DoctorSeverity.Ok => "ok  ", DoctorSeverity.Warning => "warn", _ => "FAIL" };
            output.WriteLine($"[{mark}] {finding.Check}: {finding.Detail}");
            if (finding.Fix is { } fix && finding.Severity != DoctorSeverity.Ok)
            {
                output.WriteLine($"       fix: {fix}");
            }
        }
        var errors = findings.Count(f => f.Severity == DoctorSeverity.Error);
        var warnings = findings.Count(f => f.Severity == DoctorSeverity.Warning);
        output.WriteLine(errors + warnings == 0 ? "All checks passed." : $"{errors} error(s), {warnings} warning(s).");
        return errors > 0 ? 1 : 0;
    }
}
