namespace MoltBot.Providers;

/// <summary>The wire protocols MoltBot speaks (<c>models.providers.&lt;id&gt;.api</c>).</summary>
internal static class ProviderApi
{
    public const string OpenAiCompletions = "openai-completions";
    public const string AnthropicMessages = "anthropic-messages";
    public const string AzureOpenAi = "azure-openai";

    public static readonly IReadOnlyList<string> All = [OpenAiCompletions, AnthropicMessages, AzureOpenAi];
}
