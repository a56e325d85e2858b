namespace MoltBot.Providers;

/// <summary>Defaults for a provider MoltBot knows by id; config may override the base URL.</summary>
/// <param name="KeyVariable">The environment variable that usually holds the key, for error messages.</param>
/// <param name="KeyRequired">False when a missing key means "use a token credential" (Azure).</param>
/// <param name="KnownModels">Well-known model ids, used for suggestions and <see cref="ModelInfo"/> defaults; not a whitelist.</param>
internal sealed record BuiltInProvider(
    string Id,
    string Api,
    string? BaseUrl,
    string KeyVariable,
    bool KeyRequired,
    IReadOnlyList<KnownModel> KnownModels);

internal sealed record KnownModel(string Id, int ContextWindow, int MaxTokens);
