using System.Text.Json.Nodes;
using MoltBot.Cli;
using MoltBot.Configuration;
using MoltBot.Tests.Providers;

namespace MoltBot.Tests.Cli;

public sealed class ModelsListTests
{
    private static MoltBotConfig Config() => ProviderConfigs.WithAgents(
        ProviderConfigs.With(
            ("openrouter", new ProviderConfig { ApiKey = ProviderConfigs.Key("sk-or-very-secret", "env OPENROUTER_API_KEY") }),
            ("azure-openai", new ProviderConfig { BaseUrl = "https://contoso.openai.azure.com", Models = [new ModelDefinition { Id = "gpt4o-prod" }] }),
            ("openai", new ProviderConfig())),
        new ModelSelection { Primary = "openrouter/anthropic/claude-3.5-sonnet", Fallbacks = ["azure-openai/gpt4o-prod"] },
        new AgentEntry { Id = "work", Model = new ModelSelection { Primary = "openai/gpt-4o" } });

    [Fact]
    public void Write_Text_ShowsProvidersKeySourcesModelsAndAgentRoles()
    {
        using var output = new StringWriter();

        var exit = ModelsList.Write(Config(), output);

        var text = output.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("openrouter  openai-completions  https://openrouter.ai/api/v1  key: env OPENROUTER_API_KEY", text, StringComparison.Ordinal);
        Assert.Contains("azure-openai  azure-openai  https://contoso.openai.azure.com/  no key (Managed Identity)", text, StringComparison.Ordinal);
        Assert.Contains("openai  openai-completions  https://api.openai.com/v1  missing", text, StringComparison.Ordinal);
        Assert.Contains("openrouter/anthropic/claude-3.5-sonnet  context 200000  max 8192  <- primary of defaults", text, StringComparison.Ordinal);
        Assert.Contains("azure-openai/gpt4o-prod  context 128000  max 4096  <- fallback of defaults", text, StringComparison.Ordinal);
        Assert.Contains("work: primary openai/gpt-4o; fallbacks none", text, StringComparison.Ordinal);
        Assert.Contains("set OPENAI_API_KEY or models.providers.openai.apiKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-or-very-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Json_IsParseableAndRedacted()
    {
        using var output = new StringWriter();

        ModelsList.Write(Config(), output, json: true);

        var json = JsonNode.Parse(output.ToString())!;
        var openrouter = json["providers"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "openrouter")!;
        Assert.Equal("key: env OPENROUTER_API_KEY", openrouter["key"]!.GetValue<string>());
        Assert.Equal("defaults", json["agents"]![0]!["id"]!.GetValue<string>());
        Assert.Empty(json["agents"]![0]!["errors"]!.AsArray());
        Assert.DoesNotContain("sk-or-very-secret", output.ToString(), StringComparison.Ordinal);
    }
}
