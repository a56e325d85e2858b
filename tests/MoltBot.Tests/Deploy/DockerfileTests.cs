namespace MoltBot.Tests.Deploy;

/// <summary>
/// The Dockerfile's structure. No Docker engine runs in the tests, so this checks what a build and a container rely
/// on: the stages, what is copied (and that the build context holds it), the user, the environment and the entrypoint.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly List<(string Instruction, string Arguments)> Instructions = Parse(ReadDockerfile());

    public static string ReadDockerfile() => File.ReadAllText(Path.Combine(BicepCli.RepoRoot(), "Dockerfile"));

    [Fact]
    public void Dockerfile_HasAnSdkBuildStageAndARuntimeDepsStage()
    {
        var stages = Instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.Equal(2, stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.EndsWith(" AS build", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:10.0", stages[1], StringComparison.Ordinal);
        // Not chiseled: exec and skills need a shell in the cloud too.
        Assert.DoesNotContain("chiseled", stages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_BuildStage_PublishesTheAotGatewayWithItsToolchain()
    {
        var build = Stage(0);

        Assert.Contains(build, i => i.Instruction == "RUN" && i.Arguments.Contains("clang", StringComparison.Ordinal) && i.Arguments.Contains("zlib1g-dev", StringComparison.Ordinal));
        Assert.Contains(build, i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish src/MoltBot -c Release -r linux-x64", StringComparison.Ordinal) && i.Arguments.Contains("-o /app", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_RuntimeStage_CopiesTheBinaryAndSqliteNextToIt()
    {
        var copies = Stage(1).Where(i => i.Instruction == "COPY" && i.Arguments.StartsWith("--from=build", StringComparison.Ordinal)).Select(i => i.Arguments).ToList();

        Assert.Contains(copies, c => c.Contains("/app/moltbot ", StringComparison.Ordinal) && c.Contains("/app/libe_sqlite3.so", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_RuntimeStage_RunsAsNonRootWithNoShellEntrypoint()
    {
        var runtime = Stage(1);

        var user = runtime.Last(i => i.Instruction == "USER").Arguments;
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user.Split(':')[0]);
        Assert.Equal("[\"/app/moltbot\", \"gateway\"]", runtime.Single(i => i.Instruction == "ENTRYPOINT").Arguments);
        Assert.DoesNotContain(Instructions, i => i.Arguments.Contains(".sh", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_RuntimeStage_HasAShellForExecAndAPrivateStateFolder()
    {
        var runs = string.Join('\n', Stage(1).Where(i => i.Instruction == "RUN").Select(i => i.Arguments));

        Assert.Contains("--no-install-recommends", runs, StringComparison.Ordinal);
        Assert.Contains("rm -rf /var/lib/apt/lists/*", runs, StringComparison.Ordinal);
        Assert.Contains("chown 1654:1654 /data", runs, StringComparison.Ordinal);
        Assert.Contains("chmod 0700 /data", runs, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_RuntimeStage_ListensOnAllInterfacesWithStateInData()
    {
        var runtime = Stage(1);
        var env = string.Join(' ', runtime.Where(i => i.Instruction == "ENV").Select(i => i.Arguments));

        Assert.Contains("MOLTBOT_STATE_DIR=/data", env, StringComparison.Ordinal);
        Assert.Contains("MOLTBOT_GATEWAY_BIND=lan", env, StringComparison.Ordinal);
        Assert.Contains("MOLTBOT_GATEWAY_PORT=18789", env, StringComparison.Ordinal);
        Assert.Contains("MOLTBOT_LOG_FORMAT=json", env, StringComparison.Ordinal);
        Assert.Contains(runtime, i => i.Instruction == "EXPOSE" && i.Arguments == "18789");
        Assert.Contains(runtime, i => i.Instruction == "VOLUME" && i.Arguments.Contains("/data", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_HoldsNoSecret()
    {
        var env = Instructions.Where(i => i.Instruction is "ENV" or "ARG").Select(i => i.Arguments.ToUpperInvariant()).ToList();

        Assert.DoesNotContain(env, e => e.Contains("TOKEN", StringComparison.Ordinal) || e.Contains("API_KEY", StringComparison.Ordinal) || e.Contains("PASSWORD", StringComparison.Ordinal));
        Assert.DoesNotContain(Instructions, i => i.Instruction == "COPY" && i.Arguments.Contains("moltbot.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_EveryFileItCopies_IsInTheBuildContext()
    {
        var root = BicepCli.RepoRoot();
        var ignored = File.ReadAllLines(Path.Combine(root, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.TrimStart('*', '/').TrimEnd('/')).ToList();
        var sources = Instructions.Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            var path = Path.Combine(root, source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: not in the repository");
            Assert.DoesNotContain(ignored, pattern => source.TrimEnd('/').Split('/').Contains(pattern) || source.TrimEnd('/') == pattern);
        });
        // What MSBuild reads outside the project must reach the build stage.
        Assert.All(["global.json", "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt"], f => Assert.Contains(f, sources));
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputAndHistoryOut()
    {
        var ignored = File.ReadAllText(Path.Combine(BicepCli.RepoRoot(), ".dockerignore"));

        Assert.All(["artifacts/", "**/bin/", "**/obj/", ".git/", "tests/"], p => Assert.Contains(p, ignored, StringComparison.Ordinal));
    }

    private static List<(string Instruction, string Arguments)> Stage(int index)
    {
        var starts = Instructions.Select((i, n) => (i, n)).Where(x => x.i.Instruction == "FROM").Select(x => x.n).Append(Instructions.Count).ToList();
        return Instructions.GetRange(starts[index], starts[index + 1] - starts[index]);
    }

    /// <summary>Instructions with continuation lines joined and comments dropped.</summary>
    private static List<(string, string)> Parse(string text)
    {
        var result = new List<(string, string)>();
        var current = "";
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }
            current += line.TrimEnd('\\').Trim() + " ";
            if (!line.EndsWith('\\'))
            {
                var parts = current.Trim().Split(' ', 2);
                result.Add((parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""));
                current = "";
            }
        }
        return result;
    }
}
