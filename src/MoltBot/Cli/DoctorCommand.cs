using System.CommandLine;
using MoltBot.Configuration;
using MoltBot.Security.AuditChecks;

namespace MoltBot.Cli;

internal static class DoctorCommand
{
    public static Command Create(CliHost host)
    {
        var fix = new Option<bool>("--fix", "--repair") { Description = "Make the state private first: folders 0700, files 0600 (nothing else is changed)." };
        var command = new Command("doctor", "Check configuration, models, provider reachability and state permissions; print a fix for each problem.") { fix };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(fix))
            {
                FixStatePermissions(MoltBotPaths.Resolve(host.Environment), output);
            }
            return Print(await DoctorChecks.RunAsync(new ConfigLoadRequest(host.Environment, new Dictionary<string, string>()), cancellationToken), output);
        });
        return command;
    }

    /// <summary><c>--fix</c>: chmod each state path that others can read, and say so, before the checks run.</summary>
    public static void FixStatePermissions(MoltBotPaths paths, TextWriter output)
    {
        foreach (var problem in StatePermissions.Find(paths))
        {
            try
            {
                StatePermissions.Fix([problem]);
                output.WriteLine($"[fixed] state: {problem.Chmod}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                output.WriteLine($"[FAIL] state: could not {problem.Chmod}: {ex.Message}");
            }
        }
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
