using System.Net;
using MoltBot.Providers;

namespace MoltBot.Cli;

/// <summary>
/// Checks that a provider answers and accepts its key, with a cheap authenticated <c>GET …/models</c>
/// (no tokens spent). Managed-Identity Azure providers are not probed: that needs a token from Entra ID.
/// </summary>
internal static class DoctorProviderProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<DoctorFinding> ProbeAsync(ResolvedProvider provider, HttpClient http, CancellationToken cancellationToken)
    {
        var check = $"provider {provider.Id}";
        if (provider.Problem is { } problem)
        {
            return new(check, DoctorSeverity.Error, problem, "Fix the provider in moltbot.json or set its environment variable; see docs/configuration.md.");
        }
        if (provider.Api == ProviderApi.AzureOpenAi && provider.ApiKey is null)
        {
            return new(check, DoctorSeverity.Ok, $"{provider.BaseUrl} uses Managed Identity / Entra ID (not probed)");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, ModelsUri(provider));
        AddAuthentication(request, provider);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(check, DoctorSeverity.Error,
                    $"{provider.BaseUrl} rejected the key ({provider.KeyDescription}) with HTTP {(int)response.StatusCode}",
                    $"Check the key; it was read from {provider.ApiKey?.Source ?? "nowhere (no key is set)"}."),
                _ when response.IsSuccessStatusCode => new(check, DoctorSeverity.Ok, $"{provider.BaseUrl} is reachable ({provider.KeyDescription})"),
                _ => new(check, DoctorSeverity.Warning, $"{provider.BaseUrl} answered HTTP {(int)response.StatusCode} to GET models",
                    "The endpoint may not list models; if chats fail too, check models.providers." + provider.Id + ".baseUrl."),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new(check, DoctorSeverity.Error, $"cannot reach {provider.BaseUrl}: {(ex is OperationCanceledException ? "timed out" : ex.Message)}",
                $"Check the network and models.providers.{provider.Id}.baseUrl.");
        }
    }

    private static Uri ModelsUri(ResolvedProvider provider)
    {
        var baseUrl = provider.BaseUrl!.ToString().TrimEnd('/');
        return provider.Api switch
        {
            ProviderApi.AnthropicMessages => new Uri(baseUrl + "/v1/models"),
            ProviderApi.AzureOpenAi => new Uri($"{baseUrl}/openai/models?api-version={Uri.EscapeDataString(provider.ApiVersion)}"),
            _ => new Uri(baseUrl + "/models"),
        };
    }

    private static void AddAuthentication(HttpRequestMessage request, ResolvedProvider provider)
    {
        foreach (var (name, value) in provider.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (provider.ApiKey is not { } key)
        {
            return;
        }
        switch (provider.Api)
        {
            case ProviderApi.AnthropicMessages:
                request.Headers.TryAddWithoutValidation("x-api-key", key.Value);
                request.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
                break;
            case ProviderApi.AzureOpenAi:
                request.Headers.TryAddWithoutValidation("api-key", key.Value);
                break;
            default:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key.Value);
                break;
        }
    }
}
