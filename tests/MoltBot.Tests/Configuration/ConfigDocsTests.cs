using MoltBot.Configuration;
using MoltBot.Configuration.Schema;

namespace MoltBot.Tests.Configuration;

/// <summary>
/// <c>docs/configuration.md</c> must match <see cref="ConfigSchema"/>. To refresh the generated tables after changing the schema,
/// run this class with <c>MOLTBOT_UPDATE_DOCS=1</c>.
/// </summary>
public sealed class ConfigDocsTests
{
    private static readonly string DocPath = Path.Combine(RepoRoot(), "docs", "configuration.md");

    [Fact]
    public void Docs_EveryKey_IsDocumented()
    {
        var doc = File.ReadAllText(DocPath);

        Assert.All(ConfigSchema.Keys.Where(k => k.IsDocumented), k => Assert.Contains($"`{k.Path}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_EveryEnvironmentVariable_IsDocumented()
    {
        var doc = File.ReadAllText(DocPath);

        Assert.All(ConfigEnvironmentVariables.All, v => Assert.Contains($"`{v.Name}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_Json5Examples_AreValidConfigs()
    {
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var blocks = doc.Split("```json5\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();
        var environment = new Dictionary<string, string?> { ["LITELLM_KEY"] = "sk-litellm", [MoltBotPaths.StateDirVariable] = Path.GetTempPath() };
        var request = new ConfigLoadRequest(environment, new Dictionary<string, string>());

        Assert.NotEmpty(blocks);
        Assert.All(blocks, text => ConfigLoader.Load(request, MoltBotPaths.Resolve(environment), text));
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("sections")]
    [InlineData("environment")]
    public void Docs_GeneratedTables_MatchSchema(string name)
    {
        var expected = name switch
        {
            "keys" => ConfigReferenceMarkdown.KeysTable(),
            "sections" => ConfigReferenceMarkdown.SectionsList(),
            _ => ConfigReferenceMarkdown.EnvironmentTable(),
        };
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var begin = $"<!-- BEGIN GENERATED: {name} -->\n";
        var end = $"<!-- END GENERATED: {name} -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf(end, StringComparison.Ordinal);
        expected += "\n";
        Assert.True(start >= 0 && stop > start, $"docs/configuration.md needs the markers {begin.Trim()} and {end.Trim()}.");
        var actual = doc[(start + begin.Length)..stop];
        if (actual != expected && Environment.GetEnvironmentVariable("MOLTBOT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, doc[..(start + begin.Length)] + expected + doc[stop..]);
            return;
        }
        Assert.Equal(expected, actual);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MoltBot.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MoltBot.slnx not found above " + AppContext.BaseDirectory);
    }
}
