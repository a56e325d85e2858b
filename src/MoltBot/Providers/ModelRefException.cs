namespace MoltBot.Providers;

/// <summary>A model ref that cannot be used: wrong shape, unknown or unconfigured provider, or a model the provider does not list.</summary>
internal sealed class ModelRefException(string message) : Exception(message);
