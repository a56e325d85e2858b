using MoltBot.Configuration;

namespace MoltBot.Providers;

/// <summary>A configured provider with built-in defaults filled in (api, base URL); <see cref="Problem"/> says why it cannot be used.</summary>
internal sealed record ResolvedProvider(
    string Id,
    string Api,
    Uri? BaseUrl,
    SecretValue? ApiKey,
    string ApiVersion,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<ModelDefinition> Models,
    BuiltInProvider? BuiltIn,
    string? Problem)
{
    /// <summary>Where the key comes from, safe to print: <c>key: env OPENROUTER_API_KEY</c>, <c>no key (Managed Identity)</c> or <c>missing</c>.</summary>
    public string KeyDescription => ApiKey is { } key ? $"key: {key.Source}"
        : Api == ProviderApi.AzureOpenAi ? "no key (Managed Identity)"
        : BuiltIn?.KeyRequired == true ? "missing"
        : "no key";

    public static ResolvedProvider Resolve(string id, ProviderConfig config)
    {
        var builtIn = BuiltInProviders.Find(id);
        var api = config.Api ?? builtIn?.Api ?? ProviderApi.OpenAiCompletions;
        var baseUrlText = config.BaseUrl ?? builtIn?.BaseUrl;
        var apiKey = config.ApiKey is { Value.Length: > 0 } k ? k : null;
        string? problem = null;
        Uri? baseUrl = null;
        if (!ProviderApi.All.Contains(api))
        {
            problem = $"models.providers.{id}.api '{api}' is not supported; use one of: {string.Join(", ", ProviderApi.All)}.";
        }
        else if (baseUrlText is null)
        {
            problem = api == ProviderApi.AzureOpenAi
                ? $"models.providers.{id}.baseUrl is missing; set it to your Azure OpenAI endpoint, e.g. https://NAME.openai.azure.com."
                : $"models.providers.{id}.baseUrl is missing; set it to the server's OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1.";
        }
        else if (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problem = $"models.providers.{id}.baseUrl '{baseUrlText}' is not an absolute http(s) URL.";
            baseUrl = null;
        }
        else if (apiKey is null && builtIn is { KeyRequired: true } && config.BaseUrl is null)
        {
            problem = $"Provider '{id}' has no API key: set {builtIn.KeyVariable} or models.providers.{id}.apiKey.";
        }
        return new ResolvedProvider(
            id, api, baseUrl, apiKey, config.ApiVersion ?? BuiltInProviders.DefaultAzureApiVersion,
            config.Headers, config.Models, builtIn, problem);
    }

    /// <summary>The context window and output budget for a model: config first, then the built-in table, then defaults.</summary>
    public (int ContextWindow, int MaxTokens) Limits(string modelId)
    {
        var configured = Models.FirstOrDefault(m => m.Id == modelId);
        var known = BuiltIn?.KnownModels.FirstOrDefault(m => m.Id == modelId);
        return (
            configured?.ContextWindow ?? known?.ContextWindow ?? BuiltInProviders.DefaultContextWindow,
            configured?.MaxTokens ?? known?.MaxTokens ?? BuiltInProviders.DefaultMaxTokens);
    }
}
