using System.ClientModel.Primitives;
using Azure.Core;

namespace MoltBot.Providers.Azure;

/// <summary>
/// Microsoft Entra ID authentication (Managed Identity and friends): a bearer token for Cognitive Services, cached
/// until five minutes before it expires.
/// </summary>
internal sealed class AzureTokenPolicy(Func<TokenCredential> credential) : AuthenticationPolicy, IDisposable
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("Authorization", "Bearer " + GetToken(message.CancellationToken));
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("Authorization", "Bearer " + await GetTokenAsync(message.CancellationToken));
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    public void Dispose() => _gate.Dispose();

    private string GetToken(CancellationToken cancellationToken)
    {
        if (Cached() is { } token)
        {
            return token;
        }
        _gate.Wait(cancellationToken);
        try
        {
            return Store(credential().GetToken(new TokenRequestContext([Scope]), cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Cached() is { } token)
        {
            return token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Cached() ?? Store(await credential().GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Cached() => _token is { } cached && cached.ExpiresOn - RefreshMargin > TimeProvider.System.GetUtcNow() ? cached.Token : null;

    private string Store(AccessToken token)
    {
        _token = token;
        return token.Token;
    }
}
