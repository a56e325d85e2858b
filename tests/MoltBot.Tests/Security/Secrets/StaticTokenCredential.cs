using Azure.Core;

namespace MoltBot.Tests.Security.Secrets;

/// <summary>A credential that always returns one bearer token (what Managed Identity would hand the gateway), counting requests.</summary>
internal sealed class StaticTokenCredential(string token) : TokenCredential
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        Scopes = requestContext.Scopes;
        return new AccessToken(token, DateTimeOffset.MaxValue);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
