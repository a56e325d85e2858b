namespace MoltBot.Providers;

/// <summary>The providers MoltBot knows by id. Only those present in config (or env) are usable.</summary>
internal static class BuiltInProviders
{
    public const int DefaultContextWindow = 128_000;
    public const int DefaultMaxTokens = 4_096;
    public const string DefaultAzureApiVersion = "2024-10-21";
    public const string AnthropicVersion = "2023-06-01";

    public static readonly BuiltInProvider OpenRouter = new(
        "openrouter", ProviderApi.OpenAiCompletions, "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY", KeyRequired: true,
        [
            new("anthropic/claude-3.5-sonnet", 200_000, 8_192),
            new("anthropic/claude-sonnet-4", 200_000, 8_192),
            new("openai/gpt-4o", 128_000, 4_096),
            new("openai/gpt-4o-mini", 128_000, 4_096),
            new("google/gemini-2.0-flash-001", 1_000_000, 8_192),
        ]);

    public static readonly BuiltInProvider OpenAi = new(
        "openai", ProviderApi.OpenAiCompletions, "https://api.openai.com/v1", "OPENAI_API_KEY", KeyRequired: true,
        [
            new("gpt-4o", 128_000, 4_096),
            new("gpt-4o-mini", 128_000, 4_096),
            new("gpt-4.1", 1_047_576, 8_192),
            new("gpt-4.1-mini", 1_047_576, 8_192),
        ]);

    public static readonly BuiltInProvider Anthropic = new(
        "anthropic", ProviderApi.AnthropicMessages, "https://api.anthropic.com", "ANTHROPIC_API_KEY", KeyRequired: true,
        [
            new("claude-3-5-sonnet-latest", 200_000, 8_192),
            new("claude-3-5-haiku-latest", 200_000, 8_192),
            new("claude-sonnet-4-0", 200_000, 8_192),
            new("claude-opus-4-0", 200_000, 8_192),
        ]);

    /// <summary>Azure OpenAI: the base URL is the resource endpoint (<c>https://NAME.openai.azure.com</c>), model ids are deployment names.</summary>
    public static readonly BuiltInProvider AzureOpenAi = new(
        "azure-openai", ProviderApi.AzureOpenAi, BaseUrl: null, "AZURE_OPENAI_API_KEY", KeyRequired: false, []);

    public static readonly IReadOnlyList<BuiltInProvider> All = [OpenRouter, OpenAi, Anthropic, AzureOpenAi];

    public static BuiltInProvider? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}
