namespace MoltBot.Providers;

/// <summary>What the agent needs to know about a model: its context window and the default output-token budget.</summary>
internal sealed record ModelInfo(ModelRef Ref, int ContextWindow, int MaxTokens);
