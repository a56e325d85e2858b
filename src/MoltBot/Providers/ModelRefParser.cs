using MoltBot.Configuration;

namespace MoltBot.Providers;

/// <summary>Validates model refs against the configured providers and explains what is wrong with the closest valid refs.</summary>
internal sealed class ModelRefParser(MoltBotConfig config)
{
    private const string Example = "openrouter/anthropic/claude-3.5-sonnet";

    private readonly Dictionary<string, ResolvedProvider> _providers =
        config.Models.Providers.ToDictionary(p => p.Key, p => ResolvedProvider.Resolve(p.Key, p.Value), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ResolvedProvider> Providers => _providers;

    public (ModelRef Ref, ResolvedProvider Provider) Parse(string modelRef)
    {
        var text = modelRef.Trim();
        if (text.Length == 0)
        {
            throw new ModelRefException($"Model ref is empty; use 'provider/model-id', e.g. '{Example}'.");
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || !IsProviderId(text[..slash]))
        {
            throw new ModelRefException(
                $"Model ref '{modelRef}' must look like 'provider/model-id' (e.g. '{Example}').{Suggest(text)}");
        }
        var providerId = text[..slash];
        var modelId = text[(slash + 1)..];
        if (!_providers.TryGetValue(providerId, out var provider))
        {
            throw new ModelRefException(UnknownProviderMessage(modelRef, providerId, text));
        }
        if (provider.Problem is not null)
        {
            throw new ModelRefException($"Model ref '{modelRef}' cannot be used: {provider.Problem}");
        }
        if (provider.BuiltIn is null && provider.Models.Count > 0 && !provider.Models.Any(m => m.Id == modelId))
        {
            var listed = string.Join(", ", provider.Models.Select(m => m.Id));
            throw new ModelRefException(
                $"Model '{modelId}' is not listed in models.providers.{providerId}.models ({listed}).{Suggest(text)}");
        }
        return (new ModelRef(providerId, modelId), provider);
    }

    /// <summary>Every ref we know to be valid: configured and well-known models of configured providers, plus the agents' refs.</summary>
    public IEnumerable<string> KnownRefs()
    {
        foreach (var (id, provider) in _providers)
        {
            foreach (var model in provider.Models)
            {
                yield return $"{id}/{model.Id}";
            }
            if (provider.BuiltIn is null && provider.Models.Count > 0)
            {
                continue;
            }
            foreach (var model in provider.BuiltIn?.KnownModels ?? [])
            {
                yield return $"{id}/{model.Id}";
            }
        }
        foreach (var selection in AgentSelections(config))
        {
            foreach (var r in ModelRouter.RefsOf(selection.Model))
            {
                if (r.IndexOf('/', StringComparison.Ordinal) > 0 && _providers.ContainsKey(r[..r.IndexOf('/', StringComparison.Ordinal)]))
                {
                    yield return r;
                }
            }
        }
    }

    /// <summary>The model selection of the defaults and of each listed agent, labelled.</summary>
    public static IEnumerable<(string Agent, ModelSelection Model)> AgentSelections(MoltBotConfig config)
    {
        yield return ("defaults", config.Agents.Defaults.Model);
        foreach (var agent in config.Agents.List)
        {
            yield return (agent.Id, agent.Model ?? config.Agents.Defaults.Model);
        }
    }

    private string UnknownProviderMessage(string modelRef, string providerId, string text)
    {
        var configured = _providers.Count == 0 ? "none" : string.Join(", ", _providers.Keys.Order(StringComparer.Ordinal));
        if (BuiltInProviders.Find(providerId) is { } builtIn)
        {
            var how = builtIn.Api == ProviderApi.AzureOpenAi
                ? $"add models.providers.{builtIn.Id} with baseUrl (and apiKey, or use a Managed Identity)"
                : $"set {builtIn.KeyVariable} or models.providers.{builtIn.Id}.apiKey";
            return $"Provider '{providerId}' in model ref '{modelRef}' is not configured: {how}. Configured providers: {configured}.";
        }
        var closeProviders = EditDistance.Closest(providerId, _providers.Keys.Concat(BuiltInProviders.All.Select(p => p.Id)));
        var refs = Suggest(text);
        var providers = refs.Length == 0 && closeProviders.Count > 0 ? $" Did you mean provider '{closeProviders[0]}'?" : "";
        return $"Unknown provider '{providerId}' in model ref '{modelRef}'.{refs}{providers} Configured providers: {configured}.";
    }

    private string Suggest(string text)
    {
        var candidates = KnownRefs().Concat(Repairs(text)).Where(c => c != text);
        var closest = EditDistance.Closest(text, candidates);
        return closest.Count == 0 ? "" : $" Did you mean {string.Join(" or ", closest.Select(c => $"'{c}'"))}?";
    }

    /// <summary>Likely intended spellings (<c>provider:model</c>, wrong case, spaces) whose provider is configured.</summary>
    private IEnumerable<string> Repairs(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        string[] variants = [colon > 0 ? text[..colon] + "/" + text[(colon + 1)..] : text, text.Replace(" ", "", StringComparison.Ordinal)];
        foreach (var variant in variants)
        {
            var slash = variant.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == variant.Length - 1)
            {
                continue;
            }
            var provider = variant[..slash].ToLowerInvariant();
            var model = variant[(slash + 1)..];
            if (_providers.TryGetValue(provider, out var p) && p.Problem is null
                && (p.BuiltIn is not null || p.Models.Count == 0 || p.Models.Any(m => m.Id == model)))
            {
                yield return $"{provider}/{model}";
            }
        }
    }

    private static bool IsProviderId(string id) => id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
