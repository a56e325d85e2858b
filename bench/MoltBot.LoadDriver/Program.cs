using System.Globalization;
using System.Runtime.InteropServices;
using MoltBot.LoadDriver;

// bench/run.sh publishes both builds and runs this; see docs/performance.md.
// Usage: MoltBot.LoadDriver --aot <binary> [--jit <binary>] [--openclaw <node>:<package dir>] [--only startup,memory,concurrency,size]
//        [--runs 10] [--idle 60] [--messages 1000] [--conversations 1000] [--out bench/results/latest.md]
var options = Options.Parse(args);
if (options.Targets.Count == 0)
{
    Console.Error.WriteLine("give at least one target: --aot <binary>, --jit <binary> (bench/run.sh publishes both), --openclaw <node>:<openclaw package dir>");
    return 2;
}

var report = new Report();
report.Add(new Measurement("machine", "-", "host speed at the start: sorting 1M integers (lower is faster)", HostSpeed.MeasureMs(), "ms"));
var workDir = Directory.CreateTempSubdirectory("moltbot-bench-").FullName;
try
{
    foreach (var target in options.Targets)
    {
        Console.WriteLine($"== {target.Build}");
        var scenarios = new Scenarios(target, report, workDir);
        if (options.Wants("size"))
        {
            scenarios.InstallSize();
        }
        if (options.Wants("startup"))
        {
            await scenarios.StartupAsync(options.Runs);
        }
        if (options.Wants("memory"))
        {
            await scenarios.MemoryAndOverheadAsync(options.IdleSeconds, options.Messages);
        }
        if (options.Wants("concurrency"))
        {
            await scenarios.ConcurrencyAsync(options.Conversations, messagesEach: 3, TimeSpan.FromMilliseconds(200));
        }
    }
}
finally
{
    Directory.Delete(workDir, recursive: true);
}

report.Add(new Measurement("machine", "-", "host speed at the end: sorting 1M integers (lower is faster)", HostSpeed.MeasureMs(), "ms"));
var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
    TimeProvider.System.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
await File.WriteAllTextAsync(options.Out, report.ToMarkdown(machine));
Console.WriteLine($"results written to {options.Out}");
return 0;

internal sealed record Options(
    List<Target> Targets, HashSet<string>? Only, int Runs, int IdleSeconds, int Messages, int Conversations, string Out)
{
    public bool Wants(string scenario) => Only is null || Only.Contains(scenario);

    public static Options Parse(string[] args)
    {
        var builds = new List<Target>();
        HashSet<string>? only = null;
        int runs = 10, idle = 60, messages = 1000, conversations = 1000;
        var output = "bench/results/latest.md";
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--aot": builds.Add(new MoltBotTarget("aot", Path.GetFullPath(value))); break;
                case "--jit": builds.Add(new MoltBotTarget("jit", Path.GetFullPath(value))); break;
                case "--openclaw" when value.Split(':') is [var node, var package]:
                    builds.Add(new OpenClawTarget(Path.GetFullPath(node), Path.GetFullPath(package)));
                    break;
                case "--only": only = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--idle": idle = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--messages": messages = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--conversations": conversations = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--out": output = value; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new Options(builds, only, runs, idle, messages, conversations, output);
    }
}
