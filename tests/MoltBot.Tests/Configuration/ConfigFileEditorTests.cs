using MoltBot.Configuration;

namespace MoltBot.Tests.Configuration;

public sealed class ConfigFileEditorTests
{
    [Fact]
    public void Set_ExistingValue_ReplacesOnlyItsSpan()
    {
        const string text = "// my config\n{\n  gateway: {\n    port: 18789, // the port\n    /* keep */ bind: 'lan',\n  },\n}\n";

        var result = ConfigFileEditor.Set(text, "gateway.port", "8080");

        Assert.Equal(text.Replace("18789", "8080", StringComparison.Ordinal), result);
    }

    [Fact]
    public void Set_NewKeyInMultilineObject_InsertsAfterLastKeepingComment()
    {
        const string text = "{\n  gateway: {\n    port: 1 // note\n  }\n}";

        var result = ConfigFileEditor.Set(text, "gateway.bind", "\"lan\"");

        Assert.Equal("{\n  gateway: {\n    port: 1, // note\n    bind: \"lan\"\n  }\n}", result);
    }

    [Fact]
    public void Set_NewKeyAfterTrailingComma_KeepsTrailingCommaStyle()
    {
        const string text = "{\n  \"gateway\": {\n    \"port\": 1,\n  },\n}";

        var result = ConfigFileEditor.Set(text, "gateway.bind", "\"lan\"");

        Assert.Equal("{\n  \"gateway\": {\n    \"port\": 1,\n    \"bind\": \"lan\",\n  },\n}", result);
    }

    [Fact]
    public void Set_MissingParents_CreatesNestedObjects()
    {
        const string text = "{\n    \"gateway\": {\n        \"port\": 1\n    }\n}";

        var result = ConfigFileEditor.Set(text, "models.providers.azure-openai.apiKey", "\"k\"");

        Assert.Equal("{\n    \"gateway\": {\n        \"port\": 1\n    },\n    \"models\": {\n        \"providers\": {\n            \"azure-openai\": {\n                \"apiKey\": \"k\"\n            }\n        }\n    }\n}", result);
    }

    [Fact]
    public void Set_InlineObject_InsertsInline()
    {
        var result = ConfigFileEditor.Set("{ gateway: { port: 1 } }", "gateway.bind", "'lan'");

        Assert.Equal("{ gateway: { port: 1, bind: 'lan' } }", result);
    }

    [Fact]
    public void Set_EmptyObject_AddsIndentedMember()
    {
        var result = ConfigFileEditor.Set("{\n  gateway: {},\n}", "gateway.port", "1");

        Assert.Equal("{\n  gateway: {\n    port: 1\n  },\n}", result);
    }

    [Fact]
    public void Set_NoFile_CreatesObject()
    {
        var result = ConfigFileEditor.Set(null, "gateway.auth.token", "\"t\"");

        Assert.Equal("{\n  \"gateway\": {\n    \"auth\": {\n      \"token\": \"t\"\n    }\n  }\n}\n", result);
    }

    [Fact]
    public void Set_ListItems_EditsExistingAndAppendsNext()
    {
        const string text = "{\n  agents: {\n    list: [\n      { id: 'a' },\n    ],\n  },\n}";

        var edited = ConfigFileEditor.Set(text, "agents.list[0].identity.name", "'Molty'");
        var appended = ConfigFileEditor.Set(edited, "agents.list[1].id", "'b'");

        Assert.Equal("{\n  agents: {\n    list: [\n      { id: 'a', identity: {\n        name: 'Molty'\n      } },\n      {\n        id: 'b'\n      },\n    ],\n  },\n}", appended);
        Assert.Throws<ConfigException>(() => ConfigFileEditor.Set(text, "agents.list[5].id", "'x'"));
    }

    [Fact]
    public void Set_ThroughAScalar_IsRefused()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFileEditor.Set("{ gateway: 5 }", "gateway.port", "1"));

        Assert.Contains("'gateway' is integer", e.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_CrLfFile_KeepsCrLf()
    {
        var result = ConfigFileEditor.Set("{\r\n  gateway: {\r\n    port: 1\r\n  }\r\n}\r\n", "gateway.bind", "'lan'");

        Assert.Equal("{\r\n  gateway: {\r\n    port: 1,\r\n    bind: 'lan'\r\n  }\r\n}\r\n", result);
    }
}
