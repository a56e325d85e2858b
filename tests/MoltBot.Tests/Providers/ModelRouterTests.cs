using MoltBot.Configuration;
using MoltBot.Providers;

namespace MoltBot.Tests.Providers;

public sealed class ModelRouterTests
{
    private static readonly MoltBotConfig Config = ProviderConfigs.With(
        ("openrouter", new ProviderConfig { ApiKey = ProviderConfigs.Key("k", "env OPENROUTER_API_KEY") }),
        ("litellm", new ProviderConfig
        {
            BaseUrl = "http://127.0.0.1:4000/v1",
            Models = [new ModelDefinition { Id = "qwen2.5-coder", ContextWindow = 32_768, MaxTokens = 2_048 }, new ModelDefinition { Id = "llama3.3" }],
        }));

    private static ModelRouter Router => new(Config, TimeProvider.System);

    [Fact]
    public void Parse_ModelIdWithSlashes_SplitsAtFirstSlash()
    {
        var r = Router.Parse("openrouter/anthropic/claude-3.5-sonnet");

        Assert.Equal(new ModelRef("openrouter", "anthropic/claude-3.5-sonnet"), r);
    }

    [Fact]
    public void Parse_ColonInsteadOfSlash_SuggestsSlashForm()
    {
        var ex = Assert.Throws<ModelRefException>(() => Router.Parse("openrouter:anthropic/claude-3.5-sonnet"));

        Assert.Contains("must look like 'provider/model-id'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'openrouter/anthropic/claude-3.5-sonnet'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("openrouter/")]
    [InlineData("/gpt-4o")]
    [InlineData("  ")]
    public void Parse_WrongShape_Throws(string modelRef)
    {
        var ex = Assert.Throws<ModelRefException>(() => Router.Parse(modelRef));

        Assert.Contains("provider/model-id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspelledProvider_SuggestsClosestRefAndListsProviders()
    {
        var ex = Assert.Throws<ModelRefException>(() => Router.Parse("openruter/anthropic/claude-3.5-sonnet"));

        Assert.Contains("Unknown provider 'openruter'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'openrouter/anthropic/claude-3.5-sonnet'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Configured providers: litellm, openrouter.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BuiltInProviderWithoutKey_SaysWhichVariableToSet()
    {
        var ex = Assert.Throws<ModelRefException>(() => Router.Parse("openai/gpt-4o"));

        Assert.Contains("set OPENAI_API_KEY or models.providers.openai.apiKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CustomProviderUnlistedModel_SuggestsListedModel()
    {
        var ex = Assert.Throws<ModelRefException>(() => Router.Parse("litellm/qwen2.5-coderr"));

        Assert.Contains("not listed in models.providers.litellm.models", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Contains("Did you mean 'litellm/qwen2.5-coder'", StringComparison.Ordinal), ex.Message);
    }

    [Fact]
    public void Describe_ConfiguredModel_UsesConfigThenKnownThenDefaults()
    {
        Assert.Equal((32_768, 2_048), Limits(Router.Describe("litellm/qwen2.5-coder")));
        Assert.Equal((128_000, 4_096), Limits(Router.Describe("litellm/llama3.3")));
        Assert.Equal((200_000, 8_192), Limits(Router.Describe("openrouter/anthropic/claude-3.5-sonnet")));

        static (int, int) Limits(ModelInfo info) => (info.ContextWindow, info.MaxTokens);
    }

    [Fact]
    public void CreateClient_InvalidFallback_ThrowsBeforeAnyCall()
    {
        var ex = Assert.Throws<ModelRefException>(() => Router.CreateClient(["openrouter/openai/gpt-4o", "anthropic/claude-3-5-haiku-latest"]));

        Assert.Contains("ANTHROPIC_API_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AzureWithoutBaseUrl_SaysToSetEndpoint()
    {
        var router = new ModelRouter(ProviderConfigs.With(("azure-openai", new ProviderConfig())), TimeProvider.System);

        var ex = Assert.Throws<ModelRefException>(() => router.Parse("azure-openai/gpt4o"));

        Assert.Contains("models.providers.azure-openai.baseUrl is missing", ex.Message, StringComparison.Ordinal);
    }
}
