using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;

namespace MoltBot.Security.Secrets;

/// <summary>
/// Reads Key Vault secrets over the REST API (<c>GET {uri}?api-version=7.4</c> with an Entra ID bearer token for
/// <c>https://vault.azure.net/.default</c>, e.g. from Managed Identity). Azure.Security.KeyVault.Secrets is not used:
/// one GET does not need its reflection-based serialization, and the gateway publishes as Native AOT.
/// Synchronous for the start-up read (the host is built synchronously), asynchronous for rotation.
/// </summary>
internal sealed class KeyVaultSecretClient(HttpClient http, Func<TokenCredential> credential)
{
    public const string Scope = "https://vault.azure.net/.default";
    public const string ApiVersion = "7.4";

    private static readonly TokenRequestContext TokenRequest = new([Scope]);

    /// <exception cref="KeyVaultException">The vault refused or the response was not a secret.</exception>
    public string Get(KeyVaultSecretUri secret, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Request(secret, credential().GetToken(TokenRequest, cancellationToken).Token);
            using var response = http.Send(request, cancellationToken);
            using var body = response.Content.ReadAsStream(cancellationToken);
            return Parse(secret, response, body);
        }
        catch (Exception e) when (e is HttpRequestException or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException or TaskCanceledException)
        {
            throw new KeyVaultException(secret, e.Message, e);
        }
    }

    public async Task<string> GetAsync(KeyVaultSecretUri secret, CancellationToken cancellationToken)
    {
        try
        {
            var token = await credential().GetTokenAsync(TokenRequest, cancellationToken);
            using var request = Request(secret, token.Token);
            using var response = await http.SendAsync(request, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return Parse(secret, response, body);
        }
        catch (Exception e) when (e is HttpRequestException or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new KeyVaultException(secret, e.Message, e);
        }
    }

    private static HttpRequestMessage Request(KeyVaultSecretUri secret, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(secret.SecretUri + "?api-version=" + ApiVersion));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static string Parse(KeyVaultSecretUri secret, HttpResponseMessage response, Stream body)
    {
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = JsonSerializer.Deserialize(body, KeyVaultJsonContext.Default.KeyVaultErrorEnvelope)?.Error;
                throw new KeyVaultException(secret, $"HTTP {(int)response.StatusCode}{(error is null ? "" : $" {error.Code}: {error.Message}")}", null) { StatusCode = (int)response.StatusCode };
            }
            return JsonSerializer.Deserialize(body, KeyVaultJsonContext.Default.KeyVaultSecretBundle)?.Value is { Length: > 0 } value
                ? value
                : throw new KeyVaultException(secret, "the response has no secret value", null);
        }
        catch (JsonException e)
        {
            throw new KeyVaultException(secret, response.IsSuccessStatusCode ? "the response is not a Key Vault secret" : $"HTTP {(int)response.StatusCode}", e) { StatusCode = (int)response.StatusCode };
        }
    }
}
