using System.Diagnostics;
using System.Reflection;

namespace MoltBot.Tests.Deploy;

/// <summary>
/// The Bicep CLI from the <c>Azure.Bicep.CommandLine.linux-x64</c> NuGet package (its path is written into this
/// assembly by the csproj), run offline: <c>build</c> compiles to ARM JSON, <c>snapshot</c> evaluates a
/// <c>.bicepparam</c> into the resources a deployment would create.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string InfraDir { get; } = Path.Combine(RepoRoot(), "infra");

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MoltBot.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("MoltBot.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/>; returns exit code, stdout and stderr (where diagnostics go).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Offline and quiet: no telemetry, no version check.
        info.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Every <c>.bicep</c> file under <c>infra/</c> compiled once per test run (one process: the CLI takes seconds to
    /// start): the output folder of ARM JSON files and the diagnostics, one per line.
    /// </summary>
    public static Task<(string OutDir, int ExitCode, string Diagnostics)> BuildAllAsync() => BuildAll.Value;

    private static readonly Lazy<Task<(string, int, string)>> BuildAll = new(async () =>
    {
        var outDir = Directory.CreateTempSubdirectory("moltbot-arm-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(outDir, recursive: true);
        var (exitCode, stdout, stderr) = await RunAsync("build", "--pattern", Path.Combine(InfraDir, "**", "*.bicep"), "--outdir", outDir);
        return (outDir, exitCode, (stdout + stderr).Trim());
    });

    /// <summary>The compiled ARM JSON of <paramref name="relativePath"/> (e.g. <c>modules/alerts.bicep</c>).</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject> CompiledAsync(string relativePath)
    {
        var (outDir, _, diagnostics) = await BuildAllAsync();
        var json = Path.Combine(outDir, Path.ChangeExtension(relativePath, ".json"));
        Assert.True(File.Exists(json), $"bicep build produced no {json}:\n{diagnostics}");
        return System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsObject();
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        Assert.True(File.Exists(path), $"The Bicep CLI is not at {path}; `dotnet restore` fetches Azure.Bicep.CommandLine.linux-x64.");
        if (OperatingSystem.IsWindows() || CanRun(path))
        {
            return path;
        }
        // NuGet does not always keep the executable bit; run a private executable copy instead of changing the cache.
        var copy = Path.Combine(Directory.CreateTempSubdirectory("moltbot-bicep-").FullName, "bicep");
        File.Copy(path, copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return copy;
    }

    private static bool CanRun(string path)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            probe.StandardOutput.ReadToEnd();
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
