using System.ClientModel;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using OpenAI;

namespace MoltBot.Providers;

/// <summary>
/// Turns model refs (<c>provider/model-id</c>) into chat clients.
/// STUB: openai-completions only, no retry or failover; the providers feature replaces it.
/// </summary>
internal sealed class ModelRouter(MoltBotConfig config, TimeProvider timeProvider)
{
    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Parses and validates a ref; throws <see cref="ModelRefException"/> naming the closest valid refs.</summary>
    public ModelRef Parse(string modelRef)
    {
        var slash = modelRef.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == modelRef.Length - 1)
        {
            throw new ModelRefException($"Model ref '{modelRef}' must look like 'provider/model-id'.");
        }
        var provider = modelRef[..slash];
        if (!config.Models.Providers.ContainsKey(provider))
        {
            throw new ModelRefException($"Unknown provider '{provider}' in model ref '{modelRef}'.");
        }
        return new ModelRef(provider, modelRef[(slash + 1)..]);
    }

    public ModelInfo Describe(string modelRef)
    {
        var r = Parse(modelRef);
        var def = config.Models.Providers[r.Provider].Models.FirstOrDefault(m => m.Id == r.ModelId);
        return new ModelInfo(r, def?.ContextWindow ?? 128_000, def?.MaxTokens ?? 4_096);
    }

    /// <summary>A client that tries <paramref name="modelRefs"/> in order (primary first, then fallbacks).</summary>
    public IChatClient CreateClient(IReadOnlyList<string> modelRefs)
    {
        var r = Parse(modelRefs[0]);
        var provider = config.Models.Providers[r.Provider];
        var options = new OpenAIClientOptions();
        if (provider.BaseUrl is { } baseUrl)
        {
            options.Endpoint = new Uri(baseUrl);
        }
        return new OpenAI.Chat.ChatClient(r.ModelId, new ApiKeyCredential(provider.ApiKey?.Value ?? "none"), options).AsIChatClient();
    }
}

internal sealed record ModelRef(string Provider, string ModelId)
{
    public override string ToString() => $"{Provider}/{ModelId}";
}

internal sealed record ModelInfo(ModelRef Ref, int ContextWindow, int MaxTokens);

internal sealed class ModelRefException(string message) : Exception(message);
