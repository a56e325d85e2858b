using MoltBot.Agent.Skills;

namespace MoltBot.Tests.Agent.Skills;

/// <summary>SKILL.md front matter in the shapes skills are written in, and the errors (with lines) for the ones that are broken.</summary>
public sealed class SkillDocumentTests
{
    private const string Path = "/skills/summarize-web/SKILL.md";

    [Fact]
    public void Parse_NameAndDescription_NoRequirements()
    {
        var skill = SkillDocument.Parse(Path, "---\nname: summarize-web\ndescription: Summarize any webpage the user sends.\n---\n# Steps\n1. web_fetch it\n");

        Assert.Equal(("summarize-web", "Summarize any webpage the user sends.", Path), (skill.Name, skill.Description, skill.FilePath));
        Assert.True(skill.Requirements.IsEmpty);
    }

    [Fact]
    public void Parse_OpenClawMetadata_OneLineJson()
    {
        var skill = SkillDocument.Parse(Path, """
            ---
            name: video-clip
            description: "Cut video clips: trims, joins."
            metadata: {"openclaw": {"emoji": "🎬", "requires": {"bins": ["ffmpeg"], "env": ["CLIP_TOKEN"]}, "os": ["linux", "darwin"]}}
            ---
            body
            """);

        Assert.Equal("Cut video clips: trims, joins.", skill.Description);
        Assert.Equal(["ffmpeg"], skill.Requirements.Bins);
        Assert.Equal(["CLIP_TOKEN"], skill.Requirements.Env);
        Assert.Equal(["linux", "darwin"], skill.Requirements.Os);
    }

    [Fact]
    public void Parse_OpenClawMetadata_JsonBlockOverSeveralLines_WithTrailingCommas()
    {
        var skill = SkillDocument.Parse(Path, """
            ---
            name: gh
            description: Work with GitHub issues and pull requests.
            metadata:
              {
                "clawdbot":
                  {
                    "requires": { "bins": ["gh"], "anyBins": ["git", "jj"] },
                    "always": true,
                  },
              }
            ---
            """);

        Assert.Equal(["gh"], skill.Requirements.Bins);
        Assert.Equal(["git", "jj"], skill.Requirements.AnyBins);
        Assert.True(skill.Requirements.Always);
    }

    [Fact]
    public void Parse_MetadataAsJsonString_LikeOpenClawWritesIt()
    {
        var skill = SkillDocument.Parse(Path, "---\nname: s\ndescription: d\nmetadata: '{\"openclaw\":{\"requires\":{\"env\":[\"A_KEY\"]}}}'\n---\n");

        Assert.Equal(["A_KEY"], skill.Requirements.Env);
    }

    [Fact]
    public void Parse_PlainMetadataRequires_BlockYaml()
    {
        var skill = SkillDocument.Parse(Path, """
            ---
            # a comment
            name: 'weather'
            description: >
              Current weather and forecasts
              for any city.
            metadata:
              requires:
                bins:
                  - curl
                  - jq
                env: [WEATHER_KEY]   # inline list, unquoted
                os: linux
            ---
            """);

        Assert.Equal("Current weather and forecasts for any city.", skill.Description);
        Assert.Equal(["curl", "jq"], skill.Requirements.Bins);
        Assert.Equal(["WEATHER_KEY"], skill.Requirements.Env);
        Assert.Equal(["linux"], skill.Requirements.Os);
    }

    [Fact]
    public void Parse_NoName_UsesTheFolderName_DescriptionOnSeveralLines()
    {
        var skill = SkillDocument.Parse(Path, "---\ndescription: first line\n  continues here\n---\n");

        Assert.Equal(("summarize-web", "first line continues here"), (skill.Name, skill.Description));
    }

    [Theory]
    [InlineData("# Just markdown\n", 1, "SKILL.md must start with front matter")]
    [InlineData("---\nname: x\ndescription: y\n", 1, "the front matter is not closed")]
    [InlineData("---\nname: x\ndescription: y\nthis line has no colon\n---\n", 4, "expected `key: value`, got 'this line has no colon'")]
    [InlineData("---\nname: x\n---\n", 1, "description is missing")]
    [InlineData("---\nname: x\ndescription:\n---\n", 3, "description is missing")]
    [InlineData("---\nname: has spaces\ndescription: y\n---\n", 2, "name 'has spaces' is not usable")]
    [InlineData("---\nname: x\ndescription: y\nmetadata: {\"openclaw\": {\"requires\": {\"bins\": [\"a\"}}}\n---\n", 4, "expected ',' or ']' in a list")]
    [InlineData("---\nname: x\ndescription: y\nmetadata:\n  {\n    \"openclaw\": {\n      \"requires\": {\"bins\": [\"a\" \"b\"]}\n    }\n  }\n---\n", 7, "in the {...}/[...] value: expected ',' or ']' in a list")]
    [InlineData("---\nname: x\ndescription: y\nmetadata:\n  requires:\n    bins: {a: b}\n---\n", 4, "requires.bins must be a list")]
    [InlineData("---\nname: x\nname: z\ndescription: y\n---\n", 3, "duplicate key 'name'")]
    [InlineData("---\nname: x\n  description: y\n---\n", 2, "name 'x description: y' is not usable")]
    public void Parse_Broken_SaysWhyAndWhere(string text, int line, string message)
    {
        var error = Assert.Throws<SkillFormatException>(() => SkillDocument.Parse(Path, text));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
